import { expect, it } from 'vitest';
import { runDailyDunning } from '../../../src/use-cases/dunning/run-daily-dunning.ts';
import { loadTemplateVariables } from '../../../src/use-cases/templates/case-variables.ts';
import { renderContent } from '../../../src/use-cases/templates/render-content.ts';
import { addDisputeDocument } from '../../../src/use-cases/workspace/disputes/add-dispute-document.ts';
import {
  getDispute,
  listCaseDisputes,
  listDisputes,
} from '../../../src/use-cases/workspace/disputes/list-disputes.ts';
import { openDebtorDispute, openDispute } from '../../../src/use-cases/workspace/disputes/open-dispute.ts';
import { resolveDispute } from '../../../src/use-cases/workspace/disputes/resolve-dispute.ts';
import { updateDispute } from '../../../src/use-cases/workspace/disputes/update-dispute.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { promiseWorld, row } from '../promises/world.ts';

async function claimIds(w: Awaited<ReturnType<typeof promiseWorld>>, db: typeof w.deps.database.db) {
  const rows = await db
    .selectFrom('claims')
    .select(['claim_id', 'invoice_number', 'status', 'outstanding_minor'])
    .where('tenant_id', '=', w.tenantId)
    .orderBy('invoice_number')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.invoice_number, r]));
}

