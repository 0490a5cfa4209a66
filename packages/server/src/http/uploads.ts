import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '@relance/core';
import type { FastifyRequest } from 'fastify';
import { newId } from '../db/ids.ts';

export type ReceivedUpload = {
  /** Where the file was written: `<dataDir>/uploads/<id>-<safe name>`. */
  readonly path: string;
  /** The name the sender gave, as given (for display). */
  readonly fileName: string;
  /** The text fields of the form, by name. */
  readonly fields: Readonly<Record<string, string>>;
};

/**
 * Reads a multipart form whose file is in the field `file`, streaming the file to disk as it
 * arrives (never the whole file in memory). Text fields may come before or after the file.
 */
export async function receiveUpload(request: FastifyRequest, dataDir: string): Promise<ReceivedUpload> {
  const folder = join(dataDir, 'uploads');
  await mkdir(folder, { recursive: true });
  const fields: Record<string, string> = {};
  let file: { path: string; fileName: string } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file !== undefined) {
          part.file.resume();
          continue;
        }
        const fileName = part.filename || 'upload';
        const path = join(folder, `${newId()}-${safeFileName(fileName)}`);
        file = { path, fileName };
        await pipeline(part.file, createWriteStream(path));
        // Over the size limit: answered 413 like the other "too large" errors.
        if (part.file.truncated) throw new request.server.multipartErrors.RequestFileTooLargeError();
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (file) await rm(file.path, { force: true });
    throw error;
  }
  if (!file) {
    throw new DomainError('invalid_input', 'No file received.', { reason: 'upload_file_missing' });
  }
  return { ...file, fields };
}

/** A name safe on every file system: letters, digits, dot, dash and underscore, at most 100 characters. */
export function safeFileName(name: string): string {
  const plain = basename(name.replaceAll('\\', '/'))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '');
  return (plain || 'upload').slice(-100);
}

/** Parses the optional `mapping` form field (JSON text of an object). */
export function parseMappingField(text: string | undefined): Readonly<Record<string, unknown>> | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new DomainError('invalid_input', 'The mapping must be a JSON object.', {
    reason: 'upload_mapping_invalid',
  });
}
