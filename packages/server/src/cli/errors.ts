import { assertNever, DomainError, type DomainErrorCode } from '@relance/core';
import type { Messages } from './i18n.ts';

/** The exit codes of every command, listed in `relance --help`. */
export const exitCodes = { ok: 0, failure: 1, rejectedRows: 2, usage: 64 } as const;
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** A refusal of the CLI itself (bad option, tenant to name…), already worded in the reader's language. */
export class CliError extends Error {
  readonly code: 'usage' | 'failure';
  readonly exitCode: ExitCode;
  readonly details?: Readonly<Record<string, unknown>>;

  constructor(code: 'usage' | 'failure', message: string, details?: Readonly<Record<string, unknown>>) {
    super(message);
    this.name = 'CliError';
    this.code = code;
    this.exitCode = code === 'usage' ? exitCodes.usage : exitCodes.failure;
    if (details !== undefined) this.details = details;
  }
}

/** How the CLI tells a person about a domain error: a title in their language and an exit code. */
export function describeDomainError(
  code: DomainErrorCode,
  msg: Messages,
): { title: string; exitCode: ExitCode } {
  switch (code) {
    case 'not_found':
      return { title: msg.errors.not_found, exitCode: exitCodes.failure };
    case 'forbidden':
      return { title: msg.errors.forbidden, exitCode: exitCodes.failure };
    case 'unauthenticated':
      return { title: msg.errors.unauthenticated, exitCode: exitCodes.failure };
    case 'invalid_input':
      return { title: msg.errors.invalid_input, exitCode: exitCodes.usage };
    case 'conflict':
      return { title: msg.errors.conflict, exitCode: exitCodes.failure };
    case 'import_unreadable':
      return { title: msg.errors.import_unreadable, exitCode: exitCodes.failure };
    case 'import_mapping_incomplete':
      return { title: msg.errors.import_mapping_incomplete, exitCode: exitCodes.failure };
    case 'rate_limited':
      return { title: msg.errors.rate_limited, exitCode: exitCodes.failure };
    default:
      return assertNever(code);
  }
}

/** What is printed for any error: to stderr for people, as `{ "error": … }` on stdout with --json. */
export type ErrorReport = {
  readonly code: string;
  readonly title: string;
  readonly message: string;
  readonly exitCode: ExitCode;
  readonly details?: Readonly<Record<string, unknown>>;
};

export function toErrorReport(error: unknown, msg: Messages): ErrorReport {
  if (error instanceof DomainError) {
    const { title, exitCode } = describeDomainError(error.code, msg);
    return { code: error.code, title, message: error.message, exitCode, ...detailsOf(error.details) };
  }
  if (error instanceof CliError) {
    const title = error.code === 'usage' ? msg.errors.usage : '';
    return {
      code: error.code,
      title,
      message: error.message,
      exitCode: error.exitCode,
      ...detailsOf(error.details),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'unexpected', title: msg.errors.unexpected, message, exitCode: exitCodes.failure };
}

function detailsOf(details: Readonly<Record<string, unknown>> | undefined) {
  return details === undefined ? {} : { details };
}
