import { printable } from './fonts.ts';
import type { TemplateVariables } from './letter-model.ts';
import { L111_8_AL2, L111_8_AL3, type LetterTexts } from './letter-texts.ts';
import { CONTENT_WIDTH, ensureSpace, GREY, INK, MARGIN, MM, PAGE, type Pdf, RULE } from './pdf-kit.ts';

const COLUMNS = [0.3, 0.16, 0.16, 0.19, 0.19].map((share) => share * CONTENT_WIDTH);

function row(doc: Pdf, cells: readonly string[], font: 'regular' | 'bold'): void {
  doc.font(font).fontSize(9);
  const heights = cells.map((c, i) => doc.heightOfString(printable(c), { width: (COLUMNS[i] ?? 0) - 6 }));
  const height = Math.max(...heights) + 6;
  ensureSpace(doc, height);
  const top = doc.y;
  let x = MARGIN.left;
  cells.forEach((cell, i) => {
    const width = COLUMNS[i] ?? 0;
    doc.text(printable(cell), x + 3, top + 3, { width: width - 6, align: i >= 3 ? 'right' : 'left' });
    x += width;
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

/** The basis of the claim: each invoice with its number, date, due date, amount and what is left to pay. */
export function claimsTable(doc: Pdf, v: TemplateVariables, t: LetterTexts): void {
  const h = t.table;
  row(doc, [h.invoice, h.issued, h.due, h.amount, h.outstanding], 'bold');
  for (const claim of v.claims)
    row(
      doc,
      [
        claim.number,
        claim.issueDate?.text ?? '—',
        claim.dueDate.text,
        claim.amount.text,
        claim.outstanding.text,
      ],
      'regular',
    );
  doc.moveDown(0.6);
}

function amountLine(doc: Pdf, label: string, amount: string, bold = false): void {
  doc.font(bold ? 'bold' : 'regular').fontSize(9.5);
  const labelWidth = CONTENT_WIDTH * 0.75;
  const height = doc.heightOfString(printable(label), { width: labelWidth }) + 3;
  ensureSpace(doc, height);
  const top = doc.y;
  doc.text(printable(label), MARGIN.left, top, { width: labelWidth });
  doc.text(printable(amount), MARGIN.left + labelWidth, top, {
    width: CONTENT_WIDTH - labelWidth,
    align: 'right',
  });
  doc.x = MARGIN.left;
  doc.y = top + height;
}

/** The amount split into principal, interest, penalties and fees, the €40 compensation where it applies. */
export function balanceLines(doc: Pdf, v: TemplateVariables, t: LetterTexts): void {
  const b = v.balance;
  amountLine(doc, t.principal, b.principal.text);
  amountLine(doc, t.interest(b.interestRate, b.asOf.text), b.interest.text);
  if (b.fees.minor !== 0) amountLine(doc, t.fees, b.fees.text);
  if (b.compensation.minor !== 0) amountLine(doc, t.compensation, b.compensation.text);
  amountLine(doc, t.total, b.total.text, true);
  if (b.disputed.minor !== 0) {
    doc.fillColor(GREY);
    amountLine(doc, t.disputed, b.disputed.text);
    doc.fillColor(INK);
  }
  doc.moveDown(0.6);
}

/** R124-4 CPCE: who the agency is, for whom it acts, and L111-8 al. 2 and 3 reproduced. */
export function agencyMentions(doc: Pdf, v: TemplateVariables, t: LetterTexts): void {
  const small = { width: CONTENT_WIDTH, align: 'justify' as const };
  const collectorAddress = v.collector.address?.lines.join(', ') ?? '';
  const creditorAddress = v.creditor.address?.lines.join(', ') ?? '';
  const lines = [
    `${v.collector.name}${collectorAddress ? `, ${collectorAddress}` : ''}. ${t.agencyStatement}.`,
    ...[v.collector.insurance, v.collector.declaration].filter((l): l is string => typeof l === 'string'),
    t.creditorIs(v.creditor.name, creditorAddress),
    t.costsExcluded,
    t.l1118Intro,
    `« ${L111_8_AL2} »`,
    `« ${L111_8_AL3} »`,
    ...(t.l1118Translation ? [t.l1118Translation] : []),
  ];
  // The block is kept on one page, so that the law's text is read in one piece.
  doc.font('regular').fontSize(7.5);
  const height = lines.reduce((sum, line) => sum + doc.heightOfString(printable(line), small) + 2, 20);
  doc.font('bold').fontSize(8);
  ensureSpace(doc, height);
  doc.moveDown(0.5).text(printable(t.r124Title), MARGIN.left, doc.y, small);
  doc.font('regular').fontSize(7.5);
  for (const line of lines) doc.text(printable(line), MARGIN.left, doc.y + 2, small);
  doc.moveDown(0.5);
}

export const SLIP_HEIGHT = 56 * MM;

/** The detachable payment slip at the foot of the last page: beneficiary, IBAN, BIC, amount, RF reference. */
export function paymentSlip(doc: Pdf, v: TemplateVariables, t: LetterTexts): void {
  const top = PAGE.height - MARGIN.bottom - SLIP_HEIGHT;
  if (doc.y > top - 4) doc.addPage();
  const s = t.slip;
  doc
    .moveTo(MARGIN.left, top)
    .lineTo(MARGIN.left + CONTENT_WIDTH, top)
    .dash(3, { space: 3 })
    .lineWidth(0.6)
    .strokeColor(RULE)
    .stroke()
    .undash();
  doc.font('regular').fontSize(9).fillColor(GREY);
  doc.text('✂', MARGIN.left, top - 6, { lineBreak: false });
  doc.fontSize(7).text(printable(s.detach), MARGIN.left, top + 3, { width: CONTENT_WIDTH, align: 'right' });
  doc
    .fillColor(INK)
    .font('bold')
    .fontSize(11)
    .text(printable(s.title), MARGIN.left, top + 6 * MM);
  const p = v.payment;
  const fields: readonly (readonly [string, string])[] = [
    [s.beneficiary, p.beneficiary],
    [s.iban, p.ibanText ?? '—'],
    [s.bic, p.bic ?? '—'],
    [s.amount, v.balance.total.text],
    [s.reference, p.referenceText],
    [s.payer, `${v.debtor.name} — ${v.debtor.ref}`],
    [s.online, p.link],
  ];
  let y = top + 14 * MM;
  const labelWidth = 45 * MM;
  for (const [label, value] of fields) {
    doc
      .font('regular')
      .fontSize(8.5)
      .fillColor(GREY)
      .text(printable(label), MARGIN.left, y, { width: labelWidth });
    const mono = label === s.iban || label === s.reference;
    doc
      .font(mono ? 'mono' : 'bold')
      .fontSize(mono ? 10 : 9.5)
      .fillColor(INK)
      .text(printable(value), MARGIN.left + labelWidth, y - (mono ? 1 : 0), {
        width: CONTENT_WIDTH - labelWidth,
        lineBreak: false,
        ellipsis: true,
      });
    y += 5.3 * MM;
  }
  doc.font('italic').fontSize(7.5).fillColor(GREY);
  doc.text(printable(s.referenceHint), MARGIN.left, y, { width: CONTENT_WIDTH });
  doc.font('regular').fillColor(INK);
}
