import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runDailyDunning } from '../../../src/use-cases/dunning/run-daily-dunning.ts';
import { importClaims } from '../../../src/use-cases/imports/import-claims.ts';
import { renderContent } from '../../../src/use-cases/templates/render-content.ts';
import { getDispute } from '../../../src/use-cases/workspace/disputes/list-disputes.ts';
import { openDispute } from '../../../src/use-cases/workspace/disputes/open-dispute.ts';
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

  it('a later file that no longer marks the claim closes the dispute the import opened, never one a person opened', async () => {
    const w = await importWorld(ctx.handle);
    const db = ctx.handle.db;
    const path = join(w.dir, 'factures.csv');
    copyFileSync(join(fixtures, 'factures-fr.csv'), path);
    await importClaims(w.deps, w.actor, { creditorRef: 'ACME', source: { kind: 'file', path } });
    const claim = (invoice: string) =>
      db
        .selectFrom('claims')
        .select(['claim_id', 'case_id', 'status', 'outstanding_minor', 'dispute_reason'])
        .where('tenant_id', '=', w.tenantId)
        .where('invoice_number', '=', invoice)
        .executeTakeFirstOrThrow();
    const dupont = await claim('F-2024-001');
    const byAgent = await openDispute(w.deps, w.actor, dupont.case_id, {
      reason: 'quality',
      claims: [{ claimId: dupont.claim_id }],
    });
    const byImport = (await disputes(w.tenantId)).find((d) => d.opened_via === 'import');

    // The creditor's next file: F-2024-003 no longer disputed; F-2024-001 partly paid, with no word of a dispute.
    const text = readFileSync(path, 'utf8')
      .replace('Lyon;Facture contestée : livraison incomplète', 'Lyon;')
      .replace('14/02/2024;1 234,56;1 234,56;', '14/02/2024;1 234,56;1 200,00;');
    writeFileSync(path, text);
    const second = await importClaims(w.deps, w.actor, {
      creditorRef: 'ACME',
      source: { kind: 'file', path },
    });

    const closed = await getDispute(w.deps, w.actor, byImport?.dispute_id ?? '');
    expect(closed).toMatchObject({
      status: 'resolved',
      resolution: 'cleared',
      resolvedBy: `import:${second.importId}`,
      resolvedAt: '2026-11-22T09:00:00.000Z',
    });
    const martin = await claim('F-2024-003');
    expect(martin.status).toBe('open');
    // Evidence and audit, beside the import's own audit entry that counts it.
    const evidence = await db
      .selectFrom('evidence')
      .select(['kind', 'actor', 'payload'])
      .where('tenant_id', '=', w.tenantId)
      .where('case_id', '=', martin.case_id)
      .where('kind', '=', 'dispute_resolved')
      .execute();
    expect(evidence).toHaveLength(1);
    expect(evidence[0]?.actor).toBe(`import:${second.importId}`);
    expect(JSON.parse(evidence[0]?.payload ?? '{}')).toMatchObject({
      disputeId: byImport?.dispute_id,
      resolution: 'cleared',
      claims: [{ invoiceNumber: 'F-2024-003', status: 'open' }],
    });
    const audits = await db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'data'])
      .where('tenant_id', '=', w.tenantId)
      .where('entity_id', 'in', [byImport?.dispute_id ?? '', second.importId])
      .orderBy('at')
      .execute();
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['dispute.resolve', 'claims.imported']),
    );
    const importAudit = audits.find((a) => a.action === 'claims.imported');
    expect(JSON.parse(importAudit?.data ?? '{}')).toMatchObject({ disputesClosed: 1, disputedClaimsKept: 1 });

    // The agent's dispute is not the file's to close: still open, its claim still out of the ladder.
    expect((await getDispute(w.deps, w.actor, byAgent.id)).status).toBe('open');
    expect(await claim('F-2024-001')).toMatchObject({ status: 'disputed', dispute_reason: 'quality' });
    expect(Number((await claim('F-2024-001')).outstanding_minor)).toBe(120_000);

    // The run: the strategy tells the debtor the dispute is over (its reaction to a resolved dispute).
    await runDailyDunning(w.deps, w.tenantId, { runOn: '2026-11-22' });
    const told = await db
      .selectFrom('actions')
      .select(['template', 'status'])
      .where('tenant_id', '=', w.tenantId)
      .where('case_id', '=', martin.case_id)
      .where('template', '=', 'dispute-resolved')
      .execute();
    expect(told).toHaveLength(1);
    const words = await renderContent(db, w.tenantId, {
      caseId: martin.case_id,
      template: 'dispute-resolved',
      channel: 'email',
      language: 'fr',
      today: '2026-11-22',
    } as Parameters<typeof renderContent>[2]);
    expect(words.text).toContain('le créancier l’a close dans ses comptes');

    // The same file again changes nothing: the dispute stays closed, nothing else is closed.
    const third = await importClaims(w.deps, w.actor, {
      creditorRef: 'ACME',
      source: { kind: 'file', path },
    });
    const thirdAudit = await db
      .selectFrom('audit_log')
      .select('data')
      .where('tenant_id', '=', w.tenantId)
      .where('entity_id', '=', third.importId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(thirdAudit.data ?? '{}')).toMatchObject({ disputesOpened: 0, disputesClosed: 0 });
  });
});
