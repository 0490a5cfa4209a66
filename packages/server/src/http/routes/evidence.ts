import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { addAgentNote, maxNoteLength } from '../../use-cases/evidence/add-agent-note.ts';
import { checkEvidence, downloadDocument, listCaseEvidence } from '../../use-cases/evidence/case-evidence.ts';
import { describeProblem } from '../../use-cases/evidence/evidence-words.ts';
import { exportEvidenceFor } from '../../use-cases/evidence/export-evidence.ts';
import { actorOf } from '../auth.ts';
import { requestLocale } from '../locale.ts';
import { errors, idParam, localeSchema } from '../schemas.ts';
import { contentDisposition } from './imports.ts';

/** An IANA time zone the runtime knows. */
const timeZoneSchema = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'Unknown time zone');

const problemSchema = z.object({
  kind: z.string(),
  seq: z.number().int(),
  entryId: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number()])),
  text: z.string().describe('The problem in the reader’s language'),
});

const reportSchema = z.object({
  ok: z.boolean(),
  entriesChecked: z.number().int(),
  documentsChecked: z.number().int(),
  tenants: z
    .array(
      z.object({
        tenantId: z.string(),
        ok: z.boolean(),
        entriesChecked: z.number().int(),
        documentsChecked: z.number().int(),
        head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
        problems: z.array(problemSchema).readonly(),
      }),
    )
    .readonly(),
});

const timelineSchema = z
  .array(
    z.object({
      seq: z.number().int(),
      entryId: z.string(),
      at: z.string(),
      kind: z.string(),
      kindName: z.string(),
      actor: z.string(),
      summary: z.string(),
      payload: z.unknown(),
      hash: z.string(),
      document: z
        .object({ documentId: z.string(), fileName: z.string(), mediaType: z.string(), sha256: z.string() })
        .nullable(),
    }),
  )
  .readonly();

const caseParams = z.object({ caseId: idParam });

export function evidenceRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/evidence/verify',
    {
      schema: {
        tags: ['evidence'],
        summary:
          'Check the tenant’s evidence chain: every hash, link, document, and the head (admin, supervisor)',
        response: { 200: reportSchema, ...errors(401, 403) },
      },
    },
    async (request) => {
      const locale = requestLocale(request);
      const report = await checkEvidence(deps, actorOf(request));
      return {
        ...report,
        tenants: report.tenants.map((t) => ({
          ...t,
          problems: t.problems.map((p) => ({ ...p, text: describeProblem(p, locale) })),
        })),
      };
    },
  );

  api.get(
    '/cases/:caseId/evidence',
    {
      schema: {
        tags: ['evidence'],
        summary:
          'The case’s evidence timeline: every contact attempt and result, agent notes, documents, in order',
        params: caseParams,
        querystring: z.object({
          timeZone: timeZoneSchema
            .optional()
            .describe(
              'The reader’s IANA zone (e.g. Europe/Paris): instants in the summaries are told in it; UTC',
            ),
        }),
        response: { 200: timelineSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) =>
      listCaseEvidence(
        deps,
        actorOf(request),
        request.params.caseId,
        requestLocale(request),
        request.query.timeZone,
      ),
  );

  api.get(
    '/cases/:caseId/evidence.zip',
    {
      schema: {
        tags: ['evidence'],
        summary: 'Download the case’s evidence file (zip) for a lawyer or a court',
        description:
          '00-summary.pdf (chronological summary in the reader’s language), every document as kept, claims.csv, ' +
          'journal.json with the hash rule in README.txt, verification.txt (chain check, sha256 of every file).',
        params: caseParams,
        querystring: z.object({
          lang: localeSchema.optional().describe('The summary’s language; by default Accept-Language'),
        }),
        response: errors(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const exported = await exportEvidenceFor(
        deps,
        actorOf(request),
        request.params.caseId,
        request.query.lang ?? requestLocale(request),
      );
      return (reply as FastifyReply)
        .header('content-type', 'application/zip')
        .header('content-disposition', contentDisposition(exported.fileName))
        .send(Buffer.from(exported.zip));
    },
  );

  api.get(
    '/documents/:documentId',
    {
      schema: {
        tags: ['evidence'],
        summary: 'Download a stored document as kept (letter PDF, e-mail source, SMS text, proof)',
        params: z.object({ documentId: idParam }),
        description:
          'The bytes as stored, with their media type and file name (content-disposition: attachment).',
        response: errors(401, 403, 404),
      },
    },
    async (request, reply) => {
      const document = await downloadDocument(deps, actorOf(request), request.params.documentId);
      // The schema lists the errors only: the body is the file's bytes.
      return (reply as FastifyReply)
        .header('content-type', document.mediaType)
        .header('content-disposition', contentDisposition(document.fileName))
        .header('x-content-type-options', 'nosniff')
        .send(document.content);
    },
  );

  api.post(
    '/cases/:caseId/notes',
    {
      schema: {
        tags: ['evidence'],
        summary: 'Add an agent note to the case’s evidence journal (with its author)',
        params: caseParams,
        body: z.object({ text: z.string().min(1).max(maxNoteLength) }),
        response: {
          201: z.object({ seq: z.number().int(), entryId: z.string(), hash: z.string(), at: z.string() }),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addAgentNote(deps, actorOf(request), request.params.caseId, request.body)),
  );
}
