import { DomainError } from '@relance/core';
import { parseXmlDocument } from '../camt/xml-reader.ts';
import { child, type XmlNode } from '../camt/xml-tree.ts';
import type { EInvoiceDocument, EInvoiceFile, EInvoicePdf } from './einvoice-model.ts';
import { einvoiceError, type ReadContext } from './einvoice-values.ts';
import { readCii } from './read-cii.ts';
import { extractFacturX } from './read-facturx-pdf.ts';
import { readUbl } from './read-ubl.ts';

/** What a file looks like from its first bytes: a PDF, an e-invoice XML (CII, ZUGFeRD 1.0, UBL), or neither. */
export type EInvoiceSniff = 'pdf' | 'xml' | null;

const ROOTS = ['CrossIndustryInvoice', 'CrossIndustryDocument', 'Invoice', 'CreditNote'] as const;
type RootName = (typeof ROOTS)[number];

/**
 * Tells an e-invoice from another file without parsing it: `%PDF-` within the first KiB (as PDF readers
 * accept), or an XML whose root element is CrossIndustryInvoice, CrossIndustryDocument (ZUGFeRD 1.0),
 * Invoice or CreditNote (UBL). A CSV or a workbook is neither.
 */
export function sniffEInvoice(bytes: Uint8Array): EInvoiceSniff {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  if (head.slice(0, 1024).includes('%PDF-')) return 'pdf';
  const root = rootElementName(head.replace(/^\uFEFF|^\u00ef\u00bb\u00bf/, ''));
  return root !== null && (ROOTS as readonly string[]).includes(root) ? 'xml' : null;
}

/** The local name of the first element, after the XML declaration, comments and a DOCTYPE. */
function rootElementName(head: string): string | null {
  const withoutComments = head.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '');
  const match = /^\s*(?:<!DOCTYPE[^>]*>\s*)?<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(withoutComments);
  return match?.[2] ?? null;
}

/**
 * Reads one e-invoice file, whatever it is: a Factur-X / ZUGFeRD PDF (the invoice XML is taken out of it),
 * a CII XML (D16B or ZUGFeRD 1.0) or a UBL 2.1 Invoice / CreditNote. Throws `import_unreadable` naming the
 * file — and the element when one is missing or wrong — for anything it cannot read.
 */
export async function readEInvoiceFile(bytes: Uint8Array, fileName: string): Promise<EInvoiceFile> {
  const ctx: ReadContext = { fileName };
  if (bytes.length === 0) throw einvoiceError(ctx, 'empty', 'the file is empty', 'le fichier est vide');
  let xmlBytes = bytes;
  let pdf: EInvoicePdf | null = null;
  if (sniffEInvoice(bytes) === 'pdf') {
    const extracted = await extractFacturX(bytes, ctx);
    xmlBytes = extracted.xml;
    pdf = extracted.pdf;
  }
  const xmlCtx: ReadContext = pdf === null ? ctx : { fileName: `${fileName} › ${pdf.embeddedXmlName}` };
  const document = readEInvoiceXml(decodeXml(xmlBytes), xmlCtx);
  return { fileName, container: pdf === null ? 'xml' : 'pdf', pdf, document };
}

/** An e-invoice XML's text → its document, by the root element. */
export function readEInvoiceXml(xml: string, ctx: ReadContext): EInvoiceDocument {
  let tree: XmlNode;
  try {
    tree = parseXmlDocument(xml, ctx.fileName);
  } catch (error) {
    throw withFileInFrench(error, ctx);
  }
  const rootName = Object.keys(tree).find((key) => !key.startsWith('@') && !key.startsWith('#')) ?? '';
  const root = child(tree, rootName);
  if (root === undefined || !(ROOTS as readonly string[]).includes(rootName))
    throw notAnInvoice(rootName, ctx);
  const namespaces = xml.slice(0, 4096);
  switch (rootName as RootName) {
    case 'CrossIndustryInvoice':
      return readCii(root, 'cii', ctx);
    case 'CrossIndustryDocument':
      return readCii(root, 'zugferd1', ctx);
    case 'Invoice':
    case 'CreditNote':
      if (!namespaces.includes('urn:oasis:names:specification:ubl:schema:xsd:'))
        throw notAnInvoice(rootName, ctx);
      return readUbl(root, rootName === 'CreditNote', ctx);
  }
}

function notAnInvoice(rootName: string, ctx: ReadContext): DomainError {
  const what = rootName === '' ? 'no root element' : `root element <${rootName}>`;
  const quoi = rootName === '' ? 'aucun élément racine' : `élément racine <${rootName}>`;
  return einvoiceError(
    ctx,
    'not_an_einvoice',
    `not a CII, ZUGFeRD or UBL 2.1 invoice (${what})`,
    `ni une facture CII, ZUGFeRD ni UBL 2.1 (${quoi})`,
  );
}

/** The XML reader's refusal says where the text breaks; the file is named in its French words too. */
function withFileInFrench(error: unknown, ctx: ReadContext): unknown {
  if (!(error instanceof DomainError) || typeof error.details?.fr !== 'string') return error;
  return new DomainError(error.code, error.message, {
    ...error.details,
    file: ctx.fileName,
    fr: `${ctx.fileName} : ${error.details.fr}`,
  });
}

/** A byte-order mark wins, then the declared encoding, else UTF-8 (what XML means without a declaration). */
function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  if (declared !== undefined && !/^utf-?8$/i.test(declared)) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An encoding the runtime does not know: read as UTF-8, the XML default.
    }
  }
  return utf8(bytes);
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}
