import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { fixtures, importWorld, tenantCounts } from '../../../test/fixtures/import-world.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { ensureCreditor } from './ensure-creditor.ts';
import { importClaims } from './import-claims.ts';
import { previewImport } from './preview-import.ts';

describeEachDatabase('previewImport and ensureCreditor', (ctx) => {
  it('shows how a file would be read and mapped, and writes nothing', async () => {
    const w = await importWorld(ctx.handle);
    const before = await tenantCounts(ctx.handle, w.tenantId);
    const preview = await previewImport(w.deps, w.actor, {
      source: { kind: 'file', path: join(fixtures, 'factures-fr.csv') },
    });
    expect(preview).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ';',
      dateOrder: 'dmy',
      decimalSeparator: ',',
      missingRequired: [],
      unmappedHeaders: [],
    });
    expect(preview.mapping).toMatchObject({
      invoice_number: 'N° facture',
      issue_date: 'Date facture',
      due_date: "Date d'échéance",
      amount: 'Montant TTC',
      outstanding: 'Reste à payer',
      debtor_name: 'Raison sociale',
      debtor_ref: 'Code client',
      disputed: 'Litige',
      currency: null,
    });
    expect(preview.sampleRows).toHaveLength(10);
    expect(preview.sampleRows[2]).toMatchObject({
      'N° facture': 'F-2024-003',
      'Raison sociale': 'Martin; Jean',
    });
    expect(await tenantCounts(ctx.handle, w.tenantId)).toEqual(before);

    const incomplete = await previewImport(w.deps, w.actor, {
      source: { kind: 'file', path: join(fixtures, 'custom-headers.csv') },
    });
    expect(incomplete.missingRequired).toEqual(['invoice_number', 'due_date', 'amount']);
    expect(incomplete.unmappedHeaders).toEqual(['Pièce comptable', 'Echeance (jour)', 'Total dû']);
  });

  it('creates a creditor once, and returns the same one after', async () => {
    const w = await importWorld(ctx.handle);
    const created = await ensureCreditor(w.deps, w.actor, {
      ref: 'GLOBEX',
      name: 'Globex SA',
      siren: '732 829 320',
    });
    expect(created).toMatchObject({
      ref: 'GLOBEX',
      siren: '732829320',
      isProfessional: true,
      currency: 'EUR',
      created: true,
    });
    const again = await ensureCreditor(w.deps, w.actor, { ref: 'GLOBEX', name: 'Another name' });
    expect(again).toMatchObject({ id: created.id, name: 'Globex SA', created: false });
    await expect(
      ensureCreditor(w.deps, w.actor, { ref: 'X', name: 'X', siren: '123456789' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('re-imports a corrected error file', async () => {
    const w = await importWorld(ctx.handle);
    const path = join(w.dir, 'factures.csv');
    writeFileSync(path, readFileSync(join(fixtures, 'factures-fr.csv')));
    const first = await importClaims(w.deps, w.actor, {
      creditorRef: 'ACME',
      source: { kind: 'file', path },
    });
    const errors = readFileSync(first.errorFile!, 'utf8')
      .replaceAll('31/02/2024', '28/02/2024')
      .replace(';douze euros;', ';12,00;')
      .replace(';;05/02/2024;05/03/2024;', ';F-2024-005;05/02/2024;05/03/2024;');
    const fixed = join(w.dir, 'corrections.csv');
    writeFileSync(fixed, errors);
    const second = await importClaims(w.deps, w.actor, {
      creditorRef: 'ACME',
      source: { kind: 'file', path: fixed },
    });
    // The repeated F-2024-002 is now alone in its file; its 'Litige' cell differs from the row imported
    // first ('' against 'non'), so the claim is rewritten (with the same values).
    expect(second).toMatchObject({ totalRows: 5, inserted: 3, updated: 1, rejected: 1 });
    expect(second.rejections.map((r) => [r.row, r.reason])).toEqual([[6, 'non_positive_amount']]);
  });
});
