import { DomainError } from '@relance/core';
import { AFRelationship, PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readEInvoiceFile, sniffEInvoice } from './read-einvoice.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

type CiiParts = {
  number?: string;
  issue?: string;
  currency?: string;
  grandTotal?: string;
  duePayable?: string | null;
  buyer?: string | null;
};

/** A small CII invoice (D16B) with what each test changes. */
function cii(p: CiiParts = {}): string {
  const due =
    p.duePayable === null ? '' : `<ram:DuePayableAmount>${p.duePayable ?? '120.00'}</ram:DuePayableAmount>`;
  const buyer = p.buyer === null ? '' : `<ram:Name>${p.buyer ?? 'Menuiserie Dupont SARL'}</ram:Name>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment before the root -->
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
  xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
  xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter>
    <ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter></rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>${p.number === '' ? '' : `<ram:ID>${p.number ?? 'F-1'}</ram:ID>`}<ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">${p.issue ?? '20260105'}</udt:DateTimeString></ram:IssueDateTime>
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:ApplicableHeaderTradeAgreement>
      <ram:SellerTradeParty><ram:Name>Acme SAS</ram:Name></ram:SellerTradeParty>
      <ram:BuyerTradeParty>${buyer}</ram:BuyerTradeParty>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:InvoiceCurrencyCode>${p.currency ?? 'EUR'}</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:GrandTotalAmount>${p.grandTotal ?? '120.00'}</ram:GrandTotalAmount>${due}
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>`;
}

async function refusal(bytes: Uint8Array, name = 'f.xml'): Promise<DomainError> {
  const error = await readEInvoiceFile(bytes, name).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  expect(error.code).toBe('import_unreadable');
  return error;
}

async function pdfWith(attachments: Readonly<Record<string, Uint8Array>>): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  for (const [name, bytes] of Object.entries(attachments)) {
    await pdf.attach(bytes, name, { mimeType: 'text/xml', afRelationship: AFRelationship.Alternative });
  }
  return pdf.save();
}

describe('sniffEInvoice', () => {
  it.each([
    ['a PDF', 'pdf', utf8('%PDF-1.7\n…')],
    ['a CII invoice after a comment', 'xml', utf8(cii())],
    ['a UBL invoice with a byte-order mark', 'xml', utf8('\uFEFF<?xml version="1.0"?><Invoice xmlns="x"/>')],
    ['a UBL credit note with a prefix', 'xml', utf8('<ubl:CreditNote xmlns:ubl="x"/>')],
    ['a CSV', null, utf8('N° facture;Montant\nF1;12,00\n')],
    ['a camt.053 statement', null, utf8('<?xml version="1.0"?><Document><BkToCstmrStmt/></Document>')],
  ] as const)('%s → %s', (_what, expected, bytes) => {
    expect(sniffEInvoice(bytes)).toBe(expected);
  });
});

