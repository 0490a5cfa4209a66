import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { fixtures, importWorld } from '../../../test/fixtures/import-world.ts';
import { makeXlsx } from '../../../test/fixtures/make-xlsx.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { sharedFixtures } from '../../../test/support/shared-fixtures.ts';
import { importClaims } from './import-claims.ts';

const shared = sharedFixtures() ?? '';
const ibm = join(shared, 'csv/ibm_watson_WA_Fn-UseC_-Accounts-Receivable.csv');

describeEachDatabase('importClaims: other sources', (ctx) => {
  it('reads a Windows-1252 file with its accents', async () => {
    const w = await importWorld(ctx.handle);
    const summary = await importClaims(w.deps, w.actor, {
      creditorRef: 'ACME',
      source: { kind: 'file', path: join(fixtures, 'factures-windows-1252.csv') },
    });
    expect(summary).toMatchObject({ inserted: 2, rejected: 0 });
    expect(summary.mapping).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(summary.mapping.columns).toMatchObject({
      debtor_name: 'Société',
      due_date: 'Échéance',
      currency: 'Devise',
    });
    const rows = await ctx.handle.db
      .selectFrom('claims as c')
      .innerJoin('debtors as d', (j) =>
        j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
      )
      .select(['c.invoice_number', 'd.name', 'd.kind', 'c.amount_minor', 'c.currency', 'c.due_date'])
      .where('c.tenant_id', '=', w.tenantId)
      .orderBy('c.invoice_number')
      .execute();
    expect(rows).toEqual([
      {
        invoice_number: 'FAC-1',
        name: 'Société Générale',
        kind: 'business',
        amount_minor: 150000,
        currency: 'EUR',
        due_date: '2024-03-15',
      },
      {
        invoice_number: 'FAC-2',
        name: 'Crédit Agricole SA',
        kind: 'business',
        amount_minor: 25050,
        currency: 'EUR',
        due_date: '2024-04-30',
      },
    ]);
  });

  it('reads an .xlsx workbook: Excel dates and numbers, a named sheet', async () => {
    const w = await importWorld(ctx.handle);
    const path = join(w.dir, 'creances.xlsx');
    writeFileSync(
      path,
      makeXlsx([
        { name: 'Notes', rows: [['Rien ici']] },
        {
          name: 'Créances',
          rows: [
            [
              'N° facture',
              'Client',
              'Date facture',
              "Date d'échéance",
              'Montant TTC',
              'Reste à payer',
              'Type client',
            ],
            [
              'X-001',
              'Durand Marie',
              { date: '2024-03-01' },
              { date: '2024-03-31' },
              1234.5,
              1234.5,
              'particulier',
            ],
            ['00042', 'Lefèvre et Fils SARL', { date: '2024-04-01' }, '30/04/2024', 0.1 + 0.2, 0.3, 'B2B'],
            [null, null, null, null, null, null, null],
            ['X-003', 'Martin', { date: '2024-05-01' }, { date: '2024-05-31' }, 'abc', 10, 'B2C'],
          ],
        },
      ]),
    );
    const summary = await importClaims(w.deps, w.actor, {
      creditorRef: 'ACME',
      source: { kind: 'file', path },
      mapping: { sheet: 'Créances' },
    });
    expect(summary).toMatchObject({ format: 'xlsx', totalRows: 3, inserted: 2, rejected: 1 });
    expect(summary.rejections.map((r) => [r.row, r.column, r.reason])).toEqual([
      [5, 'Montant TTC', 'invalid_amount'],
    ]);
    const claims = await ctx.handle.db
      .selectFrom('claims')
      .select(['invoice_number', 'issue_date', 'due_date', 'amount_minor', 'prescription_basis'])
      .where('tenant_id', '=', w.tenantId)
      .orderBy('invoice_number')
      .execute();
    expect(claims).toEqual([
      {
        invoice_number: '00042',
        issue_date: '2024-04-01',
        due_date: '2024-04-30',
        amount_minor: 30,
        prescription_basis: 'commercial_5y',
      },
      {
        invoice_number: 'X-001',
        issue_date: '2024-03-01',
        due_date: '2024-03-31',
        amount_minor: 123450,
        prescription_basis: 'consumer_2y',
      },
    ]);
  });

  it.skipIf(shared === '')(
    'imports the IBM accounts-receivable sample: M/D/YYYY, leading zeros, disputes, settled',
    async () => {
      const w = await importWorld(ctx.handle);
      const summary = await importClaims(w.deps, w.actor, {
        creditorRef: 'ACME',
        source: { kind: 'file', path: ibm },
      });
      expect(summary).toMatchObject({ totalRows: 2466, inserted: 2466, rejected: 0 });
      expect(summary.mapping).toMatchObject({ dateOrder: 'mdy', decimalSeparator: '.', delimiter: ',' });
      expect(summary.mapping.columns).toMatchObject({
        invoice_number: 'invoiceNumber',
        debtor_ref: 'customerID',
        issue_date: 'InvoiceDate',
        due_date: 'DueDate',
        amount: 'InvoiceAmount',
        disputed: 'Disputed',
        settled_date: 'SettledDate',
      });
      const first = await ctx.handle.db
        .selectFrom('claims')
        .select(['invoice_number', 'issue_date', 'due_date', 'amount_minor', 'outstanding_minor', 'status'])
        .where('tenant_id', '=', w.tenantId)
        .where('invoice_number', '=', '0000611365')
        .executeTakeFirstOrThrow();
      expect(first).toEqual({
        invoice_number: '0000611365',
        issue_date: '2013-01-02',
        due_date: '2013-02-01',
        amount_minor: 5594,
        outstanding_minor: 0,
        status: 'paid',
      });
      const counts = await ctx.handle.db
        .selectFrom('claims')
        .select((eb) => [
          eb.fn.countAll<number>().as('n'),
          eb.fn.count<number>('dispute_reason').as('reasons'),
        ])
        .where('tenant_id', '=', w.tenantId)
        .where('invoice_number', 'like', '0%')
        .executeTakeFirstOrThrow();
      expect(Number(counts.n)).toBe(266);
      const cases = await ctx.handle.db
        .selectFrom('cases')
        .select(['status', 'outstanding_minor', 'claim_count'])
        .where('tenant_id', '=', w.tenantId)
        .execute();
      expect(cases).toHaveLength(100);
      expect(cases.every((c) => c.status === 'closed' && c.outstanding_minor === 0)).toBe(true);
      expect(cases.reduce((n, c) => n + c.claim_count, 0)).toBe(2466);

      const again = await importClaims(w.deps, w.actor, {
        creditorRef: 'ACME',
        source: { kind: 'file', path: ibm },
      });
      expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2466 });
    },
  );

  it('imports records given as objects (an API upload), writing its error file in the data folder', async () => {
    const w = await importWorld(ctx.handle, { locale: 'en' });
    const summary = await importClaims(w.deps, w.actor, {
      creditorRef: 'ACME',
      source: {
        kind: 'rows',
        fileName: 'upload.json',
        rows: [
          {
            'Invoice number': 'INV-1',
            Customer: 'Globex Ltd',
            'Due date': '2024-06-30',
            Amount: 99.9,
            Currency: 'GBP',
          },
          {
            'Invoice number': 'INV-2',
            Customer: 'Jane Roe',
            'Due date': new Date('2024-07-31T00:00:00Z'),
            Amount: '12.34',
          },
          { 'Invoice number': 'INV-3', Customer: 'Nobody', 'Due date': 'soon', Amount: 5 },
        ],
      },
    });
    expect(summary).toMatchObject({ format: 'json', fileName: 'upload.json', inserted: 2, rejected: 1 });
    expect(summary.rejections).toEqual([
      { row: 3, column: 'Due date', reason: 'invalid_date', message: 'Invalid date: "soon"' },
    ]);
    expect(summary.errorFile).toBe(join(w.deps.dataDir, 'imports', `${summary.importId}.errors.csv`));
    expect(existsSync(summary.errorFile!)).toBe(true);
    const claims = await ctx.handle.db
      .selectFrom('claims')
      .select(['invoice_number', 'amount_minor', 'currency', 'due_date'])
      .where('tenant_id', '=', w.tenantId)
      .orderBy('invoice_number')
      .execute();
    expect(claims).toEqual([
      { invoice_number: 'INV-1', amount_minor: 9990, currency: 'GBP', due_date: '2024-06-30' },
      { invoice_number: 'INV-2', amount_minor: 1234, currency: 'EUR', due_date: '2024-07-31' },
    ]);
  });

  it('follows a mapping file over the detection', async () => {
    const w = await importWorld(ctx.handle);
    const summary = await importClaims(w.deps, w.actor, {
      creditorRef: 'ACME',
      source: { kind: 'file', path: join(fixtures, 'custom-headers.csv') },
      mapping: {
        columns: { invoice_number: 'Pièce comptable', due_date: 'Echeance (jour)', amount: 'total du' },
        dateOrder: 'mdy',
        debtorKind: 'business',
        delimiter: ',',
      },
    });
    expect(summary).toMatchObject({ inserted: 2, rejected: 0 });
    expect(summary.mapping).toMatchObject({ dateOrder: 'mdy', debtorKind: 'business' });
    const claims = await ctx.handle.db
      .selectFrom('claims')
      .select(['invoice_number', 'due_date', 'amount_minor', 'prescription_basis'])
      .where('tenant_id', '=', w.tenantId)
      .orderBy('invoice_number')
      .execute();
    expect(claims).toEqual([
      {
        invoice_number: 'A-1',
        due_date: '2024-03-04',
        amount_minor: 1050,
        prescription_basis: 'commercial_5y',
      },
      {
        invoice_number: 'A-2',
        due_date: '2024-04-05',
        amount_minor: 2000,
        prescription_basis: 'commercial_5y',
      },
    ]);
  });

  it('stores awkward text exactly as written (quotes, backslashes, braces, NULL, line breaks)', async () => {
    const w = await importWorld(ctx.handle);
    const summary = await importClaims(w.deps, w.actor, {
      creditorRef: 'ACME',
      source: { kind: 'file', path: join(fixtures, 'tricky-values.csv') },
    });
    expect(summary).toMatchObject({ inserted: 4, rejected: 0 });
    const rows = await ctx.handle.db
      .selectFrom('claims as c')
      .innerJoin('debtors as d', (j) =>
        j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
      )
      .select(['c.invoice_number', 'd.name', 'c.description'])
      .where('c.tenant_id', '=', w.tenantId)
      .orderBy('c.invoice_number')
      .execute();
    expect(rows).toEqual([
      { invoice_number: 'T-1', name: 'Say "hello" Ltd', description: 'back\\slash {brace}, comma' },
      { invoice_number: 'T-2', name: 'NULL', description: 'two\nlines' },
      { invoice_number: 'T-3', name: 'spaced name', description: '"quoted"' },
      { invoice_number: 'T-4', name: 'Ωmega €uro ’quote’', description: '\\' },
    ]);
  });
});
