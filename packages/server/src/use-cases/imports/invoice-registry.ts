/**
 * The invoice numbers seen so far in a file, with the row each was first seen on: the duplicate check of
 * an import. A million numbers must fit in a few tens of MB and cost the garbage collector nothing, so
 * they are kept in typed arrays — characters in one pool, an open-addressing table of indexes — rather
 * than in a Map of a million strings (about three times the memory, all of it on the JS heap).
 */
export class InvoiceRegistry {
  #chars = new Uint16Array(1 << 16);
  #charsUsed = 0;
  #starts = new Uint32Array(1 << 12);
  #lengths = new Uint16Array(1 << 12);
  #rows = new Uint32Array(1 << 12);
  #count = 0;
  /**
   * Open addressing, two numbers per slot: the entry (-1 when free) and its full 32-bit hash. Comparing
   * hashes first spares the characters of every other number met while probing (invoice numbers tend to
   * share all but their last digits), and both sit on the same cache line.
   */
  #table = new Int32Array(2 << 13).fill(-1);

  get size(): number {
    return this.#count;
  }

  /** The row where `invoice` was first seen; or, when it is new, records it on `row` and returns undefined. */
  firstRow(invoice: string, row: number): number | undefined {
    if (invoice.length > 0xffff) throw new RangeError('An invoice number is limited to 65,535 characters');
    const table = this.#table;
    const mask = (table.length >>> 1) - 1;
    const h = hash(invoice) | 0;
    let slot = h & mask;
    for (;;) {
      const entry = table[2 * slot]!;
      if (entry === -1) break;
      if (table[2 * slot + 1] === h && this.#equals(entry, invoice)) return this.#rows[entry];
      slot = (slot + 1) & mask;
    }
    this.#add(invoice, row);
    table[2 * slot] = this.#count - 1;
    table[2 * slot + 1] = h;
    if (this.#count * 8 > table.length * 3) this.#rehash();
    return undefined;
  }

  #equals(entry: number, invoice: string): boolean {
    if (this.#lengths[entry] !== invoice.length) return false;
    const start = this.#starts[entry]!;
    for (let i = 0; i < invoice.length; i++) {
      if (this.#chars[start + i] !== invoice.charCodeAt(i)) return false;
    }
    return true;
  }

  #add(invoice: string, row: number): void {
    if (this.#charsUsed + invoice.length > this.#chars.length) {
      this.#chars = grow(this.#chars, Math.max(this.#chars.length * 2, this.#charsUsed + invoice.length));
    }
    if (this.#count === this.#starts.length) {
      const size = this.#count * 2;
      this.#starts = grow(this.#starts, size);
      this.#lengths = grow(this.#lengths, size);
      this.#rows = grow(this.#rows, size);
    }
    const start = this.#charsUsed;
    for (let i = 0; i < invoice.length; i++) this.#chars[start + i] = invoice.charCodeAt(i);
    this.#charsUsed += invoice.length;
    this.#starts[this.#count] = start;
    this.#lengths[this.#count] = invoice.length;
    this.#rows[this.#count] = row;
    this.#count++;
  }

  #rehash(): void {
    const old = this.#table;
    const table = new Int32Array(old.length * 2).fill(-1);
    const mask = (table.length >>> 1) - 1;
    for (let at = 0; at < old.length; at += 2) {
      const entry = old[at]!;
      if (entry === -1) continue;
      const h = old[at + 1]!;
      let slot = h & mask;
      while (table[2 * slot] !== -1) slot = (slot + 1) & mask;
      table[2 * slot] = entry;
      table[2 * slot + 1] = h;
    }
    this.#table = table;
  }
}

function grow<T extends Uint16Array | Uint32Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(size);
  bigger.set(array);
  return bigger;
}

/** FNV-1a over UTF-16 code units, then mixed: numbers in sequence must not land in runs of slots. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
