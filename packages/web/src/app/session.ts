import { queryOptions } from '@tanstack/react-query';
import { apiRequest, isApiError } from './api/client.ts';

/** The signed-in caller as `GET /auth/me` describes it. */
export type SessionUser = {
  readonly kind: 'user' | 'api_key' | 'cli' | 'system';
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly role: 'admin' | 'supervisor' | 'agent' | 'client';
  readonly locale: 'fr' | 'en';
  readonly tenant: { readonly id: string; readonly name: string; readonly kind: 'creditor' | 'agency' };
  /** Set for client accounts, which see one creditor's portfolio only. */
  readonly creditor: { readonly id: string; readonly ref: string; readonly name: string } | null;
};

export const SESSION_KEY = ['session'] as const;

/**
 * Placing claims (the imports page): the staff who import, and a client for its own creditor (creditor portal).
 * Bank statements stay the staff's (`canImport`).
 */
export function canPlaceClaims(user: SessionUser | null | undefined): boolean {
  return canImport(user) || user?.role === 'client';
}

/** Holding, releasing and withdrawing a case, and the scheduled reports: the creditor and those who answer to it. */
export function canControlCases(user: SessionUser | null | undefined): boolean {
  return user?.role === 'admin' || user?.role === 'supervisor' || user?.role === 'client';
}

/** Imports are for administrators and supervisors (the API answers 403 to the other roles). */
export function canImport(user: SessionUser | null | undefined): boolean {
  return user?.role === 'admin' || user?.role === 'supervisor';
}

async function fetchSession(): Promise<SessionUser | null> {
  try {
    return await apiRequest<SessionUser>('/auth/me');
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export const sessionQuery = queryOptions({
  queryKey: SESSION_KEY,
  queryFn: fetchSession,
  staleTime: Number.POSITIVE_INFINITY,
  retry: false,
});

export async function signOut(): Promise<void> {
  await apiRequest<unknown>('/auth/sign-out', { method: 'POST' });
}

/** Strategies and runs are read by every staff role; clients do not see them. */
export function canReadStrategies(user: SessionUser | null | undefined): boolean {
  return user?.role === 'admin' || user?.role === 'supervisor' || user?.role === 'agent';
}

/** Saving a strategy and running (or previewing) a day are for administrators and supervisors. */
export function canManageStrategies(user: SessionUser | null | undefined): boolean {
  return user?.role === 'admin' || user?.role === 'supervisor';
}

/** Approving or cancelling an action of a "review before send" step: administrators and supervisors. */
export function canReviewActions(user: SessionUser | null | undefined): boolean {
  return user?.role === 'admin' || user?.role === 'supervisor';
}

/** Recording what happens on a case (pause, promise…) is open to staff, not to clients. */
export function canActOnCases(user: SessionUser | null | undefined): boolean {
  return canReadStrategies(user);
}

/** The settings page (letterhead, bank account, SMTP, SMS) is for administrators. */
export function canManageSettings(user: SessionUser | null | undefined): boolean {
  return user?.role === 'admin';
}
