import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { L111_8_AL3 } from '../../src/channels/letters/letter-texts.ts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { newId } from '../../src/db/ids.ts';
import { produceLetter } from '../../src/use-cases/letters/produce-letter.ts';
import { describeEachCliDatabase, relance } from '../cli/cli-support.ts';
import { pdfPages, pdfText } from './pdf-inspect.ts';

describeEachCliDatabase('relance letter', (ctx) => {
  it('renders each kind of letter for a case named by its debtor or its id, in the debtor’s language or the one asked for', async () => {
    expect((await relance(ctx.db, ['demo', '--size', '5'])).code).toBe(0);
    const handle = ctx.db.open();
    const debtor = await handle.db
      .selectFrom('cases as c')
      .innerJoin('debtors as d', 'd.debtor_id', 'c.debtor_id')
      .innerJoin('claims as cl', 'cl.case_id', 'c.case_id')
      .select(['d.ref', 'd.name', 'c.case_id', 'cl.invoice_number'])
      .where('cl.status', '=', 'open')
      .orderBy('d.ref')
      .executeTakeFirstOrThrow();
    await handle.close();

    const formal = join(ctx.db.dir, 'formal.pdf');
    const made = await relance(ctx.db, ['letter', debtor.ref, '--kind', 'formal-notice', '--out', formal]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('mise en demeure en français');
    const text = pdfText(readFileSync(formal));
    expect(text).toContain(debtor.name);
    expect(text).toContain(debtor.invoice_number);
    expect(text).toContain('je vous mets en demeure');
    // The demo tenant is an agency: the R124-4 mentions and L111-8 al. 3 are there.
    expect(text).toContain(L111_8_AL3);
    expect(pdfPages(readFileSync(formal)).length).toBeGreaterThanOrEqual(1);

    const registered = join(ctx.db.dir, 'registered.pdf');
    const english = await relance(ctx.db, [
      'letter',
      debtor.case_id,
      '--kind',
      'registered',
      '--lang',
      'en',
      '--out',
      registered,
    ]);
    expect(english.code, english.stderr).toBe(0);
    expect(english.stdout).toContain('registered letter in English');
    expect(pdfText(readFileSync(registered))).toContain('Registered letter with acknowledgement of receipt');

    const reminder = join(ctx.db.dir, 'reminder.pdf');
    expect((await relance(ctx.db, ['letter', debtor.ref, '--out', reminder])).code).toBe(0);
    expect(pdfText(readFileSync(reminder))).not.toContain('mets en demeure');

    const unknown = await relance(ctx.db, ['letter', 'NOBODY', '--out', join(ctx.db.dir, 'x.pdf')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('aucun débiteur la référence NOBODY');
    const badKind = await relance(ctx.db, [
      '--lang',
      'en',
      'letter',
      debtor.ref,
      '--kind',
      'poster',
      '--out',
      'x.pdf',
    ]);
    expect(badKind.code).toBe(64);
    expect(badKind.stderr).toContain('reminder, registered, formal-notice');

    const writes = await handleCounts(ctx.db.open());
    expect(writes).toEqual({ postal: 0, documents: 0 });
  }, 120_000);

  it('writes the day’s print batch and its manifest, then finds nothing new to print', async () => {
    const handle = ctx.db.open();
    const rows = await handle.db
      .selectFrom('cases')
      .select(['tenant_id', 'case_id'])
      // Any two cases: the demo pays some in full (closed), and a small one may keep a single open case.
      .orderBy('case_id')
      .limit(2)
      .execute();
    const references: string[] = [];
    for (const row of rows) {
      const made = await handle.db.transaction().execute((trx) =>
        produceLetter(trx, row.tenant_id, {
          actionId: newId(),
          caseId: row.case_id,
          kind: 'registered_letter',
          template: 'formal-notice',
          language: 'fr',
          today: '2026-11-23',
          actor: 'dispatcher',
        }),
      );
      references.push(made.reference);
    }
    await handle.close();

    const out = join(ctx.db.dir, 'batch');
    const built = await relance(ctx.db, [
      '--lang',
      'en',
      'letters',
      'batch',
      '--date',
      '2026-11-23',
      '--out',
      out,
    ]);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toContain('Print batch of 2026-11-23: 2 letters');
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(2);
    const pdf = readFileSync(join(out, files.find((f) => f.endsWith('.pdf')) ?? ''));
    const manifest = readFileSync(join(out, files.find((f) => f.endsWith('.csv')) ?? ''), 'utf8');
    for (const reference of references) {
      expect(pdfText(pdf)).toContain(reference);
      expect(manifest).toContain(reference);
    }
    const again = await relance(ctx.db, ['letters', 'batch', '--date', '2026-11-23', '--out', out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Rien à imprimer le 2026-11-23');
    const badDate = await relance(ctx.db, ['letters', 'batch', '--date', 'tomorrow', '--out', out]);
    expect(badDate.code).toBe(64);
  }, 120_000);
});

/** A preview writes nothing: no postal item, no document. */
async function handleCounts(handle: DatabaseHandle) {
  const count = async (table: 'postal_items' | 'documents') =>
    Number(
      (
        await handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const result = { postal: await count('postal_items'), documents: await count('documents') };
  await handle.close();
  return result;
}
