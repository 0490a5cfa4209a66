import { DomainError } from '@relance/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { attachProof } from '../../use-cases/letters/attach-proof.ts';
import { buildPrintBatch } from '../../use-cases/letters/build-print-batch.ts';
import { importTracking } from '../../use-cases/letters/import-tracking.ts';
import { requireLetterAccess } from '../../use-cases/letters/letter-access.ts';
import { listPostalItems } from '../../use-cases/letters/postal-items.ts';
import { listPrintBatches, readPrintBatchFile } from '../../use-cases/letters/print-batches.ts';
import { trackedStatuses, updatePostalItem } from '../../use-cases/letters/update-postal-item.ts';
import { actorOf } from '../auth.ts';
import { errors, idParam, isoDate, localizedSchema } from '../schemas.ts';

const postalStatus = z.enum(['to_print', 'printed', 'posted', 'delivered', 'returned', 'unclaimed']);
const postalItem = z.object({
  itemId: z.string(),
  caseId: z.string(),
  debtorName: z.string(),
  kind: z.enum(['letter', 'registered_letter', 'formal_notice']),
  reference: z.string(),
  status: postalStatus,
  statusOn: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  batchId: z.string().nullable(),
  documentId: z.string().describe('The letter as produced: GET /documents/{documentId}'),
  proofDocumentId: z.string().nullable(),
  createdAt: z.string(),
});
const printBatch = z.object({
  batchId: z.string(),
  on: z.string(),
  letters: z.number().int(),
  createdAt: z.string(),
});

function attachment(reply: FastifyReply, file: { fileName: string; mediaType: string; content: Buffer }) {
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`)
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}

/** Letters on paper: the print batches, and each letter's posting, tracking and proof of receipt. */
export function letterRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const batchParams = z.object({ batchId: idParam });
  const itemParams = z.object({ itemId: idParam });

  api.get(
    '/print-batches',
    {
      schema: {
        tags: ['letters'],
        summary: 'The print batches, the latest first',
        response: { 200: z.object({ items: z.array(printBatch).readonly() }), ...errors(401, 403) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      requireLetterAccess(actor, 'read');
      return { items: await listPrintBatches(deps, actor) };
    },
  );

  api.post(
    '/print-batches',
    {
      schema: {
        tags: ['letters'],
        summary: 'Build today’s print batch from the letters waiting to be printed',
        description:
          'One PDF (each letter starting on a front side, for duplex printing) and a manifest CSV. 201 with the batch; 200 with `batch: null` when no letter is waiting.',
        body: z.object({ on: isoDate.optional() }).optional(),
        response: {
          200: z.object({ batch: z.null() }),
          201: z.object({
            batch: z.object({
              batchId: z.string(),
              on: z.string(),
              letters: z.number().int(),
              pages: z.number().int(),
            }),
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      requireLetterAccess(actor, 'write');
      const made = await buildPrintBatch(
        deps,
        actor.tenantId,
        request.body?.on ? { on: request.body.on } : {},
      );
      if (!made) return reply.code(200).send({ batch: null });
      return reply
        .code(201)
        .send({ batch: { batchId: made.batchId, on: made.on, letters: made.letters, pages: made.pages } });
    },
  );

  for (const [suffix, file] of [
    ['letters.pdf', 'letters'],
    ['manifest.csv', 'manifest'],
  ] as const)
    api.get(
      `/print-batches/:batchId/${suffix}`,
      {
        schema: {
          tags: ['letters'],
          summary:
            file === 'letters'
              ? 'The batch’s letters, one PDF'
              : 'The batch’s manifest for the mail house (CSV)',
          params: batchParams,
          response: errors(401, 403, 404),
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        requireLetterAccess(actor, 'read');
        return attachment(reply, await readPrintBatchFile(deps, actor, request.params.batchId, file));
      },
    );

  api.get(
    '/postal-items',
    {
      schema: {
        tags: ['letters'],
        summary: 'The letters on paper, by case and status',
        querystring: z.object({ caseId: idParam.optional(), status: postalStatus.optional() }),
        response: { 200: z.object({ items: z.array(postalItem).readonly() }), ...errors(400, 401, 403) },
      },
    },
    async (request) => ({ items: await listPostalItems(deps, actorOf(request), request.query) }),
  );

  api.patch(
    '/postal-items/:itemId',
    {
      schema: {
        tags: ['letters'],
        summary:
          'Record a letter’s tracking number and what happened to it (posted, delivered, returned, unclaimed)',
        params: itemParams,
        body: z
          .object({
            trackingNumber: z.string().trim().max(64).nullable().optional(),
            status: z.enum(trackedStatuses as [string, ...string[]]).optional(),
            on: isoDate.optional().describe('The day it happened; by default today'),
          })
          .refine((b) => b.trackingNumber !== undefined || b.status !== undefined, {
            message: 'Give a tracking number or a status.',
          }),
        response: { 200: postalItem, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { trackingNumber, status, on } = request.body;
      return updatePostalItem(deps, actorOf(request), request.params.itemId, {
        ...(trackingNumber !== undefined ? { trackingNumber } : {}),
        ...(status !== undefined ? { status: status as (typeof trackedStatuses)[number] } : {}),
        ...(on !== undefined ? { on } : {}),
      });
    },
  );

  api.post(
    '/postal-items/tracking',
    {
      schema: {
        tags: ['letters'],
        summary: 'Import a tracking file: one line per letter (reference or tracking number, status, date)',
        description:
          '`csv`: lines `reference or tracking number;status;date[;tracking number]` (comma or semicolon, optional header). Valid lines are applied; each bad line comes back with its number, reason and text.',
        body: z.object({ csv: z.string().max(5_000_000) }),
        response: {
          200: z.object({
            applied: z.number().int(),
            unchanged: z.number().int(),
            rejected: z
              .array(
                z.object({
                  line: z.number().int(),
                  reason: z.string(),
                  message: localizedSchema,
                  raw: z.string(),
                }),
              )
              .readonly(),
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (request) => importTracking(deps, actorOf(request), request.body.csv),
  );

  api.post(
    '/postal-items/:itemId/proof',
    {
      schema: {
        tags: ['letters'],
        summary: 'Attach the proof of receipt of a registered letter (PDF, PNG or JPEG)',
        description: 'multipart/form-data with one `file`.',
        consumes: ['multipart/form-data'],
        params: itemParams,
        response: {
          201: z.object({ documentId: z.string(), sha256: z.string() }),
          ...errors(400, 401, 403, 404, 413),
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      requireLetterAccess(actor, 'write');
      const part = await request.file();
      if (!part)
        throw new DomainError('invalid_input', 'Send the proof as a `file` part.', {
          reason: 'proof_missing',
        });
      const content = await part.toBuffer();
      const proof = await attachProof(deps, actor, request.params.itemId, {
        fileName: part.filename,
        mediaType: part.mimetype,
        content,
      });
      return reply.code(201).send(proof);
    },
  );
}
