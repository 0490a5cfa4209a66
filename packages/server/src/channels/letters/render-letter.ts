import { printable } from './fonts.ts';
import { agencyMentions, balanceLines, claimsTable, paymentSlip } from './letter-blocks.ts';
import { isRegistered, type LetterModel, type TemplateVariables } from './letter-model.ts';
import { type LetterTexts, letterTexts } from './letter-texts.ts';
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
} from './pdf-kit.ts';

/**
 * Renders a letter on paper: a sober A4 letter from the collector (no emblem, no seal, nothing that imitates a
 * court or an official document: C. pén. 433-13), the debtor's address where a DL/C5 window envelope shows it,
 * the references, the body from the tenant's template, the claims and the split of the amount, the formal
 * demand for a formal notice, the R124-4 mentions when an agency writes, and a payment slip at the foot.
 */
export async function renderLetter(model: LetterModel): Promise<Uint8Array> {
  const v = model.variables;
  const t = letterTexts(v.language);
  const doc = newLetterDocument({
    title: printable(t.subject(model.kind, v)),
    author: v.collector.name,
    date: (v.letter?.date ?? v.today).iso,
    language: v.language === 'fr' ? 'fr-FR' : 'en-GB',
  });
  letterhead(doc, v, t);
  addressWindow(doc, model, t);
  references(doc, v, t);
  content(doc, model, t);
  paymentSlip(doc, v, t);
  footers(doc, v, t);
  return finish(doc);
}

function letterhead(doc: Pdf, v: TemplateVariables, t: LetterTexts): void {
  const c = v.collector;
  const width = 76 * MM;
  doc.font('bold').fontSize(12).text(printable(c.name), MARGIN.left, MARGIN.top, { width });
  doc.font('regular').fontSize(8.5).fillColor(GREY);
  const lines = [
    ...(c.address?.lines ?? []),
    ...[c.phone, c.email, c.registration].filter((l): l is string => l !== null && l !== ''),
  ];
  for (const line of lines) doc.text(printable(line), { width });
  if (c.isAgency) {
    doc.moveDown(0.3).font('italic').fontSize(7.5);
    doc.text(printable(t.agencyStatement), { width });
    doc.text(printable(t.onBehalfOf(v.creditor.name)), { width });
  }
  doc.font('regular').fillColor(INK);
}

/** The recipient, 100 mm from the left and 45 mm from the top: the window of a French DL/C5 envelope. */
function addressWindow(doc: Pdf, model: LetterModel, t: LetterTexts): void {
  const d = model.variables.debtor;
  const x = 100 * MM;
  const width = 90 * MM;
  if (isRegistered(model.kind)) {
    doc
      .font('bold')
      .fontSize(8)
      .text(printable(t.registeredMention), x, 36 * MM, { width });
    if (model.trackingNumber)
      doc
        .font('regular')
        .fontSize(8)
        .text(printable(t.trackingNumber(model.trackingNumber)), x, doc.y, { width });
  }
  doc
    .font('bold')
    .fontSize(10.5)
    .text(printable(d.name), x, 47 * MM, { width });
  doc.font('regular').fontSize(10.5);
  for (const line of d.address?.lines ?? []) doc.text(printable(line), x, doc.y, { width });
}

function placeOf(v: TemplateVariables): string | null {
  for (const line of [...(v.collector.address?.lines ?? [])].reverse()) {
    const match = /^(?:[A-Z]{1,2}-)?\d{4,5}\s+(.+)$/.exec(line.trim());
    if (match?.[1]) return match[1];
  }
  return null;
}

function references(doc: Pdf, v: TemplateVariables, t: LetterTexts): void {
  const top = 88 * MM;
  const recalled = v.firstLetter ?? v.previousLetter;
  const lines = [
    `${t.ourReference} : ${v.letter?.reference ?? '—'}`,
    `${t.caseReference} : ${v.case.ref}`,
    `${t.yourReference} : ${v.debtor.ref}`,
    ...(recalled && recalled.reference !== v.letter?.reference
      ? [t.firstLetterRecall(recalled.reference, recalled.date.text)]
      : []),
  ];
  doc.font('regular').fontSize(8.5).fillColor(GREY);
  doc.y = top;
  for (const line of lines)
    doc.text(printable(v.language === 'en' ? line.replace(' : ', ': ') : line), MARGIN.left, doc.y, {
      width: 85 * MM,
    });
  const bottom = doc.y;
  doc.fillColor(INK).fontSize(10);
  doc.text(printable(t.dated(placeOf(v), (v.letter?.date ?? v.today).text)), 100 * MM, top, {
    width: 90 * MM,
  });
  doc.y = Math.max(bottom, doc.y) + 5 * MM;
  doc.x = MARGIN.left;
}

function paragraph(doc: Pdf, text: string, font: 'regular' | 'bold' = 'regular'): void {
  doc.font(font).fontSize(10);
  const options = { width: CONTENT_WIDTH, align: 'justify' as const };
  ensureSpace(doc, Math.min(doc.heightOfString(printable(text), options), 120));
  doc.text(printable(text), MARGIN.left, doc.y, options);
  doc.moveDown(0.6);
}

function content(doc: Pdf, model: LetterModel, t: LetterTexts): void {
  const v = model.variables;
  paragraph(doc, t.subject(model.kind, v), 'bold');
  paragraph(doc, v.debtor.salutation);
  for (const text of model.body) paragraph(doc, text);
  claimsTable(doc, v, t);
  balanceLines(doc, v, t);
  if (model.kind === 'formal_notice') {
    paragraph(doc, t.demand(v.balance.total.text, v.deadline.days, v.deadline.date.text), 'bold');
    paragraph(doc, t.interestRunning(v.balance.interestRate));
    paragraph(doc, t.consequences);
  }
  paragraph(doc, t.paymentMethods(v.payment.link));
  signature(doc, v);
  if (v.collector.isAgency) agencyMentions(doc, v, t);
}

function signature(doc: Pdf, v: TemplateVariables): void {
  doc.moveDown(0.4).font('regular').fontSize(10);
  const lines = [v.collector.signatory, v.collector.name, ...(v.agent ? [v.agent.name] : [])];
  for (const line of lines) doc.text(printable(line), 110 * MM, doc.y, { width: 80 * MM });
  doc.x = MARGIN.left;
  doc.moveDown(0.8);
}

function footers(doc: Pdf, v: TemplateVariables, t: LetterTexts): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const label = `${v.collector.name} — ${v.letter?.reference ?? v.case.ref} — ${t.page(i + 1, range.count)}`;
    outsideMargins(doc, () => {
      doc
        .font('regular')
        .fontSize(7)
        .fillColor(GREY)
        .text(printable(label), MARGIN.left, PAGE.height - 12 * MM, {
          width: CONTENT_WIDTH,
          align: 'center',
        });
    });
  }
  doc.fillColor(INK);
}
