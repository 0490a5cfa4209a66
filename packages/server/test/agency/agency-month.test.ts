import { beforeAll, describe, expect, it } from 'vitest';
import { closeRemittance } from '../../src/use-cases/agency/close-remittance.ts';
import { listPlacements } from '../../src/use-cases/agency/placements.ts';
import { listRemittances } from '../../src/use-cases/agency/remittances.ts';
import { receiptNumber } from '../../src/use-cases/payments/receipt-variables.ts';
import { reversePayment } from '../../src/use-cases/payments/reverse-payment.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { type AgencyWorld, agencyWorld } from './agency-world.ts';

/**
 * The "done when": an agency with two clients runs a month — February 2026 — and closes it; each
 * statement shows the commissions and the net remittance worked out by hand below.
 *
 * CLIENTA, 15 % flat, VAT 20 %, fee deducted:
 *   3 Feb  card      1 000.00 on FA-1 (paid in full)  → 150.00 + VAT 30.00
 *   10 Feb transfer    200.00 on FA-2 (a partial)     →  30.00 + VAT  6.00
 *   12 Feb transfer    100.00 on FA-2                 →  15.00 + VAT  3.00
 *   20 Feb the 100.00 transfer is returned            → −15.00 − VAT  3.00
 *   collected 1 200.00, commission 180.00, VAT 36.00, net 1 200.00 − 180.00 − 36.00 = 984.00,
 *   due 28 Feb + 20 days = 20 March.
 * CLIENTB, by age of debt at placement (10 January), VAT 20 %, fee invoiced:
 *   5 Feb  transfer    333.33 on FB-1 (due 20 Dec: 21 days old → 10 %) → 33.333 → 33.33, VAT 6.666 → 6.67
 *   25 Feb card        600.00 on FB-2 (due 1 Aug: 162 days old → 20 %) → 120.00, VAT 24.00
 *   2 Mar  card        100.00 on FB-2: March, not on February's statement
 *   collected 933.33, commission 153.33, VAT 30.67, net 933.33 (all remitted), invoiced 184.00,
 *   due 28 Feb + 30 days = 30 March.
 */
