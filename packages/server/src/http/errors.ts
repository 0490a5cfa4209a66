import { assertNever, DomainError, type DomainErrorCode } from '@relance/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestLocale } from './locale.ts';
import { errorMessage } from './messages.ts';

export type ApiErrorCode = DomainErrorCode | 'internal';

/** The one shape of every error the API answers. */
export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code: not_found, forbidden, invalid_input…'),
      message: z.string().describe('A sentence in the caller’s language (Accept-Language fr/en).'),
      details: z.unknown().optional(),
    }),
  })
  .describe('Error');

export type ErrorBody = z.infer<typeof errorResponseSchema>;

/** Every domain code has its status; a new code that is not mapped fails the typecheck here. */
export function httpStatus(code: DomainErrorCode): number {
  switch (code) {
    case 'not_found':
      return 404;
    case 'forbidden':
      return 403;
    case 'unauthenticated':
      return 401;
    case 'invalid_input':
      return 400;
    case 'conflict':
      return 409;
    case 'import_unreadable':
      return 422;
    case 'import_mapping_incomplete':
      return 422;
    case 'rate_limited':
      return 429;
    default:
      return assertNever(code);
  }
}

function body(code: ApiErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** What Fastify itself reports with a 4xx status (bad JSON, wrong content type, too large…), as our codes. */
function codeForStatus(status: number): DomainErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  return 'invalid_input';
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const locale = requestLocale(request);
  if (error instanceof DomainError) {
    const message = errorMessage(error.code, locale, error.details, error.message);
    return reply.code(httpStatus(error.code)).send(body(error.code, message, error.details));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'request';
    const issues = error.validation.map((issue) => ({
      path: [where, ...issue.instancePath.split('/').filter((p) => p !== '')].join('.'),
      code: issue.keyword,
      message: issue.message ?? '',
    }));
    const message = errorMessage('invalid_input', locale, { reason: 'invalid_request' });
    return reply.code(400).send(body('invalid_input', message, { issues }));
  }
  const status = (error as Partial<FastifyError>).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = codeForStatus(status);
    const reason = status === 413 ? 'upload_too_large' : undefined;
    const message = errorMessage(code, locale, reason ? { reason } : undefined, (error as Error).message);
    return reply.code(status).send(body(code, message));
  }
  request.log.error({ err: error }, 'unexpected error');
  return reply.code(500).send(body('internal', errorMessage('internal', locale, { reason: 'internal' })));
}

/** Installs the error and not-found handlers: every error leaves as `{ error: { code, message, details? } }`. */
export function installErrorHandlers(
  app: FastifyInstance,
  spaFallback?: (request: FastifyRequest, reply: FastifyReply) => boolean,
): void {
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  app.setNotFoundHandler((request, reply) => {
    if (spaFallback?.(request, reply)) return reply;
    const locale = requestLocale(request);
    const details = { reason: 'route_not_found' };
    return reply.code(404).send(
      body('not_found', errorMessage('not_found', locale, details), {
        method: request.method,
        url: request.url.split('?')[0],
      }),
    );
  });
}
