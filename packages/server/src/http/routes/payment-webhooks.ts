import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { renderCheckoutPage } from '../../channels/payments/builtin-checkout-page.ts';
import { PAYMENT_PROVIDERS, type PaymentProviderName } from '../../channels/payments/payment-provider.ts';
import type { Deps } from '../../shared/deps.ts';
import {
  type CheckoutAnswer,
  showBuiltinCheckout,
  submitBuiltinCheckout,
} from '../../use-cases/payments/attempts/builtin-checkout.ts';
import { receivePaymentWebhook } from '../../use-cases/payments/webhooks/receive-payment-webhook.ts';
import { errors, idParam } from '../schemas.ts';

const handledSchema = z.object({
  received: z.literal(true),
  duplicate: z.boolean().describe('This event id was received before: nothing was recorded again'),
  result: z
    .enum(['pending', 'processed', 'ignored', 'failed'])
    .describe('Where the event stands: pending until the queue books it, a second or so later'),
  detail: z.string().nullable(),
});

const html = { description: 'HTML page', content: { 'text/html': { schema: z.string() } } };

function answer(reply: FastifyReply, result: CheckoutAnswer): FastifyReply {
  if (result.kind === 'redirect') return reply.redirect(result.url, 303);
  return reply
    .code(result.status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .send(renderCheckoutPage(result.page));
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * Card providers' webhooks (no session: each is signed with the tenant's secret for that provider; the body
 * is kept as received, since the signature is over its bytes) and the built-in provider's card page.
 */
export function paymentWebhookRoutes(app: FastifyInstance, deps: Deps): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    const api = scope.withTypeProvider<ZodTypeProvider>();

    api.post(
      '/webhooks/payments/:provider/:tenantId',
      {
        config: { public: true },
        schema: {
          tags: ['webhooks'],
          summary:
            'A card provider’s event (Stripe: signed with Stripe-Signature), recorded once and answered at once; the queue books it',
          params: z.object({
            provider: z.enum(PAYMENT_PROVIDERS as [PaymentProviderName]),
            tenantId: idParam,
          }),
          response: { 200: handledSchema, ...errors(400, 403, 404) },
        },
      },
      async (request) => {
        const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const handled = await receivePaymentWebhook(deps, {
          provider: request.params.provider,
          tenantId: request.params.tenantId,
          rawBody,
          headers: request.headers,
        });
        return {
          received: true as const,
          duplicate: handled.duplicate,
          result: handled.result,
          detail: handled.detail,
        };
      },
    );

    api.get(
      '/pay/builtin/:attemptId',
      {
        config: { public: true },
        schema: {
          tags: ['payments'],
          summary: 'The built-in test provider’s card page (stands in for Stripe’s hosted Checkout)',
          params: z.object({ attemptId: idParam }),
          querystring: z.object({ session: z.string().max(4000).default('') }),
          response: { 200: html, 410: html },
        },
      },
      async (request, reply) =>
        answer(reply, await showBuiltinCheckout(deps, request.params.attemptId, request.query.session)),
    );

    api.post(
      '/pay/builtin/:attemptId',
      {
        config: { public: true },
        schema: {
          tags: ['payments'],
          summary:
            'The built-in card page’s form: test cards succeed (303 back to the payer’s side), decline or count as input errors',
          params: z.object({ attemptId: idParam }),
          response: { 402: html, 410: html, 422: html },
        },
      },
      async (request, reply) => {
        const form = new URLSearchParams(Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '');
        const fields = Object.fromEntries(form);
        return answer(
          reply,
          await submitBuiltinCheckout(deps, {
            attemptId: request.params.attemptId,
            token: text(fields.session),
            action: fields.action === 'cancel' ? 'cancel' : 'pay',
            card: { number: text(fields.number), expiry: text(fields.expiry), cvc: text(fields.cvc) },
          }),
        );
      },
    );
  });
}
