import { formatMoney, type Language } from '@relance/core';
import { printable } from './fonts.ts';
import {
  CONTENT_WIDTH,
  ensureSpace,
  finish,
  GREY,
  INK,
  MARGIN,
  MM,
  newLetterDocument,
  outsideMargins,
  PAGE,
  type Pdf,
  RULE,
} from './pdf-kit.ts';
import { heading } from './pdf-table.ts';
import { REMITTANCE_TEXTS, type RemittanceTexts } from './remittance-texts.ts';

/** What a remittance statement prints: made by the use case from the stored statement and its lines. */
export type RemittanceDocument = {
  readonly language: Language;
  readonly reference: string;
  readonly agency: {
    readonly name: string;
    readonly lines: readonly string[];
    readonly iban: string | null;
  };
  readonly client: { readonly name: string; readonly ref: string; readonly lines: readonly string[] };
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly issuedOn: string;
  readonly mandateSignedOn: string | null;
  readonly currency: string;
  readonly feeSettlement: 'deduct' | 'invoice';
  readonly vatRate: string;
  readonly lines: readonly {
    readonly bookedOn: string;
    readonly receiptNumber: string;
    readonly debtorName: string;
    readonly reversal: boolean;
    readonly collectedMinor: number;
    readonly commissionMinor: number;
    readonly vatMinor: number;
    readonly netMinor: number;
  }[];
  readonly paymentCount: number;
  readonly collectedMinor: number;
  readonly commissionMinor: number;
  readonly vatMinor: number;
  readonly netMinor: number;
  readonly invoicedMinor: number;
  readonly dueOn: string;
  /** Formats a date in the statement's language ("31 octobre 2026"). */
  readonly longDate: (iso: string) => string;
  /** The same, short, for the table ("31/10/2026", "31 Oct 2026"). */
  readonly shortDate: (iso: string) => string;
};

/** Column left edges (from the margin) and widths; the four amounts are right-aligned. */
const COLUMNS: readonly (readonly [x: number, width: number])[] = [
  [0, 19 * MM],
  [19 * MM, 36 * MM],
  [55 * MM, 35 * MM],
  [90 * MM, 22 * MM],
  [112 * MM, 22 * MM],
  [134 * MM, 15 * MM],
  [149 * MM, CONTENT_WIDTH - 149 * MM],
];
/**
 * The statement an agency sends a client for a period (R124-5, R124-6): each payment collected on its behalf
 * with the receipt given to the debtor, the commission and its VAT, the net, and the total to remit with the
 * day it is due. Same fonts and page as the letters; dated by the day it was issued, so it renders the same bytes.
 */
export async function renderRemittance(d: RemittanceDocument): Promise<Uint8Array> {
  const t = REMITTANCE_TEXTS[d.language];
  const doc = newLetterDocument({
    title: `${t.title} ${d.reference}`,
    author: d.agency.name,
    date: d.issuedOn,
    language: d.language === 'fr' ? 'fr-FR' : 'en-GB',
  });
  header(doc, d, t);
  heading(doc, t.linesHeading);
  table(doc, d, t);
  totals(doc, d, t);
  footers(doc, d, t);
  return finish(doc);
}

function header(doc: Pdf, d: RemittanceDocument, t: RemittanceTexts): void {
  doc
    .font('bold')
    .fontSize(12)
    .text(printable(d.agency.name), MARGIN.left, MARGIN.top, { width: 80 * MM });
  doc.font('regular').fontSize(8.5).fillColor(GREY);
  for (const line of d.agency.lines) doc.text(printable(line), { width: 80 * MM });
  const right = MARGIN.left + 100 * MM;
  doc
    .fillColor(GREY)
    .fontSize(8)
    .text(printable(t.to), right, MARGIN.top, { width: 70 * MM });
  doc
    .fillColor(INK)
    .font('bold')
    .fontSize(10.5)
    .text(printable(d.client.name), { width: 70 * MM });
  doc.font('regular').fontSize(9.5);
  for (const line of d.client.lines) doc.text(printable(line), { width: 70 * MM });
  doc.y = Math.max(doc.y, MARGIN.top + 40 * MM);
  doc.x = MARGIN.left;
  doc.font('bold').fontSize(15).text(printable(t.title), MARGIN.left, doc.y, { width: CONTENT_WIDTH });
  doc.font('regular').fontSize(9.5);
  const facts = [
    t.number(d.reference),
    t.period(d.longDate(d.periodStart), d.longDate(d.periodEnd)),
    t.issued(d.longDate(d.issuedOn)),
    ...(d.mandateSignedOn ? [t.mandate(d.longDate(d.mandateSignedOn))] : []),
  ];
  for (const fact of facts) doc.text(printable(fact), { width: CONTENT_WIDTH });
}

