import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { publicUrl } from '../../channels/sms/sms-environment.ts';
import { apiPrefix } from '../paths.ts';
import { localeSchema } from '../schemas.ts';

/** The IVR's steps, their URL state and form, and its address: shared by its webhook and agent routes. */
export const ivrSteps = [
  'voice',
  'reference',
  'menu',
  'amount',
  'plan',
  'plan-confirm',
  'pay-result',
  'pay-status',
  'after-failure',
  'status',
] as const;

/** The state a step's URL carries (Twilio signs it with the rest). */
export const ivrQuery = z.object({
  lang: localeSchema.optional(),
  try: z.coerce.number().int().min(1).max(9).optional(),
  count: z.coerce.number().int().min(1).max(120).optional(),
  transfer: z
    .string()
    .regex(/^\d{6}$/)
    .optional()
    .describe('An agent’s transfer code, when the telephony forwards the call to this URL'),
});

export const ivrForm = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/** The public address of this server as Twilio reaches it: RELANCE_PUBLIC_URL, else this request's own origin. */
export function origin(request: FastifyRequest): string {
  return publicUrl() ?? `${request.protocol}://${request.host}`;
}

/** The tenant's IVR address: `<origin>/api/v1/webhooks/ivr/<tenant>`; each step is a path below it. */
export function ivrBase(request: FastifyRequest, tenantId: string): string {
  return `${origin(request)}${apiPrefix}/webhooks/ivr/${encodeURIComponent(tenantId)}`;
}
