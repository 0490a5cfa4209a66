import { isApiError } from '../../app/api/api-error.ts';

/** Why a review decision was refused, when the refusal is one a person can understand and act on. */
export type DecisionRefusal = 'already_decided' | 'not_allowed' | 'gone';

/**
 * Reads the server's answer to a refused decision: 409 means someone (or another tab) decided first, 403 that
 * the role may not decide, 404 that the action is gone. Anything else (network, 500…) is `null`: the generic
 * error message applies.
 */
export function decisionRefusal(error: unknown): DecisionRefusal | null {
  if (!isApiError(error)) return null;
  switch (error.status) {
    case 409:
      return 'already_decided';
    case 403:
      return 'not_allowed';
    case 404:
      return 'gone';
    default:
      return null;
  }
}

/** The nav badge's figure: the queue's length, marked as "at least" when the queue came back full. */
export function queueCount(
  length: number,
  limit: number,
): { readonly count: number; readonly more: boolean } {
  return { count: Math.min(length, limit), more: length >= limit };
}
