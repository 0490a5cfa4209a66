import { DomainError } from '@relance/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { addDisputeDocument } from '../../use-cases/workspace/disputes/add-dispute-document.ts';
import {
  DISPUTE_OUTCOMES,
  DISPUTE_REASONS,
  DISPUTE_RESOLUTIONS,
} from '../../use-cases/workspace/disputes/dispute-texts.ts';
import {
  getDispute,
  listCaseDisputes,
  listDisputes,
} from '../../use-cases/workspace/disputes/list-disputes.ts';
import { openDispute } from '../../use-cases/workspace/disputes/open-dispute.ts';
import { resolveDispute } from '../../use-cases/workspace/disputes/resolve-dispute.ts';
import { updateDispute } from '../../use-cases/workspace/disputes/update-dispute.ts';
import { actorOf } from '../auth.ts';
import { errors, idParam, isoDate, minor } from '../schemas.ts';

const statusSchema = z.enum(['open', 'resolved', 'rejected', 'withdrawn']);

const disputeView = z.object({
  id: z.string(),
  caseId: z.string(),
  status: statusSchema,
  reason: z.string(),
  description: z.string().nullable(),
  amountMinor: minor,
  currency: z.string(),
  claims: z
    .array(z.object({ claimId: z.string(), invoiceNumber: z.string(), amountMinor: minor }))
    .readonly(),
  ownerId: z.string().nullable(),
  deadlineOn: z.string().nullable(),
  documents: z
    .array(
      z.object({
        documentId: z.string(),
        fileName: z.string(),
        mediaType: z.string(),
        size: z.number().int(),
        addedBy: z.string(),
        addedAt: z.string(),
      }),
    )
    .readonly(),
  openedVia: z.string(),
  openedBy: z.string(),
  openedAt: z.string(),
  resolution: z.enum(DISPUTE_OUTCOMES).nullable(),
  resolutionMinor: minor.nullable(),
  resolutionNote: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});

const disputeParams = z.object({ disputeId: idParam });

/** The agent workspace's disputes (issue #5). */
export function disputeRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/cases/:caseId/disputes',
    {
      schema: {
        tags: ['workspace'],
        summary:
          'Open a dispute on claims of a case: they leave the ladder at once; the debtor is acknowledged',
        params: z.object({ caseId: idParam }),
        body: z.object({
          reason: z.enum(DISPUTE_REASONS),
          description: z.string().max(5000).optional(),
          claims: z
            .array(z.object({ claimId: idParam, amountMinor: minor.positive().optional() }))
            .min(1)
            .max(500)
            .describe("Each claim's disputed amount; left out: its whole outstanding"),
          ownerId: idParam.optional(),
          deadlineOn: isoDate.optional().describe('Default: today + 30 days'),
        }),
        response: { 201: disputeView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const created = await openDispute(deps, actorOf(request), request.params.caseId, request.body);
      return reply.code(201).send(created);
    },
  );
  api.get(
    '/cases/:caseId/disputes',
    {
      schema: {
        tags: ['workspace'],
        summary: "A case's disputes, newest first",
        params: z.object({ caseId: idParam }),
        response: { 200: z.array(disputeView).readonly(), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listCaseDisputes(deps, actorOf(request), request.params.caseId),
  );
  api.get(
    '/disputes',
    {
      schema: {
        tags: ['workspace'],
        summary: "The tenant's disputes by status: past their deadline first, then by deadline",
        querystring: z.object({
          status: statusSchema.default('open'),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
        response: {
          200: z.array(disputeView.extend({ overdue: z.boolean() })).readonly(),
          ...errors(400, 401, 403),
        },
      },
    },
    async (request) => listDisputes(deps, actorOf(request), request.query),
  );
  api.get(
    '/disputes/:disputeId',
    {
      schema: {
        tags: ['workspace'],
        summary: 'One dispute with its claims and documents',
        params: disputeParams,
        response: { 200: disputeView, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getDispute(deps, actorOf(request), request.params.disputeId),
  );
  api.patch(
    '/disputes/:disputeId',
    {
      schema: {
        tags: ['workspace'],
        summary: "Change an open dispute's owner or deadline (null removes it)",
        params: disputeParams,
        body: z.object({ ownerId: idParam.nullable().optional(), deadlineOn: isoDate.nullable().optional() }),
        response: { 200: disputeView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => updateDispute(deps, actorOf(request), request.params.disputeId, request.body),
  );
  api.post(
    '/disputes/:disputeId/documents',
    {
      schema: {
        tags: ['workspace'],
        summary: 'Attach a supporting document to a dispute (kept as evidence)',
        description: 'multipart/form-data with one `file` (10 MB at most).',
        consumes: ['multipart/form-data'],
        params: disputeParams,
        response: { 201: disputeView, ...errors(400, 401, 403, 404, 413) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const part = await request.file();
      if (!part) {
        throw new DomainError('invalid_input', 'Send the document as a `file` part.', {
          reason: 'dispute_document_missing',
        });
      }
      const content = await part.toBuffer();
      const view = await addDisputeDocument(deps, actor, request.params.disputeId, {
        fileName: part.filename,
        mediaType: part.mimetype,
        content,
      });
      return reply.code(201).send(view);
    },
  );
  api.post(
    '/disputes/:disputeId/resolve',
    {
      schema: {
        tags: ['workspace'],
        summary:
          'Resolve a dispute: credit note, write-off, rejected (the ladder resumes) or withdrawn; notified',
        params: disputeParams,
        body: z.object({
          resolution: z.enum(DISPUTE_RESOLUTIONS),
          amountMinor: minor
            .positive()
            .optional()
            .describe('Credit note or write-off; default the whole amount'),
          note: z.string().max(5000).optional(),
        }),
        response: { 200: disputeView, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => resolveDispute(deps, actorOf(request), request.params.disputeId, request.body),
  );
}
