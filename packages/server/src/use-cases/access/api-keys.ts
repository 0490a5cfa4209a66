import type { Role } from '../../db/schema.ts';

/** An API key as listed: its prefix helps tell keys apart; the token itself is never shown again. */
export type ApiKeyView = {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly role: Role;
  readonly creditorId: string | null;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
};

export const apiKeyTokenPrefix = 'rk_live_';

/** How much of the token is kept in clear to recognise the key: the fixed prefix and 4 characters. */
export const apiKeyShownPrefixLength = apiKeyTokenPrefix.length + 4;

type ApiKeyRow = {
  readonly api_key_id: string;
  readonly name: string;
  readonly token_prefix: string;
  readonly role: Role;
  readonly creditor_id: string | null;
  readonly created_at: string;
  readonly last_used_at: string | null;
  readonly revoked_at: string | null;
};

export const apiKeyColumns = [
  'api_key_id',
  'name',
  'token_prefix',
  'role',
  'creditor_id',
  'created_at',
  'last_used_at',
  'revoked_at',
] as const;

export function toApiKeyView(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.api_key_id,
    name: row.name,
    prefix: row.token_prefix,
    role: row.role,
    creditorId: row.creditor_id,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
