import { chooseAgency, READY_STRATEGIES } from '@relance/core';
import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.ts';
import { compareAgencies } from '../../src/use-cases/agency-comparison/compare-agencies.ts';
import {
  handOverCase,
  handoverFromAction,
  recallHandover,
} from '../../src/use-cases/agency-comparison/handovers.ts';
import { saveOutsideAgency } from '../../src/use-cases/agency-comparison/outside-agencies.ts';
import { reportCollections } from '../../src/use-cases/agency-comparison/report-collections.ts';
import { reversePayment } from '../../src/use-cases/payments/reverse-payment.ts';
import { saveStrategy } from '../../src/use-cases/strategies/strategies.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { type AgencyWorld, agencyWorld } from './agency-world.ts';

const day = (d: string) => `${d}T09:00:00.000Z`;

/**
 * A creditor that hands cases to two agencies (CLIENTA and CLIENTB are its two business lines here; late
 * interest and fees are waived, so every cent paid is principal and the figures can be worked out by hand):
 *
 * - Recouvra (18 %) is handed FA-1 (1,000.00) and FB-1 (800.00) on 15 January. It reports FA-1 paid in full on
 *   25 January (fee 180.00) and 200.00 of FB-1 on 14 February (fee 36.00).
 * - Credix (12 %) is handed FA-2 (500.00) and FB-2 (1,200.00) on 2 February. It reports 250.00 of FA-2 on
 *   12 February and 250.00 on 4 March (fee 30.00 each); nothing on FB-2.
 */
