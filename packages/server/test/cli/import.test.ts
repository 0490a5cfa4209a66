import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeEachCliDatabase, relance } from './cli-support.ts';

const header =
  "N° facture;Date facture;Date d'échéance;Montant TTC;Reste à payer;Raison sociale;SIREN;Code client;" +
  'Type client;E-mail;Téléphone;Adresse;Code postal;Ville;Litige';

const goodLines = [
  'F2026-001;01/09/2026;01/10/2026;1 250,00;1 250,00;Menuiserie Dupont SARL;732829320;C001;Professionnel;compta@menuiserie-dupont.fr;01 42 68 53 00;12 rue de la Paix;75002;Paris;',
  'F2026-002;15/09/2026;15/10/2026;89,90;89,90;Léa Martin;;C002;Particulier;lea.martin@orange.fr;06 12 34 56 78;3 allée des Tilleuls;69003;Lyon;',
  'F2026-003;20/09/2026;20/10/2026;480,00;120,00;Léa Martin;;C002;Particulier;lea.martin@orange.fr;06 12 34 56 78;3 allée des Tilleuls;69003;Lyon;',
];
const badLine = 'F2026-004;21/09/2026;pas une date;douze euros;;Garage Petit SAS;;C003;Professionnel;;;;;;';

describeEachCliDatabase('relance import', (ctx) => {
  let good = '';
  let withBadRow = '';
  beforeAll(async () => {
    good = join(ctx.db.dir, 'factures.csv');
    withBadRow = join(ctx.db.dir, 'factures-erreur.csv');
    writeFileSync(good, `${header}\n${goodLines.join('\n')}\n`, 'utf8');
    writeFileSync(withBadRow, `${header}\n${goodLines.join('\n')}\n${badLine}\n`, 'utf8');
    const init = await relance(ctx.db, ['init', '--admin-password', 'long-enough-password']);
    expect(init.code, init.stderr).toBe(0);
  });

  it('imports a French CSV and prints the summary (exit 0 when every row is in)', async () => {
    const run = await relance(ctx.db, ['import', good, '--creditor', 'ACME']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Nouveau créancier ACME (« ACME ») créé.');
    expect(run.stdout).toContain('Import de factures.csv pour le créancier ACME');
    expect(run.stdout).toMatch(/Lignes lues\s+: 3/);
    expect(run.stdout).toMatch(/Créées\s+: 3/);
    expect(run.stdout).toContain('Toutes les lignes ont été importées.');
  });

  it('reports everything unchanged on a second import of the same file', async () => {
    const run = await relance(ctx.db, ['import', good, '--creditor', 'ACME']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Créées\s+: 0/);
    expect(run.stdout).toMatch(/Inchangées\s+: 3/);
  });

  it('exits 2 with the first rejections and the error file when a row is bad', async () => {
    const run = await relance(ctx.db, ['import', withBadRow, '--creditor', 'ACME']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toMatch(/Rejetées\s+: 1/);
    expect(run.stdout).toContain('Premiers rejets :');
    expect(run.stdout).toMatch(/ligne 5, colonne « [^»]+ » : /);
    expect(run.stdout).toMatch(/Fichier des rejets : \S+/);
  });

  it('prints only one JSON document with --json, and English with --lang en', async () => {
    const json = await relance(ctx.db, ['--json', 'import', withBadRow, '--creditor', 'ACME']);
    expect(json.code, json.stderr).toBe(2);
    const doc = JSON.parse(json.stdout);
    expect(doc).toMatchObject({ totalRows: 4, rejected: 1, unchanged: 3, inserted: 0 });
    expect(doc.rejections[0].row).toBe(5);
    const english = await relance(ctx.db, ['import', withBadRow, '--creditor', 'ACME', '--lang', 'en']);
    expect(english.stdout).toMatch(/Rejected\s+: 1/);
    expect(english.stdout).toContain('First rejections:');
    expect(english.stdout).toMatch(/row 5, column "[^"]+": /);
  });

  it('exits 1 with a clear message on an unreadable or missing file', async () => {
    const garbage = join(ctx.db.dir, 'photo.xlsx');
    writeFileSync(
      garbage,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]),
    );
    const unreadable = await relance(ctx.db, ['import', garbage, '--creditor', 'ACME']);
    expect(unreadable.code, unreadable.stderr).toBe(1);
    expect(unreadable.stderr).toContain('Erreur (fichier illisible)');
    expect(unreadable.stdout).toBe('');
    const missing = await relance(ctx.db, [
      '--lang',
      'en',
      'import',
      join(ctx.db.dir, 'nope.csv'),
      '--creditor',
      'ACME',
    ]);
    expect(missing.code, missing.stderr).toBe(1);
    expect(missing.stderr).toContain('File not found');
  });

  it('requires --creditor (usage error, exit 64)', async () => {
    const run = await relance(ctx.db, ['import', good]);
    expect(run.code, run.stderr).toBe(64);
    expect(run.stderr).toContain('--creditor');
  });
});
