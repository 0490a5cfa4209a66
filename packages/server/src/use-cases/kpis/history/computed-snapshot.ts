import type { DatabaseHandle, Dialect } from '../../../db/database.ts';
import { boundSql } from '../../../db/figures/bound-sql.ts';
import { claimIssueOf, claimStartOf } from '../../../db/figures/cohort-figures.ts';
import {
  cohortsOf,
  linesOf,
  n,
  type Row,
  type Snapshot,
  strategyCohortsOf,
  strategyLinesOf,
} from './snapshot.ts';

/** A payment received after the day `:day`, or reversed after it. */
const paidOrReversedAfter = (day: string) =>
  `(p.received_on > :${day} or (p.status = 'reversed' and substr(p.reversed_at, 1, 10) > :${day}))`;

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
  `and ${paidOrReversedAfter('d')} group by a.claim_id`;

/**
 * What was taken off a claim after `:d` other than by a payment — a credit note (`claim.credited`: its
 * `amountMinor`) or a dispute settled by a credit note or a write-off (`dispute.resolve`: each claim's
 * `reducedMinor`) —, read from the audit entries written in the same transaction as the change. The entries'
 * data is JSON text: each engine reads it its own way.
 */
function reducedAfter(dialect: Dialect, day = 'd'): string {
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
    ` where a.tenant_id = :tenant and a.entity_kind = '${kind}' and a.action = '${action}' and substr(a.at, 1, 10) > :${day}`;
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
const withdrawnAfter = (day: string, columns = 'w.case_id') =>
  `select ${columns} from cases w where w.tenant_id = :tenant and w.withdrawn_at is not null ` +
  `and substr(w.withdrawn_at, 1, 10) > :${day}`;
const WITHDRAWN_LATER = withdrawnAfter('d');

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

/** A day after every date the rows hold: a claim as it stood "then" is the claim as it stands now. */
const NOW = '9999-12-31';

/**
 * The claims a move after `:changed` may show otherwise on that day than now: paid or reversed after it,
 * reduced after it, in a case withdrawn after it (`:withdrawn`, their ids as a JSON array: found once for all
 * the days, not by a pass over the cases per day), or disputed at all (a few; cheaper to take them all than to
 * date their disputes). Every other claim owed by then stood as it stands now.
 */
function changedAfter(dialect: Dialect): string {
  const withdrawn =
    dialect === 'sqlite'
      ? 'select j.value from json_each(:withdrawn) j'
      : 'select j from json_array_elements_text(cast(:withdrawn as json)) j';
  return (
    'select a.claim_id from payment_allocations a join payments p on p.tenant_id = a.tenant_id and p.payment_id = a.payment_id ' +
    `where a.tenant_id = :tenant and a.claim_id is not null and ${paidOrReversedAfter('changed')} ` +
    `union select t.claim_id from (${reducedAfter(dialect, 'changed')}) t ` +
    `union select cw.claim_id from claims cw where cw.tenant_id = :tenant and cw.case_id in (${withdrawn}) ` +
    'union select dc.claim_id from dispute_claims dc where dc.tenant_id = :tenant'
  );
}

/**
 * Each claim as it stood on `:d` (its moves joined once), owed by `:issued`, then added up by the lines' keys
 * and the strategy its case follows now: the strategy a case followed on a past day is kept nowhere (decision
 * 0014). With `days` (n > 0), every claim owed by the last day, by one more key, `bucket`: the first of the
 * days `:day0` … (ascending) by which it was owed. Without, only the claims of `changedAfter` — or, not
 * `changedOnly`, every claim owed by `:issued` (one day in a pass of its own).
 */
function computedSql(dialect: Dialect, days: number, changedOnly = days === 0): string {
  const issued = claimIssueOf('c');
  const bucket =
    days > 0
      ? `case ${Array.from({ length: days }, (_, i) => `when ${issued} <= :day${i} then ${i}`).join(' ')} end`
      : '0';
  const claims =
    `select coalesce(s.strategy_key, '') as strategy_key, c.creditor_id, coalesce(dr.kind, 'unknown') as segment, ` +
    `c.currency, c.due_date, ${bucket} as bucket, ` +
    `substr(${claimStartOf('c')}, 1, 7) as cohort_month, c.status, c.amount_minor, ` +
    `${RECEIVABLE} as receivable, ${DISPUTED_THEN} as disputed_then, ` +
    'c.paid_principal_minor + c.paid_interest_minor + c.paid_fees_minor - coalesce(m.collected_after, 0) as collected ' +
    'from claims c left join debtors dr on dr.tenant_id = c.tenant_id and dr.debtor_id = c.debtor_id ' +
    'left join cases s on s.tenant_id = c.tenant_id and s.case_id = c.case_id ' +
    `left join (${WITHDRAWN_LATER}) k on k.case_id = c.case_id ` +
    `left join (${MOVES}) m on m.claim_id = c.claim_id ` +
    `left join (${reducedAfter(dialect)}) r on r.claim_id = c.claim_id ` +
    `left join (${DISPUTES}) x on x.claim_id = c.claim_id ` +
    `where c.tenant_id = :tenant and (c.status <> 'cancelled' or ${CANCELLED_LATER}) and ${issued} <= :issued` +
    (changedOnly ? ` and c.claim_id in (${changedAfter(dialect)})` : '');
  return (
    'select q.strategy_key, q.creditor_id, q.segment, q.currency, q.due_date, q.cohort_month, q.bucket, ' +
    'count(*) as claim_count, sum(q.amount_minor) as amount_minor, ' +
    "sum(case when q.status in ('open', 'disputed') or q.receivable > 0 then 1 else 0 end) as receivable_count, " +
    'sum(q.receivable) as receivable_minor, ' +
    `sum(${capped('q.disputed_then', 'q.receivable')}) as disputed_minor, ` +
    `sum(q.collected) as collected_minor from (${claims}) q ` +
    'group by q.strategy_key, q.creditor_id, q.segment, q.currency, q.due_date, q.cohort_month, q.bucket'
  );
}

const MEASURES = [
  'claim_count',
  'amount_minor',
  'receivable_count',
  'receivable_minor',
  'disputed_minor',
  'collected_minor',
] as const;

/**
 * Past this share of the claims paid or reversed after a day, the day is computed in a pass of its own: two
 * queries over that many claims by index then cost more than one pass over them all (measured at 100,000
 * claims: on SQLite an indexed claim costs about four claims of a pass, on PostgreSQL less than one). Under
 * 10,000 claims either way costs little, and a day is always computed from the pass over them all.
 */
const WHOLE_PASS_ABOVE: Readonly<Record<Dialect, number>> = { sqlite: 1 / 8, postgres: 1 / 2 };

/** A row taken away: its measures negated. */
const negated = (row: Row): Row => ({ ...row, ...Object.fromEntries(MEASURES.map((m) => [m, -n(row, m)])) });

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
  const [snapshot] = await computedSnapshots(database, tenantId, [asOf]);
  if (!snapshot) throw new Error(`No snapshot computed for ${asOf}`);
  return snapshot;
}

