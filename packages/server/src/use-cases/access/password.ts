import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with Node's built-in argon2id (Node ≥ 24.7), stored as a PHC string:
 * `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>` (base64 without padding, as the PHC format says).
 * Parameters follow the OWASP minimum for argon2id (19 MiB, 2 passes, 1 lane).
 */
const parameters = { memory: 19456, passes: 2, parallelism: 1, tagLength: 32 } as const;
const saltBytes = 16;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(saltBytes);
  const hash = await derive(password, salt, parameters);
  return `$argon2id$v=19$m=${parameters.memory},t=${parameters.passes},p=${parameters.parallelism}$${b64(salt)}$${b64(hash)}`;
}

/** True when `password` matches `phc`; an unreadable stored hash is a mismatch, never an exception. */
export async function verifyPassword(password: string, phc: string): Promise<boolean> {
  const parsed = parsePhc(phc);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, { ...parsed.params, tagLength: parsed.hash.length });
  return actual.length === parsed.hash.length && timingSafeEqual(actual, parsed.hash);
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash of nothing in particular, verified when the e-mail is unknown so that an unknown e-mail
 * costs the same time as a wrong password (no user enumeration by timing).
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
  return dummyHash;
}

type Params = { readonly memory: number; readonly passes: number; readonly parallelism: number };

function derive(
  password: string,
  salt: Buffer,
  params: Params & { readonly tagLength: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    argon2('argon2id', { message: Buffer.from(password, 'utf8'), nonce: salt, ...params }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function parsePhc(phc: string): { params: Params; salt: Buffer; hash: Buffer } | null {
  const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(phc);
  if (!m) return null;
  const params = { memory: Number(m[1]), passes: Number(m[2]), parallelism: Number(m[3]) };
  const salt = Buffer.from(m[4]!, 'base64');
  const hash = Buffer.from(m[5]!, 'base64');
  if (salt.length < 8 || hash.length < 16) return null;
  return { params, salt, hash };
}

function b64(bytes: Buffer): string {
  return bytes.toString('base64').replace(/=+$/, '');
}
