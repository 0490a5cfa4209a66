import type { DatabaseHandle, Dialect } from '../../../db/database.ts';
import { boundSql } from '../../../db/figures/bound-sql.ts';
import { claimIssueOf, claimStartOf } from '../../../db/figures/cohort-figures.ts';
import {
  cohortsOf,
  linesOf,
  type Row,
  type Snapshot,
  strategyCohortsOf,
  strategyLinesOf,
} from './snapshot.ts';

/**
 * A claim's moves after the day `:d`, from the payments' dates: what was paid later (booked now, received
 * after `:d`) and what had been paid then but was reversed later (received by `:d`, reversed after it).
 */
const movesAfter = (parts: string) =>
  `coalesce(sum(case when a.part in (${parts}) then ` +
  `case when p.status = 'booked' and p.received_on > :d then a.amount_minor ` +
  `when p.status = 'reversed' and p.received_on <= :d and substr(p.reversed_at, 1, 10) > :d then -a.amount_minor ` +
  'else 0 end else 0 end), 0)';

const MOVES =
  `select a.claim_id, ${movesAfter(`'principal'`)} as principal_after, ` +
  `${movesAfter(`'principal', 'interest', 'fees'`)} as collected_after ` +
  'from payment_allocations a join payments p on p.tenant_id = a.tenant_id and p.payment_id = a.payment_id ' +
  'where a.tenant_id = :tenant and a.claim_id is not null ' +
  "and (p.received_on > :d or (p.status = 'reversed' and substr(p.reversed_at, 1, 10) > :d)) group by a.claim_id";

/**
 * What was taken off a claim after `:d` other than by a payment — a credit note (`claim.credited`: its
 * `amountMinor`) or a dispute settled by a credit note or a write-off (`dispute.resolve`: each claim's
 * `reducedMinor`) —, read from the audit entries written in the same transaction as the change. The entries'
 * data is JSON text: each engine reads it its own way.
 */
function reducedAfter(dialect: Dialect): string {
  const credited =
    dialect === 'sqlite'
      ? "select a.entity_id as claim_id, cast(json_extract(a.data, '$.amountMinor') as integer) as amount from audit_log a"
      : "select a.entity_id as claim_id, cast(cast(a.data as json) ->> 'amountMinor' as bigint) as amount from audit_log a";
  const settled =
    dialect === 'sqlite'
      ? "select json_extract(j.value, '$.claimId') as claim_id, cast(json_extract(j.value, '$.reducedMinor') as integer) as amount " +
        "from audit_log a, json_each(a.data, '$.claims') j"
      : "select j ->> 'claimId' as claim_id, cast(j ->> 'reducedMinor' as bigint) as amount " +
        "from audit_log a cross join lateral json_array_elements(cast(a.data as json) -> 'claims') j";
  // By the entity's kind first: the audit log's index (tenant, entity kind, entity) finds the few entries.
  const after = (kind: string, action: string) =>
    ` where a.tenant_id = :tenant and a.entity_kind = '${kind}' and a.action = '${action}' and substr(a.at, 1, 10) > :d`;
  return (
    `select t.claim_id, sum(t.amount) as reduced_after from (${credited}${after('claim', 'claim.credited')} ` +
    `union all ${settled}${after('dispute', 'dispute.resolve')}) t group by t.claim_id`
  );
}

/**
 * Each disputed claim's disputes: the amounts of those open at the end of `:d` (opened by then, closed after
 * it or not at all) and of those open now. Only claims whose disputes moved after `:d` differ.
 */
const DISPUTES =
  'select dc.claim_id, ' +
  "sum(case when substr(d.created_at, 1, 10) <= :d and (d.status = 'open' or substr(d.resolved_at, 1, 10) > :d) " +
  'then dc.amount_minor else 0 end) as open_then, ' +
  "sum(case when d.status = 'open' then dc.amount_minor else 0 end) as open_now " +
  'from dispute_claims dc join disputes d on d.tenant_id = dc.tenant_id and d.dispute_id = dc.dispute_id ' +
  'where dc.tenant_id = :tenant group by dc.claim_id';

/**
 * A claim cancelled after `:d`: by the creditor's withdrawal of its case (which changes the status only: the
 * balance stays), or taken down to nothing by a credit note or a write-off after `:d`.
 */
const CANCELLED_LATER =
  "(c.status = 'cancelled' and ((c.outstanding_minor > 0 and k.case_id is not null) " +
  'or coalesce(r.reduced_after, 0) > 0))';

/** The cases withdrawn after `:d` (a few: a derived table, not a join of every claim to its case). */
const WITHDRAWN_LATER =
  'select w.case_id from cases w where w.tenant_id = :tenant and w.withdrawn_at is not null ' +
  'and substr(w.withdrawn_at, 1, 10) > :d';

