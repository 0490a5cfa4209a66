import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../shared/deps.ts';

/** Uploads above this size are refused (413). */
export const maxUploadBytes = 200 * 1024 * 1024;

/** POST /imports, /imports/preview, /imports/json: wired once the import use cases exist. */
export function importUploadRoutes(_app: FastifyInstance, _deps: Deps): void {}
