import { DomainError } from '@relance/core';
import type { XmlNode } from './xml-tree.ts';

type MutableNode = { [name: string]: unknown };
type Open = { readonly name: string; readonly node: MutableNode; readonly at: number; text: string };

const NAME_START = /[A-Za-z_:\u00c0-\uffff]/;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

/**
 * Reads an XML document into the tree the CAMT reader walks (`XmlNode`): every element a list under its
 * local name (namespace prefixes dropped), attributes as '@Name' (by local name too; namespace
 * declarations left out), text as '#text', kept raw — entities are decoded by `text()` when a value is read,
 * and a DOCTYPE is skipped, never expanded. Comments, processing instructions and CDATA are handled.
 *
 * Why not fast-xml-parser (whose output shape this keeps, and which the tests use as the reference): it
 * spent ~2 s of CPU on a 10,000-entry statement (7 MB), this single pass over the text a tenth of that,
 * and a statement of that size must be imported and matched in under 5 s.
 *
 * Throws `import_unreadable` with the line and column where the text stops being well-formed: a tag
 * closed by another name, a tag or comment left open, text or a second element outside the root.
 */
export function parseXmlDocument(text: string, fileLabel: string): XmlNode {
  // Line ends as XML defines them (CR LF and a lone CR are LF): values and line numbers alike.
  const xml = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const fail = (at: number, en: string, fr: string): never => {
    throw malformed(xml, at, en, fr, fileLabel);
  };
  const document: MutableNode = {};
  const stack: Open[] = [];
  let rootSeen = false;
  let i = 0;
  for (;;) {
    const lt = xml.indexOf('<', i);
    const segment = xml.slice(i, lt === -1 ? xml.length : lt);
    const top = stack[stack.length - 1];
    if (top) top.text += segment;
    else if (segment.trim() !== '') {
      const at = i + segment.search(/\S/);
      fail(at, 'text outside the root element', 'texte hors de l’élément racine');
    }
    if (lt === -1) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) i = skipDeclaration(xml, lt, top, fail);
    else if (next === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end === -1) fail(lt, 'unclosed processing instruction <?', 'instruction <? non fermée');
      i = end + 2;
    } else if (next === 0x2f /* / */) i = readEndTag(xml, lt, stack, fail);
    else {
      if (stack.length === 0 && rootSeen) fail(lt, 'a second root element', 'un second élément racine');
      const parent = stack[stack.length - 1]?.node ?? document;
      const { name, node, end, selfClosing } = readStartTag(xml, lt, fail);
      append(parent, name, node);
      rootSeen = true;
      if (!selfClosing) stack.push({ name, node, at: lt, text: '' });
      i = end;
    }
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed)
    fail(
      unclosed.at,
      `<${unclosed.name}> is never closed (the file is cut?)`,
      `<${unclosed.name}> jamais fermée (fichier tronqué ?)`,
    );
  if (!rootSeen) fail(0, 'no XML element', 'aucun élément XML');
  return document;
}

/** `</name>`: closes the element open on top of the stack, which must bear that name. */
function readEndTag(xml: string, lt: number, stack: Open[], fail: Fail): number {
  const gt = xml.indexOf('>', lt + 2);
  if (gt === -1) fail(lt, 'unclosed end tag', 'balise fermante non fermée');
  const name = xml.slice(lt + 2, gt).trim();
  const open = stack.pop();
  if (open === undefined)
    return fail(lt, `end tag </${name}> without a start tag`, `balise </${name}> sans ouverture`);
  if (open.name !== name) {
    const opened = position(xml, open.at).line;
    fail(
      lt,
      `</${open.name}> (opened line ${opened}) expected, </${name}> found`,
      `</${open.name}> (ouverte ligne ${opened}) attendue, </${name}> trouvée`,
    );
  }
  close(open);
  return gt + 1;
}

function localName(qualified: string): string {
  return qualified.slice(qualified.indexOf(':') + 1);
}

function append(parent: MutableNode, qualified: string, node: MutableNode): void {
  const key = localName(qualified);
  const list = parent[key];
  if (Array.isArray(list)) list.push(node);
  else parent[key] = [node];
}

