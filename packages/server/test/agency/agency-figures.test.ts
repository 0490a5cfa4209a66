import { agencyFigures, type HandoverFacts, percent } from '@relance/core';
import { expect, it } from 'vitest';
import { compactLiveFigures } from '../../src/db/figures/compact-live-figures.ts';
import type { Actor } from '../../src/shared/actor.ts';
import {
  type ComparisonFilter,
  compareAgencies,
} from '../../src/use-cases/agency-comparison/compare-agencies.ts';
import { seedTenant } from '../http/seed.ts';
import { testDeps } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';

/**
 * The agencies' comparison from its running sums (migration 0021) against the core's figures over the rows
 * themselves — every hand-over with its lines whose payment is booked — through lines reported out of order,
 * payments reversed and booked again, lines moved and deleted, amounts of zero, two currencies and two
 * creditors, before and after a fold; the same for another tenant's identical rows, never mixed in.
 */
describeEachDatabase('the agencies’ running figures', (ctx) => {
  it('give the core’s figures over the hand-overs and their booked lines, whatever changed', async () => {
    const t = await seedTenant(ctx.handle.db, 'AF');
    const other = await seedTenant(ctx.handle.db, 'AG');
    const db = ctx.handle.db;
    const caseId = Object.values(t.debtors)[0]?.caseId ?? '';
    const write = async (tenantId: string) => {
      await db
        .insertInto('outside_agencies')
        .values(
          ['a', 'b'].map((key) => ({
            tenant_id: tenantId,
            agency_id: `ag-${key}`,
            key,
            name: key.toUpperCase(),
            legal_id: null,
            email: null,
            commission_rate: '15',
            vat_rate: '20',
            share: 1,
            active: 1,
            created_at: '2026-01-01T00:00:00.000Z',
            updated_at: '2026-01-01T00:00:00.000Z',
          })),
        )
        .execute();
      const handovers: [string, string, string, string, number, string][] = [
        ['h1', 'ag-a', t.creditors.acme, '2026-01-10', 1000_00, 'EUR'],
        ['h2', 'ag-a', t.creditors.beta, '2026-01-31', 500_00, 'EUR'],
        ['h3', 'ag-a', t.creditors.acme, '2026-02-01', 0, 'EUR'],
        ['h4', 'ag-b', t.creditors.acme, '2026-02-14', 300_00, 'EUR'],
        ['h5', 'ag-b', t.creditors.acme, '2026-02-14', 200_00, 'GBP'],
        ['h6', 'ag-b', t.creditors.beta, '2026-03-02', 800_00, 'EUR'],
      ];
      await db
        .insertInto('agency_handovers')
        .values(
          handovers.map(([id, agency, creditor, on, amount, currency]) => ({
            tenant_id: tenantId,
            handover_id: id,
            case_id: caseId,
            agency_id: agency,
            creditor_id: creditor,
            handed_on: on,
            amount_minor: amount,
            currency,
            created_at: '2026-01-01T00:00:00.000Z',
            created_by: 'test',
          })),
        )
        .execute();
      const lines: [string, string, number, string][] = [
        ['l1', 'h1', 600_00, '2026-02-09'],
        ['l2', 'h1', 400_00, '2026-01-20'], // reported after l1, earlier day: full on 9 Feb
        ['l3', 'h2', 100_00, '2026-02-05'],
        ['l4', 'h2', 400_00, '2026-02-05'], // full on the same day
        ['l5', 'h3', 0, '2026-02-03'],
        ['l6', 'h4', 50_00, '2026-03-01'],
        ['l7', 'h5', 200_00, '2026-02-20'],
        ['l8', 'h6', 800_00, '2026-03-05'],
      ];
      for (const [id, handover, amount, on] of lines) {
        const agency = handovers.find((h) => h[0] === handover)?.[1] ?? '';
        await db
          .insertInto('payments')
          .values({
            tenant_id: tenantId,
            payment_id: `p-${id}`,
            case_id: caseId,
            creditor_id: t.creditors.acme,
            amount_minor: amount,
            currency: 'EUR',
            method: 'transfer',
            channel: 'agency',
            provider: null,
            source_key: `s-${id}`,
            received_on: on,
            status: 'booked',
            recorded_by: 'test',
            recorded_at: '2026-03-10T00:00:00.000Z',
          })
          .execute();
        await db
          .insertInto('agency_collections')
          .values({
            tenant_id: tenantId,
            line_id: id,
            agency_id: agency,
            handover_id: handover,
            case_id: caseId,
            line_key: id,
            reference: 'x',
            amount_minor: amount,
            fee_minor: Math.round(amount * 0.15),
            currency: 'EUR',
            collected_on: on,
            payment_id: `p-${id}`,
            created_at: '2026-03-10T00:00:00.000Z',
          })
          .execute();
      }
      const payment = (id: string, status: 'booked' | 'reversed') =>
        db
          .updateTable('payments')
          .set({ status })
          .where('tenant_id', '=', tenantId)
          .where('payment_id', '=', id)
          .execute();
      await payment('p-l2', 'reversed'); // h1 no longer paid in full
      await payment('p-l8', 'reversed');
      await payment('p-l8', 'booked'); // and back
      await db
        .updateTable('agency_collections')
        .set({ handover_id: 'h4', collected_on: '2026-02-28' })
        .where('tenant_id', '=', tenantId)
        .where('line_id', '=', 'l3')
        .execute();
      await db
        .deleteFrom('agency_collections')
        .where('tenant_id', '=', tenantId)
        .where('line_id', '=', 'l6')
        .execute();
      await db
        .deleteFrom('payments')
        .where('tenant_id', '=', tenantId)
        .where('payment_id', '=', 'p-l7')
        .execute();
    };
    await write(t.tenantId);
    await write(other.tenantId);

    const actor: Actor = { tenantId: t.tenantId, kind: 'user', id: 'u', role: 'admin', creditorId: null };
    const deps = testDeps(ctx.handle);
    const filters: readonly ComparisonFilter[] = [
      {},
      { creditorId: t.creditors.acme },
      { from: '2026-01-31', to: '2026-02-14' },
      { creditorId: t.creditors.beta, from: '2026-02-01' },
    ];
    const check = async () => {
      for (const filter of filters) {
        expect(await compareAgencies(deps, actor, filter), JSON.stringify(filter)).toEqual(
          await reference(t.tenantId, filter),
        );
      }
    };
    await check();
    const full = await compareAgencies(deps, actor, {});
    // January: h1 (400.00 reversed) has 600.00 after 30 days; h2 400.00 after 5 (its 100.00 moved to h4):
    // neither in full. March: h6 paid in full after 3 days (its payment reversed, then booked again).
    const month = (m: string) => full.byMonth.find((x) => x.month === m && x.currency === 'EUR')?.figures;
    expect(month('2026-01')).toMatchObject({
      cases: 2,
      collectedMinor: 1000_00,
      medianDaysToFirstPayment: 17.5,
      medianDaysToFullPayment: null,
    });
    expect(month('2026-03')).toMatchObject({ cases: 1, collectedMinor: 800_00, medianDaysToFullPayment: 3 });
    await compactLiveFigures(db, ctx.handle.dialect, t.tenantId);
    await check();
  });

  /** The comparison as the core makes it from every hand-over and its booked lines, read from the rows. */
  async function reference(tenantId: string, filter: ComparisonFilter) {
    const db = ctx.handle.db;
    const handovers = await db
      .selectFrom('agency_handovers')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .$if(filter.creditorId !== undefined, (q) => q.where('creditor_id', '=', filter.creditorId ?? ''))
      .$if(filter.from !== undefined, (q) => q.where('handed_on', '>=', filter.from ?? ''))
      .$if(filter.to !== undefined, (q) => q.where('handed_on', '<=', filter.to ?? ''))
      .execute();
    const lines = await db
      .selectFrom('agency_collections as l')
      .innerJoin('payments as p', (j) =>
        j.onRef('p.tenant_id', '=', 'l.tenant_id').onRef('p.payment_id', '=', 'l.payment_id'),
      )
      .select(['l.handover_id', 'l.collected_on', 'l.amount_minor', 'l.fee_minor'])
      .where('l.tenant_id', '=', tenantId)
      .where('p.status', '=', 'booked')
      .execute();
    const facts = handovers.map((h) => ({
      month: h.handed_on.slice(0, 7),
      agencyId: h.agency_id,
      currency: h.currency,
      fact: {
        agencyId: h.agency_id,
        handedOn: h.handed_on,
        amountMinor: Number(h.amount_minor),
        collections: lines
          .filter((l) => l.handover_id === h.handover_id)
          .map((l) => ({
            collectedOn: l.collected_on,
            amountMinor: Number(l.amount_minor),
            feeMinor: Number(l.fee_minor),
          })),
      } satisfies HandoverFacts,
    }));
    const view = (these: readonly (typeof facts)[number][]) => {
      const f = agencyFigures(these.map((x) => x.fact));
      return {
        ...f,
        recoveryByAmount: { ...f.recoveryByAmount, percent: percent(f.recoveryByAmount) },
        recoveryByCount: { ...f.recoveryByCount, percent: percent(f.recoveryByCount) },
      };
    };
    const currencies = [...new Set(facts.map((f) => f.currency))].sort();
    const shown = currencies.length > 0 ? currencies : ['EUR'];
    const agencies = [
      { agencyId: 'ag-a', key: 'a', name: 'A' },
      { agencyId: 'ag-b', key: 'b', name: 'B' },
    ];
    const months = [...new Set(facts.map((f) => f.month))].sort();
    const of = (agencyId: string, currency: string) =>
      facts.filter((f) => f.agencyId === agencyId && f.currency === currency);
    return {
      agencies: agencies.flatMap((agency) =>
        shown.map((currency) => ({ agency, currency, figures: view(of(agency.agencyId, currency)) })),
      ),
      byMonth: months.flatMap((month) =>
        agencies.flatMap((agency) =>
          shown.flatMap((currency) => {
            const these = of(agency.agencyId, currency).filter((f) => f.month === month);
            return these.length === 0
              ? []
              : [{ month, agencyId: agency.agencyId, currency, figures: view(these) }];
          }),
        ),
      ),
    };
  }
});
