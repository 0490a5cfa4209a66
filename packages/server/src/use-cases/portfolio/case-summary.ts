import type { NextAction } from '@relance/core';
import { type RawBuilder, sql } from 'kysely';
import type { CaseStatus, Db, DebtorKind } from '../../db/schema.ts';
import { type AgeBucket, ageBucketOf, daysPastDue } from './ages.ts';
import type { Scope } from './scope.ts';

export type CaseCollectabilityFilter = 'collectable' | 'pre_due' | 'blocked' | 'settled';

export type CaseSummary = {
  readonly id: string;
  readonly status: CaseStatus;
  readonly currency: string;
  readonly outstandingMinor: number;
  readonly disputedMinor: number;
  readonly claimCount: number;
  readonly openClaimCount: number;
  readonly oldestDueDate: string | null;
  readonly daysPastDue: number | null;
  readonly ageBucket: AgeBucket | null;
  readonly earliestPrescriptionEnd: string | null;
  readonly collectability: CaseCollectabilityFilter;
  readonly openedAt: string;
  readonly updatedAt: string;
  /** The strategy the case follows and where it stands ('new' before its first run). */
  readonly strategyKey: string | null;
  readonly stage: string;
  /** What the engine does next, and when; null when only an event or a person can move the case. */
  readonly nextAction: NextAction | null;
  readonly creditor: { readonly id: string; readonly ref: string; readonly name: string };
  readonly debtor: {
    readonly id: string;
    readonly ref: string;
    readonly name: string;
    readonly kind: DebtorKind;
    readonly siren: string | null;
  };
};

/**
 * A case's collectability for today, in SQL so that lists filter and count on it. It follows the
 * core's `assessCase` over its claims exactly: collectable when at least one claim is
 * (open, something owed beyond its disputed part, past its due date, not time-barred); otherwise pre_due when one is not due
 * yet (on its due date a debtor is not late yet, as in `assessClaim`); settled when nothing is owed
 * on any open or disputed claim; blocked otherwise (everything owed is disputed or time-barred).
 * Aggregates on the case row could not say this: one time-barred claim must not hide a
 * collectable one. Each test is an index lookup on claims (tenant_id, case_id).
 */
export function collectabilitySql(today: string): RawBuilder<CaseCollectabilityFilter> {
  const owedClaims = (condition: RawBuilder<unknown>) => sql`exists (select 1 from claims k
      where k.tenant_id = c.tenant_id and k.case_id = c.case_id and k.outstanding_minor > 0 and ${condition})`;
  // Open with something left beyond its disputed part (a claim disputed in part is still chased for the rest).
  const chased = sql`k.status = 'open' and k.outstanding_minor > k.disputed_minor`;
  return sql<CaseCollectabilityFilter>`(case
    when ${owedClaims(sql`${chased} and k.due_date < ${today} and k.prescription_end >= ${today}`)} then 'collectable'
    when ${owedClaims(sql`${chased} and k.due_date >= ${today} and k.prescription_end >= ${today}`)} then 'pre_due'
    when not ${owedClaims(sql`k.status in ('open', 'disputed')`)} then 'settled'
    else 'blocked' end)`;
}

/** Cases joined with their debtor and creditor, limited to what the scope may see. */
export function scopedCases(db: Db, scope: Scope, today: string) {
  let query = db
    .selectFrom('cases as c')
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .innerJoin('creditors as cr', (j) =>
      j.onRef('cr.tenant_id', '=', 'c.tenant_id').onRef('cr.creditor_id', '=', 'c.creditor_id'),
    )
    // The next action is a text kept once per tenant (`db/case-texts.ts`); unread, the join costs nothing.
    .leftJoin('case_texts as na', (j) =>
      j.onRef('na.tenant_id', '=', 'c.tenant_id').onRef('na.text_id', '=', 'c.next_action_text'),
    )
    .where('c.tenant_id', '=', scope.tenantId);
  if (scope.creditorId !== null) query = query.where('c.creditor_id', '=', scope.creditorId);
  return { query, collectability: collectabilitySql(today) };
}

export const caseSummaryColumns = [
  'c.case_id',
  'c.status',
  'c.currency',
  'c.outstanding_minor',
  'c.disputed_minor',
  'c.claim_count',
  'c.open_claim_count',
  'c.oldest_due_date',
  'c.earliest_prescription_end',
  'c.opened_at',
  'c.updated_at',
  'c.strategy_key',
  'c.stage',
  'na.body as next_action',
  'cr.creditor_id',
  'cr.ref as creditor_ref',
  'cr.name as creditor_name',
  'd.debtor_id',
  'd.ref as debtor_ref',
  'd.name as debtor_name',
  'd.kind as debtor_kind',
  'd.siren as debtor_siren',
] as const;

type CaseSummaryRow = {
  readonly case_id: string;
  readonly status: CaseStatus;
  readonly currency: string;
  readonly outstanding_minor: number;
  readonly disputed_minor: number;
  readonly claim_count: number;
  readonly open_claim_count: number;
  readonly oldest_due_date: string | null;
  readonly earliest_prescription_end: string | null;
  readonly opened_at: string;
  readonly updated_at: string;
  readonly strategy_key: string | null;
  readonly stage: string;
  readonly next_action: string | null;
  readonly creditor_id: string;
  readonly creditor_ref: string;
  readonly creditor_name: string;
  readonly debtor_id: string;
  readonly debtor_ref: string;
  readonly debtor_name: string;
  readonly debtor_kind: DebtorKind;
  readonly debtor_siren: string | null;
  readonly collectability: CaseCollectabilityFilter;
};

/** Step names by strategy and step key: the stored next action cites its step by key. */
export type StepNames = ReadonlyMap<
  string,
  ReadonlyMap<string, { readonly fr: string; readonly en: string }>
>;

export function toCaseSummary(row: CaseSummaryRow, today: string, names?: StepNames): CaseSummary {
  return {
    id: row.case_id,
    status: row.status,
    currency: row.currency,
    outstandingMinor: row.outstanding_minor,
    disputedMinor: row.disputed_minor,
    claimCount: row.claim_count,
    openClaimCount: row.open_claim_count,
    oldestDueDate: row.oldest_due_date,
    daysPastDue: row.oldest_due_date === null ? null : daysPastDue(row.oldest_due_date, today),
    ageBucket: ageBucketOf(row.oldest_due_date, today),
    earliestPrescriptionEnd: row.earliest_prescription_end,
    collectability: row.collectability,
    openedAt: row.opened_at,
    updatedAt: row.updated_at,
    strategyKey: row.strategy_key,
    stage: row.stage,
    nextAction: row.next_action
      ? withStepName(JSON.parse(row.next_action) as NextAction, row.strategy_key, names)
      : null,
    creditor: { id: row.creditor_id, ref: row.creditor_ref, name: row.creditor_name },
    debtor: {
      id: row.debtor_id,
      ref: row.debtor_ref,
      name: row.debtor_name,
      kind: row.debtor_kind,
      siren: row.debtor_siren,
    },
  };
}

function withStepName(
  next: NextAction,
  strategyKey: string | null,
  names: StepNames | undefined,
): NextAction {
  if (next.stepName || !next.stepKey || !strategyKey) return next;
  return { ...next, stepName: names?.get(strategyKey)?.get(next.stepKey) ?? null };
}
