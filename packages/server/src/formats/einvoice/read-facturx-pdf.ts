import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  type PDFObject,
  PDFRawStream,
  PDFString,
} from 'pdf-lib';
import type { EInvoicePdf } from './einvoice-model.ts';
import { einvoiceError, type ReadContext } from './einvoice-values.ts';

/**
 * The invoice XML's attachment names, best first: Factur-X / ZUGFeRD 2.1+, ZUGFeRD 2.0, ZUGFeRD 1.0,
 * XRechnung inside a ZUGFeRD PDF. Compared ignoring case.
 */
const INVOICE_NAMES = ['factur-x.xml', 'zugferd-invoice.xml', 'xrechnung.xml'] as const;

/** How deep an EmbeddedFiles name tree may go before it is taken for a loop. */
const MAX_DEPTH = 32;

type Attachment = { readonly name: string; readonly spec: PDFDict };

/**
 * A hybrid PDF's invoice: walks the catalog's EmbeddedFiles name tree with pdf-lib, picks the invoice
 * XML by name (`factur-x.xml`, else `zugferd-invoice.xml` / `ZUGFeRD-invoice.xml`, else `xrechnung.xml`,
 * else the only other `.xml` attachment) — never merely the first attachment: FNFE's samples carry a
 * delivery note and a picture beside it. Also reads the XMP metadata's Factur-X / ZUGFeRD
 * ConformanceLevel, DocumentFileName and PDF/A part. Refuses (`import_unreadable`) a file pdf-lib cannot
 * open and a PDF with no invoice attachment, listing what it does carry.
 */
export async function extractFacturX(
  bytes: Uint8Array,
  ctx: ReadContext,
): Promise<{ readonly xml: Uint8Array; readonly pdf: EInvoicePdf }> {
  let document: PDFDocument;
  const attachments: Attachment[] = [];
  try {
    document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    const names = document.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
    const tree = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
    if (tree) walkNameTree(tree, attachments, 0);
  } catch (error) {
    // pdf-lib opens much that is broken and fails later, on the first object it needs.
    const why = error instanceof Error ? error.message : String(error);
    throw einvoiceError(ctx, 'pdf_unreadable', `the PDF cannot be read (${why})`, `PDF illisible (${why})`);
  }
  const chosen = pickInvoice(attachments);
  const listed = attachments.map((a) => a.name);
  const xml = chosen ? fileBytes(chosen.spec, ctx) : null;
  if (chosen === undefined || xml === null) {
    const carried = listed.length === 0 ? 'none' : listed.join(', ');
    const aucune = listed.length === 0 ? 'aucune' : listed.join(', ');
    throw einvoiceError(
      ctx,
      'pdf_without_invoice',
      `the PDF carries no Factur-X / ZUGFeRD invoice (attachments: ${carried})`,
      `le PDF ne contient aucune facture Factur-X / ZUGFeRD (pièces jointes : ${aucune})`,
    );
  }
  return {
    xml,
    pdf: { attachments: listed, embeddedXmlName: chosen.name, xmp: readXmp(document) },
  };
}

/** Collects every (name, file specification) pair of a name tree node and its kids. */
function walkNameTree(node: PDFDict, out: Attachment[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (pairs) {
    for (let i = 0; i + 1 < pairs.size(); i += 2) {
      const spec = pairs.lookup(i + 1);
      if (!(spec instanceof PDFDict)) continue;
      const name = fileName(spec) ?? textOf(pairs.lookup(i));
      if (name !== null) out.push({ name, spec });
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  if (kids) {
    for (let i = 0; i < kids.size(); i++) {
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict) walkNameTree(kid, out, depth + 1);
    }
  }
}

/** The file specification's own name: /UF (Unicode) first, then /F. */
function fileName(spec: PDFDict): string | null {
  return textOf(spec.lookup(PDFName.of('UF'))) ?? textOf(spec.lookup(PDFName.of('F')));
}

function textOf(value: PDFObject | undefined): string | null {
  if (value instanceof PDFString || value instanceof PDFHexString) {
    const decoded = value.decodeText().trim();
    return decoded === '' ? null : decoded;
  }
  return null;
}

function pickInvoice(attachments: readonly Attachment[]): Attachment | undefined {
  for (const wanted of INVOICE_NAMES) {
    const found = attachments.find((a) => a.name.toLowerCase() === wanted);
    if (found) return found;
  }
  const xml = attachments.filter((a) => a.name.toLowerCase().endsWith('.xml'));
  return xml.length === 1 ? xml[0] : undefined;
}

/** The embedded file's decoded bytes (/EF /F, or /UF), null when the specification holds no stream. */
function fileBytes(spec: PDFDict, ctx: ReadContext): Uint8Array | null {
  try {
    const ef = spec.lookupMaybe(PDFName.of('EF'), PDFDict);
    const stream = ef?.lookup(PDFName.of('F')) ?? ef?.lookup(PDFName.of('UF'));
    if (!(stream instanceof PDFRawStream)) return null;
    return decodePDFRawStream(stream).decode();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw einvoiceError(
      ctx,
      'pdf_unreadable',
      `the invoice attachment cannot be decoded (${why})`,
      `pièce jointe de la facture indécodable (${why})`,
    );
  }
}

/**
 * The XMP packet's Factur-X / ZUGFeRD extension, in either form writers use: elements
 * (`<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>`) or attributes (`zf:ConformanceLevel="COMFORT"`).
 */
function readXmp(document: PDFDocument): EInvoicePdf['xmp'] {
  const stream = document.catalog.lookup(PDFName.of('Metadata'));
  if (!(stream instanceof PDFRawStream)) return null;
  let packet: string;
  try {
    packet = new TextDecoder().decode(decodePDFRawStream(stream).decode());
  } catch {
    return null;
  }
  const field = (name: string) => {
    const pattern = new RegExp(`[\\w-]+:${name}\\s*(?:>|=\\s*["'])\\s*([^<"']*?)\\s*(?:<|["'])`);
    const value = pattern.exec(packet)?.[1];
    return value === undefined || value === '' ? null : value;
  };
  return {
    conformanceLevel: field('ConformanceLevel'),
    documentFileName: field('DocumentFileName'),
    version: field('Version'),
    pdfaPart: /pdfaid:part\s*(?:>|=\s*["'])\s*(\d+)/.exec(packet)?.[1] ?? null,
  };
}