describeEachDatabase('agencies compared', (ctx) => {
  let w: AgencyWorld;
  let recouvra: string;
  let credix: string;

  beforeAll(async () => {
    w = await agencyWorld(ctx.handle, 'creditor');
    const deps = w.at(day('2026-01-15'));
    recouvra = (
      await saveOutsideAgency(deps, w.actor, {
        key: 'recouvra',
        name: 'Recouvra SAS',
        legalId: '812345678',
        commissionRate: '18',
      })
    ).agencyId;
    credix = (await saveOutsideAgency(deps, w.actor, { key: 'credix', name: 'Credix', commissionRate: '12' }))
      .agencyId;
    for (const invoice of ['FA-1', 'FB-1']) {
      await handOverCase(deps, w.actor, { caseId: await w.caseOf(invoice), agencyId: recouvra });
    }
    for (const invoice of ['FA-2', 'FB-2']) {
      await handOverCase(w.at(day('2026-02-02')), w.actor, {
        caseId: await w.caseOf(invoice),
        agencyId: credix,
      });
    }
    const recouvraReport = await reportCollections(w.at(day('2026-03-10')), w.actor, recouvra, [
      { reference: 'FA-1', amountMinor: 1000_00, feeMinor: 180_00, collectedOn: '2026-01-25' },
      { reference: 'FB-1', amountMinor: 200_00, feeMinor: 36_00, collectedOn: '2026-02-14' },
    ]);
    expect(recouvraReport).toMatchObject({ booked: 2, repeated: 0, refused: 0 });
    const credixReport = await reportCollections(w.at(day('2026-03-10')), w.actor, credix, [
      { reference: 'FA-2', amountMinor: 250_00, feeMinor: 30_00, collectedOn: '2026-02-12' },
      { reference: 'FA-2', amountMinor: 250_00, feeMinor: 30_00, collectedOn: '2026-03-04' },
    ]);
    expect(credixReport).toMatchObject({ booked: 2, repeated: 0, refused: 0 });
  });

  it('compares them side by side, as worked out by hand', async () => {
    const comparison = await compareAgencies(w.at(day('2026-03-10')), w.actor, {});
    const byKey = new Map(comparison.agencies.map((a) => [a.agency.key, a]));
    expect(byKey.get('recouvra')).toEqual({
      agency: { agencyId: recouvra, key: 'recouvra', name: 'Recouvra SAS' },
      currency: 'EUR',
      figures: {
        cases: 2,
        handedMinor: 1800_00,
        collectedMinor: 1200_00,
        feesMinor: 216_00,
        netMinor: 984_00,
        recoveryByAmount: { numerator: 1200_00, denominator: 1800_00, percent: '66.7' },
        recoveryByCount: { numerator: 2, denominator: 2, percent: '100.0' },
        // first payments after 10 and 30 days; FA-1 in full after 10
        medianDaysToFirstPayment: 20,
        medianDaysToFullPayment: 10,
        costPer100Minor: 18_00,
      },
    });
    expect(byKey.get('credix')?.figures).toEqual({
      cases: 2,
      handedMinor: 1700_00,
      collectedMinor: 500_00,
      feesMinor: 60_00,
      netMinor: 440_00,
      recoveryByAmount: { numerator: 500_00, denominator: 1700_00, percent: '29.4' },
      recoveryByCount: { numerator: 1, denominator: 2, percent: '50.0' },
      medianDaysToFirstPayment: 10,
      medianDaysToFullPayment: 30,
      costPer100Minor: 12_00,
    });
    expect(
      comparison.byMonth.map((m) => [m.month, m.agencyId, m.figures.cases, m.figures.collectedMinor]),
    ).toEqual([
      ['2026-01', recouvra, 2, 1200_00],
      ['2026-02', credix, 2, 500_00],
    ]);
    // By creditor and by hand-over day.
    const onlyA = await compareAgencies(w.at(day('2026-03-10')), w.actor, { creditorId: w.creditors.a });
    expect(
      onlyA.agencies.map((a) => [a.agency.key, a.figures.handedMinor, a.figures.collectedMinor]),
    ).toEqual([
      ['credix', 500_00, 500_00],
      ['recouvra', 1000_00, 1000_00],
    ]);
    const february = await compareAgencies(w.at(day('2026-03-10')), w.actor, { from: '2026-02-01' });
    expect(february.agencies.find((a) => a.agency.key === 'recouvra')?.figures.cases).toBe(0);
  });

  it('books each line as a payment of channel agency, once, on the case handed over', async () => {
    const payments = await ctx.handle.db
      .selectFrom('payments')
      .select(['case_id', 'amount_minor', 'channel', 'provider', 'received_on'])
      .where('tenant_id', '=', w.tenantId)
      .orderBy('received_on')
      .execute();
    expect(payments.map((p) => [p.channel, p.provider, Number(p.amount_minor), p.received_on])).toEqual([
      ['agency', 'agency:recouvra', 1000_00, '2026-01-25'],
      ['agency', 'agency:credix', 250_00, '2026-02-12'],
      ['agency', 'agency:recouvra', 200_00, '2026-02-14'],
      ['agency', 'agency:credix', 250_00, '2026-03-04'],
    ]);
    const fa1 = await ctx.handle.db
      .selectFrom('cases')
      .select(['outstanding_minor', 'paid_minor'])
      .where('tenant_id', '=', w.tenantId)
      .where('case_id', '=', await w.caseOf('FA-1'))
      .executeTakeFirstOrThrow();
    expect([Number(fa1.outstanding_minor), Number(fa1.paid_minor)]).toEqual([0, 1000_00]);
    // The same report again books nothing; an unknown reference, a line before the hand-over, a fee above the
    // amount are refused, each with its reason.
    const again = await reportCollections(w.at(day('2026-03-11')), w.actor, recouvra, [
      { reference: 'FB-1', amountMinor: 200_00, feeMinor: 36_00, collectedOn: '2026-02-14' },
      { reference: 'NOPE', amountMinor: 10_00, feeMinor: 0, collectedOn: '2026-02-14' },
      { reference: 'FA-2', amountMinor: 10_00, feeMinor: 0, collectedOn: '2026-02-14' },
      { reference: 'FB-1', amountMinor: 10_00, feeMinor: 0, collectedOn: '2026-01-10' },
      { reference: 'FB-1', amountMinor: 10_00, feeMinor: 11_00, collectedOn: '2026-02-20' },
    ]);
    expect(again.lines.map((l) => (l.status === 'refused' ? l.reason : l.status))).toEqual([
      'repeated',
      'reference_unknown',
      // FA-2 is Credix's, not Recouvra's
      'reference_unknown',
      'before_handover',
      'fee_invalid',
    ]);
    const count = await ctx.handle.db
      .selectFrom('agency_collections')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', w.tenantId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(4);
  });

  it('leaves a reversed payment out of the agency’s figures', async () => {
    const line = await ctx.handle.db
      .selectFrom('agency_collections')
      .select('payment_id')
      .where('tenant_id', '=', w.tenantId)
      .where('collected_on', '=', '2026-03-04')
      .executeTakeFirstOrThrow();
    await reversePayment(w.at(day('2026-03-12')), w.actor, { paymentId: line.payment_id, reason: 'AC04' });
    const comparison = await compareAgencies(w.at(day('2026-03-12')), w.actor, {});
    const figures = comparison.agencies.find((a) => a.agency.key === 'credix')?.figures;
    expect(figures).toMatchObject({
      collectedMinor: 250_00,
      feesMinor: 30_00,
      medianDaysToFullPayment: null,
      recoveryByAmount: { numerator: 250_00, denominator: 1700_00, percent: '14.7' },
    });
  });

  it('keeps a case with one agency at a time; a recall frees it', async () => {
    const caseId = await w.caseOf('FB-2');
    await expect(
      handOverCase(w.at(day('2026-03-12')), w.actor, { caseId, agencyId: recouvra }),
    ).rejects.toMatchObject({ details: { reason: 'case_with_another_agency' } });
    const open = await ctx.handle.db
      .selectFrom('agency_handovers')
      .select('handover_id')
      .where('tenant_id', '=', w.tenantId)
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    const recalled = await recallHandover(w.at(day('2026-03-12')), w.actor, open.handover_id);
    expect(recalled.recalledOn).toBe('2026-03-12');
    const next = await handOverCase(w.at(day('2026-03-12')), w.actor, { caseId, agencyId: recouvra });
    expect(next).toMatchObject({ agencyId: recouvra, handedOn: '2026-03-12', amountMinor: 1200_00 });
  });
});

