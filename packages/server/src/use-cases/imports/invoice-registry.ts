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
  #table = new Int32Array(1 << 13).fill(-1);

  get size(): number {
    return this.#count;
  }

  /** The row where `invoice` was first seen; or, when it is new, records it on `row` and returns undefined. */
  firstRow(invoice: string, row: number): number | undefined {
    if (invoice.length > 0xffff) throw new RangeError('An invoice number is limited to 65,535 characters');
    const mask = this.#table.length - 1;
    let slot = hash(invoice) & mask;
    for (;;) {
      const entry = this.#table[slot]!;
      if (entry === -1) break;
      if (this.#equals(entry, invoice)) return this.#rows[entry];
      slot = (slot + 1) & mask;
    }
    this.#add(invoice, row);
    this.#table[slot] = this.#count - 1;
    if (this.#count * 4 > this.#table.length * 3) this.#rehash();
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
    const table = new Int32Array(this.#table.length * 2).fill(-1);
    const mask = table.length - 1;
    for (let entry = 0; entry < this.#count; entry++) {
      const start = this.#starts[entry]!;
      let slot = hashChars(this.#chars, start, start + this.#lengths[entry]!) & mask;
      while (table[slot] !== -1) slot = (slot + 1) & mask;
      table[slot] = entry;
    }
    this.#table = table;
  }
}

function grow<T extends Uint16Array | Uint32Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(size);
  bigger.set(array);
  return bigger;
}

/** FNV-1a over UTF-16 code units. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function hashChars(chars: Uint16Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ chars[i]!, 0x01000193);
  return h >>> 0;
}
