import { DomainError } from '@relance/core';
import type { Deps } from '../../shared/deps.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { randomToken, sha256Hex } from './tokens.ts';
import { normaliseEmail, toUserView, type UserView, userColumns } from './users.ts';

export const sessionDays = 30;

export type SignInResult = {
  /** The session token for the cookie: shown once, only its sha256 is stored. */
  readonly token: string;
  readonly expiresAt: string;
  readonly user: UserView;
  readonly tenantId: string;
};

/**
 * Opens a 30-day session. A wrong e-mail and a wrong password give the same error after the same
 * work (an unknown e-mail is checked against a dummy hash), so sign-in does not reveal who exists.
 */
export async function signIn(deps: Deps, input: { email: string; password: string }): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const user = await deps.database.db
    .selectFrom('users')
    .select([...userColumns, 'tenant_id', 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst();
  const usable = user !== undefined && user.disabled_at === null;
  const matches = await verifyPassword(
    input.password,
    usable ? user.password_hash : await dummyPasswordHash(),
  );
  if (!usable || !matches) {
    throw new DomainError('unauthenticated', 'Wrong e-mail or password.', { reason: 'bad_credentials' });
  }

  const token = randomToken(32);
  const now = deps.clock.now();
  const expiresAt = new Date(Date.parse(now) + sessionDays * 86_400_000).toISOString();
  await deps.database.db
    .insertInto('sessions')
    .values({
      tenant_id: user.tenant_id,
      session_id: sha256Hex(token),
      user_id: user.user_id,
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt, user: toUserView(user), tenantId: user.tenant_id };
}
