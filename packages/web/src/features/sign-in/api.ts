import { apiRequest } from '../../app/api/client.ts';
import { type SessionUser, userFrom } from '../../app/session.ts';

export type Credentials = { readonly email: string; readonly password: string };

export async function signIn(credentials: Credentials): Promise<SessionUser> {
  return userFrom(
    await apiRequest<{ user: SessionUser } | SessionUser>('/auth/sign-in', {
      method: 'POST',
      json: credentials,
    }),
  );
}
