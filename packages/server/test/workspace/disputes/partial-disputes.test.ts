import { expect, it } from 'vitest';
import { interestOfCases } from '../../../src/use-cases/dunning/interest-of-cases.ts';
import { runDailyDunning } from '../../../src/use-cases/dunning/run-daily-dunning.ts';
import { getCase } from '../../../src/use-cases/portfolio/get-case.ts';
import { renderContent } from '../../../src/use-cases/templates/render-content.ts';
import { openDispute } from '../../../src/use-cases/workspace/disputes/open-dispute.ts';
import { resolveDispute } from '../../../src/use-cases/workspace/disputes/resolve-dispute.ts';
import { loadPlanBasis } from '../../../src/use-cases/workspace/plans/plan-basis.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { promiseWorld, row } from '../promises/world.ts';

describeEachDatabase('a dispute of part of a claim', (ctx) => {
  it('holds only that part: the rest is still chased, counted in messages, interest-free of the part, and planned', async () => {
    const w = await promiseWorld(ctx.handle, [row('P-1', '2026-02-10', '1 000,00', 'Partielle SARL')]);
    const db = ctx.handle.db;
    const caseId = await w.caseOf('P-1');
    const claimRow = () =>
      db
        .selectFrom('claims')
        .select(['claim_id', 'status', 'outstanding_minor', 'disputed_minor'])
        .where('tenant_id', '=', w.tenantId)
        .where('invoice_number', '=', 'P-1')
        .executeTakeFirstOrThrow();
    const caseRow = () =>
      db
        .selectFrom('cases')
        .select(['stage', 'outstanding_minor', 'disputed_minor'])
        .where('tenant_id', '=', w.tenantId)
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow();
    const claimId = (await claimRow()).claim_id;
    const interestOn = async (day: string) =>
      (await interestOfCases(db, w.tenantId, [caseId], day)).get(caseId)?.claims[0]?.interestMinor ?? 0;
    const interestWhole = await interestOn('2026-03-01');
    expect(interestWhole).toBeGreaterThan(0);

    const part = await openDispute(w.on('2026-02-21'), w.actor, caseId, {
      reason: 'amount_wrong',
      claims: [{ claimId, amountMinor: 40_000 }],
    });
    expect(part).toMatchObject({ amountMinor: 40_000, claims: [{ amountMinor: 40_000 }] });
    expect(await claimRow()).toMatchObject({ status: 'open' });
    expect(Number((await claimRow()).disputed_minor)).toBe(40_000);
    let kase = await caseRow();
    expect([Number(kase.outstanding_minor), Number(kase.disputed_minor)]).toEqual([100_000, 40_000]);
    expect(kase.stage).not.toBe('held');

    // The case page: the claim is still collectable, with a warning that says what is disputed.
    const detail = await getCase(w.on('2026-02-21'), w.actor, { caseId, locale: 'en' });
    expect(detail.case.collectability).toBe('collectable');
    expect(detail.totals.disputedMinor).toBe(40_000);
    expect(detail.claims[0]).toMatchObject({ disputedMinor: 40_000, assessment: { verdict: 'collectable' } });
    expect(detail.claims[0]?.assessment.warnings.map((r) => r.message)).toContain(
      'Partly disputed: €400.00 under dispute is not chased; the rest (€600.00) still is',
    );

    // The run goes on with the ladder, and what it sends asks for the undisputed rest only.
    await runDailyDunning(w.on('2026-03-01'), w.tenantId, { runOn: '2026-03-01' });
    const ladder = (await w.actions(caseId)).filter(
      (a) => a.purpose !== 'confirmation' && a.channel === 'email' && a.status === 'planned',
    );
    expect(ladder.length).toBeGreaterThan(0);
    const sent = await renderContent(db, w.tenantId, {
      caseId,
      template: ladder[0]?.template ?? '',
      channel: 'email',
      language: 'fr',
      today: '2026-03-01',
    } as Parameters<typeof renderContent>[2]);
    expect(sent.text).toMatch(/reste dû 600,00\s€/);
    expect(sent.text).not.toMatch(/1\s000,00/);
    const vars = sent.variables;
    expect(vars.claims.map((c) => [c.number, c.outstanding.minor])).toEqual([['P-1', 60_000]]);
    expect(vars.balance.principal.minor).toBe(60_000);
    expect(vars.balance.disputed.minor).toBe(40_000);
    // Late interest runs on the 600.00 still asked for, not on the disputed part.
    expect(Math.abs((await interestOn('2026-03-01')) - Math.round(interestWhole * 0.6))).toBeLessThanOrEqual(
      1,
    );
    // A plan covers the undisputed rest.
    const basis = await loadPlanBasis(db, w.tenantId, caseId, undefined, '2026-03-01');
    expect(basis.claims.map((c) => c.outstandingMinor)).toEqual([60_000]);

    // A second dispute on the rest: nothing is left to chase, the claim is disputed whole and the case held.
    await expect(
      openDispute(w.on('2026-03-02'), w.actor, caseId, {
        reason: 'quality',
        claims: [{ claimId, amountMinor: 60_001 }],
      }),
    ).rejects.toMatchObject({ details: { reason: 'dispute_amount_invalid', outstandingMinor: 60_000 } });
    const rest = await openDispute(w.on('2026-03-02'), w.actor, caseId, {
      reason: 'quality',
      claims: [{ claimId }],
    });
    expect(rest.amountMinor).toBe(60_000);
    expect(await claimRow()).toMatchObject({ status: 'disputed' });
    kase = await caseRow();
    expect([kase.stage, Number(kase.disputed_minor)]).toEqual(['held', 100_000]);
    for (const a of await w.actions(caseId)) {
      if (a.purpose !== 'confirmation') expect(a.status).not.toBe('planned');
    }
    await expect(
      openDispute(w.on('2026-03-02'), w.actor, caseId, { reason: 'other', claims: [{ claimId }] }),
    ).rejects.toMatchObject({ code: 'conflict', details: { reason: 'dispute_claim_not_open' } });

    // The second one rejected: the first still holds its 400.00, the rest is owed again.
    await resolveDispute(w.on('2026-03-03'), w.actor, rest.id, { resolution: 'rejected' });
    let claim = await claimRow();
    expect([claim.status, Number(claim.disputed_minor)]).toEqual(['open', 40_000]);
    kase = await caseRow();
    expect(Number(kase.disputed_minor)).toBe(40_000);
    expect(kase.stage).not.toBe('held');

    // The first settled by a credit note of 100.00: 900.00 owed, nothing disputed.
    await resolveDispute(w.on('2026-03-04'), w.actor, part.id, {
      resolution: 'credit_note',
      amountMinor: 10_000,
    });
    claim = await claimRow();
    expect([claim.status, Number(claim.outstanding_minor), Number(claim.disputed_minor)]).toEqual([
      'open',
      90_000,
      0,
    ]);
    kase = await caseRow();
    expect([Number(kase.outstanding_minor), Number(kase.disputed_minor)]).toEqual([90_000, 0]);
  });

  it('a dispute of the whole claim still takes it out whole', async () => {
    const w = await promiseWorld(ctx.handle, [row('K-1', '2026-02-10', '250,00', 'Entiere SARL')]);
    const caseId = await w.caseOf('K-1');
    const claim = await ctx.handle.db
      .selectFrom('claims')
      .select('claim_id')
      .where('tenant_id', '=', w.tenantId)
      .where('invoice_number', '=', 'K-1')
      .executeTakeFirstOrThrow();
    await openDispute(w.on('2026-02-21'), w.actor, caseId, {
      reason: 'not_received',
      claims: [{ claimId: claim.claim_id, amountMinor: 25_000 }],
    });
    const detail = await getCase(w.on('2026-02-21'), w.actor, { caseId, locale: 'fr' });
    expect(detail.claims[0]).toMatchObject({ status: 'disputed', disputedMinor: 25_000 });
    expect(detail.claims[0]?.assessment.blocks.map((b) => b.code)).toEqual(['disputed']);
    expect(detail.case.collectability).toBe('blocked');
  });
});
