import { DomainError } from '@relance/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/schema.ts';
import type { Actor } from '../../src/shared/actor.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { produceReceipt } from '../../src/use-cases/payments/produce-receipt.ts';
import { recordPayment } from '../../src/use-cases/payments/record-payment.ts';
import { reversePayment } from '../../src/use-cases/payments/reverse-payment.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { now, testDeps, today } from '../http/support.ts';
import { pdfText } from '../letters/pdf-inspect.ts';
import { describeEachDatabase } from '../support/databases.ts';

async function count(
  db: Db,
  table: 'payments' | 'payment_allocations' | 'actions' | 'evidence' | 'documents',
  tenantId: string,
) {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachDatabase('recordPayment', (ctx) => {
  let deps: Deps;
  let tenant: SeededTenant;
  let system: Actor;

  beforeAll(async () => {
    deps = testDeps(ctx.handle);
    tenant = await seedTenant(ctx.handle.db, 'R');
    system = { tenantId: tenant.tenantId, kind: 'system', id: 'test', role: 'admin', creditorId: null };
  });

  const claimOf = (claimId: string) =>
    ctx.handle.db
      .selectFrom('claims')
      .selectAll()
      .where('tenant_id', '=', tenant.tenantId)
      .where('claim_id', '=', claimId)
      .executeTakeFirstOrThrow();

  describe('a partial payment of a late B2B invoice', () => {
    it('goes to interest, then the €40, then principal, with a receipt and evidence', async () => {
      const d1 = tenant.debtors.D1;
      if (!d1) throw new Error('seed');
      const paid = await recordPayment(deps, system, {
        caseId: d1.caseId,
        amountMinor: 100_00,
        currency: 'EUR',
        method: 'transfer',
        channel: 'manual',
        provider: null,
        sourceKey: 'test:partial-1',
        receivedOn: today,
        reference: 'VIR 123',
      });
      expect(paid.repeated).toBe(false);
      const lines = await ctx.handle.db
        .selectFrom('payment_allocations')
        .select(['part', 'amount_minor', 'claim_id', 'rule'])
        .where('tenant_id', '=', tenant.tenantId)
        .where('payment_id', '=', paid.paymentId)
        .orderBy('seq')
        .execute();
      expect(lines.map((l) => l.part)).toEqual(['interest', 'fees', 'principal']);
      const [interest, fees, principal] = lines.map((l) => Number(l.amount_minor));
      expect(fees).toBe(40_00);
      expect(interest).toBeGreaterThan(0);
      expect((interest ?? 0) + (fees ?? 0) + (principal ?? 0)).toBe(100_00);
      const claim = await claimOf(d1.claimIds[0] ?? '');
      expect(Number(claim.outstanding_minor)).toBe(1200_00 - (principal ?? 0));
      expect(Number(claim.paid_interest_minor)).toBe(interest);
      expect(Number(claim.paid_fees_minor)).toBe(40_00);
      expect(claim.status).toBe('open');
      const kase = await ctx.handle.db
        .selectFrom('cases')
        .select(['outstanding_minor', 'paid_minor', 'status'])
        .where('tenant_id', '=', tenant.tenantId)
        .where('case_id', '=', d1.caseId)
        .executeTakeFirstOrThrow();
      expect(Number(kase.paid_minor)).toBe(100_00);
      expect(Number(kase.outstanding_minor)).toBe(paid.caseOutstandingMinor);
      expect(kase.status).toBe('open');

      const receipt = await ctx.handle.db
        .selectFrom('actions')
        .select(['channel', 'template', 'purpose', 'document_id', 'status', 'action_key'])
        .where('tenant_id', '=', tenant.tenantId)
        .where('action_id', '=', paid.receiptActionId ?? '')
        .executeTakeFirstOrThrow();
      expect(receipt).toMatchObject({
        channel: 'email',
        template: 'payment-receipt',
        purpose: 'confirmation',
      });
      // The PDF is made when the e-mail leaves (or someone opens it), not while the payment is booked.
      expect(receipt.document_id).toBeNull();
      const file = await produceReceipt(ctx.handle.db, tenant.tenantId, paid.paymentId, now);
      const text = await pdfText(file.content);
      expect(text).toContain('Quittance');
      expect(text).toContain('F-1001');
      expect(text).toContain('Boulangerie Dupont');
      const again = await produceReceipt(ctx.handle.db, tenant.tenantId, paid.paymentId, now);
      expect(again.documentId).toBe(file.documentId);
      expect(Buffer.from(again.content).equals(Buffer.from(file.content))).toBe(true);
      const english = await produceReceipt(ctx.handle.db, tenant.tenantId, paid.paymentId, now, 'en');
      expect(await pdfText(english.content)).toContain('Receipt no.');

      const entry = await ctx.handle.db
        .selectFrom('evidence')
        .select(['kind', 'payload'])
        .where('tenant_id', '=', tenant.tenantId)
        .where('case_id', '=', d1.caseId)
        .where('kind', '=', 'payment_received')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(entry.payload)).toMatchObject({ amountMinor: 100_00, sourceKey: 'test:partial-1' });
      const event = await ctx.handle.db
        .selectFrom('case_events')
        .select(['kind', 'applied_run_id'])
        .where('tenant_id', '=', tenant.tenantId)
        .where('case_id', '=', d1.caseId)
        .where('kind', '=', 'payment')
        .executeTakeFirstOrThrow();
      // The ladder has seen it already: the case was decided in the same transaction.
      expect(event.applied_run_id).toBe(`payment:${paid.paymentId}`);
    });

    it('books a replay of the same source once', async () => {
      const d1 = tenant.debtors.D1;
      if (!d1) throw new Error('seed');
      const before = await Promise.all(
        (['payments', 'payment_allocations', 'actions', 'evidence', 'documents'] as const).map((t) =>
          count(ctx.handle.db, t, tenant.tenantId),
        ),
      );
      const again = await recordPayment(deps, system, {
        caseId: d1.caseId,
        amountMinor: 100_00,
        currency: 'EUR',
        method: 'transfer',
        channel: 'manual',
        provider: null,
        sourceKey: 'test:partial-1',
        receivedOn: today,
      });
      expect(again.repeated).toBe(true);
      const after = await Promise.all(
        (['payments', 'payment_allocations', 'actions', 'evidence', 'documents'] as const).map((t) =>
          count(ctx.handle.db, t, tenant.tenantId),
        ),
      );
      expect(after).toEqual(before);
    });
  });

  it('settles the case: the claim is paid, the ladder stops, an overpayment is kept as a credit', async () => {
    const d1 = tenant.debtors.D1;
    if (!d1) throw new Error('seed');
    const kase = await ctx.handle.db
      .selectFrom('cases')
      .select(['outstanding_minor'])
      .where('tenant_id', '=', tenant.tenantId)
      .where('case_id', '=', d1.caseId)
      .executeTakeFirstOrThrow();
    const paid = await recordPayment(deps, system, {
      caseId: d1.caseId,
      amountMinor: Number(kase.outstanding_minor) + 15_00,
      currency: 'EUR',
      method: 'card',
      channel: 'portal',
      provider: 'builtin',
      sourceKey: 'test:settle-1',
      receivedOn: today,
    });
    expect(paid.settledClaimIds).toEqual(d1.claimIds);
    expect(paid.creditMinor).toBe(15_00);
    const claim = await claimOf(d1.claimIds[0] ?? '');
    expect(claim.status).toBe('paid');
    expect(Number(claim.outstanding_minor)).toBe(0);
    const after = await ctx.handle.db
      .selectFrom('cases')
      .select(['status', 'credit_minor', 'stage'])
      .where('tenant_id', '=', tenant.tenantId)
      .where('case_id', '=', d1.caseId)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe('closed');
    expect(Number(after.credit_minor)).toBe(15_00);
    const pending = await ctx.handle.db
      .selectFrom('actions')
      .select(['action_key', 'purpose'])
      .where('tenant_id', '=', tenant.tenantId)
      .where('case_id', '=', d1.caseId)
      .where('status', 'in', ['planned', 'review', 'blocked'])
      .execute();
    // What is still to go: the two receipts, nothing of the ladder.
    expect(pending.every((a) => a.purpose === 'confirmation')).toBe(true);
    const credit = await ctx.handle.db
      .selectFrom('payment_allocations')
      .select(['part', 'amount_minor', 'claim_id'])
      .where('tenant_id', '=', tenant.tenantId)
      .where('payment_id', '=', paid.paymentId)
      .where('part', '=', 'credit')
      .executeTakeFirstOrThrow();
    expect(credit).toMatchObject({ amount_minor: 15_00, claim_id: null });
  });

  it('refuses another currency, and a case of another tenant, changing nothing', async () => {
    const d5 = tenant.debtors.D5;
    if (!d5) throw new Error('seed');
    const before = await count(ctx.handle.db, 'payments', tenant.tenantId);
    const attempt = (caseId: string, currency: string) =>
      recordPayment(deps, system, {
        caseId,
        amountMinor: 10_00,
        currency,
        method: 'card',
        channel: 'portal',
        provider: 'builtin',
        sourceKey: `test:refused-${caseId}-${currency}`,
        receivedOn: today,
      });
    await expect(attempt(d5.caseId, 'GBP')).rejects.toMatchObject({
      code: 'invalid_input',
      details: { reason: 'payment_currency_mismatch' },
    });
    const other = await seedTenant(ctx.handle.db, 'R2');
    await expect(attempt(other.debtors.D5?.caseId ?? '', 'EUR')).rejects.toBeInstanceOf(DomainError);
    expect(await count(ctx.handle.db, 'payments', tenant.tenantId)).toBe(before);
  });

  it('leaves a disputed claim aside unless the debtor names it', async () => {
    const d5 = tenant.debtors.D5;
    if (!d5) throw new Error('seed');
    const paid = await recordPayment(deps, system, {
      caseId: d5.caseId,
      amountMinor: 50_00,
      currency: 'EUR',
      method: 'transfer',
      channel: 'statement',
      provider: 'bank',
      sourceKey: 'test:d5-1',
      receivedOn: today,
    });
    const disputed = d5.claimIds[2] ?? '';
    const lines = await ctx.handle.db
      .selectFrom('payment_allocations')
      .select(['claim_id'])
      .where('tenant_id', '=', tenant.tenantId)
      .where('payment_id', '=', paid.paymentId)
      .execute();
    expect(lines.some((l) => l.claim_id === disputed)).toBe(false);
    const named = await recordPayment(deps, system, {
      caseId: d5.caseId,
      amountMinor: 20_00,
      currency: 'EUR',
      method: 'transfer',
      channel: 'statement',
      provider: 'bank',
      sourceKey: 'test:d5-2',
      receivedOn: today,
      designatedClaimIds: [disputed],
    });
    const namedLines = await ctx.handle.db
      .selectFrom('payment_allocations')
      .select(['claim_id', 'rule'])
      .where('tenant_id', '=', tenant.tenantId)
      .where('payment_id', '=', named.paymentId)
      .execute();
    expect(namedLines).toEqual([{ claim_id: disputed, rule: 'debtor_designation' }]);
  });

  it('reverses a payment: the claim reopens, the case is open again, twice changes nothing', async () => {
    const d1 = tenant.debtors.D1;
    if (!d1) throw new Error('seed');
    const first = await reversePayment(deps, system, {
      sourceKey: 'test:settle-1',
      reason: 'AC04 closed account',
    });
    expect(first.repeated).toBe(false);
    const claim = await claimOf(d1.claimIds[0] ?? '');
    expect(claim.status).toBe('open');
    const kase = await ctx.handle.db
      .selectFrom('cases')
      .select(['status', 'credit_minor', 'outstanding_minor', 'paid_minor'])
      .where('tenant_id', '=', tenant.tenantId)
      .where('case_id', '=', d1.caseId)
      .executeTakeFirstOrThrow();
    expect(kase.status).toBe('open');
    expect(Number(kase.credit_minor)).toBe(0);
    expect(Number(kase.paid_minor)).toBe(100_00);
    expect(Number(kase.outstanding_minor)).toBe(Number(claim.outstanding_minor));
    const payment = await ctx.handle.db
      .selectFrom('payments')
      .select(['status', 'reversal_reason'])
      .where('tenant_id', '=', tenant.tenantId)
      .where('payment_id', '=', first.paymentId)
      .executeTakeFirstOrThrow();
    expect(payment).toEqual({ status: 'reversed', reversal_reason: 'AC04 closed account' });
    const again = await reversePayment(deps, system, { paymentId: first.paymentId, reason: 'again' });
    expect(again.repeated).toBe(true);
    const entries = await ctx.handle.db
      .selectFrom('evidence')
      .select('kind')
      .where('tenant_id', '=', tenant.tenantId)
      .where('kind', '=', 'payment_reversed')
      .execute();
    expect(entries).toHaveLength(1);
  });
});
