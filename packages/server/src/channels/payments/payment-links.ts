import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { addDays } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/schema.ts';

type Reader = Db | Transaction<Database>;

/**
 * Signed, expiring, single-purpose payment links (issue #6).
 *
 * A token is 94 URL-safe characters, short enough for an SMS: the base64url of a fixed 54-byte payload —
 * version, purpose, tenant, case and link ids (UUIDs as 16 bytes each), expiry (seconds since 1970) — followed
 * by the first 16 bytes of its HMAC-SHA256 under the tenant's own secret. Nothing is stored to make one: the
 * dispatcher renders it when the message leaves; the `payment_links` row is written when the debtor opens it.
 */
export type LinkPurpose = 'pay';

export type LinkToken = {
  readonly tenantId: string;
  readonly caseId: string;
  readonly linkId: string;
  readonly purpose: LinkPurpose;
  /** ISO instant. */
  readonly expiresAt: string;
};

/** The tenant's portal secret (never shown, never changed by a person) and link settings. */
export const PORTAL_SECRET_SETTING = 'portal.secret';
/** `{ "linkDays": 30 }`: how long a link sent in a message stays valid. */
export const PORTAL_SETTING = 'portal';
export const DEFAULT_LINK_DAYS = 30;

const VERSION = 1;
const PURPOSES: readonly LinkPurpose[] = ['pay'];
const PAYLOAD_BYTES = 54;
const MAC_BYTES = 16;
/** Base64url lengths of the payload (54 bytes) and of the MAC (16 bytes, unpadded). */
const PAYLOAD_CHARS = 72;
const TOKEN_CHARS = PAYLOAD_CHARS + 22;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Each use of the secret signs under its own label: a link's MAC can never pass for a cookie's. */
export function macOf(secret: Buffer, label: string, data: Buffer): Buffer {
  return createHmac('sha256', secret).update(`${label}\0`).update(data).digest().subarray(0, MAC_BYTES);
}