/** A claim's receivable on `:d`: what it owes now, plus what was paid on it or taken off it after `:d`. */
const RECEIVABLE =
  `(case when c.status in ('open', 'disputed') or ${CANCELLED_LATER} then c.outstanding_minor else 0 end ` +
  '+ coalesce(m.principal_after, 0) + coalesce(r.reduced_after, 0))';

/** The disputed part as the running figures count it now (figure-specs' `disputed_minor`). */
const DISPUTED_NOW =
  "(case when c.status = 'disputed' then c.outstanding_minor when c.status = 'open' then c.disputed_minor else 0 end)";

/**
 * The disputed part on `:d`: the disputes then open, plus whatever of today's figure no open dispute explains
 * (a claim marked disputed with no dispute row), at most the receivable of the day.
 */
const DISPUTED_THEN =
  `(coalesce(x.open_then, 0) + ${DISPUTED_NOW} - case when coalesce(x.open_now, 0) < ${DISPUTED_NOW} ` +
  `then coalesce(x.open_now, 0) else ${DISPUTED_NOW} end)`;

const capped = (value: string, cap: string) =>
  `case when ${value} < 0 then 0 when ${value} > ${cap} then ${cap} else ${value} end`;

/**
 * Each claim as it stood on `:d` (its moves joined once), then added up by the lines' keys and the strategy its
 * case follows now: the strategy a case followed on a past day is kept nowhere (decision 0014).
 */
function computedSql(dialect: Dialect): string {
  const claims =
    `select coalesce(s.strategy_key, '') as strategy_key, c.creditor_id, coalesce(dr.kind, 'unknown') as segment, ` +
    'c.currency, c.due_date, ' +
    `substr(${claimStartOf('c')}, 1, 7) as cohort_month, c.status, c.amount_minor, ` +
    `${RECEIVABLE} as receivable, ${DISPUTED_THEN} as disputed_then, ` +
    'c.paid_principal_minor + c.paid_interest_minor + c.paid_fees_minor - coalesce(m.collected_after, 0) as collected ' +
    'from claims c left join debtors dr on dr.tenant_id = c.tenant_id and dr.debtor_id = c.debtor_id ' +
    'left join cases s on s.tenant_id = c.tenant_id and s.case_id = c.case_id ' +
    `left join (${WITHDRAWN_LATER}) k on k.case_id = c.case_id ` +
    `left join (${MOVES}) m on m.claim_id = c.claim_id ` +
    `left join (${reducedAfter(dialect)}) r on r.claim_id = c.claim_id ` +
    `left join (${DISPUTES}) x on x.claim_id = c.claim_id ` +
    `where c.tenant_id = :tenant and (c.status <> 'cancelled' or ${CANCELLED_LATER}) and ${claimIssueOf('c')} <= :d`;
  return (
    'select q.strategy_key, q.creditor_id, q.segment, q.currency, q.due_date, q.cohort_month, ' +
    'count(*) as claim_count, sum(q.amount_minor) as amount_minor, ' +
    "sum(case when q.status in ('open', 'disputed') or q.receivable > 0 then 1 else 0 end) as receivable_count, " +
    'sum(q.receivable) as receivable_minor, ' +
    `sum(${capped('q.disputed_then', 'q.receivable')}) as disputed_minor, ` +
    `sum(q.collected) as collected_minor from (${claims}) q ` +
    'group by q.strategy_key, q.creditor_id, q.segment, q.currency, q.due_date, q.cohort_month'
  );
}

/**
 * The portfolio as it stood at the end of `asOf`, computed back from the source rows: the claims owed by
 * then (`claimIssueOf`), each owing what it owes now plus what was paid on it later, less what was paid by
 * then and reversed later, plus what a credit note or a dispute's settlement took off it later; a claim
 * cancelled later (a withdrawal, a credit note or write-off down to nothing) is counted as it stood; the
 * disputed part is that of the disputes open that day; collected to date likewise. What has no date of its
 * own is taken as it is now: a claim settled outside Relance (an import's new balance), a claim an import
 * marks disputed with no dispute row. Computed on the day itself, it equals the live snapshot (decision 0010).
 * Its lines and cohorts by strategy take each case's strategy of today (decisions 0014 and 0016).
 */
export async function computedSnapshot(
  database: DatabaseHandle,
  tenantId: string,
  asOf: string,
): Promise<Snapshot> {
  const result = await boundSql<Row>(computedSql(database.dialect), { tenant: tenantId, d: asOf }).execute(
    database.db,
  );
  return {
    asOf,
    lines: linesOf(result.rows, asOf),
    strategyLines: strategyLinesOf(result.rows, asOf),
    cohorts: cohortsOf(result.rows),
    strategyCohorts: strategyCohortsOf(result.rows),
  };
}
