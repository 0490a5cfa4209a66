import { randomBytes } from 'node:crypto';

const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I): about 93 bits. */
export function randomPassword(): string {
  return [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
}