describe('readEInvoiceFile: what it refuses, and how it says so', () => {
  it('reads the small CII invoice the refusals below break', async () => {
    const { document } = await readEInvoiceFile(utf8(cii()), 'ok.xml');
    expect(document).toMatchObject({ number: 'F-1', issueDate: '2026-01-05', totals: { duePayable: 12000 } });
  });

  it('text that is not XML: the file and the line where it breaks', async () => {
    const error = await refusal(utf8('N° facture;Montant\nF1;12,00\n'), 'factures.xml');
    expect(error.message).toMatch(/^factures\.xml is not well-formed XML \(line 1, column 1\)/);
    expect(error.details).toMatchObject({ reason: 'malformed_xml', file: 'factures.xml' });
    expect(error.details?.fr).toMatch(/^factures\.xml : XML mal formé \(ligne 1/);
  });

  it('a cut file: the element left open', async () => {
    const xml = cii();
    const error = await refusal(utf8(xml.slice(0, xml.indexOf('</ram:ApplicableHeaderTradeAgreement>'))));
    expect(error.message).toContain('is never closed');
  });

  it('another XML message (a bank statement): names its root element', async () => {
    const error = await refusal(
      utf8('<?xml version="1.0"?><Document><BkToCstmrStmt/></Document>'),
      'releve.xml',
    );
    expect(error.message).toBe(
      'releve.xml: not a CII, ZUGFeRD or UBL 2.1 invoice (root element <Document>).',
    );
    expect(error.details).toMatchObject({
      reason: 'not_an_einvoice',
      fr: expect.stringContaining('<Document>'),
    });
  });

  it('an <Invoice> that is not UBL', async () => {
    const error = await refusal(utf8('<Invoice><ID>1</ID></Invoice>'));
    expect(error.details?.reason).toBe('not_an_einvoice');
  });

  it.each([
    [{ number: '' }, 'rsm:ExchangedDocument/ram:ID'],
    [
      { buyer: null },
      'rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty/ram:Name',
    ],
    [
      { duePayable: null },
      'rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:DuePayableAmount',
    ],
  ] as const)('a missing mandatory element %j: names it', async (parts, element) => {
    const error = await refusal(utf8(cii(parts)), 'f.xml');
    expect(error.details).toMatchObject({ reason: 'missing_element', element, file: 'f.xml' });
    expect(error.message).toBe(`f.xml: a mandatory element is missing (${element}).`);
    expect(error.details?.fr).toBe(`f.xml : élément obligatoire absent (${element}).`);
  });

  it('a date that does not exist', async () => {
    const error = await refusal(utf8(cii({ issue: '20260230' })));
    expect(error.details).toMatchObject({
      reason: 'invalid_date',
      element: 'rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString',
    });
  });

  it('an amount that is not a number, or a currency that is not one', async () => {
    expect((await refusal(utf8(cii({ grandTotal: '1 200,00' })))).details?.reason).toBe('invalid_amount');
    expect((await refusal(utf8(cii({ currency: 'EURO' })))).details?.reason).toBe('invalid_currency');
  });

  it('refuses an amount finer than the currency’s minor unit, never rounds it; 3-decimal currencies are exact', async () => {
    const inexact = await refusal(utf8(cii({ grandTotal: '120.005' })));
    expect(inexact.details).toMatchObject({
      reason: 'inexact_amount',
      element: expect.stringMatching(/ram:GrandTotalAmount$/),
    });
    expect(inexact.message).toContain('120.005 EUR cannot be expressed exactly in EUR minor units');
    const zeros = await readEInvoiceFile(utf8(cii({ grandTotal: '120.000', duePayable: '8.850' })), 'z.xml');
    expect(zeros.document.totals).toMatchObject({ grandTotal: 12000, duePayable: 885 });
    const tnd = await readEInvoiceFile(
      utf8(cii({ currency: 'TND', grandTotal: '120.005', duePayable: '0.5' })),
      't.xml',
    );
    expect(tnd.document.totals).toMatchObject({ grandTotal: 120005, duePayable: 500 });
    const jpy = await readEInvoiceFile(
      utf8(cii({ currency: 'JPY', grandTotal: '1200', duePayable: '1200.00' })),
      'j.xml',
    );
    expect(jpy.document.totals).toMatchObject({ grandTotal: 1200, duePayable: 1200 });
    expect((await refusal(utf8(cii({ currency: 'JPY', grandTotal: '1200.5' })))).details?.reason).toBe(
      'inexact_amount',
    );
  });

  it('an empty file', async () => {
    expect((await refusal(new Uint8Array(0))).details?.reason).toBe('empty');
  });
});

describe('readEInvoiceFile: PDFs', () => {
  it('a PDF that pdf-lib cannot open', async () => {
    const error = await refusal(utf8('%PDF-1.7\nnot really a pdf'), 'scan.pdf');
    expect(error.details).toMatchObject({ reason: 'pdf_unreadable', file: 'scan.pdf' });
  });

  it('a PDF without any attachment, and one whose attachments hold no invoice: listed', async () => {
    const bare = await refusal(await pdfWith({}), 'bare.pdf');
    expect(bare.message).toBe('bare.pdf: the PDF carries no Factur-X / ZUGFeRD invoice (attachments: none).');
    expect(bare.details?.fr).toBe(
      'bare.pdf : le PDF ne contient aucune facture Factur-X / ZUGFeRD (pièces jointes : aucune).',
    );
    const other = await refusal(
      await pdfWith({ 'photo.png': utf8('png'), 'a.xml': utf8('<a/>'), 'b.xml': utf8('<b/>') }),
      'o.pdf',
    );
    expect(other.message).toContain('(attachments: photo.png, a.xml, b.xml)');
  });

  it('picks factur-x.xml by name, whatever comes first; names the attachment when its XML is wrong', async () => {
    const pdf = await pdfWith({
      'order.xml': utf8('<Order/>'),
      'zugferd-invoice.xml': utf8(cii({ number: 'OLD' })),
      'factur-x.xml': utf8(cii({ number: 'F-42' })),
    });
    const file = await readEInvoiceFile(pdf, 'f.pdf');
    expect(file.pdf).toMatchObject({
      attachments: ['order.xml', 'zugferd-invoice.xml', 'factur-x.xml'],
      embeddedXmlName: 'factur-x.xml',
      xmp: null,
    });
    expect(file.document.number).toBe('F-42');
    const broken = await refusal(await pdfWith({ 'factur-x.xml': utf8(cii({ number: '' })) }), 'g.pdf');
    expect(broken.message).toBe(
      'g.pdf › factur-x.xml: a mandatory element is missing (rsm:ExchangedDocument/ram:ID).',
    );
  });
});