function row(doc: Pdf, cells: readonly string[], font: 'regular' | 'bold'): void {
  doc.font(font).fontSize(8);
  const height =
    Math.max(
      ...cells.map((c, i) => doc.heightOfString(printable(c), { width: (COLUMNS[i]?.[1] ?? 0) - 4 })),
    ) + 5;
  ensureSpace(doc, height);
  const top = doc.y;
  cells.forEach((cell, i) => {
    const [x, width] = COLUMNS[i] ?? [0, 0];
    doc.text(printable(cell), MARGIN.left + x + 2, top + 2, {
      width: width - 4,
      align: i >= 3 ? 'right' : 'left',
    });
  });
  doc
    .moveTo(MARGIN.left, top + height)
    .lineTo(MARGIN.left + CONTENT_WIDTH, top + height)
    .lineWidth(0.4)
    .strokeColor(RULE)
    .stroke();
  doc.x = MARGIN.left;
  doc.y = top + height;
}

function table(doc: Pdf, d: RemittanceDocument, t: RemittanceTexts): void {
  const money = (minor: number) => formatMoney(minor, d.currency, d.language);
  if (d.lines.length === 0) {
    doc.font('italic').fontSize(9.5).text(printable(t.none), MARGIN.left, doc.y, { width: CONTENT_WIDTH });
    return;
  }
  row(doc, t.columns, 'bold');
  for (const line of d.lines) {
    row(
      doc,
      [
        d.shortDate(line.bookedOn),
        line.reversal ? `${line.receiptNumber} (${t.reversal})` : line.receiptNumber,
        line.debtorName,
        money(line.collectedMinor),
        money(line.commissionMinor),
        money(line.vatMinor),
        money(line.netMinor),
      ],
      'regular',
    );
  }
}

function amountLine(doc: Pdf, label: string, amount: string, bold = false): void {
  doc.font(bold ? 'bold' : 'regular').fontSize(10);
  ensureSpace(doc, 16);
  const top = doc.y;
  doc.text(printable(label), MARGIN.left, top, { width: CONTENT_WIDTH * 0.7 });
  doc.text(printable(amount), MARGIN.left + CONTENT_WIDTH * 0.7, top, {
    width: CONTENT_WIDTH * 0.3,
    align: 'right',
  });
  doc.x = MARGIN.left;
  doc.y = top + 15;
}

function totals(doc: Pdf, d: RemittanceDocument, t: RemittanceTexts): void {
  const money = (minor: number) => formatMoney(minor, d.currency, d.language);
  heading(doc, t.totalsHeading);
  amountLine(doc, t.collected(d.paymentCount), money(d.collectedMinor));
  amountLine(doc, t.commission, money(d.commissionMinor));
  amountLine(doc, t.vat(d.vatRate), money(d.vatMinor));
  if (d.feeSettlement === 'invoice') amountLine(doc, t.invoiced, money(d.invoicedMinor));
  amountLine(doc, t.net, money(d.netMinor), true);
  doc.moveDown(0.5).font('bold').fontSize(10);
  doc.text(printable(t.dueOn(d.longDate(d.dueOn))), MARGIN.left, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.8).font('regular').fontSize(8).fillColor(GREY);
  const notes = [...(d.agency.iban ? [t.account(d.agency.iban)] : []), t.law];
  for (const note of notes) {
    ensureSpace(doc, 30);
    doc.text(printable(note), MARGIN.left, doc.y, { width: CONTENT_WIDTH, align: 'justify' });
    doc.moveDown(0.3);
  }
  doc.fillColor(INK);
}

function footers(doc: Pdf, d: RemittanceDocument, t: RemittanceTexts): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const label = `${d.agency.name} — ${d.reference} — ${t.page(i + 1, range.count)}`;
    outsideMargins(doc, () => {
      doc
        .font('regular')
        .fontSize(7)
        .fillColor(GREY)
        .text(printable(label), MARGIN.left, PAGE.height - MARGIN.bottom + 8 * MM, {
          width: CONTENT_WIDTH,
          align: 'center',
          lineBreak: false,
        });
    });
  }
  doc.fillColor(INK);
}