describeEachDatabase('agency hand-over from a strategy', (ctx) => {
  it('goes to the agency the step names, or splits the cases by a hash of the case id', async () => {
    const w = await agencyWorld(ctx.handle, 'creditor');
    const deps = w.at(day('2026-02-01'));
    await saveOutsideAgency(deps, w.actor, {
      key: 'champion',
      name: 'Champion',
      commissionRate: '15',
      share: 3,
    });
    await saveOutsideAgency(deps, w.actor, { key: 'challenger', name: 'Challenger', commissionRate: '10' });
    const base = READY_STRATEGIES[0];
    if (!base) throw new Error('no strategy');
    const definition = {
      ...base,
      key: 'split',
      steps: [
        {
          ...base.steps[0],
          key: 'only',
          actions: [{ channel: 'agency_handover', template: 'handover', agencies: ['challenger'] }],
        },
        { ...base.steps[0], key: 'split', actions: [{ channel: 'agency_handover', template: 'handover' }] },
      ],
    };
    await ctx.handle.db
      .insertInto('strategies')
      .values({
        tenant_id: w.tenantId,
        strategy_id: newId(),
        key: 'split',
        version: 1,
        definition: JSON.stringify(definition),
        created_by: null,
        created_at: deps.clock.now(),
      })
      .execute();
    const action = async (caseId: string, stepKey: string) => {
      const actionId = newId();
      await ctx.handle.db
        .insertInto('actions')
        .values({
          tenant_id: w.tenantId,
          action_id: actionId,
          case_id: caseId,
          action_key: `split:1:${stepKey}:${actionId}`,
          run_id: null,
          planned_on: '2026-02-01',
          scheduled_at: null,
          channel: 'agency_handover',
          template: 'handover',
          language: 'fr',
          purpose: 'collection',
          status: 'sending',
          strategy_key: 'split',
          strategy_version: 1,
          step_key: stepKey,
          reason: '{}',
          gate: '{}',
          amounts: null,
          created_at: deps.clock.now(),
        })
        .execute();
      return actionId;
    };
    const handOver = async (caseId: string, stepKey: string) => {
      const actionId = await action(caseId, stepKey);
      return ctx.handle.db
        .transaction()
        .execute((trx) =>
          handoverFromAction(
            trx,
            { tenantId: w.tenantId, today: '2026-02-01', now: deps.clock.now() },
            { actionId, caseId },
          ),
        );
    };
    const agencies = await ctx.handle.db
      .selectFrom('outside_agencies')
      .select(['agency_id', 'key'])
      .where('tenant_id', '=', w.tenantId)
      .execute();
    const keyOf = (id: string | undefined) => agencies.find((a) => a.agency_id === id)?.key;
    // Named alone: Challenger, whatever the hash says.
    const named = await handOver(await w.caseOf('FA-1'), 'only');
    expect(keyOf(named?.agencyId)).toBe('challenger');
    // Split: each case where the hash puts it, 3 to 1.
    const shares = [
      { key: 'champion', share: 3 },
      { key: 'challenger', share: 1 },
    ];
    for (const invoice of ['FA-2', 'FB-1', 'FB-2']) {
      const caseId = await w.caseOf(invoice);
      const made = await handOver(caseId, 'split');
      expect(keyOf(made?.agencyId)).toBe(chooseAgency(caseId, shares));
      expect(made?.amountMinor).toBeGreaterThan(0);
      // A second hand-over while the first is open gives the first back.
      const again = await handOver(caseId, 'split');
      expect(again?.handoverId).toBe(made?.handoverId);
    }
    const rows = await ctx.handle.db
      .selectFrom('agency_handovers')
      .select('handover_id')
      .where('tenant_id', '=', w.tenantId)
      .execute();
    expect(rows).toHaveLength(4);
  });

  it('refuses a strategy that hands cases to an agency not registered', async () => {
    const w = await agencyWorld(ctx.handle, 'creditor');
    const deps = w.at(day('2026-02-01'));
    await saveOutsideAgency(deps, w.actor, { key: 'champion', name: 'Champion', commissionRate: '15' });
    const base = READY_STRATEGIES[0];
    if (!base) throw new Error('no strategy');
    const withAgencies = (agencies: readonly string[]) => ({
      ...base,
      steps: base.steps.map((step) => ({
        ...step,
        actions: step.actions.map((a) => (a.channel === 'agency_handover' ? { ...a, agencies } : a)),
      })),
    });
    await expect(saveStrategy(deps, w.actor, withAgencies(['champion', 'ghost']))).rejects.toMatchObject({
      details: {
        reason: 'invalid_strategy',
        issues: [
          expect.objectContaining({
            code: 'unknown_agency',
            message: {
              fr: 'Aucune agence enregistrée sous la clé « ghost ».',
              en: 'No agency is registered under the key "ghost".',
            },
          }),
        ],
      },
    });
    const saved = await saveStrategy(deps, w.actor, withAgencies(['champion']));
    expect(saved.version).toBe(2);
  });
});
