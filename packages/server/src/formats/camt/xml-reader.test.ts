import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@relance/core';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { sharedFixtures } from '../../../test/support/shared-fixtures.ts';
import { parseXmlDocument } from './xml-reader.ts';

// The reference: fast-xml-parser with the settings of ecosystem.md §10 (entities left alone, as the
// reader does: they are decoded when a value is read).
const reference = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

type Canonical = {
  text: string | null;
  attributes: Record<string, string>;
  children: Record<string, Canonical[]>;
};

/** Both trees in one form: text trimmed (null when empty), attributes, children by name. */
function canonical(value: unknown): Canonical {
  if (typeof value === 'string') return { text: value.trim() || null, attributes: {}, children: {} };
  const node = value as Record<string, unknown>;
  const out: Canonical = { text: null, attributes: {}, children: {} };
  for (const [key, v] of Object.entries(node)) {
    if (key === '#text') out.text = String(v).trim() || null;
    else if (key.startsWith('@')) out.attributes[key] = String(v);
    else out.children[key] = (v as unknown[]).map(canonical);
  }
  return out;
}

const shared = sharedFixtures() ?? '';
const xmlSamples =
  shared === ''
    ? []
    : ['camt053', 'camt054'].flatMap((folder) =>
        readdirSync(join(shared, folder)).map((name) => join(folder, name)),
      );

function refusal(xml: string): DomainError {
  try {
    parseXmlDocument(xml, 'The file');
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe.skipIf(shared === '')('parseXmlDocument gives the tree fast-xml-parser gives', () => {
  it.each(xmlSamples)('%s', (path) => {
    const xml = readFileSync(join(shared, path), 'utf8');
    expect(canonical(parseXmlDocument(xml, path))).toEqual(canonical(reference.parse(xml)));
  });
});

describe('parseXmlDocument', () => {
  it('comments, processing instructions, CDATA, a DOCTYPE with an internal subset, both quotes', () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE d [ <!ENTITY e "x"> ]>
<!-- before -->
<n:d xmlns:n="urn:x" xsi:schemaLocation="a b" a='1' b="2>3">
  <n:t>one <!-- inside --> two</n:t><?pi data?>
  <t><![CDATA[<&>]]></t><t/>
</n:d>`;
    expect(parseXmlDocument(xml, 'f')).toEqual({
      d: [
        {
          '@schemaLocation': 'a b',
          '@a': '1',
          '@b': '2>3',
          t: [{ '#text': 'one  two' }, { '#text': '<&amp;>' }, {}],
        },
      ],
    });
  });

  it.each([
    ['plain text', 'Date;Montant', 1, 1, 'text outside the root element'],
    ['a tag closed by another', '<a>\n  <b>x</a>\n</a>', 2, 7, '</b> (opened line 2) expected, </a> found'],
    ['a cut file', '<a>\n<b>x</b>\n<c>', 3, 1, '<c> is never closed (the file is cut?)'],
    ['a cut start tag', '<a>\n<b Ccy="EU', 2, 1, '<b> is never closed (the file is cut?)'],
    ['an open comment', '<a><!-- x </a>', 1, 4, 'unclosed comment <!--'],
    ['two roots', '<a/><b/>', 1, 5, 'a second root element'],
    ['a stray <', '<a>1 < 2</a>', 1, 6, 'a "<" that starts no tag'],
    ['an unquoted attribute', '<a b=1/>', 1, 4, 'malformed attribute in <a>'],
    ['nothing', '  ', 1, 1, 'no XML element'],
  ])('%s: refused with line and column', (_what, xml, line, column, why) => {
    const error = refusal(xml);
    expect(error.code).toBe('import_unreadable');
    expect(error.message).toBe(`The file is not well-formed XML (line ${line}, column ${column}): ${why}.`);
    expect(error.details).toMatchObject({ reason: 'malformed_xml', line, column });
  });
});