describeEachDatabase('agency: a month of two clients', (ctx) => {
  let w: AgencyWorld;
  const paid: Record<string, { paymentId: string; receivedOn: string }> = {};

  beforeAll(async () => {
    w = await agencyWorld(ctx.handle);
    const book = async (key: string, ...args: Parameters<AgencyWorld['pay']>) => {
      const p = await w.pay(...args);
      paid[key] = { paymentId: p.paymentId, receivedOn: args[2] };
    };
    await book('a1', 'FA-1', 1000_00, '2026-02-03', 'card');
    await book('a2', 'FA-2', 200_00, '2026-02-10', 'transfer');
    await book('a3', 'FA-2', 100_00, '2026-02-12', 'transfer');
    await reversePayment(w.at('2026-02-20T08:00:00.000Z'), w.actor, {
      paymentId: paid.a3?.paymentId,
      reason: 'AC04',
    });
    await book('b1', 'FB-1', 333_33, '2026-02-05', 'transfer');
    await book('b2', 'FB-2', 600_00, '2026-02-25', 'card');
    await book('b3', 'FB-2', 100_00, '2026-03-02', 'card');
  });

  const commissionsOf = (paymentId: string) =>
    ctx.handle.db
      .selectFrom('payment_commissions')
      .select(['entry', 'booked_on', 'base_minor', 'rate', 'commission_minor', 'vat_minor', 'rule_step'])
      .where('tenant_id', '=', w.tenantId)
      .where('payment_id', '=', paymentId)
      .orderBy('entry')
      .orderBy('seq')
      .execute();

  it('puts the claims in their placements, with their count and amount', async () => {
    const placements = await listPlacements(w.at('2026-03-16T10:00:00.000Z'), w.actor);
    expect(
      placements.map((p) => [p.creditor.ref, p.label, p.placedOn, p.claimCount, p.amountMinor]).sort(),
    ).toEqual([
      ['CLIENTA', '2026-01-10', '2026-01-10', 2, 1500_00],
      ['CLIENTB', 'Lot janvier', '2026-01-10', 2, 2000_00],
    ]);
    expect(w.imports.b.placementId).toBe(placements.find((p) => p.label === 'Lot janvier')?.placementId);
    const unplaced = await ctx.handle.db
      .selectFrom('claims')
      .select('claim_id')
      .where('tenant_id', '=', w.tenantId)
      .where('placement_id', 'is', null)
      .execute();
    expect(unplaced).toEqual([]);
  });

  it('writes the success fee with the payment, per allocation line, and takes it back on reversal', async () => {
    expect(await commissionsOf(paid.a1?.paymentId ?? '')).toEqual([
      {
        entry: 'charge',
        booked_on: '2026-02-03',
        base_minor: 1000_00,
        rate: '15',
        commission_minor: 150_00,
        vat_minor: 30_00,
        rule_step: 'flat',
      },
    ]);
    const reversed = await commissionsOf(paid.a3?.paymentId ?? '');
    expect(
      reversed.map((r) => [r.entry, r.booked_on, Number(r.base_minor), Number(r.commission_minor)]),
    ).toEqual([
      ['charge', '2026-02-12', 100_00, 15_00],
      ['reversal', '2026-02-20', -100_00, -15_00],
    ]);
    const b1 = await commissionsOf(paid.b1?.paymentId ?? '');
    expect(b1.map((r) => [r.rate, Number(r.commission_minor), Number(r.vat_minor), r.rule_step])).toEqual([
      ['10', 33_33, 6_67, 'age:0-90'],
    ]);
    const b2 = await commissionsOf(paid.b2?.paymentId ?? '');
    expect(b2.map((r) => [r.rate, Number(r.commission_minor), r.rule_step])).toEqual([
      ['20', 120_00, 'age:91+'],
    ]);
  });

  it('closes February: each statement shows the right commission and net remittance', async () => {
    const closed = await closeRemittance(w.at('2026-03-16T10:00:00.000Z'), w.actor, { period: '2026-02' });
    expect(closed.period).toEqual({
      key: '2026-02',
      frequency: 'monthly',
      start: '2026-02-01',
      end: '2026-02-28',
    });
    const [a, b] = closed.statements;
    expect(closed.statements).toHaveLength(2);
    expect(a).toMatchObject({
      creditor: { ref: 'CLIENTA' },
      currency: 'EUR',
      feeSettlement: 'deduct',
      paymentCount: 3,
      collectedMinor: 1200_00,
      commissionMinor: 180_00,
      vatMinor: 36_00,
      netMinor: 984_00,
      invoicedMinor: 0,
      dueOn: '2026-03-20',
      status: 'issued',
      email: { status: 'planned', to: 'compta@client-a.example' },
    });
    expect(a?.documentId).not.toBeNull();
    expect(
      a?.lines.map((l) => [
        l.entry,
        l.bookedOn,
        l.receiptNumber,
        l.collectedMinor,
        l.commissionMinor,
        l.netMinor,
      ]),
    ).toEqual([
      [
        'charge',
        '2026-02-03',
        receiptNumber(paid.a1?.paymentId ?? '', '2026-02-03'),
        1000_00,
        150_00,
        820_00,
      ],
      ['charge', '2026-02-10', receiptNumber(paid.a2?.paymentId ?? '', '2026-02-10'), 200_00, 30_00, 164_00],
      ['charge', '2026-02-12', receiptNumber(paid.a3?.paymentId ?? '', '2026-02-12'), 100_00, 15_00, 82_00],
      [
        'reversal',
        '2026-02-20',
        receiptNumber(paid.a3?.paymentId ?? '', '2026-02-12'),
        -100_00,
        -15_00,
        -82_00,
      ],
    ]);
    expect(a?.lines[1]?.debtorName).toBe('Bravo SAS');
    expect(a?.lines[1]?.invoices).toEqual(['FA-2']);
    expect(b).toMatchObject({
      creditor: { ref: 'CLIENTB' },
      feeSettlement: 'invoice',
      paymentCount: 2,
      collectedMinor: 933_33,
      commissionMinor: 153_33,
      vatMinor: 30_67,
      netMinor: 933_33,
      invoicedMinor: 184_00,
      dueOn: '2026-03-30',
      // CLIENTB has no e-mail address: its statement waits to be downloaded.
      email: { status: 'none', to: null },
    });
    expect(b?.lines.map((l) => [l.receivedOn, l.rates, l.steps])).toEqual([
      ['2026-02-05', ['10'], ['age:0-90']],
      ['2026-02-25', ['20'], ['age:91+']],
    ]);
  });

  it('gives back the same statements when the period is closed again', async () => {
    const before = await listRemittances(w.at('2026-03-17T10:00:00.000Z'), w.actor);
    const again = await closeRemittance(w.at('2026-03-17T10:00:00.000Z'), w.actor, { period: '2026-02' });
    const after = await listRemittances(w.at('2026-03-17T10:00:00.000Z'), w.actor);
    expect(after).toEqual(before);
    expect(again.statements.map((s) => [s.remittanceId, s.netMinor, s.lines.length])).toEqual(
      before.map((s) => [s.remittanceId, s.netMinor, s.creditor.ref === 'CLIENTA' ? 4 : 2]),
    );
  });

  describe('after the close', () => {
    it('leaves a closed statement alone: a late reversal and a late booking go on the next one', async () => {
      const march = w.at('2026-03-18T10:00:00.000Z');
      await reversePayment(march, w.actor, { paymentId: paid.b1?.paymentId, reason: 'chargeback' });
      // A February cheque of Alpha's… no: a February transfer on FA-2 only entered on 18 March.
      await w.pay('FA-2', 50_00, '2026-02-27', 'transfer', '2026-03-18T11:00:00.000Z');
      const february = await listRemittances(march, w.actor, { period: '2026-02' });
      expect(february.map((s) => [s.creditor.ref, s.collectedMinor, s.netMinor])).toEqual([
        ['CLIENTA', 1200_00, 984_00],
        ['CLIENTB', 933_33, 933_33],
      ]);
      const draft = await closeRemittance(march, w.actor, { period: '2026-03', dryRun: true });
      const [a, b] = draft.statements;
      // 50.00 at 15 % = 7.50, VAT 1.50: net 41.00
      expect(a).toMatchObject({ status: 'draft', remittanceId: '', collectedMinor: 50_00, netMinor: 41_00 });
      expect(a?.lines.map((l) => l.receivedOn)).toEqual(['2026-02-27']);
      // 100.00 at 20 % (20.00 + 4.00) on 2 March, less the chargeback of 333.33 (33.33 + 6.67):
      // collected −233.33, commission −13.33, VAT −2.67, invoiced −16.00 (a credit note), net −233.33.
      expect(b).toMatchObject({
        collectedMinor: -233_33,
        commissionMinor: -13_33,
        vatMinor: -2_67,
        invoicedMinor: -16_00,
        netMinor: -233_33,
        paymentCount: 1,
      });
      // A draft writes nothing.
      expect(await listRemittances(march, w.actor, { period: '2026-03' })).toEqual([]);
    });

    it('refuses a period that has not ended, and a period that is none', async () => {
      await expect(
        closeRemittance(w.at('2026-03-18T10:00:00.000Z'), w.actor, { period: '2026-03' }),
      ).rejects.toMatchObject({ code: 'conflict', details: { reason: 'period_not_ended' } });
      await expect(
        closeRemittance(w.at('2026-03-18T10:00:00.000Z'), w.actor, { period: 'mars' }),
      ).rejects.toMatchObject({ code: 'invalid_input', details: { reason: 'period_invalid' } });
      await expect(
        closeRemittance(w.at('2026-03-18T10:00:00.000Z'), w.actor, {
          period: '2026-W09',
          creditorId: w.creditors.a,
        }),
      ).rejects.toMatchObject({ code: 'invalid_input', details: { reason: 'period_frequency_mismatch' } });
    });
  });
});
