import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../shared/deps.ts';
import { getImport } from '../../use-cases/portfolio/get-import.ts';
import { listImportRejections } from '../../use-cases/portfolio/list-import-rejections.ts';
import { listImports } from '../../use-cases/portfolio/list-imports.ts';
import { actorOf } from '../auth.ts';
import { creditorRefSchema, errors, idParam, pageOf, pageQuery } from '../schemas.ts';

export const importStatusSchema = z.enum(['running', 'completed', 'failed']);

const importSchema = z.object({
  id: z.string(),
  creditor: creditorRefSchema,
  fileName: z.string(),
  format: z.string(),
  status: importStatusSchema,
  totalRows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  hasErrorFile: z.boolean(),
  error: z.string().nullable(),
  createdBy: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const rejectionSchema = z.object({
  row: z.number().int().describe('Line number in the file (the header is line 1)'),
  column: z.string(),
  reason: z.string(),
  message: z.string(),
  raw: z.string().describe('The rejected line as read'),
});

const importDetail = importSchema.extend({
  mapping: z.unknown().describe('The column mapping used'),
  rejections: z
    .array(rejectionSchema)
    .readonly()
    .describe('The first 1000 rejections; all are in rejections.csv'),
  rejectionsTruncated: z.boolean(),
});

const importParams = z.object({ importId: idParam });

export function importRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/imports',
    {
      schema: {
        tags: ['imports'],
        summary: 'List imports, newest first',
        querystring: z.object({
          creditorId: idParam.optional(),
          status: importStatusSchema.optional(),
          ...pageQuery,
        }),
        response: { 200: pageOf(importSchema), ...errors(400, 401, 403) },
      },
    },
    async (request) => listImports(deps, actorOf(request), request.query),
  );

  api.get(
    '/imports/:importId',
    {
      schema: {
        tags: ['imports'],
        summary: 'One import with its mapping and rejected rows',
        params: importParams,
        response: { 200: importDetail, ...errors(401, 403, 404) },
      },
    },
    async (request) => getImport(deps, actorOf(request), request.params.importId),
  );

  api.get(
    '/imports/:importId/rejections.csv',
    {
      schema: {
        tags: ['imports'],
        summary: 'Download the rejected rows as CSV',
        description:
          'UTF-8 with BOM; columns row, column, reason, message, raw. Semicolon-separated by default ' +
          '(what a French spreadsheet opens), `?delimiter=,` for commas.',
        params: importParams,
        querystring: z.object({ delimiter: z.enum([';', ',']).default(';') }),
        response: {
          200: { description: 'CSV file', content: { 'text/csv': { schema: z.string() } } },
          ...errors(401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { fileName, rejections } = await listImportRejections(
        deps,
        actorOf(request),
        request.params.importId,
      );
      const csv = stringify(
        rejections.map((r) => [r.row, r.column, r.reason, r.message, r.raw]),
        {
          header: true,
          columns: ['row', 'column', 'reason', 'message', 'raw'],
          delimiter: request.query.delimiter,
          bom: true,
        },
      );
      const base = fileName.replace(/\.[^.]*$/, '') || 'import';
      const downloadName = `${base}-rejections.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(downloadName))
        .send(csv);
    },
  );
}

/** `attachment` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
