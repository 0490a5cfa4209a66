import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseForm } from '../../channels/voice/ivr/verify-ivr-signature.ts';
import type { Deps } from '../../shared/deps.ts';
import { handleIvrStep } from '../../use-cases/payments/ivr/handle-ivr-step.ts';
import { errors, idParam } from '../schemas.ts';
import { ivrAgentRoutes } from './ivr-agent.ts';
import { ivrBase, ivrForm, ivrQuery, ivrSteps, origin } from './ivr-shared.ts';

const twimlResponse = { description: 'TwiML', content: { 'text/xml': { schema: z.string() } } };

/**
 * The payment IVR's voice webhooks, compatible with Twilio (no session: each request is signed with the
 * tenant's Twilio auth token, or its built-in token for the demo), and the agents' routes around it.
 */
export function ivrWebhookRoutes(app: FastifyInstance, deps: Deps): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_req, body, done) => {
        done(null, parseForm(String(body)));
      },
    );
    const api = scope.withTypeProvider<ZodTypeProvider>();
    api.post(
      '/webhooks/ivr/:tenantId/:step',
      {
        config: { public: true },
        schema: {
          tags: ['webhooks'],
          summary: 'Payment IVR: a voice webhook step (Twilio TwiML; signed with X-Twilio-Signature)',
          description:
            'voice (the number’s incoming-call URL), reference, menu, amount, plan, plan-confirm, pay-result ' +
            '(<Pay> action), pay-status (<Pay> statusCallback), after-failure, status (the call status callback). ' +
            'A missing or wrong signature is refused with 403 and nothing is recorded.',
          params: z.object({ tenantId: idParam, step: z.enum(ivrSteps) }),
          querystring: ivrQuery,
          body: ivrForm,
          response: { 200: twimlResponse, ...errors(400, 403) },
        },
      },
      async (request, reply) => {
        const signature = request.headers['x-twilio-signature'];
        const twiml = await handleIvrStep(deps, {
          tenantId: request.params.tenantId,
          step: request.params.step,
          query: request.query,
          fields: request.body,
          url: `${origin(request)}${request.url}`,
          signature: typeof signature === 'string' ? signature : undefined,
          base: ivrBase(request, request.params.tenantId),
        });
        return reply.header('content-type', 'text/xml; charset=utf-8').send(twiml);
      },
    );
  });
  ivrAgentRoutes(app, deps);
}