const NOT_SPACE = /\S/;

function close(open: Open): void {
  if (open.text !== '' && NOT_SPACE.test(open.text)) open.node['#text'] = open.text;
}

type Fail = (at: number, en: string, fr: string) => never;

/** `<!-- … -->`, `<![CDATA[ … ]]>` (its text escaped, so that decoding gives it back as written), `<!DOCTYPE …>`. */
function skipDeclaration(xml: string, lt: number, top: Open | undefined, fail: Fail): number {
  if (xml.startsWith('<!--', lt)) {
    const end = xml.indexOf('-->', lt + 4);
    if (end === -1) fail(lt, 'unclosed comment <!--', 'commentaire <!-- non fermé');
    return end + 3;
  }
  if (xml.startsWith('<![CDATA[', lt)) {
    const end = xml.indexOf(']]>', lt + 9);
    if (end === -1 || !top)
      fail(lt, 'misplaced or unclosed CDATA section', 'section CDATA mal placée ou non fermée');
    top!.text += xml.slice(lt + 9, end).replaceAll('&', '&amp;');
    return end + 3;
  }
  if (xml.startsWith('<!DOCTYPE', lt)) {
    const gt = xml.indexOf('>', lt);
    const bracket = xml.indexOf('[', lt);
    const end = bracket !== -1 && bracket < gt ? xml.indexOf('>', xml.indexOf(']', bracket)) : gt;
    if (end === -1) fail(lt, 'unclosed DOCTYPE', 'DOCTYPE non fermé');
    return end + 1;
  }
  return fail(lt, 'unexpected "<!"', '« <! » inattendu');
}

const TAG_NAME = /[^\s/>]+/y;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

function readStartTag(
  xml: string,
  lt: number,
  fail: Fail,
): { name: string; node: MutableNode; end: number; selfClosing: boolean } {
  const first = xml.charCodeAt(lt + 1);
  const letter = (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7a;
  if (!letter && !NAME_START.test(xml.charAt(lt + 1)))
    fail(lt, 'a "<" that starts no tag', '« < » qui n’ouvre aucune balise');
  TAG_NAME.lastIndex = lt + 1;
  const name = TAG_NAME.exec(xml)?.[0] ?? '';
  let j = lt + 1 + name.length;
  const node: MutableNode = {};
  for (;;) {
    while (isSpace(xml.charCodeAt(j))) j++;
    const c = xml.charCodeAt(j);
    if (c === 0x3e /* > */) return { name, node, end: j + 1, selfClosing: false };
    if (c === 0x2f /* / */ && xml.charCodeAt(j + 1) === 0x3e)
      return { name, node, end: j + 2, selfClosing: true };
    if (j >= xml.length)
      fail(lt, `<${name}> is never closed (the file is cut?)`, `<${name}> jamais fermée (fichier tronqué ?)`);
    ATTRIBUTE.lastIndex = j;
    const match = ATTRIBUTE.exec(xml);
    if (match === null) {
      if (xml.indexOf('>', j) === -1)
        fail(
          lt,
          `<${name}> is never closed (the file is cut?)`,
          `<${name}> jamais fermée (fichier tronqué ?)`,
        );
      return fail(j, `malformed attribute in <${name}>`, `attribut mal formé dans <${name}>`);
    }
    const [whole, attribute = '', double, single] = match;
    if (attribute !== 'xmlns' && !attribute.startsWith('xmlns:'))
      node[`@${localName(attribute)}`] = double ?? single ?? '';
    j += whole.length;
  }
}

function position(xml: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = xml.indexOf('\n'); k !== -1 && k < at; k = xml.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: at - lineStart + 1 };
}

function malformed(xml: string, at: number, en: string, fr: string, fileLabel: string): DomainError {
  const { line, column } = position(xml, at);
  return new DomainError(
    'import_unreadable',
    `${fileLabel} is not well-formed XML (line ${line}, column ${column}): ${en}.`,
    {
      reason: 'malformed_xml',
      line,
      column,
      fr: `XML mal formé (ligne ${line}, colonne ${column}) : ${fr}.`,
    },
  );
}
