import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeEachCliDatabase, relance } from '../../cli/cli-support.ts';
import { sharedFixtures } from '../../support/shared-fixtures.ts';
import { buildCamt } from './camt053-builder.ts';

const header = "N° facture;Date facture;Date d'échéance;Montant TTC;Reste à payer;Raison sociale;Code client";
const claims = [
  'F2026-001;01/01/2026;01/02/2026;1 250,00;1 250,00;Menuiserie Dupont SARL;C001',
  'F2026-002;15/01/2026;15/02/2026;89,90;89,90;Léa Martin;C002',
];

type Tx = Readonly<Record<string, unknown>>;
const transactions = (doc: { statement: { statements: { entries: { transactions: Tx[] }[] }[] } }) =>
  doc.statement.statements.flatMap((s) => s.entries.flatMap((e) => e.transactions));

describeEachCliDatabase('relance statements import', (ctx) => {
  let statement = '';
  beforeAll(async () => {
    const csv = join(ctx.db.dir, 'factures.csv');
    writeFileSync(csv, `${header}\n${claims.join('\n')}\n`, 'utf8');
    statement = join(ctx.db.dir, 'releve.xml');
    writeFileSync(
      statement,
      buildCamt({
        messageId: 'CLI-1',
        entries: [
          {
            amountMinor: 1250_00,
            remittance: 'Facture F2026-001',
            payerName: 'MENUISERIE DUPONT',
            endToEndId: 'E2E-1',
          },
          { amountMinor: 89_90, payerName: 'MARTIN LEA', endToEndId: 'E2E-2' },
          { amountMinor: 5_00, direction: 'DBIT', endToEndId: 'FEES' },
        ],
      }),
      'utf8',
    );
    expect((await relance(ctx.db, ['init', '--admin-password', 'long-enough-password'])).code).toBe(0);
    const imported = await relance(ctx.db, ['import', csv, '--creditor', 'ACME']);
    expect(imported.code, imported.stderr).toBe(0);
  });

  it('matches and books, and tells a person what is left', async () => {
    const run = await relance(ctx.db, ['statements', 'import', statement]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Relevé releve.xml (camt.053.001.02) : 3 ligne(s)');
    expect(run.stdout).toMatch(/Rapprochées\s+: 1/);
    expect(run.stdout).toMatch(/À vérifier\s+: 1/);
    expect(run.stdout).toMatch(/Écartées\s+: 1/);
    expect(run.stdout).toContain('Paiements enregistrés : 1');
    expect(run.stdout).toContain('MARTIN LEA — Correspondance trop incertaine');
  });

  it('prints every transaction with what it matched, and nothing new the second time', async () => {
    const run = await relance(ctx.db, ['--json', '--lang', 'en', 'statements', 'import', statement]);
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ importId: null, newCount: 0, knownCount: 3, booked: 0, format: 'camt.053' });
    const [invoice, name, fee] = transactions(doc);
    expect(invoice).toMatchObject({
      amount: '1250.00',
      amountMinor: 1250_00,
      currency: 'EUR',
      endToEndId: 'E2E-1',
      remittanceText: ['Facture F2026-001'],
      imported: 'already_imported',
      matchStatus: 'matched',
      confidence: 90,
      reasonCode: 'matched',
    });
    expect(typeof invoice?.matched).toBe('string');
    expect(typeof invoice?.paymentId).toBe('string');
    expect(name).toMatchObject({
      matchStatus: 'review',
      confidence: 75,
      reason: 'Too uncertain to be booked without you: to be confirmed',
    });
    expect((name?.candidates as { reason: string }[] | undefined)?.[0]?.reason).toContain(
      'close to the debtor "Léa Martin"',
    );
    expect(fee).toMatchObject({ matchStatus: 'ignored', reason: 'Debit: nothing to match', matched: null });
  });

  it.skipIf(sharedFixtures() === null)(
    'reads a CFONB 120 statement, its format told by its content',
    async () => {
      const file = join(sharedFixtures() ?? '', 'cfonb120/oca_l10n-france_cfonb_classic.cfo');
      const run = await relance(ctx.db, ['--json', 'statements', 'import', file]);
      expect(run.code, run.stderr).toBe(0);
      const doc = JSON.parse(run.stdout);
      expect(doc).toMatchObject({ format: 'cfonb120', lineCount: 13, newCount: 13 });
      const first = transactions(doc)[0];
      expect(first).toMatchObject({
        amount: '1040.17',
        amountMinor: 1040_17,
        imported: 'new',
        matchStatus: 'unmatched',
      });
    },
  );

  it('refuses a file that is no statement, in the reader’s language', async () => {
    const run = await relance(ctx.db, ['statements', 'import', join(ctx.db.dir, 'factures.csv')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ni un relevé CAMT.053/054');
  });
});
