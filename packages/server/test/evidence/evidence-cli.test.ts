import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachCliDatabase, relance } from '../cli/cli-support.ts';
import { pdfText } from '../letters/pdf-inspect.ts';
import { storeEvidenceDocument } from './evidence-fixtures.ts';

describeEachCliDatabase('relance evidence', (ctx) => {
  it('verify says intact, head prints the hash, export writes the file; a row altered in the database makes verify fail', async () => {
    expect((await relance(ctx.db, ['demo', '--size', '3'])).code).toBe(0);
    const handle = ctx.db.open();
    const found = await handle.db
      .selectFrom('cases')
      .select(['tenant_id', 'case_id'])
      .orderBy('case_id')
      .executeTakeFirstOrThrow();
    // The demo books a few payments, each with its journal entry: the letters' entries come after them.
    const before = Number(
      (
        await handle.db
          .selectFrom('evidence')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    for (const [i, reference] of ['L-1', 'L-2', 'L-3'].entries())
      await storeEvidenceDocument(handle.db, found.tenant_id, found.case_id, {
        reference,
        at: `2026-03-1${i}T09:00:00.000Z`,
      });

    const ok = await relance(ctx.db, ['evidence', 'verify']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`Chaîne intègre : ${before + 3} entrée(s) et 3 document(s) vérifiés.`);

    const head = await relance(ctx.db, ['--json', 'evidence', 'head']);
    const heads = JSON.parse(head.stdout) as { heads: { seq: number; hash: string }[] };
    const last = await handle.db
      .selectFrom('evidence')
      .select('hash')
      .where('seq', '=', before + 3)
      .executeTakeFirstOrThrow();
    expect(heads.heads[0]).toMatchObject({ seq: before + 3, hash: last.hash });

    const out = join(ctx.db.dir, 'evidence.zip');
    const exported = await relance(ctx.db, [
      '--lang',
      'en',
      'evidence',
      'export',
      found.case_id,
      '--out',
      out,
    ]);
    expect(exported.code, exported.stderr).toBe(0);
    const files = unzipSync(readFileSync(out));
    expect(Object.keys(files).filter((n) => /^0[1-3]-/.test(n))).toHaveLength(3);
    expect(pdfText(files['00-summary.pdf']!)).toContain('Evidence file');

    await sql`update evidence set at = '2025-01-01T00:00:00.000Z' where seq = ${before + 2}`.execute(
      handle.db,
    );
    await handle.close();
    const broken = await relance(ctx.db, ['--lang', 'en', 'evidence', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(
      `First break: Entry #${before + 2}: its date was changed after it was written.`,
    );
  });
});
