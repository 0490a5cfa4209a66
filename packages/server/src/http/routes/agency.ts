import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { closeRemittance } from '../../use-cases/agency/close-remittance.ts';
import { mandateTermsSchema } from '../../use-cases/agency/mandate-terms.ts';
import { listMandates, setMandate } from '../../use-cases/agency/mandates.ts';
import { listPlacements } from '../../use-cases/agency/placements.ts';
import {
  listRemittances,
  markRemittancePaid,
  remittancePdf,
  requeueRemittanceEmail,
} from '../../use-cases/agency/remittances.ts';
import { actorOf } from '../auth.ts';
import { creditorRefSchema, errors, idParam, isoDate, minor } from '../schemas.ts';

const mandateView = z.object({
  creditor: creditorRefSchema,
  terms: mandateTermsSchema,
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});

const placementView = z.object({
  placementId: z.string(),
  creditor: creditorRefSchema,
  label: z.string(),
  placedOn: isoDate,
  claimCount: z.number().int(),
  amountMinor: minor,
  currency: z.string(),
  createdAt: z.string(),
});

const remittanceView = z.object({
  remittanceId: z.string().describe('Empty for a draft (computed, not issued)'),
  creditor: creditorRefSchema,
  period: z.string().describe('2026-10 (monthly), 2026-10-F2 (fortnightly), 2026-W42 (weekly)'),
  periodStart: isoDate,
  periodEnd: isoDate,
  currency: z.string(),
  feeSettlement: z.enum(['deduct', 'invoice']),
  paymentCount: z.number().int(),
  collectedMinor: minor,
  commissionMinor: minor,
  vatMinor: minor,
  netMinor: minor.describe('What the agency remits to the client'),
  invoicedMinor: minor.describe('The fee billed apart (fee settlement "invoice"), VAT included'),
  dueOn: isoDate.describe('Period end + the mandate’s delay (CPCE R124-6: within a month)'),
  status: z.enum(['draft', 'issued', 'paid']),
  documentId: z.string().nullable(),
  issuedAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  email: z.object({
    status: z.enum(['none', 'planned', 'sending', 'sent', 'failed', 'unconfirmed']),
    to: z.string().nullable(),
    sentAt: z.string().nullable(),
    error: z.string().nullable(),
  }),
});

const remittanceLine = z.object({
  paymentId: z.string(),
  entry: z.enum(['charge', 'reversal']),
  bookedOn: isoDate,
  receivedOn: isoDate,
  receiptNumber: z.string(),
  method: z.string(),
  caseId: z.string(),
  debtorName: z.string(),
  invoices: z.array(z.string()).readonly(),
  collectedMinor: minor,
  commissionMinor: minor,
  vatMinor: minor,
  netMinor: minor,
  rates: z.array(z.string()).readonly(),
  steps: z.array(z.string()).readonly(),
});

/** Agency mode: mandates per client, placements, the statements of what is remitted (issue #7). */
export function agencyRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/mandates',
    {
      schema: {
        tags: ['agency'],
        summary: 'The agency’s mandates, one per client (CPCE R124-3)',
        response: { 200: z.object({ items: z.array(mandateView).readonly() }), ...errors(401, 403) },
      },
    },
    async (request) => ({ items: await listMandates(deps, actorOf(request)) }),
  );

  api.put(
    '/creditors/:creditorId/mandate',
    {
      schema: {
        tags: ['agency'],
        summary: 'Replace a client’s mandate (admin; audited)',
        description:
          'Commission: `{ "kind": "flat", "rate": "15" }`, by age of debt at placement or payment ' +
          '(`{ "kind": "age", "measuredAt": "placement", "bands": [{ "fromDays": 0, "rate": "10" }, …] }`) or by the ' +
          'claim’s amount (`{ "kind": "amount", "bands": [{ "fromMinor": 0, "rate": "20" }, …] }`); rates are percent ' +
          'as exact decimals. Remittance delay 0–30 days (R124-6). 409 for a tenant that is no agency.',
        params: z.object({ creditorId: idParam }),
        body: z.unknown(),
        response: { 200: mandateView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => setMandate(deps, actorOf(request), request.params.creditorId, request.body),
  );

  api.get(
    '/placements',
    {
      schema: {
        tags: ['agency'],
        summary: 'The batches of claims handed over by each client, newest first (vintage analysis)',
        querystring: z.object({ creditorId: idParam.optional() }),
        response: { 200: z.object({ items: z.array(placementView).readonly() }), ...errors(401, 403) },
      },
    },
    async (request) => ({
      items: await listPlacements(deps, actorOf(request), { creditorId: request.query.creditorId }),
    }),
  );

  api.get(
    '/remittances',
    {
      schema: {
        tags: ['agency'],
        summary: 'The remittance statements issued to clients, newest period first',
        querystring: z.object({
          creditorId: idParam.optional(),
          period: z.string().max(20).optional(),
          status: z.enum(['issued', 'paid']).optional(),
        }),
        response: { 200: z.object({ items: z.array(remittanceView).readonly() }), ...errors(401, 403) },
      },
    },
    async (request) => ({ items: await listRemittances(deps, actorOf(request), request.query) }),
  );

  api.post(
    '/remittances/close',
    {
      schema: {
        tags: ['agency'],
        summary: 'Close a remittance period: each client’s statement, with its PDF and e-mail (admin)',
        description:
          'Idempotent: closing a period again gives back the statements issued. `dryRun` computes them without ' +
          'issuing (status "draft"). 409 when the period has not ended or the tenant is no agency.',
        body: z.object({
          period: z.string().max(20),
          creditorId: idParam.optional(),
          dryRun: z.boolean().optional(),
        }),
        response: {
          200: z.object({
            period: z.object({ key: z.string(), frequency: z.string(), start: isoDate, end: isoDate }),
            statements: z
              .array(remittanceView.extend({ lines: z.array(remittanceLine).readonly() }))
              .readonly(),
          }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => closeRemittance(deps, actorOf(request), request.body),
  );

  api.get(
    '/remittances/:remittanceId/pdf',
    {
      schema: {
        tags: ['agency'],
        summary: 'A remittance statement as a PDF (the one issued; another language is rendered anew)',
        params: z.object({ remittanceId: idParam }),
        querystring: z.object({ language: z.enum(['fr', 'en']).optional() }),
        produces: ['application/pdf'],
        response: { 200: z.any(), ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await remittancePdf(
        deps,
        actorOf(request),
        request.params.remittanceId,
        request.query.language,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${file.fileName}"`)
        .send(Buffer.from(file.content));
    },
  );

  api.post(
    '/remittances/:remittanceId/paid',
    {
      schema: {
        tags: ['agency'],
        summary: 'Record that the statement’s net was paid to the client (admin; audited)',
        params: z.object({ remittanceId: idParam }),
        response: { 200: remittanceView, ...errors(401, 403, 404) },
      },
    },
    async (request) => markRemittancePaid(deps, actorOf(request), request.params.remittanceId),
  );

  api.post(
    '/remittances/:remittanceId/email',
    {
      schema: {
        tags: ['agency'],
        summary: 'Send the statement’s e-mail to the client again (admin; audited)',
        description:
          'For an e-mail that failed, or was interrupted while the SMTP server had it (`unconfirmed`: it may ' +
          'have left), or to send a copy: queued for the next pass, to the client’s address as it is now. ' +
          '409 `remittance_email_pending` while one is queued or sending; 400 `client_email_missing`.',
        params: z.object({ remittanceId: idParam }),
        response: { 200: remittanceView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => requeueRemittanceEmail(deps, actorOf(request), request.params.remittanceId),
  );
}
