import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import {
  type EInvoiceFileInput,
  type ImportEInvoicesResult,
  importEInvoices,
} from '../../src/use-cases/imports/import-einvoices.ts';
import { importWorld, tenantCounts } from '../fixtures/import-world.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { sharedFixtures } from '../support/shared-fixtures.ts';

const shared = sharedFixtures() ?? '';
const sample = (path: string): EInvoiceFileInput => ({
  fileName: path.slice(path.lastIndexOf('/') + 1),
  bytes: readFileSync(join(shared, path)),
});
const text = (fileName: string, content: string): EInvoiceFileInput => ({
  fileName,
  bytes: new TextEncoder().encode(content),
});

const FNFE = 'facturx/fnfe_F20220023_EN16931.pdf';
const INVOICE = 'ubl/peppol_base-example.xml';
const CREDIT_NOTE = 'ubl/peppol_base-creditnote-correction.xml';
const NEGATIVE = 'ubl/peppol_base-negative-inv-correction.xml';

/** Peppol's credit note for Snippet1, for `payable` instead of its full 1656.25, under another number. */
function partialCreditNote(number: string, payable: string): EInvoiceFileInput {
  const xml = readFileSync(join(shared, CREDIT_NOTE), 'utf8')
    .replace('<cbc:ID>Snippet1</cbc:ID>', `<cbc:ID>${number}</cbc:ID>`)
    .replace(/<cbc:PayableAmount currencyID="EUR">[^<]*</, `<cbc:PayableAmount currencyID="EUR">${payable}<`);
  return text(`${number}.xml`, xml);
}

function byFile(result: ImportEInvoicesResult, fileName: string) {
  const found = result.documents.find((d) => d.file.fileName === fileName);
  if (!found) throw new Error(`no document for ${fileName}`);
  return found;
}

