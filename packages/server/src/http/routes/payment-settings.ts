import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getPaymentSettings, setPaymentSettings } from '../../channels/payments/set-payment-settings.ts';
import type { Deps } from '../../shared/deps.ts';
import { actorOf } from '../auth.ts';
import { errors } from '../schemas.ts';

const provider = z
  .enum(['builtin', 'stripe'])
  .describe('builtin: the test card page (demo, no money moves); stripe: Stripe Checkout');

const settingsView = z.object({
  provider,
  stripeSecretKeySet: z.boolean(),
  stripeMode: z.enum(['test', 'live']).nullable().describe('Read from the key’s prefix'),
  stripeWebhookSecretSet: z.boolean(),
});

const settingsBody = z.object({
  provider,
  stripeSecretKey: z
    .string()
    .regex(/^(sk|rk)_(test|live)_[0-9A-Za-z_]{10,}$/)
    .nullable()
    .optional()
    .describe('sk_live_…, sk_test_… or a restricted rk_… key; omit to keep the stored one; never returned'),
  stripeWebhookSecret: z
    .string()
    .regex(/^whsec_[0-9A-Za-z_]{10,}$/)
    .nullable()
    .optional()
    .describe('The webhook endpoint’s signing secret (whsec_…); omit to keep the stored one; never returned'),
});

export function paymentSettingsRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/settings/payments',
    {
      schema: {
        tags: ['settings'],
        summary: 'The card-payment provider of the tenant (secrets are never returned)',
        response: { 200: settingsView, ...errors(401, 403) },
      },
    },
    async (request) => getPaymentSettings(deps, actorOf(request)),
  );
  api.put(
    '/settings/payments',
    {
      schema: {
        tags: ['settings'],
        summary:
          'Choose the card-payment provider (built-in or Stripe); Stripe’s webhook endpoint is ' +
          '/api/v1/webhooks/payments/stripe/{tenantId}',
        body: settingsBody,
        response: { 200: settingsView, ...errors(400, 401, 403) },
      },
    },
    async (request) => setPaymentSettings(deps, actorOf(request), request.body),
  );
}
