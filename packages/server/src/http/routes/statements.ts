import { readFile, rm } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { ignoreStatementLine } from '../../use-cases/payments/statements/ignore-statement-line.ts';
import { importStatement } from '../../use-cases/payments/statements/import-statement.ts';
import { listStatementImports } from '../../use-cases/payments/statements/list-statement-imports.ts';
import { listStatementLines } from '../../use-cases/payments/statements/list-statement-lines.ts';
import { matchStatementLine } from '../../use-cases/payments/statements/match-statement-line.ts';
import { actorOf, requireRoutePermission } from '../auth.ts';
import { requestLocale } from '../locale.ts';
import { errors, idParam, minor } from '../schemas.ts';
import { receiveUpload } from '../uploads.ts';

const statusSchema = z.enum(['matched', 'review', 'ambiguous', 'unmatched', 'ignored', 'reversal']);
const statusCounts = z.object({
  matched: z.number().int(),
  review: z.number().int(),
  ambiguous: z.number().int(),
  unmatched: z.number().int(),
  ignored: z.number().int(),
  reversal: z.number().int(),
});

const importSummary = z.object({
  importId: z.string().nullable().describe('Null when every line was already imported: nothing was written'),
  fileName: z.string(),
  format: z.enum(['camt.053', 'camt.054', 'cfonb120']),
  version: z.string().nullable(),
  lineCount: z.number().int(),
  newCount: z.number().int(),
  knownCount: z.number().int(),
  statuses: statusCounts,
  booked: z.number().int(),
  reversed: z.number().int(),
  warningCount: z.number().int(),
});

const importView = z.object({
  importId: z.string(),
  fileName: z.string(),
  format: z.string(),
  version: z.string().nullable(),
  messageId: z.string().nullable(),
  importedAt: z.string(),
  importedBy: z.string(),
  lineCount: z.number().int(),
  newCount: z.number().int(),
  matchedCount: z.number().int(),
  reviewCount: z.number().int(),
  warningCount: z.number().int(),
  statuses: statusCounts.describe('Where the lines stand now'),
});

const candidate = z.object({
  caseId: z.string(),
  debtorName: z.string().nullable(),
  outstandingMinor: minor.nullable(),
  currency: z.string().nullable(),
  confidence: z.number().int().min(0).max(100),
  rule: z.enum(['rf_reference', 'invoice_number', 'issued_reference', 'amount_name', 'amount_only']),
  reason: z.string().describe('Why this case, in the caller’s language'),
  claimIds: z.array(z.string()).readonly(),
});

const lineView = z.object({
  lineId: z.string(),
  importId: z.string(),
  bookingDate: z.string().nullable(),
  valueDate: z.string().nullable(),
  amountMinor: minor,
  currency: z.string(),
  direction: z.enum(['credit', 'debit']),
  reversal: z.boolean(),
  payerName: z.string().nullable(),
  payerAccount: z.string().nullable(),
  remittance: z.string().nullable(),
  endToEndId: z.string().nullable(),
  creditorReference: z.string().nullable(),
  returnReason: z.string().nullable(),
  status: statusSchema,
  caseId: z.string().nullable(),
  confidence: z.number().int().nullable(),
  reasonCode: z.string().nullable(),
  reason: z.string().nullable().describe('Where the line stands and why, in the caller’s language'),
  candidates: z.array(candidate).readonly(),
  paymentId: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});

/** Bank statements: imported, matched to cases, and the lines the rules left for a person. */
export function statementRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/statements/imports',
    {
      // Checked before the upload is read: a caller who may not import sends nothing to disk.
      onRequest: requireRoutePermission('imports:run'),
      schema: {
        tags: ['statements'],
        summary:
          'Import a bank statement (CAMT.053, CAMT.054 or CFONB 120; the format read from the content)',
        description:
          'multipart/form-data: `file`. Each booking is recorded once (a re-import or an overlapping statement ' +
          'adds nothing), credits are matched to cases (RF reference, invoice number, an id Relance issued, ' +
          'amount and name) and those the rules are sure of booked; returns reverse the payment they name. ' +
          '201 with the counts; 422 for a file that is no statement, nothing written.',
        consumes: ['multipart/form-data'],
        response: { 201: importSummary, ...errors(400, 401, 403, 413, 422) },
      },
    },
    async (request, reply) => {
      const upload = await receiveUpload(request, deps.dataDir);
      try {
        const bytes = await readFile(upload.path);
        const {
          file: _file,
          lines: _lines,
          durationMs: _ms,
          ...summary
        } = await importStatement(deps, actorOf(request), { fileName: upload.fileName, bytes });
        return reply.code(201).send(summary);
      } finally {
        await rm(upload.path, { force: true });
      }
    },
  );

  api.get(
    '/statements/imports',
    {
      schema: {
        tags: ['statements'],
        summary: 'The bank statements imported, newest first, with their counts',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).optional() }),
        response: { 200: z.object({ imports: z.array(importView).readonly() }), ...errors(401, 403) },
      },
    },
    async (request) => ({ imports: await listStatementImports(deps, actorOf(request), request.query) }),
  );

  api.get(
    '/statements/lines',
    {
      schema: {
        tags: ['statements'],
        summary:
          'Statement lines by status: by default those left for a person (review, ambiguous, unmatched)',
        querystring: z.object({
          status: statusSchema.optional(),
          importId: idParam.optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
        response: {
          200: z.object({
            lines: z.array(lineView).readonly(),
            toFinish: z.object({
              review: z.number().int(),
              ambiguous: z.number().int(),
              unmatched: z.number().int(),
            }),
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (request) => listStatementLines(deps, actorOf(request), request.query, requestLocale(request)),
  );

  api.post(
    '/statements/lines/:lineId/match',
    {
      schema: {
        tags: ['statements'],
        summary: 'Book a line on the case a person chose (the journal says a person matched it)',
        description:
          'Booked once per line; `designatedClaimIds` (the claims paid first) defaults to the invoices the ' +
          'transfer named. 409 when the line is already settled.',
        params: z.object({ lineId: idParam }),
        body: z.object({
          caseId: idParam,
          designatedClaimIds: z.array(idParam).max(500).optional(),
        }),
        response: {
          200: z.object({
            lineId: z.string(),
            caseId: z.string(),
            paymentId: z.string(),
            caseOutstandingMinor: minor,
          }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => matchStatementLine(deps, actorOf(request), request.params.lineId, request.body),
  );

  api.post(
    '/statements/lines/:lineId/ignore',
    {
      schema: {
        tags: ['statements'],
        summary: 'Set a line aside, saying why (an internal transfer, a refund…): nothing is booked',
        params: z.object({ lineId: idParam }),
        body: z.object({ reason: z.string().trim().min(2).max(300) }),
        response: { 200: z.object({ lineId: z.string() }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ignoreStatementLine(deps, actorOf(request), request.params.lineId, request.body),
  );
}
