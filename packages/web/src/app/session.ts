import { queryOptions } from '@tanstack/react-query';
import { apiRequest, isApiError } from './api/client.ts';

export type SessionUser = {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: string;
  readonly locale: string | null;
  readonly tenant: { readonly id: string; readonly name: string };
  readonly creditorId: string | null;
};

export const SESSION_KEY = ['session'] as const;

/** `/auth/me` and `/auth/sign-in` answer `{ user }`; a bare user is accepted too. */
export function userFrom(body: { user: SessionUser } | SessionUser): SessionUser {
  return 'user' in body ? body.user : body;
}

async function fetchSession(): Promise<SessionUser | null> {
  try {
    return userFrom(await apiRequest<{ user: SessionUser } | SessionUser>('/auth/me'));
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