/**
 * `computedSnapshot` of several days, in the order given, without a pass over every claim per day: one pass
 * adds up every claim as it stands now by the first of the days it was owed by (`bucket`); a day takes the
 * buckets up to its own, then, for the few claims a move after it sets apart (`changedAfter`), adds them as
 * they stood on the day and takes them away as they stand now. Every figure is a sum over claims, so the day
 * adds up to what `computedSql` gives over all its claims (24 month-ends at 1M claims: one pass and 48 small
 * queries instead of 24 passes). In one transaction: on PostgreSQL a single snapshot of the rows (repeatable
 * read), so a payment booked meanwhile is counted in every part or in none.
 */
export async function computedSnapshots(
  database: DatabaseHandle,
  tenantId: string,
  days: readonly string[],
): Promise<Snapshot[]> {
  if (days.length === 0) return [];
  const sorted = [...new Set(days)].sort();
  const last = sorted[sorted.length - 1] ?? NOW;
  return database.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const rows = async (text: string, values: Record<string, string>) =>
        (await boundSql<Row>(text, { tenant: tenantId, ...values }).execute(trx)).rows;
      const now = await rows(computedSql(database.dialect, sorted.length), {
        d: NOW,
        issued: last,
        ...Object.fromEntries(sorted.map((day, i) => [`day${i}`, day])),
      });
      const withdrawals = await rows(
        withdrawnAfter('first', 'w.case_id, substr(w.withdrawn_at, 1, 10) as withdrawn_on'),
        { first: sorted[0] ?? NOW },
      );
      // The last day each claim paid after the first day was paid or reversed: how many claims each day sets
      // apart, before asking for them.
      const paid = (
        await rows(
          'select max(case when p.received_on > :first then p.received_on else substr(p.reversed_at, 1, 10) end) as last ' +
            'from payment_allocations a join payments p on p.tenant_id = a.tenant_id and p.payment_id = a.payment_id ' +
            `where a.tenant_id = :tenant and a.claim_id is not null and ${paidOrReversedAfter('first')} group by a.claim_id`,
          { first: sorted[0] ?? NOW },
        )
      ).map((r) => String(r.last));
      const claimCount = now.reduce((total, r) => total + n(r, 'claim_count'), 0);
      const changed = computedSql(database.dialect, 0);
      const whole = computedSql(database.dialect, 0, false);
      const snapshots = new Map<string, Snapshot>();
      for (const [i, asOf] of sorted.entries()) {
        const withdrawn = JSON.stringify(
          withdrawals.filter((w) => String(w.withdrawn_on) > asOf).map((w) => String(w.case_id)),
        );
        const paidAfter = paid.filter((last) => last > asOf).length;
        const day =
          claimCount >= 10_000 && paidAfter > claimCount * WHOLE_PASS_ABOVE[database.dialect]
            ? await rows(whole, { d: asOf, issued: asOf })
            : [
                ...now.filter((r) => n(r, 'bucket') <= i),
                ...(await rows(changed, { d: asOf, issued: asOf, changed: asOf, withdrawn })),
                ...(await rows(changed, { d: NOW, issued: asOf, changed: asOf, withdrawn })).map(negated),
              ];
        snapshots.set(asOf, {
          asOf,
          lines: linesOf(day, asOf),
          strategyLines: strategyLinesOf(day, asOf),
          cohorts: cohortsOf(day),
          strategyCohorts: strategyCohortsOf(day),
        });
      }
      return days.flatMap((d) => snapshots.get(d) ?? []);
    });
}
