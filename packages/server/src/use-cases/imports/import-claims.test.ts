import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { fixtures, importWorld, tenantCounts } from '../../../test/fixtures/import-world.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { refreshCases } from '../../ledger/refresh-cases.ts';
import { importClaims } from './import-claims.ts';

describeEachDatabase('importClaims: a French CSV', (ctx) => {
  it('imports the good rows, reports each bad one by row, column and reason, and writes the error file', async () => {
    const w = await importWorld(ctx.handle);
    const path = join(w.dir, 'factures.csv');
    copyFileSync(join(fixtures, 'factures-fr.csv'), path);
    const summary = await importClaims(w.deps, w.actor, {
      creditorRef: 'ACME',
      source: { kind: 'file', path },
    });

    expect(summary).toMatchObject({
      format: 'csv',
      totalRows: 10,
      inserted: 5,
      updated: 0,
      unchanged: 0,
      rejected: 5,
    });
    expect(summary.mapping).toMatchObject({
      dateOrder: 'dmy',
      decimalSeparator: ',',
      delimiter: ';',
      encoding: 'utf-8',
    });
    expect(summary.rejections.map((r) => [r.row, r.column, r.reason])).toEqual([
      [5, "Date d'échéance", 'invalid_date'],
      [6, 'N° facture', 'missing_value'],
      [7, 'Montant TTC', 'invalid_amount'],
      [8, 'N° facture', 'duplicate_in_file'],
      [9, 'Montant TTC', 'non_positive_amount'],
    ]);
    expect(summary.rejections[3]?.message).toBe(
      'Numéro de facture en double dans le fichier : « F-2024-002 » (déjà ligne 3)',
    );
    expect(summary.warnings.map((r) => [r.row, r.column, r.reason])).toEqual([
      [4, 'E-mail', 'invalid_email'],
      [11, 'SIREN', 'invalid_siren'],
    ]);

    const claims = await ctx.handle.db
      .selectFrom('claims')
      .selectAll()
      .where('tenant_id', '=', w.tenantId)
      .orderBy('invoice_number')
      .execute();
    expect(
      claims.map((c) => [c.invoice_number, c.amount_minor, c.outstanding_minor, c.status, c.due_date]),
    ).toEqual([
      ['F-2024-001', 123456, 123456, 'open', '2024-02-14'],
      ['F-2024-002', 50000, 20000, 'open', '2024-02-19'],
      ['F-2024-003', 8990, 8990, 'disputed', '2024-03-02'],
      ['F-2024-009', 200000, 0, 'paid', '2024-03-13'],
      ['F-2024-010', 30000, 30000, 'open', '2024-03-13'],
    ]);
    expect(claims[0]).toMatchObject({
      issue_date: '2024-01-15',
      prescription_basis: 'commercial_5y',
      prescription_end: '2029-02-14',
    });
    expect(claims[2]).toMatchObject({
      dispute_reason: 'Facture contestée : livraison incomplète',
      prescription_basis: 'consumer_2y',
      prescription_end: '2026-03-02',
    });

    const debtors = await ctx.handle.db
      .selectFrom('debtors')
      .select(['ref', 'name', 'kind', 'siren'])
      .where('tenant_id', '=', w.tenantId)
      .orderBy('ref')
      .execute();
    expect(debtors).toEqual([
      { ref: 'C001', name: 'Dupont SARL', kind: 'business', siren: '732829320' },
      { ref: 'C002', name: 'Martin; Jean', kind: 'consumer', siren: null },
      { ref: 'SIREN:123456789', name: 'Société Inconnue', kind: 'business', siren: '123456789' },
    ]);
    const contacts = await ctx.handle.db
      .selectFrom('contacts')
      .select(['kind', 'value', 'label', 'validity', 'raw'])
      .where('tenant_id', '=', w.tenantId)
      .orderBy('value')
      .execute();
    expect(contacts).toEqual([
      { kind: 'phone', value: '+33123456789', label: 'landline', validity: 'valid', raw: null },
      { kind: 'phone', value: '+33612345678', label: 'mobile', validity: 'valid', raw: null },
      {
        kind: 'postal',
        value: '12 rue de la Paix, 75002 Paris',
        label: null,
        validity: 'unverified',
        raw: null,
      },
      {
        kind: 'postal',
        value: '3 place du Marché, 69003 Lyon',
        label: null,
        validity: 'unverified',
        raw: null,
      },
      { kind: 'email', value: 'compta@dupont.fr', label: null, validity: 'valid', raw: null },
      {
        kind: 'email',
        value: 'jean.martin@exemple',
        label: null,
        validity: 'invalid',
        raw: 'jean.martin@exemple',
      },
    ]);

    const stored = await ctx.handle.db
      .selectFrom('import_rejections')
      .select(['row_number', 'column_name', 'reason', 'raw'])
      .where('tenant_id', '=', w.tenantId)
      .orderBy('row_number')
      .execute();
    expect(stored.map((r) => r.row_number)).toEqual([5, 6, 7, 8, 9]);
    expect(stored[2]?.raw).toBe('F-2024-006;10/02/2024;11/03/2024;douze euros;12,00;Leroy SAS;;C005;;;;;;');

    expect(summary.errorFile).toBe(`${path}.errors.csv`);
    const errors = readFileSync(`${path}.errors.csv`, 'utf8').split('\r\n');
    expect(errors[0]).toBe(
      "\uFEFFrow;column;reason;message;N° facture;Date facture;Date d'échéance;Montant TTC;Reste à payer;" +
        'Raison sociale;SIREN;Code client;E-mail;Téléphone;Adresse;Code postal;Ville;Litige',
    );
    expect(errors).toHaveLength(7);
    expect(errors[3]).toMatch(
      /^7;Montant TTC;invalid_amount;Montant illisible : « douze euros »;F-2024-006;/,
    );

    const imports = await ctx.handle.db
      .selectFrom('imports')
      .selectAll()
      .where('tenant_id', '=', w.tenantId)
      .execute();
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({
      status: 'completed',
      total_rows: 10,
      inserted: 5,
      rejected: 5,
      error_file: `${path}.errors.csv`,
    });
    expect(JSON.parse(imports[0]!.mapping).columns.invoice_number).toBe('N° facture');
    const audit = await ctx.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('tenant_id', '=', w.tenantId)
      .where('action', '=', 'claims.imported')
      .execute();
    expect(audit.map((a) => [a.entity_kind, a.entity_id, a.actor_id])).toEqual([
      ['import', summary.importId, 'tester'],
    ]);
  });

  it('keeps the case aggregates in step with the claims', async () => {
    const w = await importWorld(ctx.handle);
    const path = join(w.dir, 'factures.csv');
    copyFileSync(join(fixtures, 'factures-fr.csv'), path);
    await importClaims(w.deps, w.actor, { creditorRef: 'ACME', source: { kind: 'file', path } });
    const cases = async () =>
      ctx.handle.db
        .selectFrom('cases as k')
        .innerJoin('debtors as d', (j) =>
          j.onRef('d.tenant_id', '=', 'k.tenant_id').onRef('d.debtor_id', '=', 'k.debtor_id'),
        )
        .select([
          'd.ref',
          'k.status',
          'k.outstanding_minor',
          'k.disputed_minor',
          'k.claim_count',
          'k.open_claim_count',
          'k.oldest_due_date',
          'k.earliest_prescription_end',
          'k.currency',
        ])
        .where('k.tenant_id', '=', w.tenantId)
        .orderBy('d.ref')
        .execute();
    const built = await cases();
    expect(built).toEqual([
      {
        ref: 'C001',
        status: 'open',
        outstanding_minor: 143456,
        disputed_minor: 0,
        claim_count: 3,
        open_claim_count: 2,
        oldest_due_date: '2024-02-14',
        earliest_prescription_end: '2029-02-14',
        currency: 'EUR',
      },
      {
        ref: 'C002',
        status: 'open',
        outstanding_minor: 8990,
        disputed_minor: 8990,
        claim_count: 1,
        open_claim_count: 1,
        oldest_due_date: '2024-03-02',
        earliest_prescription_end: null,
        currency: 'EUR',
      },
      {
        ref: 'SIREN:123456789',
        status: 'open',
        outstanding_minor: 30000,
        disputed_minor: 0,
        claim_count: 1,
        open_claim_count: 1,
        oldest_due_date: '2024-03-13',
        earliest_prescription_end: '2029-03-13',
        currency: 'EUR',
      },
    ]);
    // The aggregates computed in memory for new cases equal what the set-based SQL computes.
    const ids = await ctx.handle.db
      .selectFrom('cases')
      .select('case_id')
      .where('tenant_id', '=', w.tenantId)
      .execute();
    await refreshCases(
      ctx.handle.db,
      w.tenantId,
      ids.map((r) => r.case_id),
      '2026-11-23T00:00:00.000Z',
    );
    expect(await cases()).toEqual(built);
  });

  it('changes nothing when the same file is imported again, and updates what changed', async () => {
    const w = await importWorld(ctx.handle);
    const path = join(w.dir, 'factures.csv');
    copyFileSync(join(fixtures, 'factures-fr.csv'), path);
    await importClaims(w.deps, w.actor, { creditorRef: 'ACME', source: { kind: 'file', path } });
    const before = await tenantCounts(ctx.handle, w.tenantId);
    const claimsBefore = await ctx.handle.db
      .selectFrom('claims')
      .selectAll()
      .where('tenant_id', '=', w.tenantId)
      .execute();

    const again = await importClaims(w.deps, w.actor, {
      creditorRef: 'ACME',
      source: { kind: 'file', path },
    });
    expect(again).toMatchObject({ totalRows: 10, inserted: 0, updated: 0, unchanged: 5, rejected: 5 });
    const after = await tenantCounts(ctx.handle, w.tenantId);
    expect({ ...after, imports: 0, import_rejections: 0, audit_log: 0 }).toEqual({
      ...before,
      imports: 0,
      import_rejections: 0,
      audit_log: 0,
    });
    expect(after.imports).toBe(2);
    const claimsAfter = await ctx.handle.db
      .selectFrom('claims')
      .selectAll()
      .where('tenant_id', '=', w.tenantId)
      .execute();
    expect(claimsAfter).toEqual(claimsBefore);

    const text = readFileSync(path, 'utf8').replace(
      'F-2024-002;20/01/2024;19/02/2024;500,00;200,00',
      'F-2024-002;20/01/2024;19/02/2024;500,00;50,00',
    );
    writeFileSync(path, text);
    const changed = await importClaims(w.deps, w.actor, {
      creditorRef: 'ACME',
      source: { kind: 'file', path },
    });
    expect(changed).toMatchObject({ inserted: 0, updated: 1, unchanged: 4, rejected: 5 });
    const claim = await ctx.handle.db
      .selectFrom('claims')
      .select(['outstanding_minor', 'import_id'])
      .where('tenant_id', '=', w.tenantId)
      .where('invoice_number', '=', 'F-2024-002')
      .executeTakeFirstOrThrow();
    expect(claim).toEqual({ outstanding_minor: 5000, import_id: changed.importId });
    const kase = await ctx.handle.db
      .selectFrom('cases as k')
      .innerJoin('debtors as d', (j) =>
        j.onRef('d.tenant_id', '=', 'k.tenant_id').onRef('d.debtor_id', '=', 'k.debtor_id'),
      )
      .select(['k.outstanding_minor'])
      .where('k.tenant_id', '=', w.tenantId)
      .where('d.ref', '=', 'C001')
      .executeTakeFirstOrThrow();
    expect(kase.outstanding_minor).toBe(123456 + 5000);
    expect((await tenantCounts(ctx.handle, w.tenantId)).claims).toBe(before.claims);
  });

  it('removes a stale error file once a corrected file imports cleanly', async () => {
    const w = await importWorld(ctx.handle);
    const path = join(w.dir, 'factures.csv');
    copyFileSync(join(fixtures, 'factures-fr.csv'), path);
    await importClaims(w.deps, w.actor, { creditorRef: 'ACME', source: { kind: 'file', path } });
    expect(existsSync(`${path}.errors.csv`)).toBe(true);
    const lines = readFileSync(path, 'utf8').split('\r\n');
    writeFileSync(path, [lines[0], lines[1], ''].join('\r\n'));
    const summary = await importClaims(w.deps, w.actor, {
      creditorRef: 'ACME',
      source: { kind: 'file', path },
    });
    expect(summary.errorFile).toBeNull();
    expect(existsSync(`${path}.errors.csv`)).toBe(false);
  });
});
