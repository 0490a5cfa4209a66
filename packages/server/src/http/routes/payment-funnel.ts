import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { paymentFunnel } from '../../use-cases/payments/funnel.ts';
import { actorOf } from '../auth.ts';
import { errors, isoDate } from '../schemas.ts';

const channel = z.enum(['portal', 'ivr', 'agent']);
const counts = {
  started: z.number().int().describe('Attempts begun'),
  completed: z.number().int().describe('Paid'),
  failed: z.number().int().describe('Refused by the provider and not paid since'),
  abandoned: z.number().int().describe('Cancelled, hung up or expired'),
  open: z.number().int().describe('Still under way'),
  inputErrors: z.number().int().describe('Mistakes keyed (card number, expiry, IVR reference…)'),
  attemptsWithInputErrors: z.number().int(),
};

const funnelSchema = z.object({
  from: isoDate,
  to: isoDate,
  timeZone: z.string(),
  days: z.array(z.object({ day: isoDate, channel, ...counts })).readonly(),
  channels: z.array(z.object({ channel, ...counts })).readonly(),
  total: z.object(counts),
});

export function paymentFunnelRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/payments/funnel',
    {
      schema: {
        tags: ['payments'],
        summary: 'The payment funnel by day and channel: started, completed, failed, abandoned, input errors',
        querystring: z.object({
          from: isoDate
            .optional()
            .describe('First day (the tenant’s calendar); 30 days before `to` by default'),
          to: isoDate.optional().describe('Last day, included; today by default'),
        }),
        response: { 200: funnelSchema, ...errors(400, 401, 403) },
      },
    },
    async (request) => paymentFunnel(deps, actorOf(request), request.query),
  );
}
