import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { importClaims } from '../../../src/use-cases/imports/import-claims.ts';
import { fixtures, importWorld } from '../../fixtures/import-world.ts';
import { describeEachDatabase } from '../../support/databases.ts';

describeEachDatabase('disputes opened by an import', (ctx) => {
  const disputes = (tenantId: string) =>
    ctx.handle.db
      .selectFrom('disputes as d')
      .innerJoin('dispute_claims as dc', (j) =>
        j.onRef('dc.tenant_id', '=', 'd.tenant_id').onRef('dc.dispute_id', '=', 'd.dispute_id'),
      )
      .innerJoin('claims as c', (j) =>
        j.onRef('c.tenant_id', '=', 'dc.tenant_id').onRef('c.claim_id', '=', 'dc.claim_id'),
      )
      .select([
        'd.dispute_id',
        'd.status',
        'd.reason',
        'd.description',
        'd.amount_minor',
        'd.opened_via',
        'd.deadline_on',
        'd.owner_id',
        'dc.amount_minor as claim_amount',
        'c.invoice_number',
      ])
      .where('d.tenant_id', '=', tenantId)
      .orderBy('c.invoice_number')
      .execute();

  it('a claim the file marks as disputed gets its dispute, once, with the file’s words', async () => {
    const w = await importWorld(ctx.handle);
    const path = join(w.dir, 'factures.csv');
    copyFileSync(join(fixtures, 'factures-fr.csv'), path);
    const first = await importClaims(w.deps, w.actor, {
      creditorRef: 'ACME',
      source: { kind: 'file', path },
    });
    expect(await disputes(w.tenantId)).toEqual([
      {
        dispute_id: expect.stringMatching(/^import-dispute:/),
        status: 'open',
        reason: 'other',
        description: 'Facture contestée : livraison incomplète',
        amount_minor: 8990,
        opened_via: 'import',
        // The world's clock is 22 November 2026: thirty days to settle it.
        deadline_on: '2026-12-22',
        owner_id: null,
        claim_amount: 8990,
        invoice_number: 'F-2024-003',
      },
    ]);
    const audit = await ctx.handle.db
      .selectFrom('audit_log')
      .select('data')
      .where('tenant_id', '=', w.tenantId)
      .where('entity_id', '=', first.importId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.data ?? '{}')).toMatchObject({ disputesOpened: 1 });

    // The same file again: nothing changed, nothing opened.
    await importClaims(w.deps, w.actor, { creditorRef: 'ACME', source: { kind: 'file', path } });
    expect(await disputes(w.tenantId)).toHaveLength(1);

    // A later file disputes another claim and changes the first one's amount: one new dispute, for the
    // other claim; the first claim keeps its open dispute.
    const text = readFileSync(path, 'utf8')
      .replace(
        'F-2024-001;15/01/2024;14/02/2024;1 234,56;1 234,56;Dupont SARL;732 829 320;C001;compta@dupont.fr;01 23 45 67 89;12 rue de la Paix;75002;Paris;',
        'F-2024-001;15/01/2024;14/02/2024;1 234,56;1 234,56;Dupont SARL;732 829 320;C001;compta@dupont.fr;01 23 45 67 89;12 rue de la Paix;75002;Paris;Prix non conforme au devis',
      )
      .replace('02/03/2024;89,90;89,90;', '02/03/2024;89,90;80,00;');
    writeFileSync(path, text);
    await importClaims(w.deps, w.actor, { creditorRef: 'ACME', source: { kind: 'file', path } });
    const after = await disputes(w.tenantId);
    expect(after.map((d) => [d.invoice_number, d.description, d.status])).toEqual([
      ['F-2024-001', 'Prix non conforme au devis', 'open'],
      ['F-2024-003', 'Facture contestée : livraison incomplète', 'open'],
    ]);
  });
});
