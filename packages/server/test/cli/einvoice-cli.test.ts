import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, expect, it } from 'vitest';
import { sharedFixtures } from '../support/shared-fixtures.ts';
import { describeEachCliDatabase, relance } from './cli-support.ts';

const shared = sharedFixtures() ?? '';
const fixture = (path: string) => join(shared, path);

const FNFE = 'facturx/fnfe_F20220023_EN16931.pdf';
const INVOICE = 'ubl/peppol_base-example.xml';
const CREDIT_NOTE = 'ubl/peppol_base-creditnote-correction.xml';
const NORWAY = 'ubl/peppol_NO_Norwegian-example-1.xml';

/** Spaces as Intl prints them in French amounts (narrow no-break, no-break) or a plain one. */
const sp = '[\\s\\u202f\\u00a0]';

describeEachCliDatabase('relance import <e-invoices>', (ctx) => {
  beforeAll(async () => {
    const init = await relance(ctx.db, ['init', '--admin-password', 'long-enough-password']);
    expect(init.code, init.stderr).toBe(0);
  });

  it.skipIf(shared === '')(
    'imports a Factur-X PDF, a UBL invoice and its credit note without --creditor, and says what each became (French)',
    async () => {
      const run = await relance(ctx.db, ['import', fixture(FNFE), fixture(INVOICE), fixture(CREDIT_NOTE)]);
      expect(run.code, run.stderr).toBe(0);
      const out = run.stdout;
      expect(out).toContain('Facture F20220023 (380) du 2022-01-31 — fnfe_F20220023_EN16931.pdf [EN 16931]');
      expect(out).toContain('Vendeur     : LE FOURNISSEUR (SIREN 123456782, TVA FR11123456782)');
      expect(out).toContain('Acheteur    : LE CLIENT (SIREN 987654321, TVA FR05987654321)');
      expect(out).toMatch(
        new RegExp(
          `Total TTC   : 104,90${sp}€ ; acompte : 0,00${sp}€ ; arrondi : 0,00${sp}€ ; reste dû : 104,90${sp}€`,
        ),
      );
      expect(out).toContain('Échéance    : 2022-03-02');
      expect(out).toContain(
        'Paiement    : référence F20180023BUYER ; compte FR20 1254 2547 2569 8542 5874 698',
      );
      expect(out).toMatch(
        new RegExp(`→ créance importée pour le créancier 123456782 \\(nouveau\\) : reste dû 104,90${sp}€`),
      );
      expect(out).toContain('Avoir Snippet1 (381) du 2017-11-13');
      expect(out).toMatch(
        new RegExp(`→ avoir : 1${sp}656,25${sp}€ déduits de la facture Snippet1 \\(reste dû : 0,00${sp}€\\)`),
      );
      expect(out).toContain(
        '3 fichier(s) : 2 créance(s) importée(s), 0 non importée(s), 1 avoir(s), 0 fichier(s) illisible(s).',
      );
    },
  );

  it.skipIf(shared === '')(
    'prints one JSON document with every document’s fields, in English too; a re-import changes nothing',
    async () => {
      const json = await relance(ctx.db, ['--json', 'import', fixture(NORWAY), fixture(FNFE)]);
      expect(json.code, json.stderr).toBe(0);
      const doc = JSON.parse(json.stdout);
      expect(doc.documents).toHaveLength(2);
      expect(doc.documents[0]).toMatchObject({
        file: 'peppol_NO_Norwegian-example-1.xml',
        number: 'TOSL108',
        type: { code: '380', kind: 'invoice' },
        issueDate: '2013-06-30',
        dueDate: '2013-07-20',
        currency: 'NOK',
        seller: { name: 'The Sellercompany ASA', legalId: { value: '123456785', scheme: '0192' } },
        buyer: { name: 'Buyercompany ASA', vatId: { value: 'NO987654325MVA' } },
        totals: {
          grandTotal: { decimal: '1801.78', minor: 180178 },
          prepaid: { decimal: '1000.00' },
          rounding: { decimal: '0.22' },
          duePayable: { decimal: '802.00', minor: 80200 },
        },
        amountDue: { decimal: '802.00', minor: 80200, currency: 'NOK' },
        paymentReference: '0003434323213231',
        iban: 'NO9386011117947',
        creditor: { ref: 'The Sellercompany ASA', created: true },
        claim: { imported: true, unchanged: false, outstanding: { minor: 80200 }, dueDate: '2013-07-20' },
        credit: null,
      });
      expect(doc.documents[1]).toMatchObject({
        number: 'F20220023',
        pdf: { embeddedXmlName: 'factur-x.xml', xmp: { conformanceLevel: 'EN 16931' } },
        seller: { siren: '123456782' },
        buyer: { siren: '987654321' },
        claim: { imported: true, outstanding: { minor: 10490 } },
      });
      const english = await relance(ctx.db, ['--lang', 'en', 'import', fixture(NORWAY)]);
      expect(english.code, english.stderr).toBe(0);
      expect(english.stdout).toContain('Invoice TOSL108 (380) of 2013-06-30');
      expect(english.stdout).toMatch(new RegExp(`amount due: NOK${sp}802\\.00`));
      expect(english.stdout).toMatch(
        new RegExp(
          `→ claim already imported for creditor The Sellercompany ASA, unchanged: NOK${sp}802\\.00 outstanding`,
        ),
      );
    },
  );

  it.skipIf(shared === '')(
    'imports a folder, and says where a due date comes from when the invoice has none',
    async () => {
      const folder = join(ctx.db.dir, 'factures');
      mkdirSync(folder, { recursive: true });
      copyFileSync(fixture('facturx/zf24_EN16931_SEPA_Prenotification.pdf'), join(folder, 'sepa.pdf'));
      copyFileSync(fixture('facturx/zf24_EXTENDED_Warenrechnung.xml'), join(folder, 'waren.xml'));
      writeFileSync(join(folder, 'notes.txt'), 'not an invoice');
      const run = await relance(ctx.db, ['import', folder]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('Échéance    : 2018-03-20 (lue dans les conditions de paiement)');
      expect(run.stdout).toContain('prélèvement sur le compte DE21860000000086001055 (mandat REF A-123)');
      expect(run.stdout).toContain(
        'Échéance    : 2025-10-31 (aucune dans la facture : date d’émission + 30 jours, C. com. L441-10)',
      );
      expect(run.stdout).toContain('2 fichier(s) : 2 créance(s) importée(s)');
    },
  );

  it.skipIf(shared === '')(
    'one unreadable file among several: reported, the others imported, exit 2',
    async () => {
      const broken = join(ctx.db.dir, 'cassee.xml');
      writeFileSync(broken, '<rsm:CrossIndustryInvoice xmlns:rsm="x"><rsm:ExchangedDocument>');
      const run = await relance(ctx.db, ['import', broken, fixture('cii/cef_CII_example3.xml')]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stdout).toMatch(
        /Illisible : cassee\.xml : XML mal formé \(ligne 1, colonne \d+\) : <rsm:ExchangedDocument> jamais fermée/,
      );
      expect(run.stdout).toContain('→ créance importée pour le créancier SubscriptionSeller (nouveau)');
    },
  );

  it('one file that is no invoice: an error naming the file and why (exit 1), in French and English', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const bare = join(ctx.db.dir, 'scan.pdf');
    writeFileSync(bare, await pdf.save());
    const run = await relance(ctx.db, ['import', bare]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(
      'Erreur (fichier illisible) : scan.pdf : le PDF ne contient aucune facture Factur-X / ZUGFeRD (pièces jointes : aucune).',
    );
    expect(run.stdout).toBe('');
    const json = await relance(ctx.db, ['--json', '--lang', 'en', 'import', bare]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).error).toMatchObject({
      code: 'import_unreadable',
      message: 'scan.pdf: the PDF carries no Factur-X / ZUGFeRD invoice (attachments: none).',
      details: { reason: 'pdf_without_invoice', file: 'scan.pdf' },
    });
  });

  it('a CSV still needs --creditor (usage error, exit 64), saying why', async () => {
    const csv = join(ctx.db.dir, 'factures.csv');
    writeFileSync(csv, 'N° facture;Montant\nF1;12,00\n');
    const run = await relance(ctx.db, ['import', csv]);
    expect(run.code, run.stderr).toBe(64);
    expect(run.stderr).toContain('--creditor est obligatoire pour un fichier CSV ou XLSX');
  });
});
