/**
 * An element as `parseXmlDocument` (xml-reader.ts) gives it: each child element's local name → the list
 * of its occurrences, attributes as '@Name', text as '#text' (raw: `text()` decodes and trims it).
 */
export type XmlNode = { readonly [name: string]: unknown };

/** The occurrences of child `name`. */
export function children(parent: XmlNode | undefined, name: string): readonly XmlNode[] {
  const value = parent?.[name];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** The first element along a path of child names. */
export function child(parent: XmlNode | undefined, ...path: readonly string[]): XmlNode | undefined {
  let node = parent;
  for (const name of path) {
    node = children(node, name)[0];
    if (node === undefined) return undefined;
  }
  return node;
}

/** The trimmed, decoded text of the element at `path` (the node itself when no path); null if absent or empty. */
export function text(parent: XmlNode | undefined, ...path: readonly string[]): string | null {
  const node = path.length === 0 ? parent : child(parent, ...path);
  const raw = node?.['#text'];
  return typeof raw === 'string' ? clean(raw) : null;
}

/** The texts of every occurrence of the last element of `path`, under the first of the others. */
export function texts(parent: XmlNode | undefined, ...path: readonly string[]): string[] {
  const last = path[path.length - 1];
  if (last === undefined) return [];
  const holder = child(parent, ...path.slice(0, -1));
  const out: string[] = [];
  for (const node of children(holder, last)) {
    const value = text(node);
    if (value !== null) out.push(value);
  }
  return out;
}

export function attribute(node: XmlNode | undefined, name: string): string | null {
  const raw = node?.[`@${name}`];
  return typeof raw === 'string' ? clean(raw) : null;
}

const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos));/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function clean(raw: string): string | null {
  const decoded = raw.includes('&') ? raw.replace(ENTITY, decodeEntity) : raw;
  const trimmed = decoded.trim();
  return trimmed === '' ? null : trimmed;
}

function decodeEntity(whole: string, hex?: string, dec?: string, name?: string): string {
  if (name !== undefined) return NAMED[name] ?? whole;
  const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(dec);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
}
