import { addDays } from '@relance/core';
import { beforeAll, expect, it } from 'vitest';
import { foldStrategyFigures } from '../../src/db/figures/fold-strategy-figures.ts';
import type { Actor } from '../../src/shared/actor.ts';
import { type CaseFilters, listCases } from '../../src/use-cases/portfolio/list-cases.ts';
import { testDeps, today } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';

/**
 * The drill-down lists at scale (issue #7): a drill-down is counted on its rows (the distinct cases of the
 * claims in an ageing bucket, of a channel's or an agent's payments), its page found from the rows when they
 * are few, by walking the cases by balance when they are many. Each list is checked against the cases
 * worked out here from the rows written: 2,600 cases, over 2,000 of them in one bucket (so that the walk is
 * taken), in two tenants — one whose cases have one claim each, one where some have two in the same bucket.
 */
describeEachDatabase('drill-down counts and pages', (ctx) => {
  type Written = {
    readonly caseId: string;
    readonly creditorId: string;
    readonly outstanding: number;
    readonly dues: readonly string[];
    /** The due dates of its claims with something left (one in 250 cases owes nothing on its first). */
    owed: readonly string[];
    readonly paidBy: string | null;
    strategy: string;
    readonly currency: string;
    readonly kind: 'business' | 'consumer';
  };
  type Tenant = {
    tenantId: string;
    creditors: { acme: string; beta: string };
    agent: string;
    importId: string;
  };
  const worlds = new Map<string, { tenant: Tenant; cases: Written[] }>();

  /** A tenant with two creditors and nothing else. */
  async function bareTenant(label: string, now: string): Promise<Tenant> {
    const tenant = {
      tenantId: `t-${label}`,
      creditors: { acme: `${label}-acme`, beta: `${label}-beta` },
      agent: `${label}-agent`,
      importId: `${label}-import`,
    };
    await ctx.handle.db
      .insertInto('tenants')
      .values({ tenant_id: tenant.tenantId, name: label, kind: 'agency', locale: 'fr', created_at: now })
      .execute();
    for (const id of Object.values(tenant.creditors))
      await ctx.handle.db
        .insertInto('creditors')
        .values({
          tenant_id: tenant.tenantId,
          creditor_id: id,
          ref: id,
          name: id,
          siren: null,
          is_professional: 1,
          country: 'FR',
          currency: 'EUR',
          created_at: now,
          updated_at: now,
        })
        .execute();
    return tenant;
  }

  async function write(label: string, twoClaims: boolean) {
    const db = ctx.handle.db;
    const now = `${today}T08:00:00.000Z`;
    const tenant = await bareTenant(label, now);
    const cases: Written[] = Array.from({ length: 2600 }, (_, i) => {
      // 2,100 due 31–60 days ago (the d31_60 bucket), the rest 1–30 days ago; equal balances on purpose.
      const due = addDays(today, i < 2100 ? -31 - (i % 30) : -1 - (i % 30));
      const dues = twoClaims && i % 5 === 0 ? [due, addDays(due, -(i % 3))] : [due];
      const paidBy = i % 40 === 0 ? 'portal' : i % 97 === 0 ? `user:${tenant.agent}` : null;
      return {
        caseId: `${label}-case-${String(i).padStart(5, '0')}`,
        creditorId: i % 3 === 0 ? tenant.creditors.beta : tenant.creditors.acme,
        outstanding: 1000 + (i % 700) * 10,
        dues,
        owed: i % 250 === 7 ? dues.slice(1) : dues,
        paidBy,
        strategy: i % 4 === 0 ? 'b2c-active' : 'b2b-standard',
        currency: i % 11 === 0 ? 'USD' : 'EUR',
        kind: i % 6 === 1 ? 'consumer' : 'business',
      };
    });
    for (let i = 0; i < cases.length; i += 200) {
      const chunk = cases.slice(i, i + 200);
      await db
        .insertInto('debtors')
        .values(
          chunk.map((c) => ({
            tenant_id: tenant.tenantId,
            debtor_id: `d-${c.caseId}`,
            creditor_id: c.creditorId,
            ref: `R-${c.caseId}`,
            kind: c.kind,
            name: `Debtor ${c.caseId}`,
            language: 'fr' as const,
            time_zone: 'Europe/Paris',
            tags: '[]',
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
      await db
        .insertInto('cases')
        .values(
          chunk.map((c) => ({
            tenant_id: tenant.tenantId,
            case_id: c.caseId,
            creditor_id: c.creditorId,
            debtor_id: `d-${c.caseId}`,
            currency: c.currency,
            status: 'open' as const,
            strategy_key: c.strategy,
            outstanding_minor: c.outstanding,
            disputed_minor: 0,
            claim_count: c.dues.length,
            open_claim_count: c.dues.length,
            oldest_due_date: [...c.dues].sort()[0] ?? null,
            earliest_prescription_end: '2031-01-01',
            opened_at: now,
            updated_at: now,
          })),
        )
        .execute();
      await db
        .insertInto('claims')
        .values(
          chunk.flatMap((c) =>
            c.dues.map((due, k) => ({
              tenant_id: tenant.tenantId,
              claim_id: `${c.caseId}-${k}`,
              creditor_id: c.creditorId,
              debtor_id: `d-${c.caseId}`,
              case_id: c.caseId,
              invoice_number: `I-${c.caseId}-${k}`,
              issue_date: addDays(due, -30),
              due_date: due,
              amount_minor: c.outstanding,
              outstanding_minor: k === 0 ? (c.owed.length === c.dues.length ? c.outstanding : 0) : 500,
              currency: c.currency,
              status: 'open' as const,
              prescription_basis: 'commercial_5y',
              prescription_end: '2031-01-01',
              import_id: tenant.importId,
              content_hash: `${c.caseId}-${k}`,
              created_at: now,
              updated_at: now,
            })),
          ),
        )
        .execute();
      const paid = chunk.filter((c) => c.paidBy !== null);
      if (paid.length > 0)
        await db
          .insertInto('payments')
          .values(
            paid.map((c) => ({
              tenant_id: tenant.tenantId,
              payment_id: `p-${c.caseId}`,
              case_id: c.caseId,
              creditor_id: c.creditorId,
              amount_minor: 100,
              currency: c.currency,
              method: 'card' as const,
              channel: c.paidBy === 'portal' ? ('portal' as const) : ('agent' as const),
              provider: null,
              source_key: `s-${c.caseId}`,
              received_on: addDays(today, -3),
              status: 'booked' as const,
              recorded_by: c.paidBy === 'portal' ? 'debtor' : (c.paidBy ?? ''),
              recorded_at: now,
            })),
          )
          .execute();
    }
    worlds.set(label, { tenant, cases });
  }

  /**
   * In the first tenant, the strategies' figures folded, then what a fold has not seen yet: cases moved to
   * another strategy (pending) and claims paid off (deltas).
   */
  async function afterFold(label: string) {
    const w = worlds.get(label);
    if (!w) throw new Error('world');
    const db = ctx.handle.db;
    await foldStrategyFigures(db, ctx.handle.dialect, w.tenant.tenantId);
    const moved = w.cases.filter((_, i) => i % 7 === 3);
    for (const c of moved) c.strategy = c.strategy === 'b2c-active' ? 'b2b-standard' : 'b2c-active';
    for (const strategy of ['b2c-active', 'b2b-standard'])
      await db
        .updateTable('cases')
        .set({ strategy_key: strategy })
        .where('tenant_id', '=', w.tenant.tenantId)
        .where(
          'case_id',
          'in',
          moved.filter((c) => c.strategy === strategy).map((c) => c.caseId),
        )
        .execute();
    const paidOff = w.cases.filter((_, i) => i % 250 === 11);
    for (const c of paidOff) c.owed = [];
    await db
      .updateTable('claims')
      .set({ outstanding_minor: 0 })
      .where('tenant_id', '=', w.tenant.tenantId)
      .where(
        'case_id',
        'in',
        paidOff.map((c) => c.caseId),
      )
      .execute();
  }

  beforeAll(async () => {
    await write('DA', false);
    await afterFold('DA');
    await write('DB', true);
  });

  const bucketFrom = addDays(today, -60);
  const bucketTo = addDays(today, -31);
  const shapes: readonly [string, CaseFilters, (c: Written, w: Tenant) => boolean][] = [
    [
      'an ageing bucket',
      { dueBucket: 'd31_60' },
      (c) => c.owed.some((d) => d >= bucketFrom && d <= bucketTo),
    ],
    [
      'an ageing bucket of one creditor',
      { dueBucket: 'd31_60', creditorId: 'beta' },
      (c, w) => c.creditorId === w.creditors.beta && c.owed.some((d) => d >= bucketFrom && d <= bucketTo),
    ],
    [
      'a channel’s collections',
      { paidChannel: 'portal', from: addDays(today, -29), to: today },
      (c) => c.paidBy === 'portal',
    ],
    [
      'an agent’s collections',
      { paidBy: 'agent', from: addDays(today, -29), to: today },
      (c, w) => c.paidBy === `user:${w.agent}`,
    ],
    [
      'the receivables of one creditor',
      { receivable: true, creditorId: 'acme' },
      (c, w) => c.creditorId === w.creditors.acme && c.owed.length > 0,
    ],
    [
      'an ageing bucket of one strategy',
      { dueBucket: 'd31_60', strategyKey: 'b2c-active' },
      (c) => c.strategy === 'b2c-active' && c.owed.some((d) => d >= bucketFrom && d <= bucketTo),
    ],
    [
      'an ageing bucket as the dashboard links it (creditor, debtor kind, currency, strategy)',
      {
        dueBucket: 'd31_60',
        creditorId: 'acme',
        debtorKind: 'business',
        currency: 'EUR',
        strategyKey: 'b2b-standard',
      },
      (c, w) =>
        c.creditorId === w.creditors.acme &&
        c.kind === 'business' &&
        c.currency === 'EUR' &&
        c.strategy === 'b2b-standard' &&
        c.owed.some((d) => d >= bucketFrom && d <= bucketTo),
    ],
    [
      'the overdue claims in dollars of consumers',
      { overdue: true, currency: 'USD', debtorKind: 'consumer' },
      (c) => c.currency === 'USD' && c.kind === 'consumer' && c.owed.some((d) => d < today),
    ],
    [
      'an ageing bucket and a balance',
      { dueBucket: 'd31_60', minBalance: 5000 },
      (c) => c.outstanding >= 5000 && c.owed.some((d) => d >= bucketFrom && d <= bucketTo),
    ],
  ];

  for (const label of ['DA', 'DB']) {
    for (const [name, filters, expected] of shapes) {
      it(`${label === 'DA' ? 'one claim a case' : 'two claims in some cases'}: ${name}, counted and paged as the rows say`, async () => {
        const w = worlds.get(label);
        if (!w) throw new Error('world');
        const actor: Actor = {
          tenantId: w.tenant.tenantId,
          kind: 'user',
          id: 'admin',
          role: 'admin',
          creditorId: null,
        };
        const resolved: CaseFilters = {
          ...filters,
          ...(filters.creditorId
            ? { creditorId: w.tenant.creditors[filters.creditorId as 'acme' | 'beta'] }
            : {}),
          ...(filters.paidBy ? { paidBy: w.tenant.agent } : {}),
        };
        const listed = w.cases
          .filter((c) => expected(c, w.tenant))
          .sort((a, b) => b.outstanding - a.outstanding || (a.caseId < b.caseId ? -1 : 1));
        for (const page of [1, 3]) {
          const answer = await listCases(testDeps(ctx.handle), actor, { ...resolved, page, pageSize: 40 });
          expect(answer.total).toBe(listed.length);
          expect(answer.items.map((c) => c.id)).toEqual(
            listed.slice((page - 1) * 40, page * 40).map((c) => c.caseId),
          );
        }
      });
    }
  }
});
