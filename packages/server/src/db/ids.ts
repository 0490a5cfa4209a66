import { randomBytes } from 'node:crypto';

/**
 * A UUIDv7: time-ordered, so rows inserted together sit together in the indexes of both engines.
 * Made in the app because SQLite has no generator and PostgreSQL 15 has no uuidv7().
 */
export function newId(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
