import { createRequire } from 'node:module';
import { formatMoney } from '@relance/core';
import PDFDocument from 'pdfkit';
import type { Locale } from '../../db/schema.ts';
import type { TimelineEntry } from './case-evidence.ts';
import { exportWords } from './export-words.ts';
import type { CaseFile } from './load-case-file.ts';

const require = createRequire(import.meta.url);
const fonts = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  mono: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf'),
} as const;

export type SummaryInput = {
  readonly file: CaseFile;
  /** In chronological order, each with the name of its file in the zip (if any). */
  readonly entries: readonly (TimelineEntry & { readonly zipName: string | null })[];
  readonly chainOk: boolean;
  readonly chainLines: readonly string[];
  readonly caseEntriesOk: number;
  readonly head: { readonly seq: number; readonly hash: string };
  readonly exportedAt: string;
  readonly language: Locale;
};

const margin = 50;
const grey = '#555555';

/** `2026-03-16T10:00:00.000Z` → `2026-03-16 10:00 UTC`: the journal's instants, unambiguous. */
export function instant(at: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(at);
  return m ? `${m[1]} ${m[2]} UTC` : at;
}

/** The chronological summary of an evidence file, A4, DejaVu Sans embedded. */
export function renderEvidenceSummary(input: SummaryInput): Promise<Uint8Array> {
  const w = exportWords[input.language];
  const money = (minor: number, currency: string) => formatMoney(minor, currency, input.language);
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    bufferPages: true,
    font: fonts.regular,
    lang: input.language,
    info: {
      Title: `${w.title} — ${input.file.debtor.name}`,
      Creator: 'Relance',
      Producer: 'Relance',
      CreationDate: new Date(input.exportedAt),
    },
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.registerFont('mono', fonts.mono);
  const width = doc.page.width - 2 * margin;
  const heading = (text: string) => {
    doc.moveDown(0.8).font('bold').fontSize(13).fillColor('black').text(text).moveDown(0.3);
    doc.font('regular').fontSize(10);
  };
  const line = (text: string, options: { readonly color?: string; readonly font?: string } = {}) =>
    doc
      .font(options.font ?? 'regular')
      .fillColor(options.color ?? 'black')
      .text(text, { width });

  doc.font('bold').fontSize(18).text(w.title);
  doc
    .font('regular')
    .fontSize(11)
    .text(`${input.file.debtor.name} — ${w.subtitle(input.file.caseId)}`);
  doc
    .fillColor(grey)
    .fontSize(9)
    .text(w.exportedAt(instant(input.exportedAt)))
    .fillColor('black');

  heading(w.parties);
  const { tenant, creditor, debtor } = input.file;
  line(`${w.creditor}${w.sep}${creditor.name}${creditor.siren ? ` — ${w.siren} ${creditor.siren}` : ''}`);
  line(`${tenant.kind === 'agency' ? w.mandatary : w.collector}${w.sep}${tenant.name}`);
  line(
    `${w.debtor}${w.sep}${debtor.name} (${debtor.kind === 'business' ? w.business : w.consumer})${debtor.siren ? ` — ${w.siren} ${debtor.siren}` : ''}`,
  );
  for (const contact of debtor.contacts) line(`    ${contact}`, { color: grey });
  if (input.file.paymentReference) line(`${w.paymentReference}${w.sep}${input.file.paymentReference}`);

  heading(w.claims);
  const columns = [90, 70, 70, 90, 90, 85];
  const row = (cells: readonly string[], font = 'regular') => {
    const y = doc.y;
    let x = margin;
    doc.font(font).fontSize(9);
    cells.forEach((cell, i) => {
      doc.text(cell, x, y, { width: (columns[i] ?? 80) - 4, align: i >= 3 && i <= 4 ? 'right' : 'left' });
      x += columns[i] ?? 80;
    });
    doc.x = margin;
    doc.y = Math.max(doc.y, y + 13);
  };
  row(w.claimHeaders, 'bold');
  let total = 0;
  let outstanding = 0;
  for (const c of input.file.claims) {
    total += c.amountMinor;
    outstanding += c.outstandingMinor;
    row([
      c.invoiceNumber,
      c.issueDate ?? '',
      c.dueDate,
      money(c.amountMinor, c.currency),
      money(c.outstandingMinor, c.currency),
      w.status[c.status] ?? c.status,
    ]);
  }
  row(
    [w.total, '', '', money(total, input.file.currency), money(outstanding, input.file.currency), ''],
    'bold',
  );

  heading(w.contacts);
  if (input.entries.length === 0) line(w.noContact, { color: grey });
  for (const e of input.entries) {
    doc.moveDown(0.3);
    line(`${instant(e.at)} — ${e.kindName}`, { font: 'bold' });
    if (e.summary !== '') line(e.summary);
    line(`${w.by} ${e.actor}${e.zipName ? ` — ${w.file} ${e.zipName}` : ''}`, { color: grey });
    doc
      .font('mono')
      .fontSize(7)
      .fillColor(grey)
      .text(`${w.entry(e.seq)} · sha256 ${e.hash}`, { width });
    doc.font('regular').fontSize(10).fillColor('black');
  }

  heading(w.verification);
  line(input.chainOk ? w.chainOk : w.chainBroken, { font: input.chainOk ? 'regular' : 'bold' });
  for (const text of input.chainLines) line(text, { color: grey });
  line(w.caseEntries(input.entries.length, input.caseEntriesOk));
  doc.moveDown(0.5);
  line(w.head, { font: 'bold' });
  doc.font('mono').fontSize(8).text(`seq ${input.head.seq} · sha256 ${input.head.hash}`, { width });
  doc.font('regular').fontSize(9);
  line(w.headAnchor, { color: grey });

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i += 1) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(grey)
      .text(w.page(i + 1, range.count), margin, doc.page.height - 35, { width, align: 'center' });
    doc.page.margins.bottom = bottom;
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.end();
  });
}
