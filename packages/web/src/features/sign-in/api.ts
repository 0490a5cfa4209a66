import { apiRequest } from '../../app/api/client.ts';

export type Credentials = { readonly email: string; readonly password: string };

/** Opens a session (the server sets its httpOnly cookie); who signed in is then read from /auth/me. */
export async function signIn(credentials: Credentials): Promise<void> {
  await apiRequest<unknown>('/auth/sign-in', { method: 'POST', json: credentials });
}
