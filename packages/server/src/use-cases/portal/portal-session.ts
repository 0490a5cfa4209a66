import {
  canonicalBytes,
  macOf,
  sameMac,
  uuidBytes,
  uuidText,
} from '../../channels/payments/payment-links.ts';

/**
 * The portal's proof that the debtor passed the identity check: a cookie naming the tenant, the case and the
 * link it was passed on, valid 30 minutes, signed with the tenant's portal secret (its own label, so a link's
 * signature never passes for it). Stateless: any server process checks it.
 */
export const PORTAL_COOKIE = 'relance_portal';
export const PORTAL_SESSION_MINUTES = 30;

export type PortalSession = {
  readonly tenantId: string;
  readonly caseId: string;
  readonly linkId: string;
  readonly expiresAt: string;
};

const VERSION = 1;
const BYTES = 53;
const CHARS = 71;

export function signPortalSession(session: PortalSession, secret: Buffer): string {
  const payload = Buffer.alloc(BYTES);
  payload[0] = VERSION;
  uuidBytes(session.tenantId).copy(payload, 1);
  uuidBytes(session.caseId).copy(payload, 17);
  uuidBytes(session.linkId).copy(payload, 33);
  payload.writeUInt32BE(Math.floor(Date.parse(session.expiresAt) / 1000), 49);
  return payload.toString('base64url') + macOf(secret, 'portal-session', payload).toString('base64url');
}

/** A session for this case that was signed with this secret and has not run out; null for anything else. */
export function readPortalSession(
  value: string | undefined,
  secret: Buffer,
  expect: { readonly tenantId: string; readonly caseId: string },
  now: string,
): PortalSession | null {
  if (!value || !/^[A-Za-z0-9_-]+$/.test(value) || value.length <= CHARS) return null;
  const payload = canonicalBytes(value.slice(0, CHARS));
  const mac = canonicalBytes(value.slice(CHARS));
  if (!payload || !mac || payload.length !== BYTES || payload[0] !== VERSION) return null;
  if (!sameMac(mac, macOf(secret, 'portal-session', payload))) return null;
  const session: PortalSession = {
    tenantId: uuidText(payload.subarray(1, 17)),
    caseId: uuidText(payload.subarray(17, 33)),
    linkId: uuidText(payload.subarray(33, 49)),
    expiresAt: new Date(payload.readUInt32BE(49) * 1000).toISOString(),
  };
  if (session.tenantId !== expect.tenantId || session.caseId !== expect.caseId) return null;
  return session.expiresAt > now ? session : null;
}

export function sessionUntil(now: string): string {
  return new Date(Date.parse(now) + PORTAL_SESSION_MINUTES * 60_000).toISOString();
}
