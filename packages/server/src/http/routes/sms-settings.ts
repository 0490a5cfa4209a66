import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getSmsSettings, setSmsSettings } from '../../channels/sms/set-sms-settings.ts';
import type { Deps } from '../../shared/deps.ts';
import { actorOf } from '../auth.ts';
import { errors } from '../schemas.ts';

const common = {
  provider: z
    .enum(['builtin', 'twilio'])
    .describe('builtin: kept in the database (demo); twilio: sent by Twilio'),
  accountSid: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/)
    .nullable(),
  fromNumber: z.string().min(1).max(32).nullable().describe('E.164 sender number or alphanumeric sender id'),
  messagingServiceSid: z
    .string()
    .regex(/^MG[0-9a-fA-F]{32}$/)
    .nullable(),
  transliterate: z.boolean().describe('Replace ’ « » ê ç œ… so that French messages stay in GSM-7'),
};

const settingsView = z.object({ ...common, authTokenSet: z.boolean() });
const settingsBody = z.object({
  ...common,
  authToken: z
    .string()
    .min(1)
    .max(200)
    .nullable()
    .optional()
    .describe('Omit to keep the stored token; never returned'),
});

export function smsSettingsRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/settings/channels/sms',
    {
      schema: {
        tags: ['settings'],
        summary: 'The SMS provider of the tenant (the auth token is never returned)',
        response: { 200: settingsView, ...errors(401, 403) },
      },
    },
    async (request) => getSmsSettings(deps, actorOf(request)),
  );
  api.put(
    '/settings/channels/sms',
    {
      schema: {
        tags: ['settings'],
        summary: 'Choose the SMS provider (built-in or Twilio) and its sender',
        body: settingsBody,
        response: { 200: settingsView, ...errors(400, 401, 403) },
      },
    },
    async (request) => setSmsSettings(deps, actorOf(request), request.body),
  );
}
