import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { sendPaymentLink } from '../../use-cases/workspace/payment-link/send-payment-link.ts';
import { actorOf } from '../auth.ts';
import { errors, idParam } from '../schemas.ts';

const sentLink = z.object({
  actionId: z.string(),
  channel: z.enum(['sms', 'email']),
  status: z.string().describe("The outbox status: 'planned' until the dispatcher's next pass, then 'sent'…"),
  scheduledAt: z.string().nullable(),
  repeated: z
    .boolean()
    .describe('True: the same link was asked in the last five minutes; that message is answered'),
});

/** Payment during the call: the debtor asks for the payment link by SMS or e-mail (issue #5). */
export function paymentLinkRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/cases/:caseId/payment-link',
    {
      schema: {
        tags: ['workspace'],
        summary:
          'Send the debtor the payment link now, by SMS or e-mail (201; 200 for a repeat within 5 minutes)',
        description:
          'One outbox action (templates payment-link-sms / payment-link-email: the balance and payment.link), ' +
          'purpose confirmation, due at once; the compliance gate still decides at send time. ' +
          'The payment page behind the link is issue #6.',
        params: z.object({ caseId: idParam }),
        body: z.object({ channel: z.enum(['sms', 'email']) }),
        response: { 200: sentLink, 201: sentLink, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const sent = await sendPaymentLink(deps, actorOf(request), request.params.caseId, request.body.channel);
      return reply.code(sent.repeated ? 200 : 201).send(sent);
    },
  );
}
