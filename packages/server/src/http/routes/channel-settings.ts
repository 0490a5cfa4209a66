import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getEmailSettings, setEmailSettings } from '../../channels/email/set-email-settings.ts';
import type { Deps } from '../../shared/deps.ts';
import { actorOf } from '../auth.ts';
import { errors } from '../schemas.ts';

const common = {
  host: z.string().min(1).max(255),
  port: z.number().int().min(1).max(65535),
  security: z
    .enum(['tls', 'starttls', 'opportunistic', 'none'])
    .describe(
      'tls: implicit TLS (465); starttls: STARTTLS required; opportunistic: when offered; none: plain',
    ),
  user: z.string().min(1).max(255).nullable(),
  fromName: z.string().min(1).max(200).nullable(),
  fromAddress: z.string().min(3).max(255),
  replyTo: z.string().min(3).max(255).nullable(),
  readReceipt: z
    .boolean()
    .describe('Ask for a read receipt (Disposition-Notification-To, Return-Receipt-To)'),
};

const settingsView = z.object({
  ...common,
  passwordSet: z.boolean(),
  source: z.enum(['tenant', 'environment', 'none']).describe('environment: RELANCE_SMTP_URL of the server'),
});

export function channelSettingsRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/settings/channels/email',
    {
      schema: {
        tags: ['settings'],
        summary: 'The SMTP server e-mails leave through (the password is never returned); null when none',
        response: { 200: settingsView.nullable(), ...errors(401, 403) },
      },
    },
    async (request) => getEmailSettings(deps, actorOf(request)),
  );
  api.put(
    '/settings/channels/email',
    {
      schema: {
        tags: ['settings'],
        summary: 'Set the tenant’s SMTP server, sender and read-receipt request',
        body: z.object({
          ...common,
          password: z.string().max(500).nullable().optional().describe('Omit to keep the stored password'),
        }),
        response: { 200: settingsView, ...errors(400, 401, 403) },
      },
    },
    async (request) => setEmailSettings(deps, actorOf(request), request.body),
  );
}
