import { DomainError } from '@relance/core';
import { beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../../src/shared/actor.ts';
import type { Deps } from '../../../src/shared/deps.ts';
import { ignoreStatementLine } from '../../../src/use-cases/payments/statements/ignore-statement-line.ts';
import { importStatement } from '../../../src/use-cases/payments/statements/import-statement.ts';
import { listStatementLines } from '../../../src/use-cases/payments/statements/list-statement-lines.ts';
import { matchStatementLine } from '../../../src/use-cases/payments/statements/match-statement-line.ts';
import { ensurePaymentReference } from '../../../src/use-cases/templates/payment-reference.ts';
import { type SeededTenant, seedTenant } from '../../http/seed.ts';
import { testDeps } from '../../http/support.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { buildCamt } from './camt053-builder.ts';
import { adminOf, countRows } from './statement-world.ts';

const bytesOf = (xml: string) => new TextEncoder().encode(xml);

describeEachDatabase('matching statement lines to cases', (ctx) => {
  let deps: Deps;
  let tenant: SeededTenant;
  let admin: Actor;
  let supervisor: Actor;
  let rfDupont: string;
  let march: Uint8Array;
  const debtor = (ref: string) => {
    const d = tenant.debtors[ref];
    if (!d) throw new Error(`seed ${ref}`);
    return d;
  };
  const line = (endToEndId: string) =>
    ctx.handle.db
      .selectFrom('statement_lines')
      .selectAll()
      .where('tenant_id', '=', tenant.tenantId)
      .where('end_to_end_id', '=', endToEndId)
      .executeTakeFirstOrThrow();
  const kase = (caseId: string) =>
    ctx.handle.db
      .selectFrom('cases')
      .select(['outstanding_minor', 'paid_minor'])
      .where('tenant_id', '=', tenant.tenantId)
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
  const payment = (paymentId: string | null) =>
    ctx.handle.db
      .selectFrom('payments')
      .selectAll()
      .where('tenant_id', '=', tenant.tenantId)
      .where('payment_id', '=', paymentId ?? '')
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    deps = testDeps(ctx.handle);
    tenant = await seedTenant(ctx.handle.db, 'S');
    admin = adminOf(tenant.tenantId);
    supervisor = {
      tenantId: tenant.tenantId,
      kind: 'user',
      id: tenant.users.supervisor.id,
      role: 'supervisor',
      creditorId: null,
    };
    rfDupont = await ensurePaymentReference(ctx.handle.db, tenant.tenantId, debtor('D1').caseId);
    march = bytesOf(
      buildCamt({
        messageId: 'MARCH-1',
        entries: [
          {
            amountMinor: 100_00,
            creditorReference: rfDupont,
            endToEndId: 'E2E-RF',
            payerName: 'BOULANGERIE DUPONT',
            payerIban: 'FR7612345678901234567890185',
          },
          {
            amountMinor: 50_00,
            remittance: 'Reglement facture M-4',
            endToEndId: 'E2E-INVOICE',
            payerName: 'MIXTE',
          },
          { amountMinor: 450_00, endToEndId: 'E2E-AMOUNT', payerName: 'CAFE LUMIERE SARL' },
          { amountMinor: 70_00, remittance: 'F-3001 M-2', endToEndId: 'E2E-TWO' },
          { amountMinor: 20_00, currency: 'CHF', creditorReference: rfDupont, endToEndId: 'E2E-CHF' },
          { amountMinor: 12_34, remittance: 'Merci', endToEndId: 'E2E-NOTHING' },
          { amountMinor: 9_99, direction: 'DBIT', endToEndId: 'E2E-FEE' },
        ],
      }),
    );
  });

  it('books what the rules are sure of, and leaves the rest for a person with candidates and reasons', async () => {
    const before = await kase(debtor('D1').caseId);
    const result = await importStatement(deps, admin, { fileName: 'march.xml', bytes: march });
    expect(result).toMatchObject({ newCount: 7, booked: 2 });
    expect(result.statuses).toEqual({
      matched: 2,
      review: 2,
      ambiguous: 1,
      unmatched: 1,
      ignored: 1,
      reversal: 0,
    });

    const rf = await line('E2E-RF');
    expect(rf).toMatchObject({ match_status: 'matched', case_id: debtor('D1').caseId, confidence: 100 });
    const paid = await payment(rf.payment_id);
    expect(paid).toMatchObject({
      channel: 'statement',
      method: 'transfer',
      provider: 'bank',
      received_on: '2026-03-16',
    });
    expect(paid.source_key).toBe(`statement:${rf.fingerprint}`);
    const after = await kase(debtor('D1').caseId);
    expect(Number(after.paid_minor) - Number(before.paid_minor)).toBe(100_00);
    expect(Number(after.outstanding_minor)).toBeLessThan(Number(before.outstanding_minor));
    const evidence = await ctx.handle.db
      .selectFrom('evidence')
      .select('actor')
      .where('tenant_id', '=', tenant.tenantId)
      .where('kind', '=', 'payment_received')
      .where('case_id', '=', debtor('D1').caseId)
      .executeTakeFirstOrThrow();
    expect(evidence.actor).toBe('provider:statement-matching');
  });

  it('designates the invoice the transfer names', async () => {
    const byInvoice = await line('E2E-INVOICE');
    const m4 = debtor('D5').claimIds[3];
    expect(byInvoice).toMatchObject({
      match_status: 'matched',
      case_id: debtor('D5').caseId,
      confidence: 90,
    });
    const paid = await payment(byInvoice.payment_id);
    expect(JSON.parse(paid.designation ?? '[]')).toEqual([m4]);
    const claims = await ctx.handle.db
      .selectFrom('payment_allocations')
      .select('claim_id')
      .distinct()
      .where('tenant_id', '=', tenant.tenantId)
      .where('payment_id', '=', paid.payment_id)
      .execute();
    expect(claims.map((c) => c.claim_id)).toEqual([m4]);
  });

  it('sends an amount and a name to review, several cases to a choice, another currency to a person', async () => {
    expect(await line('E2E-AMOUNT')).toMatchObject({
      match_status: 'review',
      case_id: debtor('D3').caseId,
      confidence: 75,
      payment_id: null,
    });
    const two = await line('E2E-TWO');
    expect(two).toMatchObject({ match_status: 'ambiguous', case_id: null, payment_id: null });
    expect(
      JSON.parse(two.candidates ?? '[]')
        .map((c: { caseId: string }) => c.caseId)
        .sort(),
    ).toEqual([debtor('D3').caseId, debtor('D5').caseId].sort());
    const chf = await line('E2E-CHF');
    expect(chf).toMatchObject({ match_status: 'review', case_id: debtor('D1').caseId, payment_id: null });
    expect(JSON.parse(chf.match_reason ?? '{}')).toEqual({
      code: 'currency_differs',
      lineCurrency: 'CHF',
      caseCurrency: 'EUR',
    });
    expect(await line('E2E-NOTHING')).toMatchObject({ match_status: 'unmatched' });
    expect(await line('E2E-FEE')).toMatchObject({
      match_status: 'ignored',
      match_reason: JSON.stringify({ code: 'debit' }),
    });

    const queue = await listStatementLines(deps, supervisor, {}, 'fr');
    expect(queue.toFinish).toEqual({ review: 2, ambiguous: 1, unmatched: 1 });
    const amount = queue.lines.find((l) => l.endToEndId === 'E2E-AMOUNT');
    expect(amount?.candidates[0]).toMatchObject({
      caseId: debtor('D3').caseId,
      debtorName: 'Café Lumière',
      rule: 'amount_name',
    });
    expect(amount?.reason).toBe(
      'Correspondance trop incertaine pour être enregistrée sans vous : à confirmer',
    );
  });

  it('books a line a person matches, in the person’s name, once', async () => {
    const pending = await line('E2E-AMOUNT');
    const matched = await matchStatementLine(deps, supervisor, pending.line_id, {
      caseId: debtor('D3').caseId,
    });
    const settled = await line('E2E-AMOUNT');
    expect(settled).toMatchObject({
      match_status: 'matched',
      payment_id: matched.paymentId,
      resolved_by: `user:${tenant.users.supervisor.id}`,
    });
    expect(await payment(matched.paymentId)).toMatchObject({
      amount_minor: 450_00,
      recorded_by: `user:${tenant.users.supervisor.id}`,
    });
    const evidence = await ctx.handle.db
      .selectFrom('evidence')
      .select('actor')
      .where('tenant_id', '=', tenant.tenantId)
      .where('kind', '=', 'payment_received')
      .where('case_id', '=', debtor('D3').caseId)
      .executeTakeFirstOrThrow();
    expect(evidence.actor).toBe(`user:${tenant.users.supervisor.id}`);
    const again = await matchStatementLine(deps, supervisor, pending.line_id, {
      caseId: debtor('D3').caseId,
    }).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: 'conflict', details: { reason: 'statement_line_settled' } });
  });

  it('sets a line aside when a person says why, and refuses agents', async () => {
    const two = await line('E2E-TWO');
    const agent: Actor = { ...supervisor, id: tenant.users.agent.id, role: 'agent' };
    await expect(ignoreStatementLine(deps, agent, two.line_id, { reason: 'x' })).rejects.toBeInstanceOf(
      DomainError,
    );
    await ignoreStatementLine(deps, supervisor, two.line_id, { reason: 'Virement interne' });
    expect(await line('E2E-TWO')).toMatchObject({
      match_status: 'ignored',
      match_reason: JSON.stringify({ code: 'ignored_by_person', reason: 'Virement interne' }),
    });
  });

  it('changes nothing when the same statement comes again', async () => {
    const tables = ['statement_lines', 'payments', 'evidence', 'audit_log', 'statement_imports'] as const;
    const before = await Promise.all(tables.map((t) => countRows(ctx.handle.db, t, tenant.tenantId)));
    const again = await importStatement(deps, admin, { fileName: 'march-again.xml', bytes: march });
    expect(again).toMatchObject({ importId: null, newCount: 0, knownCount: 7, booked: 0 });
    expect(await Promise.all(tables.map((t) => countRows(ctx.handle.db, t, tenant.tenantId)))).toEqual(
      before,
    );
  });

  it('reverses the payment a returned transfer names', async () => {
    const credit = await line('E2E-RF');
    const before = await kase(debtor('D1').caseId);
    const returned = await importStatement(deps, admin, {
      fileName: 'return.xml',
      bytes: bytesOf(
        buildCamt({
          messageId: 'RETURN-1',
          entries: [
            {
              amountMinor: 100_00,
              direction: 'DBIT',
              reversal: true,
              returnReason: 'AC04',
              endToEndId: 'E2E-RF',
              bookingDate: '2026-03-17',
            },
          ],
        }),
      ),
    });
    expect(returned).toMatchObject({ newCount: 1, reversed: 1 });
    const reversal = await ctx.handle.db
      .selectFrom('statement_lines')
      .selectAll()
      .where('tenant_id', '=', tenant.tenantId)
      .where('statement_import_id', '=', returned.importId ?? '')
      .executeTakeFirstOrThrow();
    expect(reversal).toMatchObject({
      match_status: 'reversal',
      payment_id: credit.payment_id,
      case_id: debtor('D1').caseId,
    });
    expect(await payment(credit.payment_id)).toMatchObject({ status: 'reversed' });
    expect(Number((await kase(debtor('D1').caseId)).paid_minor)).toBe(Number(before.paid_minor) - 100_00);
  });

  it('counts once a booking told by a CAMT.054 notice and by the CAMT.053 statement', async () => {
    const entry = {
      amountMinor: 30_00,
      creditorReference: rfDupont,
      entryRef: 'NTRY-77',
      bookingDate: '2026-03-18',
    };
    const notice = await importStatement(deps, admin, {
      fileName: 'notice.xml',
      bytes: bytesOf(
        buildCamt({ messageId: 'N-1', kind: 'camt.054', entries: [{ ...entry, acctSvcrRef: 'A-1' }] }),
      ),
    });
    expect(notice).toMatchObject({ newCount: 1, booked: 1 });
    const payments = await countRows(ctx.handle.db, 'payments', tenant.tenantId);
    const statement = await importStatement(deps, admin, {
      fileName: 'statement.xml',
      bytes: bytesOf(buildCamt({ messageId: 'S-1', entries: [{ ...entry, acctSvcrRef: 'B-9' }] })),
    });
    expect(statement).toMatchObject({ newCount: 1, booked: 0 });
    expect(statement.statuses.ignored).toBe(1);
    expect(await countRows(ctx.handle.db, 'payments', tenant.tenantId)).toBe(payments);
  });
});