export function sameMac(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export function uuidBytes(id: string): Buffer {
  if (!UUID.test(id)) throw new Error(`Not a UUID: ${id}`);
  return Buffer.from(id.replaceAll('-', ''), 'hex');
}

export function uuidText(bytes: Buffer): string {
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function signLinkToken(link: LinkToken, secret: Buffer): string {
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  payload[0] = VERSION;
  payload[1] = PURPOSES.indexOf(link.purpose) + 1;
  uuidBytes(link.tenantId).copy(payload, 2);
  uuidBytes(link.caseId).copy(payload, 18);
  uuidBytes(link.linkId).copy(payload, 34);
  payload.writeUInt32BE(Math.floor(Date.parse(link.expiresAt) / 1000), 50);
  return payload.toString('base64url') + macOf(secret, 'link', payload).toString('base64url');
}

/**
 * What a token says, before its signature is checked (the tenant names the secret to check it with);
 * null when it is not one of ours at all.
 */
export function readLinkToken(token: string): (LinkToken & { readonly signed: Buffer }) | null {
  if (token.length !== TOKEN_CHARS || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const payload = Buffer.from(token.slice(0, PAYLOAD_CHARS), 'base64url');
  const purpose = PURPOSES[(payload[1] ?? 0) - 1];
  if (payload.length !== PAYLOAD_BYTES || payload[0] !== VERSION || !purpose) return null;
  return {
    tenantId: uuidText(payload.subarray(2, 18)),
    caseId: uuidText(payload.subarray(18, 34)),
    linkId: uuidText(payload.subarray(34, 50)),
    purpose,
    expiresAt: new Date(payload.readUInt32BE(50) * 1000).toISOString(),
    signed: payload,
  };
}

/**
 * The bytes of a base64url text, only when it is their one canonical spelling: the spare low bits of a last
 * character would otherwise let several texts stand for the same token.
 */
export function canonicalBytes(text: string): Buffer | null {
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

/** True when the token was signed with this secret, byte for byte. */
export function verifyLinkToken(token: string, secret: Buffer): boolean {
  const read = readLinkToken(token);
  const mac = canonicalBytes(token.slice(PAYLOAD_CHARS));
  return read !== null && mac !== null && sameMac(mac, macOf(secret, 'link', read.signed));
}

/**
 * A stable link id for a link that belongs to no outbox action (a preview, the RF reference's lookup): a UUID
 * made from the case and the use, so that the same use of the same case is always the same link.
 */
export function derivedLinkId(caseId: string, use: 'case' | 'reference'): string {
  const bytes = createHash('sha256').update(`relance-link\0${caseId}\0${use}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return uuidText(bytes);
}

/** The tenant's portal secret, or null when it never signed a link (so nothing it is shown can be genuine). */
export async function existingPortalSecret(db: Reader, tenantId: string): Promise<Buffer | null> {
  const row = await db
    .selectFrom('tenant_settings')
    .select('value')
    .where('tenant_id', '=', tenantId)
    .where('key', '=', PORTAL_SECRET_SETTING)
    .executeTakeFirst();
  return row ? Buffer.from((JSON.parse(row.value) as { secret: string }).secret, 'base64url') : null;
}

/**
 * The tenant's portal secret, made on first use and kept in `tenant_settings` so that every process (the
 * dispatcher that signs, the server that checks) uses the same one; two processes making it at once keep
 * the first written.
 */
export async function portalSecret(db: Reader, tenantId: string, now: string): Promise<Buffer> {
  const found = await existingPortalSecret(db, tenantId);
  if (found) return found;
  await db
    .insertInto('tenant_settings')
    .values({
      tenant_id: tenantId,
      key: PORTAL_SECRET_SETTING,
      value: JSON.stringify({ secret: randomBytes(32).toString('base64url') }),
      version: 1,
      updated_by: 'system',
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
    .execute();
  const made = await existingPortalSecret(db, tenantId);
  if (!made) throw new Error('The portal secret could not be stored.');
  return made;
}

/** How many days a link stays valid: the tenant's `portal.linkDays`, else 30. */
export async function linkDays(db: Reader, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('tenant_settings')
    .select('value')
    .where('tenant_id', '=', tenantId)
    .where('key', '=', PORTAL_SETTING)
    .executeTakeFirst();
  const days = row ? (JSON.parse(row.value) as { linkDays?: unknown }).linkDays : undefined;
  return typeof days === 'number' && Number.isInteger(days) && days > 0 && days <= 366
    ? days
    : DEFAULT_LINK_DAYS;
}

/**
 * The payment link a message carries, `<publicUrl>/pay/<token>`: its id is the outbox action's when the
 * message is one (its key names it), else the case's own; valid to the end of the day `linkDays` from today
 * (UTC), so the same message rendered again the same day carries the same link.
 */
export async function paymentLinkUrl(
  db: Reader,
  input: {
    readonly tenantId: string;
    readonly caseId: string;
    readonly today: string;
    readonly now: string;
    readonly actionKey: string | null;
    readonly publicUrl: string;
  },
): Promise<string> {
  const [secret, days, action] = await Promise.all([
    portalSecret(db, input.tenantId, input.now),
    linkDays(db, input.tenantId),
    input.actionKey === null
      ? null
      : db
          .selectFrom('actions')
          .select('action_id')
          .where('tenant_id', '=', input.tenantId)
          .where('case_id', '=', input.caseId)
          .where('action_key', '=', input.actionKey)
          .executeTakeFirst(),
  ]);
  const token = signLinkToken(
    {
      tenantId: input.tenantId,
      caseId: input.caseId,
      linkId: action?.action_id ?? derivedLinkId(input.caseId, 'case'),
      purpose: 'pay',
      expiresAt: `${addDays(input.today, days)}T23:59:59.000Z`,
    },
    secret,
  );
  return `${input.publicUrl.replace(/\/+$/, '')}/pay/${token}`;
}
