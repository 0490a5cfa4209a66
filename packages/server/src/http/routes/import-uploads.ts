import { rm } from 'node:fs/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../shared/deps.ts';
import { claimImportPermission, requirePermission } from '../../use-cases/access/permissions.ts';
import { importClaims } from '../../use-cases/imports/import-claims.ts';
import { previewImport } from '../../use-cases/imports/preview-import.ts';
import { actorOf } from '../auth.ts';
import {
  claimsToRows,
  importPreviewSchema,
  importSummarySchema,
  jsonImportBody,
  jsonRowsMapping,
  toImportAnswer,
} from '../import-schemas.ts';
import { errors } from '../schemas.ts';
import { parseMappingField, receiveUpload } from '../uploads.ts';

/** Uploads above this size are refused (413). */
export const maxUploadBytes = 200 * 1024 * 1024;

const multipartNote =
  'multipart/form-data: `file` (CSV or XLSX), `creditor` (the creditor’s ref; a client places for its own ' +
  'creditor and may leave it out) and optionally `mapping` ' +
  '(JSON text: `{ "columns": { "invoice_number": "N° facture", … }, "dateOrder": "dmy", "decimalSeparator": ",", … }`). ' +
  'An agency may name the `placement` (batch handed over) the new claims go into; that day’s by default. ' +
  'The file is streamed to disk, never held in memory.';

export function importUploadRoutes(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Checked before the upload is read, so that a caller who may not import sends nothing to disk.
  const mayImport = async (request: FastifyRequest): Promise<void> => {
    const actor = actorOf(request);
    requirePermission(actor, claimImportPermission(actor, 'run'));
  };

  api.post(
    '/imports',
    {
      onRequest: mayImport,
      schema: {
        tags: ['imports'],
        summary: 'Import a file of claims (CSV or XLSX)',
        description: `${multipartNote} Re-importing the same file changes nothing. 201 with the summary.`,
        consumes: ['multipart/form-data'],
        response: { 201: importSummarySchema, ...errors(400, 401, 403, 404, 413, 422) },
      },
    },
    async (request, reply) => {
      const upload = await receiveUpload(request, deps.dataDir);
      try {
        const summary = await importClaims(deps, actorOf(request), {
          creditorRef: upload.fields.creditor,
          source: { kind: 'file', path: upload.path, fileName: upload.fileName },
          mapping: parseMappingField(upload.fields.mapping),
          placement: upload.fields.placement,
        });
        return reply.code(201).send(toImportAnswer(summary));
      } catch (error) {
        await rm(upload.path, { force: true });
        throw error;
      }
    },
  );

  api.post(
    '/imports/preview',
    {
      onRequest: mayImport,
      schema: {
        tags: ['imports'],
        summary: 'Preview how a file would be read and mapped, without importing it',
        description:
          'multipart/form-data: `file` and optionally `mapping` (JSON text, as for POST /imports). Nothing is kept.',
        consumes: ['multipart/form-data'],
        response: { 200: importPreviewSchema, ...errors(400, 401, 403, 413, 422) },
      },
    },
    async (request) => {
      const upload = await receiveUpload(request, deps.dataDir);
      try {
        return await previewImport(deps, actorOf(request), {
          source: { kind: 'file', path: upload.path, fileName: upload.fileName },
          mapping: parseMappingField(upload.fields.mapping),
        });
      } finally {
        await rm(upload.path, { force: true });
      }
    },
  );

  api.post(
    '/imports/json',
    {
      onRequest: mayImport,
      bodyLimit: 64 * 1024 * 1024,
      schema: {
        tags: ['imports'],
        summary: 'Import claims sent as JSON (for integrations)',
        description:
          'Up to 50,000 claims per call; money as `amountMinor` + `currency`, dates as YYYY-MM-DD. Rejections ' +
          'give `row` = the 1-based index in `claims`. 201 with the same summary as a file import.',
        body: jsonImportBody,
        response: { 201: importSummarySchema, ...errors(400, 401, 403, 404, 413, 422) },
      },
    },
    async (request, reply) => {
      const rows = claimsToRows(request.body.claims);
      const summary = await importClaims(deps, actorOf(request), {
        creditorRef: request.body.creditor,
        source: { kind: 'rows', rows, fileName: request.body.fileName ?? 'api.json' },
        mapping: jsonRowsMapping(rows),
        placement: request.body.placement,
      });
      return reply.code(201).send(toImportAnswer(summary));
    },
  );
}
