import { beforeAll, expect, it } from 'vitest';
import { handOverCase, recallHandover } from '../../src/use-cases/agency-comparison/handovers.ts';
import { listHandovers } from '../../src/use-cases/agency-comparison/list-handovers.ts';
import {
  listOutsideAgencies,
  saveOutsideAgency,
} from '../../src/use-cases/agency-comparison/outside-agencies.ts';
import { reportCollections } from '../../src/use-cases/agency-comparison/report-collections.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { type AgencyWorld, agencyWorld } from './agency-world.ts';

const day = (d: string) => `${d}T09:00:00.000Z`;

/**
 * An outside agency edited, deactivated and reactivated; a case recalled from it. What the web's agency page
 * does, through the same use cases.
 */
describeEachDatabase('an outside agency edited, deactivated, its case recalled', (ctx) => {
  let w: AgencyWorld;
  let agencyId: string;

  beforeAll(async () => {
    w = await agencyWorld(ctx.handle, 'creditor');
    const saved = await saveOutsideAgency(w.at(day('2026-02-01')), w.actor, {
      key: 'recouvra',
      name: 'Recouvra',
      commissionRate: '18',
    });
    agencyId = saved.agencyId;
    await handOverCase(w.at(day('2026-02-01')), w.actor, { caseId: await w.caseOf('FA-1'), agencyId });
  });

  it('edits the agency by its key: same id, new terms, the audit entry says what it was', async () => {
    const edited = await saveOutsideAgency(w.at(day('2026-02-02')), w.actor, {
      key: 'recouvra',
      name: 'Recouvra Sud',
      legalId: '812345678',
      email: 'contact@recouvra.example',
      commissionRate: '16.5',
      vatRate: '20',
      share: 2,
    });
    expect(edited).toEqual({
      agencyId,
      key: 'recouvra',
      name: 'Recouvra Sud',
      legalId: '812345678',
      email: 'contact@recouvra.example',
      commissionRate: '16.5',
      vatRate: '20',
      share: 2,
      active: true,
    });
    expect(await listOutsideAgencies(w.at(day('2026-02-02')), w.actor)).toHaveLength(1);
    const audit = await ctx.handle.db
      .selectFrom('audit_log')
      .select(['data', 'at'])
      .where('tenant_id', '=', w.tenantId)
      .where('action', '=', 'outside_agency.saved')
      .where('entity_id', '=', agencyId)
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    const data = JSON.parse(String(audit.data));
    expect(data.before).toMatchObject({ name: 'Recouvra', commissionRate: '18', share: 1 });
    expect(data.after).toMatchObject({ name: 'Recouvra Sud', commissionRate: '16.5', share: 2 });
  });

  it('a deactivated agency is given no new case but keeps reporting on its own; reactivated, it is again', async () => {
    const current = (await listOutsideAgencies(w.at(day('2026-02-03')), w.actor))[0];
    if (!current) throw new Error('no agency');
    const { agencyId: _, ...rest } = current;
    const off = await saveOutsideAgency(w.at(day('2026-02-03')), w.actor, { ...rest, active: false });
    expect(off.active).toBe(false);
    const row = await ctx.handle.db
      .selectFrom('outside_agencies')
      .select('active')
      .where('tenant_id', '=', w.tenantId)
      .where('agency_id', '=', agencyId)
      .executeTakeFirstOrThrow();
    expect(Number(row.active)).toBe(0);
    const fa2 = await w.caseOf('FA-2');
    await expect(
      handOverCase(w.at(day('2026-02-03')), w.actor, { caseId: fa2, agencyId }),
    ).rejects.toMatchObject({ code: 'conflict', details: { reason: 'outside_agency_inactive' } });
    const report = await reportCollections(w.at(day('2026-02-04')), w.actor, agencyId, [
      { reference: 'FA-1', amountMinor: 100_00, feeMinor: 16_50, collectedOn: '2026-02-03' },
    ]);
    expect(report).toMatchObject({ booked: 1, refused: 0 });

    await saveOutsideAgency(w.at(day('2026-02-05')), w.actor, { ...rest, active: true });
    const made = await handOverCase(w.at(day('2026-02-05')), w.actor, { caseId: fa2, agencyId });
    expect(made).toMatchObject({ agencyId, handedOn: '2026-02-05', amountMinor: 500_00, recalledOn: null });
  });

  it('recalls a hand-over: it leaves the open list, names its debtor, and is audited', async () => {
    const open = await listHandovers(w.at(day('2026-02-06')), w.actor, { status: 'open' });
    expect(open.map((h) => [h.debtorName, h.handedOn, h.amountMinor])).toEqual([
      ['Bravo SAS', '2026-02-05', 500_00],
      ['Alpha SARL', '2026-02-01', 1000_00],
    ]);
    const alpha = open[1];
    if (!alpha) throw new Error('no hand-over');
    await expect(
      recallHandover(w.at(day('2026-02-06')), w.actor, alpha.handoverId, '2026-01-31'),
    ).rejects.toMatchObject({ details: { reason: 'handover_date_invalid' } });
    const recalled = await recallHandover(w.at(day('2026-02-06')), w.actor, alpha.handoverId);
    expect(recalled.recalledOn).toBe('2026-02-06');
    // Recalled twice: the first recall stands.
    const again = await recallHandover(w.at(day('2026-02-07')), w.actor, alpha.handoverId);
    expect(again.recalledOn).toBe('2026-02-06');
    const still = await listHandovers(w.at(day('2026-02-07')), w.actor, { status: 'open' });
    expect(still.map((h) => h.debtorName)).toEqual(['Bravo SAS']);
    const back = await listHandovers(w.at(day('2026-02-07')), w.actor, { status: 'recalled' });
    expect(back.map((h) => [h.debtorName, h.recalledOn])).toEqual([['Alpha SARL', '2026-02-06']]);
    expect(await listHandovers(w.at(day('2026-02-07')), w.actor, {})).toHaveLength(2);
    const audits = await ctx.handle.db
      .selectFrom('audit_log')
      .select('data')
      .where('tenant_id', '=', w.tenantId)
      .where('action', '=', 'agency_handover.recalled')
      .execute();
    expect(audits.map((a) => JSON.parse(String(a.data)))).toEqual([
      { handoverId: alpha.handoverId, recalledOn: '2026-02-06' },
    ]);
  });

  it('leaves editing to supervisors and admins', async () => {
    const agent = { ...w.actor, id: 'agent-1', role: 'agent' as const };
    await expect(
      saveOutsideAgency(w.at(day('2026-02-08')), agent, {
        key: 'recouvra',
        name: 'X',
        commissionRate: '1',
        active: false,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const open = await listHandovers(w.at(day('2026-02-08')), w.actor, { status: 'open' });
    await expect(
      recallHandover(w.at(day('2026-02-08')), agent, open[0]?.handoverId ?? ''),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