describeEachDatabase('importEInvoices', (ctx) => {
  const claim = async (tenantId: string, invoice: string) =>
    ctx.handle.db
      .selectFrom('claims as c')
      .innerJoin('creditors as k', (j) =>
        j.onRef('k.tenant_id', '=', 'c.tenant_id').onRef('k.creditor_id', '=', 'c.creditor_id'),
      )
      .innerJoin('cases as s', (j) =>
        j.onRef('s.tenant_id', '=', 'c.tenant_id').onRef('s.case_id', '=', 'c.case_id'),
      )
      .select([
        'k.ref as creditor',
        'c.outstanding_minor',
        'c.amount_minor',
        'c.status',
        'c.due_date',
        'c.external_ref',
        's.outstanding_minor as case_outstanding',
        's.status as case_status',
      ])
      .where('c.tenant_id', '=', tenantId)
      .where('c.invoice_number', '=', invoice)
      .executeTakeFirstOrThrow();

  it.skipIf(shared === '')(
    'a batch: each seller its creditor, the buyer its debtor, a credit note cancels its invoice, bad files reported',
    async () => {
      const w = await importWorld(ctx.handle);
      const files = [
        sample(FNFE),
        text('not-xml.xml', 'N° facture;Montant\n'),
        sample(INVOICE),
        sample(CREDIT_NOTE),
        sample(NEGATIVE),
        sample('cii/cef_CII_example5.xml'),
        text('cut.xml', readFileSync(join(shared, 'cii/cef_CII_example3.xml'), 'utf8').slice(0, 3000)),
      ];
      const result = await importEInvoices(w.deps, w.actor, { files });
      expect(result.failures.map((f) => [f.fileName, f.reason])).toEqual([
        ['not-xml.xml', 'malformed_xml'],
        ['cut.xml', 'malformed_xml'],
      ]);
      expect(result.documents.map((d) => [d.file.fileName, d.creditor.ref, d.creditor.created])).toEqual([
        ['fnfe_F20220023_EN16931.pdf', '123456782', true],
        ['peppol_base-example.xml', 'SupplierOfficialName Ltd', true],
        ['peppol_base-creditnote-correction.xml', 'SupplierOfficialName Ltd', true],
        ['peppol_base-negative-inv-correction.xml', 'SupplierOfficialName Ltd', true],
        ['cef_CII_example5.xml', 'SellerCompany', true],
      ]);
      const creditNote = byFile(result, 'peppol_base-creditnote-correction.xml').credit;
      expect(creditNote?.applications).toEqual([
        expect.objectContaining({
          invoiceNumber: 'Snippet1',
          outcome: 'applied',
          appliedMinor: 165625,
          outstandingAfterMinor: 0,
        }),
      ]);
      const negative = byFile(result, 'peppol_base-negative-inv-correction.xml').credit;
      expect(negative?.applications.map((a) => a.outcome)).toEqual(['invoice_settled']);
      expect(negative?.unappliedMinor).toBe(165625);
      expect(byFile(result, 'peppol_base-example.xml').claim).toMatchObject({
        outstandingMinor: 0,
        status: 'cancelled',
      });
      expect(await claim(w.tenantId, 'Snippet1')).toMatchObject({
        outstanding_minor: 0,
        status: 'cancelled',
        case_outstanding: 0,
        case_status: 'closed',
      });
      expect(await claim(w.tenantId, 'TOSL110')).toMatchObject({
        creditor: 'SellerCompany',
        amount_minor: 467500,
        outstanding_minor: 233750,
        case_outstanding: 233750,
        external_ref: 'Payref1',
      });
      expect(result.imports.map((i) => [i.inserted, i.rejected])).toEqual([
        [1, 0],
        [1, 0],
        [1, 0],
      ]);
    },
  );

  it.skipIf(shared === '')(
    'the seller becomes a creditor with its SIREN; the buyer a business debtor with its ids and contacts',
    async () => {
      const w = await importWorld(ctx.handle);
      await importEInvoices(w.deps, w.actor, { files: [sample(FNFE)] });
      const creditor = await ctx.handle.db
        .selectFrom('creditors')
        .select(['name', 'siren', 'country', 'currency'])
        .where('tenant_id', '=', w.tenantId)
        .where('ref', '=', '123456782')
        .executeTakeFirstOrThrow();
      expect(creditor).toEqual({
        name: 'LE FOURNISSEUR',
        siren: '123456782',
        country: 'FR',
        currency: 'EUR',
      });
      const debtor = await ctx.handle.db
        .selectFrom('debtors')
        .select(['debtor_id', 'ref', 'name', 'kind', 'siren', 'vat_number', 'language'])
        .where('tenant_id', '=', w.tenantId)
        .executeTakeFirstOrThrow();
      expect(debtor).toMatchObject({
        ref: 'SIREN:987654321',
        name: 'LE CLIENT',
        kind: 'business',
        siren: '987654321',
        vat_number: 'FR05987654321',
        language: 'fr',
      });
      const contacts = await ctx.handle.db
        .selectFrom('contacts')
        .select(['kind', 'value', 'postal_code', 'city'])
        .where('tenant_id', '=', w.tenantId)
        .where('debtor_id', '=', debtor.debtor_id)
        .orderBy('kind')
        .execute();
      expect(contacts).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'email', value: 'buyer@buyer.com' }),
          expect.objectContaining({ kind: 'postal', postal_code: '06000', city: 'MA VILLE' }),
        ]),
      );
      expect(await claim(w.tenantId, 'F20220023')).toMatchObject({
        amount_minor: 10490,
        outstanding_minor: 10490,
        due_date: '2022-03-02',
        external_ref: 'F20180023BUYER',
      });
    },
  );

  it.skipIf(shared === '')(
    'a re-import of the same files changes nothing, and credits nothing twice',
    async () => {
      const w = await importWorld(ctx.handle);
      const files = [
        sample(FNFE),
        sample(INVOICE),
        sample(CREDIT_NOTE),
        sample('ubl/cef_ubl-tc434-example2.xml'),
      ];
      await importEInvoices(w.deps, w.actor, { files });
      const before = await tenantCounts(ctx.handle, w.tenantId);
      const again = await importEInvoices(w.deps, w.actor, { files });
      expect(again.imports.map((i) => [i.inserted, i.updated, i.unchanged, i.rejected])).toEqual([
        [0, 0, 1, 0],
        [0, 0, 1, 0],
        [0, 0, 1, 0],
      ]);
      expect(again.documents.every((d) => d.creditor.created === false)).toBe(true);
      expect(again.documents.map((d) => d.claim?.unchanged ?? 'credit')).toEqual([
        true,
        true,
        'credit',
        true,
      ]);
      expect(byFile(again, 'peppol_base-creditnote-correction.xml').credit?.applications).toEqual([
        expect.objectContaining({ outcome: 'already_applied', appliedMinor: 165625 }),
      ]);
      const after = await tenantCounts(ctx.handle, w.tenantId);
      expect({ ...after, imports: before.imports, audit_log: before.audit_log }).toEqual(before);
      expect(after.imports).toBe((before.imports ?? 0) + 3);
      expect(await claim(w.tenantId, 'Snippet1')).toMatchObject({
        outstanding_minor: 0,
        status: 'cancelled',
      });
      expect(await claim(w.tenantId, 'TOSL108')).toMatchObject({ outstanding_minor: 80178, status: 'open' });
    },
  );

  it.skipIf(shared === '')(
    'a credit note in a later import lowers the stored invoice, once; the case follows',
    async () => {
      const w = await importWorld(ctx.handle);
      await importEInvoices(w.deps, w.actor, { files: [sample(INVOICE)] });
      const first = await importEInvoices(w.deps, w.actor, {
        files: [partialCreditNote('CN-100', '100.00')],
      });
      expect(first.documents[0]?.credit?.applications).toEqual([
        {
          invoiceNumber: 'Snippet1',
          outcome: 'applied',
          claimId: expect.any(String),
          appliedMinor: 10000,
          outstandingAfterMinor: 155625,
        },
      ]);
      expect(await claim(w.tenantId, 'Snippet1')).toMatchObject({
        outstanding_minor: 155625,
        status: 'open',
        case_outstanding: 155625,
        case_status: 'open',
      });
      const twice = await importEInvoices(w.deps, w.actor, {
        files: [partialCreditNote('CN-100', '100.00')],
      });
      expect(twice.documents[0]?.credit?.applications[0]?.outcome).toBe('already_applied');
      const bigger = await importEInvoices(w.deps, w.actor, {
        files: [partialCreditNote('CN-2000', '2000.00')],
      });
      expect(bigger.documents[0]?.credit).toMatchObject({
        applications: [
          expect.objectContaining({ outcome: 'applied', appliedMinor: 155625, outstandingAfterMinor: 0 }),
        ],
        unappliedMinor: 44375,
      });
      expect(await claim(w.tenantId, 'Snippet1')).toMatchObject({
        outstanding_minor: 0,
        status: 'cancelled',
        case_status: 'closed',
      });
      const audit = await ctx.handle.db
        .selectFrom('audit_log')
        .select('data')
        .where('tenant_id', '=', w.tenantId)
        .where('action', '=', 'claim.credited')
        .execute();
      expect(audit.map((a) => JSON.parse(a.data).amountMinor).sort()).toEqual([10000, 155625]);
    },
  );

  it.skipIf(shared === '')(
    'a re-import of an invoice after its credit keeps the credit (the row is unchanged)',
    async () => {
      const w = await importWorld(ctx.handle);
      await importEInvoices(w.deps, w.actor, { files: [sample(INVOICE)] });
      await importEInvoices(w.deps, w.actor, { files: [partialCreditNote('CN-100', '100.00')] });
      const again = await importEInvoices(w.deps, w.actor, { files: [sample(INVOICE)] });
      expect(again.imports[0]).toMatchObject({ unchanged: 1, updated: 0 });
      expect(await claim(w.tenantId, 'Snippet1')).toMatchObject({ outstanding_minor: 155625 });
    },
  );

  it.skipIf(shared === '')('a creditor given: every document is its own, whatever the seller', async () => {
    const w = await importWorld(ctx.handle);
    const result = await importEInvoices(w.deps, w.actor, {
      files: [sample(FNFE), sample('cii/cef_CII_example3.xml'), sample(INVOICE)],
      creditor: { ref: 'ACME' },
    });
    expect(result.documents.map((d) => [d.creditor.ref, d.creditor.created])).toEqual([
      ['ACME', false],
      ['ACME', false],
      ['ACME', false],
    ]);
    expect(result.imports).toHaveLength(1);
    expect(result.imports[0]).toMatchObject({ inserted: 3, creditorId: w.creditorId });
  });

  it.skipIf(shared === '')(
    'two documents with one number for one seller: the second is rejected, the first kept',
    async () => {
      const w = await importWorld(ctx.handle);
      const result = await importEInvoices(w.deps, w.actor, {
        files: [
          sample('facturx/zf24_EN16931_Einfach.pdf'),
          sample('facturx/zf24_EN16931_Einfach_DueDate.xml'),
        ],
      });
      expect(result.documents.map((d) => d.claim?.imported)).toEqual([true, false]);
      expect(result.documents[1]?.claim?.rejections.map((r) => r.reason)).toEqual(['duplicate_in_file']);
      expect(await claim(w.tenantId, '471102')).toMatchObject({
        due_date: '2018-04-04',
        creditor: 'Lieferant GmbH',
      });
    },
  );
});
