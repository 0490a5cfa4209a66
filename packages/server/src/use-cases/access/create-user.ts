import { DomainError } from '@relance/core';
import { newId } from '../../db/ids.ts';
import type { Locale, Role } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from './audit.ts';
import { checkCreditorScope } from './creditor-scope.ts';
import { hashPassword } from './password.ts';
import { requirePermission } from './permissions.ts';
import { isUniqueViolation } from './unique-violation.ts';
import { minPasswordLength, normaliseEmail, toUserView, type UserView } from './users.ts';

export type CreateUserInput = {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly password: string;
  /** Required for role 'client', refused for the other roles. */
  readonly creditorId?: string | null;
  readonly locale: Locale;
};

/** Adds a user to the actor's tenant (admins only). E-mails are unique across tenants. */
export async function createUser(deps: Deps, actor: Actor, input: CreateUserInput): Promise<UserView> {
  requirePermission(actor, 'users:manage');
  const email = normaliseEmail(input.email);
  const displayName = input.displayName.trim();
  const creditorId = input.creditorId ?? null;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new DomainError('invalid_input', 'The e-mail address is not valid.', { reason: 'email_invalid' });
  }
  if (displayName === '') {
    throw new DomainError('invalid_input', 'The user needs a name.', { reason: 'display_name_required' });
  }
  if (input.password.length < minPasswordLength) {
    throw new DomainError('invalid_input', `The password needs at least ${minPasswordLength} characters.`, {
      reason: 'password_too_short',
      minLength: minPasswordLength,
    });
  }
  await checkCreditorScope(deps, actor.tenantId, input.role, creditorId);

  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  const row = {
    tenant_id: actor.tenantId,
    user_id: newId(),
    email,
    display_name: displayName,
    role: input.role,
    creditor_id: creditorId,
    password_hash: passwordHash,
    locale: input.locale,
    created_at: now,
    disabled_at: null,
  };
  const emailTaken = () =>
    new DomainError('conflict', 'A user with this e-mail address already exists.', { reason: 'email_taken' });
  try {
    await deps.database.db.transaction().execute(async (trx) => {
      const taken = await trx
        .selectFrom('users')
        .select('user_id')
        .where('email', '=', email)
        .executeTakeFirst();
      if (taken) throw emailTaken();
      await trx.insertInto('users').values(row).execute();
      await appendAudit(trx, {
        tenantId: actor.tenantId,
        at: now,
        actor,
        action: 'user.created',
        entityKind: 'user',
        entityId: row.user_id,
        data: { email, role: input.role, creditorId },
      });
    });
  } catch (error) {
    // Two creations of one e-mail at once: the unique index decides, the answer is the same.
    throw isUniqueViolation(error) ? emailTaken() : error;
  }
  return toUserView(row);
}
