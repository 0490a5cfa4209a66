import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { fixtures, importWorld, tenantCounts } from '../../../test/fixtures/import-world.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { importClaims } from './import-claims.ts';

const nothing = { claims: 0, debtors: 0, contacts: 0, cases: 0, imports: 0, import_rejections: 0 };

describeEachDatabase('importClaims: refusals', (ctx) => {
  it('refuses a file it cannot read, clearly, and writes nothing', async () => {
    const w = await importWorld(ctx.handle);
    const cases: readonly (readonly [string, Buffer | string, RegExp])[] = [
      ['empty.csv', '', /empty/],
      ['blank.csv', '\uFEFF\r\n \r\n', /empty/],
      ['scan.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), /PDF/],
      ['noise.csv', Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256)), /binary/],
      ['old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /\.xls/],
      ['broken.xlsx', Buffer.from('PK\u0003\u0004 this is not a workbook'), /Excel/],
      [
        'noheader.csv',
        'F-1;15/01/2024;14/02/2024;100,00\r\nF-2;15/01/2024;14/02/2024;200,00\r\n',
        /no header/,
      ],
    ];
    for (const [name, content, message] of cases) {
      const path = join(w.dir, name);
      writeFileSync(path, content);
      const attempt = importClaims(w.deps, w.actor, { creditorRef: 'ACME', source: { kind: 'file', path } });
      await expect(attempt, name).rejects.toMatchObject({ code: 'import_unreadable', message });
    }
    await expect(
      importClaims(w.deps, w.actor, {
        creditorRef: 'ACME',
        source: { kind: 'file', path: join(w.dir, 'missing.csv') },
      }),
    ).rejects.toMatchObject({ code: 'import_unreadable', message: /does not exist/ });
    expect(await tenantCounts(ctx.handle, w.tenantId)).toMatchObject(nothing);
  });

  it('refuses a file whose quotes never close, even far down, and writes nothing of it', async () => {
    const w = await importWorld(ctx.handle);
    const path = join(w.dir, 'unclosed.csv');
    const good = Array.from({ length: 3000 }, (_, i) => `F-${i};Client ${i};15/03/2024;10,00`).join('\n');
    writeFileSync(
      path,
      `N° facture;Client;Échéance;Montant\n${good}\nF-X;"Client jamais fermé;15/03/2024;10,00\n`,
    );
    await expect(
      importClaims(w.deps, w.actor, { creditorRef: 'ACME', source: { kind: 'file', path } }),
    ).rejects.toMatchObject({ code: 'import_unreadable', details: { reason: 'unclosed_quote', line: 3002 } });
    expect(await tenantCounts(ctx.handle, w.tenantId)).toMatchObject(nothing);
  });

  it('names the missing columns and the headers found, and writes nothing', async () => {
    const w = await importWorld(ctx.handle);
    const attempt = importClaims(w.deps, w.actor, {
      creditorRef: 'ACME',
      source: { kind: 'file', path: join(fixtures, 'custom-headers.csv') },
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'import_mapping_incomplete',
      details: {
        missing: ['invoice_number', 'due_date', 'amount'],
        headers: ['Pièce comptable', 'Client', 'Echeance (jour)', 'Total dû', 'Monnaie'],
      },
    });
    await expect(attempt).rejects.toThrow(/Columns found: "Pièce comptable", "Client"/);
    expect(await tenantCounts(ctx.handle, w.tenantId)).toMatchObject(nothing);
  });

  it('refuses a mapping file naming unknown fields or absent headers', async () => {
    const w = await importWorld(ctx.handle);
    const source = { kind: 'file' as const, path: join(fixtures, 'custom-headers.csv') };
    await expect(
      importClaims(w.deps, w.actor, {
        creditorRef: 'ACME',
        source,
        mapping: { columns: { facture: 'Pièce comptable' } },
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: /unknown field "facture"/ });
    await expect(
      importClaims(w.deps, w.actor, { creditorRef: 'ACME', source, mapping: { delimiter: ':' } as never }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: /delimiter/ });
    await expect(
      importClaims(w.deps, w.actor, {
        creditorRef: 'ACME',
        source,
        mapping: { columns: { invoice_number: 'Ref' } },
      }),
    ).rejects.toMatchObject({ code: 'import_mapping_incomplete', message: /invoice_number → "Ref"/ });
    expect(await tenantCounts(ctx.handle, w.tenantId)).toMatchObject(nothing);
  });

  it('refuses an unknown creditor, listing the known ones', async () => {
    const w = await importWorld(ctx.handle);
    await expect(
      importClaims(w.deps, w.actor, {
        creditorRef: 'NOPE',
        source: { kind: 'file', path: join(fixtures, 'factures-fr.csv') },
      }),
    ).rejects.toMatchObject({ code: 'not_found', details: { known: ['ACME'] } });
  });

  it('refuses an actor without the right to import', async () => {
    const w = await importWorld(ctx.handle);
    await expect(
      importClaims(
        w.deps,
        { ...w.actor, role: 'agent' },
        {
          creditorRef: 'ACME',
          source: { kind: 'file', path: join(fixtures, 'factures-fr.csv') },
        },
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('never touches another tenant, even for a creditor with the same ref', async () => {
    const a = await importWorld(ctx.handle);
    const b = await importWorld(ctx.handle);
    await importClaims(b.deps, b.actor, {
      creditorRef: 'ACME',
      source: { kind: 'file', path: join(fixtures, 'factures-windows-1252.csv') },
    });
    const bBefore = await tenantCounts(ctx.handle, b.tenantId);
    const bClaims = await ctx.handle.db
      .selectFrom('claims')
      .selectAll()
      .where('tenant_id', '=', b.tenantId)
      .execute();
    const path = join(a.dir, 'factures.csv');
    copyFileSync(join(fixtures, 'factures-fr.csv'), path);
    const summary = await importClaims(a.deps, a.actor, {
      creditorRef: 'ACME',
      source: { kind: 'file', path },
    });
    expect(summary.creditorId).toBe(a.creditorId);
    expect(summary.inserted).toBe(5);
    expect(await tenantCounts(ctx.handle, b.tenantId)).toEqual(bBefore);
    expect(
      await ctx.handle.db.selectFrom('claims').selectAll().where('tenant_id', '=', b.tenantId).execute(),
    ).toEqual(bClaims);
    const mixed = await ctx.handle.db
      .selectFrom('claims')
      .select('claim_id')
      .where('tenant_id', '=', a.tenantId)
      .where('creditor_id', '=', b.creditorId)
      .execute();
    expect(mixed).toEqual([]);
  });
});