describeEachDatabase('disputes', (ctx) => {
  it('takes a disputed claim out of the ladder while the others continue, then holds the whole case and cancels its pending contacts', async () => {
    const w = await promiseWorld(ctx.handle, [
      row('D-1', '2026-03-10', '1 000,00', 'Conteste SARL'),
      row('D-2', '2026-03-10', '500,00', 'Conteste SARL'),
    ]);
    const caseId = await w.caseOf('D-1');
    const db = ctx.handle.db;
    await runDailyDunning(w.on('2026-03-11'), w.tenantId, { runOn: '2026-03-11' });
    let claims = await claimIds(w, db);

    const partial = await openDispute(w.on('2026-03-12'), w.actor, caseId, {
      reason: 'not_received',
      description: 'Never received the invoice',
      claims: [{ claimId: claims['D-2']?.claim_id ?? '' }],
    });
    expect(partial).toMatchObject({
      status: 'open',
      reason: 'not_received',
      amountMinor: 50_000,
      currency: 'EUR',
      claims: [{ invoiceNumber: 'D-2', amountMinor: 50_000 }],
      deadlineOn: '2026-04-11',
      openedVia: 'agent',
    });
    claims = await claimIds(w, db);
    expect(claims['D-2']?.status).toBe('disputed');
    // Messages about the case no longer count the disputed invoice.
    const vars = await loadTemplateVariables(db, w.tenantId, caseId, { language: 'fr', today: '2026-03-12' });
    expect(vars.claims.map((c) => c.number)).toEqual(['D-1']);
    expect(vars.balance.principal.minor).toBe(100_000);
    expect(vars.balance.disputed.minor).toBe(50_000);
    let actions = await w.actions(caseId);
    const ack = actions.find((a) => a.template === 'dispute-acknowledged');
    expect(ack).toMatchObject({ channel: 'email', status: 'planned', purpose: 'confirmation' });
    const text = await renderContent(db, w.tenantId, {
      caseId,
      template: 'dispute-acknowledged',
      channel: 'email',
      language: 'fr',
      today: '2026-03-12',
    } as Parameters<typeof renderContent>[2]);
    expect(text.text).toMatch(/facture ou prestation non reçue\) portant sur 500,00\s€/);
    expect(text.text).toContain('- Facture D-2 : 500,00');
    const pendingBefore = actions.filter((a) => a.status === 'planned' && a.purpose !== 'confirmation');
    expect(pendingBefore.length).toBeGreaterThan(0);

    const whole = await openDispute(w.on('2026-03-13'), w.actor, caseId, {
      reason: 'quality',
      claims: [{ claimId: claims['D-1']?.claim_id ?? '' }],
      deadlineOn: '2026-03-20',
    });
    actions = await w.actions(caseId);
    for (const a of pendingBefore)
      expect(actions.find((b) => b.action_id === a.action_id)?.status).toBe('cancelled');
    expect(actions.filter((a) => a.template === 'dispute-acknowledged')).toHaveLength(2);
    const held = await db
      .selectFrom('cases')
      .select(['stage', 'disputed_minor'])
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(held.stage).toBe('held');
    // Days later the run sends nothing about the case.
    const count = actions.length;
    await runDailyDunning(w.on('2026-03-30'), w.tenantId, { runOn: '2026-03-30' });
    expect((await w.actions(caseId)).length).toBe(count);

    // Past their deadline first.
    const open = await listDisputes(w.on('2026-03-30'), w.actor, { status: 'open' });
    expect(open.map((d) => [d.id, d.overdue])).toEqual([
      [whole.id, true],
      [partial.id, false],
    ]);
    expect((await listCaseDisputes(w.deps, w.actor, caseId)).map((d) => d.id)).toEqual([
      whole.id,
      partial.id,
    ]);

    // Rejected: the claim is owed again, the debtor is told, and the ladder resumes.
    const rejected = await resolveDispute(w.on('2026-03-31'), w.actor, whole.id, {
      resolution: 'rejected',
      note: 'delivered',
    });
    expect(rejected).toMatchObject({ status: 'rejected', resolution: 'rejected', resolutionMinor: null });
    expect((await claimIds(w, db))['D-1']?.status).toBe('open');
    actions = await w.actions(caseId);
    expect(actions.filter((a) => a.template === 'dispute-resolved')).toHaveLength(1);
    expect(
      actions.filter((a) => a.planned_on === '2026-03-31' && a.purpose !== 'confirmation').length,
    ).toBeGreaterThan(0);

    // A credit note on part of the other: the rest is owed again.
    const credited = await resolveDispute(w.on('2026-04-01'), w.actor, partial.id, {
      resolution: 'credit_note',
      amountMinor: 20_000,
    });
    expect(credited).toMatchObject({
      status: 'resolved',
      resolution: 'credit_note',
      resolutionMinor: 20_000,
    });
    claims = await claimIds(w, db);
    expect(claims['D-2']).toMatchObject({ status: 'open' });
    expect(Number(claims['D-2']?.outstanding_minor)).toBe(30_000);
    const resolvedText = await renderContent(db, w.tenantId, {
      caseId,
      template: 'dispute-resolved',
      channel: 'email',
      language: 'en',
      today: '2026-04-01',
    } as Parameters<typeof renderContent>[2]);
    expect(resolvedText.text).toMatch(/a credit note has been issued \(€200\.00\)/);
    await expect(
      resolveDispute(w.on('2026-04-01'), w.actor, partial.id, { resolution: 'withdrawn' }),
    ).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'dispute_not_open' },
    });
  });

  it('writes off a whole claim, takes the debtor’s own dispute, keeps documents, and refuses bad input', async () => {
    const w = await promiseWorld(ctx.handle, [row('E-1', '2026-03-10', '300,00', 'Ecrit SARL')]);
    const caseId = await w.caseOf('E-1');
    const db = ctx.handle.db;
    const claim = (await claimIds(w, db))['E-1']?.claim_id ?? '';
    await expect(
      openDispute(w.on('2026-03-12'), w.actor, caseId, {
        reason: 'other',
        claims: [{ claimId: claim, amountMinor: 30_001 }],
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', details: { reason: 'dispute_amount_invalid' } });
    await expect(
      openDispute(w.on('2026-03-12'), w.actor, caseId, { reason: 'other', claims: [{ claimId: 'nope' }] }),
    ).rejects.toMatchObject({ details: { reason: 'dispute_claim_not_in_case' } });
    await expect(
      openDispute(w.on('2026-03-12'), w.actor, caseId, {
        reason: 'other',
        claims: [{ claimId: claim }],
        ownerId: 'nobody',
      }),
    ).rejects.toMatchObject({ details: { reason: 'dispute_owner_invalid' } });

    const dispute = await openDebtorDispute(w.on('2026-03-12'), w.tenantId, caseId, {
      reason: 'already_paid',
      claims: [{ claimId: claim }],
    });
    expect(dispute).toMatchObject({ openedVia: 'debtor', openedBy: 'debtor', amountMinor: 30_000 });
    await expect(
      openDispute(w.on('2026-03-12'), w.actor, caseId, { reason: 'other', claims: [{ claimId: claim }] }),
    ).rejects.toMatchObject({ code: 'conflict', details: { reason: 'dispute_claim_not_open' } });

    const withDoc = await addDisputeDocument(w.on('2026-03-13'), w.actor, dispute.id, {
      fileName: 'virement.pdf',
      mediaType: 'application/pdf',
      content: new TextEncoder().encode('%PDF-1.4 proof'),
    });
    expect(withDoc.documents).toMatchObject([
      { fileName: 'virement.pdf', mediaType: 'application/pdf', size: 14 },
    ]);
    const updated = await updateDispute(w.on('2026-03-13'), w.actor, dispute.id, {
      deadlineOn: '2026-03-25',
    });
    expect(updated.deadlineOn).toBe('2026-03-25');
    await expect(
      updateDispute(w.on('2026-03-13'), w.actor, dispute.id, { deadlineOn: '2026-03-01' }),
    ).rejects.toMatchObject({ details: { reason: 'dispute_deadline_invalid' } });

    const off = await resolveDispute(w.on('2026-03-14'), w.actor, dispute.id, { resolution: 'write_off' });
    expect(off).toMatchObject({ status: 'resolved', resolutionMinor: 30_000 });
    expect((await claimIds(w, db))['E-1']).toMatchObject({ status: 'cancelled' });
    const kase = await db
      .selectFrom('cases')
      .select(['status'])
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(kase.status).toBe('closed');
    expect((await getDispute(w.deps, w.actor, dispute.id)).resolution).toBe('write_off');
    const evidence = await db
      .selectFrom('evidence')
      .select('kind')
      .where('tenant_id', '=', w.tenantId)
      .where('case_id', '=', caseId)
      .execute();
    expect(evidence.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['dispute_opened', 'document_added', 'dispute_resolved']),
    );
  });
});
