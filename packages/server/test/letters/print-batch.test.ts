import { PDFDocument } from 'pdf-lib';
import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { buildPrintBatch, MANIFEST_COLUMNS } from '../../src/use-cases/letters/build-print-batch.ts';
import { defaultLetterTemplate } from '../../src/use-cases/letters/letter-content.ts';
import { listPrintBatches, readPrintBatchFile } from '../../src/use-cases/letters/print-batches.ts';
import { produceLetter } from '../../src/use-cases/letters/produce-letter.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { testDeps } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { pdfFonts, pdfPages, pdfText } from './pdf-inspect.ts';

describeEachDatabase('buildPrintBatch', (ctx) => {
  let tenant: SeededTenant;
  let deps: Deps;
  const actor = () => ({
    tenantId: tenant.tenantId,
    kind: 'user' as const,
    id: 'u',
    role: 'agent' as const,
    creditorId: null,
  });

  async function produce(debtor: string, kind: 'letter' | 'registered_letter' | 'formal_notice') {
    const caseId = tenant.debtors[debtor]?.caseId ?? '';
    return deps.database.db.transaction().execute((trx) =>
      produceLetter(trx, tenant.tenantId, {
        actionId: newId(),
        caseId,
        kind,
        template: defaultLetterTemplate[kind],
        language: 'fr',
        today: '2026-03-16',
        actor: 'dispatcher',
        now: '2026-03-16T08:00:00.000Z',
      }),
    );
  }

  beforeAll(async () => {
    tenant = await seedTenant(ctx.handle.db, 'Batch');
    deps = { ...testDeps(ctx.handle), clock: fixedClock('2026-03-16T15:00:00.000Z') };
  });

  it('merges the letters waiting into one duplex-ready PDF with a manifest, once per letter', async () => {
    const letters = [
      await produce('D1', 'letter'),
      await produce('D5', 'registered_letter'),
      await produce('D1', 'formal_notice'),
    ];
    const batch = await buildPrintBatch(deps, tenant.tenantId);
    expect(batch).toMatchObject({ on: '2026-03-16', letters: 3 });
    if (!batch) throw new Error('no batch');

    const pdf = await readPrintBatchFile(deps, actor(), batch.batchId, 'letters');
    expect(pdf.mediaType).toBe('application/pdf');
    const merged = await PDFDocument.load(pdf.content);
    expect(merged.getPageCount()).toBe(batch.pages);
    expect(batch.pages % 2).toBe(0);
    const text = pdfText(pdf.content);
    for (const l of letters) expect(text).toContain(l.reference);
    expect(pdfFonts(pdf.content).every((f) => f.embedded)).toBe(true);
    const pages = pdfPages(pdf.content);
    expect(pages.length).toBe(batch.pages);

    const manifest = (await readPrintBatchFile(deps, actor(), batch.batchId, 'manifest')).content.toString(
      'utf8',
    );
    const [header, ...rows] = parseCsv(manifest);
    expect(header).toEqual([...MANIFEST_COLUMNS]);
    expect(rows.map((r) => r[1])).toEqual(letters.map((l) => l.reference));
    expect(rows.map((r) => r[3])).toEqual(['no', 'yes', 'yes']);
    expect(rows[0]?.[4]).toBe('Boulangerie Dupont');
    for (const [i, row] of rows.entries()) {
      const first = Number(row[11]);
      const last = Number(row[12]);
      expect(first % 2).toBe(1); // each letter starts on a front side
      expect(last - first + 1).toBe(Number(row[10]));
      expect(row[13]).toBe(letters[i]?.sha256);
      // the pages the manifest gives are the letter's own: its reference is printed on each of them
      expect(pages[first - 1]?.darkShare).toBeGreaterThan(0.005);
    }

    const items = await deps.database.db
      .selectFrom('postal_items')
      .select(['status', 'batch_id', 'status_on'])
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    expect(
      items.every(
        (i) => i.status === 'printed' && i.batch_id === batch.batchId && i.status_on === '2026-03-16',
      ),
    ).toBe(true);
    const printed = await deps.database.db
      .selectFrom('evidence')
      .select('payload')
      .where('tenant_id', '=', tenant.tenantId)
      .where('kind', '=', 'letter_printed')
      .execute();
    expect(printed).toHaveLength(3);

    expect(await buildPrintBatch(deps, tenant.tenantId)).toBeNull();
    const later = await produce('D5', 'letter');
    const second = await buildPrintBatch(deps, tenant.tenantId);
    expect(second?.letters).toBe(1);
    const secondText = pdfText(
      (await readPrintBatchFile(deps, actor(), second?.batchId ?? '', 'letters')).content,
    );
    expect(secondText).toContain(later.reference);
    expect(secondText).not.toContain(letters[0]?.reference);

    const listed = await listPrintBatches(deps, actor());
    expect(listed.map((b) => b.batchId).sort()).toEqual([batch.batchId, second?.batchId].sort());
    await expect(
      readPrintBatchFile(deps, { ...actor(), tenantId: newId() }, batch.batchId, 'letters'),
    ).rejects.toThrow('not found');
  });
});

/** RFC 4180 as csv-stringify writes it: quoted fields may hold commas, quotes doubled. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
