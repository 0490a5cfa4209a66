import type { Locale, Role } from '../../db/schema.ts';

/** A user as the API shows it: never the password hash. */
export type UserView = {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly creditorId: string | null;
  readonly locale: Locale;
  readonly createdAt: string;
  readonly disabledAt: string | null;
};

type UserRow = {
  readonly user_id: string;
  readonly email: string;
  readonly display_name: string;
  readonly role: Role;
  readonly creditor_id: string | null;
  readonly locale: Locale;
  readonly created_at: string;
  readonly disabled_at: string | null;
};

export const userColumns = [
  'user_id',
  'email',
  'display_name',
  'role',
  'creditor_id',
  'locale',
  'created_at',
  'disabled_at',
] as const;

export function toUserView(row: UserRow): UserView {
  return {
    id: row.user_id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    creditorId: row.creditor_id,
    locale: row.locale,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const minPasswordLength = 12;
