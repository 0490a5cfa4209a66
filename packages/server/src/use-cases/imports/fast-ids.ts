import { randomFillSync } from 'node:crypto';

const POOL_IDS = 4096;
/** ASCII codes of the two hex digits of each byte value. */
const HEX_HIGH = new Uint8Array(256);
const HEX_LOW = new Uint8Array(256);
for (let b = 0; b < 256; b++) {
  const digits = b.toString(16).padStart(2, '0');
  HEX_HIGH[b] = digits.charCodeAt(0);
  HEX_LOW[b] = digits.charCodeAt(1);
}
/** Where the 16 bytes of a UUID go in its 36 characters (8-4-4-4-12). */
const AT = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
const DASH = 0x2d;

/**
 * UUIDv7 ids, as `db/ids.ts` makes them, for the import's hot path: randomness is drawn 64 KB at a time,
 * formatted into a text buffer through lookup tables, and each id is read out as one flat string.
 * (Built with `+`, an id was a tree of some twenty string pieces: 600 bytes instead of 56, and a
 * million-row import keeps 200,000 of them — debtors and cases — alive, which the GC kept walking.)
 */
export function createIdFactory(): () => string {
  const random = Buffer.alloc(16 * POOL_IDS);
  const text = Buffer.alloc(36);
  text[8] = DASH;
  text[13] = DASH;
  text[18] = DASH;
  text[23] = DASH;
  let next = POOL_IDS;
  const put = (index: number, byte: number): void => {
    const at = AT[index]!;
    text[at] = HEX_HIGH[byte]!;
    text[at + 1] = HEX_LOW[byte]!;
  };
  return () => {
    if (next === POOL_IDS) {
      randomFillSync(random);
      next = 0;
    }
    const o = 16 * next++;
    const now = Date.now();
    const high = Math.floor(now / 0x1000000);
    const low = now % 0x1000000;
    put(0, (high >>> 16) & 0xff);
    put(1, (high >>> 8) & 0xff);
    put(2, high & 0xff);
    put(3, (low >>> 16) & 0xff);
    put(4, (low >>> 8) & 0xff);
    put(5, low & 0xff);
    put(6, (random[o + 6]! & 0x0f) | 0x70);
    put(7, random[o + 7]!);
    put(8, (random[o + 8]! & 0x3f) | 0x80);
    for (let i = 9; i < 16; i++) put(i, random[o + i]!);
    return text.toString('latin1', 0, 36);
  };
}
