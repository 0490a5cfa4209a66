import type { TemplateVariables } from '@relance/core';
import { formatMoney } from '@relance/core';
import { longDate } from '../../use-cases/templates/case-variables.ts';
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
  type Pdf,
} from './pdf-kit.ts';
import { heading, table } from './pdf-table.ts';
import { planAgreementTexts } from './plan-agreement-texts.ts';

/** What the agreement states beyond the case's variables: the plan itself. */
export type PlanAgreementModel = {
  readonly variables: TemplateVariables;
  readonly kind: 'full_now' | 'scheduled' | 'instalments';
  readonly agreedOn: string;
  readonly currency: string;
  readonly claims: readonly {
    readonly invoiceNumber: string;
    readonly dueDate: string;
    readonly outstandingMinor: number;
  }[];
  readonly principalMinor: number;
  readonly interestMinor: number;
  readonly feesMinor: number;
  readonly totalMinor: number;
  readonly instalments: readonly {
    readonly seq: number;
    readonly dueOn: string;
    readonly amountMinor: number;
  }[];
};

/**
 * The written confirmation of a payment plan (the sources: every agreement is confirmed in writing and kept as
 * evidence): who agrees with whom, the claims covered, the split of what is owed, the schedule, how to pay
 * (link, transfer with the case's RF reference) and what happens when an instalment is missed. Same fonts and
 * page as the letters; the date is the agreement's, so the same plan renders to the same bytes.
 */
export async function renderPlanAgreement(model: PlanAgreementModel): Promise<Uint8Array> {
  const v = model.variables;
  const t = planAgreementTexts(v.language);
  const money = (minor: number) => printable(formatMoney(minor, model.currency, v.language));
  const date = (iso: string) => printable(longDate(iso, v.language));
  const doc = newLetterDocument({
    title: `${t.title} — ${v.case.ref}`,
    author: v.collector.name,
    date: model.agreedOn,
    language: v.language === 'fr' ? 'fr-FR' : 'en-GB',
  });
  doc.font('bold').fontSize(16).text(printable(t.title), MARGIN.left, MARGIN.top, { width: CONTENT_WIDTH });
  doc.font('regular').fontSize(9).fillColor(GREY);
  doc.text(printable(`${t.caseReference} ${v.case.ref} — ${t.agreedOn(date(model.agreedOn))}`));
  doc.fillColor(INK).moveDown(0.8);

  heading(doc, t.between);
  party(
    doc,
    t.creditor,
    v.collector.isAgency ? `${v.collector.name}, ${t.collectorFor(v.creditor.name)}` : v.creditor.name,
    [
      ...(v.collector.address?.lines ?? []),
      ...[v.collector.registration, v.collector.email, v.collector.phone].filter((l): l is string => !!l),
    ],
  );
  party(doc, t.debtor, v.debtor.name, [
    ...(v.debtor.address?.lines ?? []),
    ...[v.debtor.registration, v.debtor.email].filter((l): l is string => !!l),
  ]);

  heading(doc, t.claimsHeading);
  table(
    doc,
    t.claimColumns,
    model.claims.map((c) => [c.invoiceNumber, date(c.dueDate), money(c.outstandingMinor)]),
  );

  heading(doc, t.totalsHeading);
  amountLine(doc, t.principal, money(model.principalMinor));
  if (model.interestMinor > 0) amountLine(doc, t.interest, money(model.interestMinor));
  if (model.feesMinor > 0) amountLine(doc, t.fees, money(model.feesMinor));
  amountLine(doc, t.total, money(model.totalMinor), 'bold');

  heading(doc, t.scheduleHeading);
  doc
    .font('regular')
    .fontSize(10)
    .text(printable(t.kindLine[model.kind]), MARGIN.left, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.3);
  table(
    doc,
    t.scheduleColumns,
    model.instalments.map((i) => [
      i.seq === 0 ? t.downPayment : String(i.seq),
      date(i.dueOn),
      money(i.amountMinor),
    ]),
  );

  heading(doc, t.paymentHeading);
  const lines = [
    t.online(v.payment.link),
    ...(v.payment.ibanText ? [t.transfer(v.payment.beneficiary, v.payment.ibanText, v.payment.bic)] : []),
    t.reference(v.payment.referenceText),
  ];
  doc.font('regular').fontSize(10);
  for (const line of lines) doc.text(printable(line), MARGIN.left, doc.y, { width: CONTENT_WIDTH });

  heading(doc, t.termsHeading);
  doc.font('regular').fontSize(9);
  for (const term of t.terms) {
    doc.text(printable(`• ${term}`), MARGIN.left, doc.y, { width: CONTENT_WIDTH, align: 'justify' });
    doc.moveDown(0.2);
  }
  return finish(doc);
}

function party(doc: Pdf, role: string, name: string, lines: readonly string[]): void {
  ensureSpace(doc, 30 + lines.length * 12);
  doc
    .font('bold')
    .fontSize(10)
    .text(printable(`${role} ${name}`), MARGIN.left, doc.y, { width: CONTENT_WIDTH });
  doc.font('regular').fontSize(9).fillColor(GREY);
  for (const line of lines)
    doc.text(printable(line), MARGIN.left + 4 * MM, doc.y, { width: CONTENT_WIDTH - 4 * MM });
  doc.fillColor(INK).moveDown(0.3);
}

/** The amount column of the totals lines, aligned with the tables' last column. */
const COLUMNS = [0, 70 * MM, 120 * MM] as const;

function amountLine(doc: Pdf, label: string, amount: string, font: 'regular' | 'bold' = 'regular'): void {
  ensureSpace(doc, 16);
  const y = doc.y;
  doc
    .font(font)
    .fontSize(10)
    .text(printable(label), MARGIN.left, y, { width: 110 * MM, lineBreak: false });
  doc.text(amount, MARGIN.left + COLUMNS[2], y, {
    width: CONTENT_WIDTH - COLUMNS[2],
    align: 'right',
    lineBreak: false,
  });
  doc.y = y + 15;
  doc.x = MARGIN.left;
}
