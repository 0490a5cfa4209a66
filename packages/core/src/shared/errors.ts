/** The closed set of error codes a use case may throw; every edge maps each one (see `assertNever`). */
export type DomainErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'unauthenticated'
  | 'invalid_input'
  | 'conflict'
  | 'import_unreadable'
  | 'import_mapping_incomplete'
  | 'rate_limited';

/** The one exception type of the domain. Business refusals are `Result`s, not `DomainError`s. */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details?: Readonly<Record<string, unknown>>;

  constructor(code: DomainErrorCode, message: string, details?: Readonly<Record<string, unknown>>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }
}

/** Put in the `default` branch of a switch over a union: a new member that is not handled fails the typecheck. */
export function assertNever(x: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(x)}`);
}
