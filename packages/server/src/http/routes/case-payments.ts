import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { requirePermission } from '../../use-cases/access/permissions.ts';
import { listCasePayments, openReceipt } from '../../use-cases/payments/list-case-payments.ts';
import { recordPayment } from '../../use-cases/payments/record-payment.ts';
import { reversePayment } from '../../use-cases/payments/reverse-payment.ts';
import { actorOf } from '../auth.ts';
import { requestLocale } from '../locale.ts';
import { errors, idParam, isoDate, minor } from '../schemas.ts';

const lineSchema = z.object({
  claimId: z.string().nullable(),
  invoiceNumber: z.string().nullable(),
  part: z.enum(['interest', 'fees', 'principal', 'credit']),
  amountMinor: minor,
  rule: z.string(),
});

const paymentSchema = z.object({
  paymentId: z.string(),
  amountMinor: minor,
  currency: z.string(),
  method: z.string(),
  channel: z.string(),
  provider: z.string().nullable(),
  receivedOn: z.string(),
  status: z.enum(['booked', 'reversed']),
  reference: z.string().nullable(),
  payerName: z.string().nullable(),
  creditMinor: minor,
  receiptNumber: z.string(),
  receiptDocumentId: z
    .string()
    .nullable()
    .describe(
      'Set once the receipt PDF was made (its e-mail left, or someone opened it: GET /payments/{id}/receipt)',
    ),
  recordedAt: z.string(),
  reversedAt: z.string().nullable(),
  reversalReason: z.string().nullable(),
  lines: z.array(lineSchema).readonly(),
  explanation: z
    .array(z.string())
    .readonly()
    .describe('Why each cent went where it went, in the caller’s language'),
});

const recorded = z.object({
  paymentId: z.string(),
  repeated: z.boolean().describe('True: that idempotency key was already booked; nothing changed'),
  amountMinor: minor,
  creditMinor: minor,
  settledClaimIds: z.array(z.string()).readonly(),
  caseOutstandingMinor: minor,
  receiptActionId: z.string().nullable(),
});

/** Payments of a case: listed with their allocation, entered by hand (a cheque, cash, a transfer seen), reversed. */
export function casePaymentRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/cases/:caseId/payments',
    {
      schema: {
        tags: ['payments'],
        summary: 'The payments of a case, newest first, with where each cent went and why',
        params: z.object({ caseId: idParam }),
        response: {
          200: z.object({
            caseId: z.string(),
            currency: z.string(),
            paidMinor: minor,
            creditMinor: minor,
            payments: z.array(paymentSchema).readonly(),
          }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (request) =>
      listCasePayments(deps, actorOf(request), request.params.caseId, requestLocale(request)),
  );

  api.post(
    '/cases/:caseId/payments',
    {
      schema: {
        tags: ['payments'],
        summary: 'Record a payment received outside Relance (cheque, cash, a transfer seen on the account)',
        description:
          'Allocated at once (the debtor’s designation, then interest and fees before principal, C. civ. 1342-10 ' +
          'and 1343-1), the ladder decided, a receipt queued. Send an `idempotencyKey` (or the Idempotency-Key ' +
          'header): a retry with the same key books nothing more (200 with repeated: true).',
        params: z.object({ caseId: idParam }),
        body: z.object({
          amountMinor: minor.positive(),
          currency: z.string().regex(/^[A-Z]{3}$/),
          method: z.enum(['card', 'transfer', 'direct_debit', 'cheque', 'cash', 'other']),
          receivedOn: isoDate,
          reference: z.string().max(200).optional(),
          payerName: z.string().max(200).optional(),
          designatedClaimIds: z.array(idParam).max(500).optional(),
          idempotencyKey: z.string().min(8).max(100).optional(),
        }),
        response: { 200: recorded, 201: recorded, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const header = request.headers['idempotency-key'];
      const key = request.body.idempotencyKey ?? (typeof header === 'string' ? header : randomUUID());
      const { idempotencyKey: _, ...body } = request.body;
      const actor = actorOf(request);
      const paid = await recordPayment(deps, actor, {
        caseId: request.params.caseId,
        ...body,
        channel: actor.kind === 'api_key' ? 'api' : 'manual',
        provider: null,
        sourceKey: `manual:${key}`,
      });
      return reply.code(paid.repeated ? 200 : 201).send(paid);
    },
  );

  api.get(
    '/payments/:paymentId/receipt',
    {
      schema: {
        tags: ['payments'],
        summary: 'The receipt (quittance, R124-6) of a payment, as a PDF — made on first request, then kept',
        params: z.object({ paymentId: idParam }),
        querystring: z.object({ language: z.enum(['fr', 'en']).optional() }),
        produces: ['application/pdf'],
        response: { 200: z.any(), ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const receipt = await openReceipt(
        deps,
        actorOf(request),
        request.params.paymentId,
        request.query.language,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${receipt.fileName}"`)
        .send(Buffer.from(receipt.content));
    },
  );

  api.post(
    '/payments/:paymentId/reverse',
    {
      schema: {
        tags: ['payments'],
        summary:
          'Undo a payment (returned, charged back, entered by mistake): its claims reopen, the ladder resumes',
        params: z.object({ paymentId: idParam }),
        body: z.object({ reason: z.string().trim().min(2).max(300) }),
        response: {
          200: z.object({
            paymentId: z.string(),
            repeated: z.boolean(),
            caseId: z.string(),
            caseOutstandingMinor: minor,
          }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requirePermission(actor, 'portfolio:write');
      return reversePayment(deps, actor, {
        paymentId: request.params.paymentId,
        reason: request.body.reason,
      });
    },
  );
}
