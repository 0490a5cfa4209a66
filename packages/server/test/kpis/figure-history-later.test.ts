import { beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/shared/actor.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { withdrawCase } from '../../src/use-cases/creditor-portal/withdraw-case.ts';
import { applyCreditNotes } from '../../src/use-cases/imports/apply-credit-notes.ts';
import { computedSnapshot, computedSnapshots } from '../../src/use-cases/kpis/history/computed-snapshot.ts';
import { liveSnapshot, type Snapshot } from '../../src/use-cases/kpis/history/snapshot.ts';
import { openDispute } from '../../src/use-cases/workspace/disputes/open-dispute.ts';
import { resolveDispute } from '../../src/use-cases/workspace/disputes/resolve-dispute.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { testDeps, today } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';

const later = '2026-04-20';

/**
 * Month-ends computed back (decision 0010) with what moved after them outside payments, each from the rows
 * that date it: disputes opened and closed (their own dates), a case withdrawn (`withdrawn_at`), a credit note
 * and a dispute's write-off (their audit entries). On 16 March: F-1001 (1,200.00) is disputed for 200.00 and
 * M-4 (400.00) wholly. On 20 April: F-1001's dispute is written off (−200.00) and the claim credited 100.00;
 * M-4's dispute is rejected; F-3001 (450.00) is disputed wholly, then credited to nothing (cancelled); the case
 * of F-2001 (300.00) is withdrawn (cancelled). Computed back, 16 March is what it was live that day.
 */
describeEachDatabase('the figures’ history: cancellations and disputes as of the day', (ctx) => {
  let t: SeededTenant;
  let admin: Actor;
  let takenLive: Snapshot;
  let laterDeps: Deps;
  const claimOf = (ref: string, index = 0) => {
    const claimId = t.debtors[ref]?.claimIds[index];
    if (!claimId) throw new Error(`seed ${ref}`);
    return claimId;
  };
  const caseOf = (ref: string) => t.debtors[ref]?.caseId ?? '';

  beforeAll(async () => {
    const deps = testDeps(ctx.handle);
    laterDeps = { ...deps, clock: fixedClock(`${later}T10:00:00.000Z`) };
    t = await seedTenant(ctx.handle.db, 'HL');
    admin = { tenantId: t.tenantId, kind: 'user', id: t.users.admin.id, role: 'admin', creditorId: null };
    const f1001 = await openDispute(deps, admin, caseOf('D1'), {
      reason: 'quality',
      claims: [{ claimId: claimOf('D1'), amountMinor: 200_00 }],
    });
    const m4 = await openDispute(deps, admin, caseOf('D5'), {
      reason: 'quality',
      claims: [{ claimId: claimOf('D5', 3) }],
    });
    takenLive = await liveSnapshot(ctx.handle.db, t.tenantId, today);

    await resolveDispute(laterDeps, admin, f1001.id, { resolution: 'write_off' });
    await resolveDispute(laterDeps, admin, m4.id, { resolution: 'rejected' });
    await openDispute(laterDeps, admin, caseOf('D3'), {
      reason: 'quality',
      claims: [{ claimId: claimOf('D3') }],
    });
    const credit = (number: string, invoice: string, amountMinor: number) => ({
      key: `credit:${number}`,
      number,
      fileName: `${number}.xml`,
      amountMinor,
      currency: 'EUR',
      invoices: [invoice],
    });
    await applyCreditNotes(laterDeps, admin, t.creditors.acme, [
      credit('AV-1', 'F-1001', 100_00),
      credit('AV-2', 'F-3001', 450_00),
    ]);
    await withdrawCase(laterDeps, admin, caseOf('D2'), { reason: 'Réglé directement' });
  });

  it('sees the claims as they then were: the later moves did happen', async () => {
    const claims = await ctx.handle.db
      .selectFrom('claims')
      .select(['invoice_number', 'status', 'outstanding_minor', 'disputed_minor'])
      .where('tenant_id', '=', t.tenantId)
      .where('invoice_number', 'in', ['F-1001', 'F-2001', 'F-3001', 'M-4'])
      .orderBy('invoice_number')
      .execute();
    expect(claims.map((c) => [c.invoice_number, c.status, Number(c.outstanding_minor)])).toEqual([
      ['F-1001', 'open', 900_00],
      ['F-2001', 'cancelled', 300_00],
      ['F-3001', 'cancelled', 0],
      ['M-4', 'open', 400_00],
    ]);
  });

  it('computes 16 March back to what it was live that day', async () => {
    const computed = await computedSnapshot(ctx.handle, t.tenantId, today);
    // By strategy, a day computed back takes each case's strategy of today (decisions 0014 and 0016): D3's
    // case was given one after the day, with its dispute. The lines and cohorts by strategy still add up to
    // the day's.
    const byStrategyLeftOut = { strategyLines: [], strategyCohorts: [] };
    expect({ ...computed, ...byStrategyLeftOut }).toEqual({ ...takenLive, ...byStrategyLeftOut });
    const sum = (s: Snapshot, f: (l: Snapshot['lines'][number]) => number) =>
      s.lines.reduce((total, l) => total + f(l), 0);
    expect(computed.strategyLines.reduce((total, l) => total + l.receivableMinor, 0)).toBe(
      sum(computed, (l) => l.receivableMinor),
    );
    expect(computed.strategyCohorts.reduce((total, c) => total + c.collectedMinor, 0)).toBe(
      computed.cohorts.reduce((total, c) => total + c.collectedMinor, 0),
    );
    // By hand, for ACME: F-1001's 200.00 and M-4's 400.00 disputed, with the seed's M-3 (300.00) and L-1
    // (700.00) marked disputed without a dispute row; F-2001 and F-3001 still owed.
    const acme = (s: Snapshot) => ({
      ...s,
      lines: s.lines.filter((l) => l.creditorId === t.creditors.acme),
    });
    expect(sum(acme(computed), (l) => l.disputedMinor)).toBe(200_00 + 400_00 + 300_00 + 700_00);
    expect(sum(acme(computed), (l) => l.receivableMinor)).toBe(
      1200_00 + 300_00 + 450_00 + 100_00 + 200_00 + 300_00 + 400_00 + 700_00,
    );
  });

  it('and the later day to its own live figures', async () => {
    const computed = await computedSnapshot(ctx.handle, t.tenantId, later);
    expect(computed).toEqual(await liveSnapshot(ctx.handle.db, t.tenantId, later));
    expect(computed).not.toEqual(takenLive);
  });

  it('and a dispute opened after a day, on a claim nothing else moved, leaves the day as it was', async () => {
    const liveLater = await liveSnapshot(ctx.handle.db, t.tenantId, later);
    const lastDeps = { ...laterDeps, clock: fixedClock('2026-05-04T10:00:00.000Z') };
    await openDispute(lastDeps, admin, caseOf('D5'), {
      reason: 'quality',
      claims: [{ claimId: claimOf('D5') }],
    });
    const [onToday, onLater] = await computedSnapshots(ctx.handle, t.tenantId, [today, later]);
    expect(onLater).toEqual(liveLater);
    expect({ ...onToday, strategyLines: [], strategyCohorts: [] }).toEqual({
      ...takenLive,
      strategyLines: [],
      strategyCohorts: [],
    });
    expect(await liveSnapshot(ctx.handle.db, t.tenantId, later)).not.toEqual(liveLater);
  });
});
