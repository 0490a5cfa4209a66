import { queryOptions } from '@tanstack/react-query';
import { type ApiError, isApiError } from '../../app/api/client.ts';
import { type CaseLock, lockCase } from './api.ts';

/** The lock, or why it was refused (409 `case_locked`: another agent works the case). */
export type LockState = { readonly lock: CaseLock | null; readonly refused: ApiError | null };

async function takeLock(caseId: string): Promise<LockState> {
  try {
    return { lock: await lockCase(caseId), refused: null };
  } catch (error) {
    if (isApiError(error) && error.status === 409) return { lock: null, refused: error };
    throw error;
  }
}

/**
 * The agent's lock on the case being worked. Taken once per case (the "Next case" answer and the case page's
 * button put it here first, so it is not taken twice); renewed by hand with "Keep the case".
 */
export function caseLockQuery(caseId: string) {
  return queryOptions<LockState>({
    queryKey: ['workspace', 'lock', caseId],
    queryFn: () => takeLock(caseId),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
  });
}
