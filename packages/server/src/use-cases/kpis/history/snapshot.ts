import { type AgeingBucket, ageingBucket } from '@relance/core';
import type { Kysely } from 'kysely';
import { boundSql } from '../../../db/figures/bound-sql.ts';
import { COHORT_FIGURES, claimIssueOf, claimStartOf } from '../../../db/figures/cohort-figures.ts';
import { CLAIM_FIGURES } from '../../../db/figures/figure-specs.ts';
import { sumFigures } from '../../../db/figures/sum-figures.ts';
import type { Database } from '../../../db/schema.ts';

/** One creditor × segment × currency on a day. */
export type HistoryLine = {
  readonly creditorId: string;
  readonly segment: string;
  readonly currency: string;
  readonly claimCount: number;
  readonly placedMinor: number;
  readonly receivableCount: number;
  readonly receivableMinor: number;
  readonly ageing: Readonly<Record<AgeingBucket, number>>;
  readonly disputedMinor: number;
  readonly collectedMinor: number;
};

export type CohortLine = {
  readonly creditorId: string;
  readonly segment: string;
  readonly currency: string;
  readonly cohortMonth: string;
  readonly claimCount: number;
  readonly placedMinor: number;
  readonly receivableMinor: number;
  readonly collectedMinor: number;
};

export type Snapshot = {
  readonly asOf: string;
  readonly lines: readonly HistoryLine[];
  readonly cohorts: readonly CohortLine[];
};

type Row = Readonly<Record<string, string | number | null>>;
const n = (row: Row, name: string) => Number(row[name] ?? 0);
const zeroAgeing = (): Record<AgeingBucket, number> => ({
  not_due: 0,
  d1_30: 0,
  d31_60: 0,
  d61_90: 0,
  d90_plus: 0,
});

/** Adds rows by due date into lines by creditor × segment × currency, the ageing counted on `asOf`. */
function linesOf(rows: readonly Row[], asOf: string): HistoryLine[] {
  const lines = new Map<string, HistoryLine & { ageing: Record<AgeingBucket, number> }>();
  for (const row of rows) {
    const key = JSON.stringify([row.creditor_id, row.segment, row.currency]);
    const line = lines.get(key) ?? {
      creditorId: String(row.creditor_id),
      segment: String(row.segment),
      currency: String(row.currency),
      claimCount: 0,
      placedMinor: 0,
      receivableCount: 0,
      receivableMinor: 0,
      ageing: zeroAgeing(),
      disputedMinor: 0,
      collectedMinor: 0,
    };
    line.ageing[ageingBucket(String(row.due_date), asOf)] += n(row, 'receivable_minor');
    lines.set(key, {
      ...line,
      claimCount: line.claimCount + n(row, 'claim_count'),
      placedMinor: line.placedMinor + n(row, 'amount_minor'),
      receivableCount: line.receivableCount + n(row, 'receivable_count'),
      receivableMinor: line.receivableMinor + n(row, 'receivable_minor'),
      disputedMinor: line.disputedMinor + n(row, 'disputed_minor'),
      collectedMinor: line.collectedMinor + n(row, 'collected_minor'),
    });
  }
  return [...lines.values()]
    .filter((l) => l.claimCount !== 0 || l.receivableMinor !== 0 || l.collectedMinor !== 0)
    .sort((a, b) => compareKeys(a, b));
}

function cohortsOf(rows: readonly Row[]): CohortLine[] {
  return rows
    .map((row) => ({
      creditorId: String(row.creditor_id),
      segment: String(row.segment),
      currency: String(row.currency),
      cohortMonth: String(row.cohort_month),
      claimCount: n(row, 'claim_count'),
      placedMinor: n(row, 'amount_minor'),
      receivableMinor: n(row, 'receivable_minor'),
      collectedMinor: n(row, 'collected_minor'),
    }))
    .filter((c) => c.claimCount !== 0 || c.receivableMinor !== 0 || c.collectedMinor !== 0)
    .sort((a, b) => compareKeys(a, b) || (a.cohortMonth < b.cohortMonth ? -1 : 1));
}

const compareKeys = (
  a: { creditorId: string; segment: string; currency: string },
  b: { creditorId: string; segment: string; currency: string },
) => {
  const x = `${a.creditorId} ${a.segment} ${a.currency}`;
  const y = `${b.creditorId} ${b.segment} ${b.currency}`;
  return x < y ? -1 : x > y ? 1 : 0;
};

/** The portfolio as the running figures hold it now, its ageing counted on `asOf` (today). */
export async function liveSnapshot(db: Kysely<Database>, tenantId: string, asOf: string): Promise<Snapshot> {
  const [rows, cohorts] = await Promise.all([
    sumFigures(db, CLAIM_FIGURES, { tenantId, groupBy: ['creditor_id', 'segment', 'currency', 'due_date'] }),
    sumFigures(db, COHORT_FIGURES, {
      tenantId,
      groupBy: ['creditor_id', 'segment', 'currency', 'cohort_month'],
    }),
  ]);
  return { asOf, lines: linesOf(rows, asOf), cohorts: cohortsOf(cohorts) };
}

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

/** A claim's receivable on `:d`: what it owes now, plus what was paid on it after `:d`. */
const RECEIVABLE = `(case when c.status in ('open', 'disputed') then c.outstanding_minor else 0 end + coalesce(m.principal_after, 0))`;

const COMPUTED =
  `select c.creditor_id, coalesce(dr.kind, 'unknown') as segment, c.currency, c.due_date, ` +
  `substr(${claimStartOf('c')}, 1, 7) as cohort_month, ` +
  'count(*) as claim_count, sum(c.amount_minor) as amount_minor, ' +
  `sum(case when c.status in ('open', 'disputed') or ${RECEIVABLE} > 0 then 1 else 0 end) as receivable_count, ` +
  `sum(${RECEIVABLE}) as receivable_minor, ` +
  `sum(case when c.status = 'disputed' then ${RECEIVABLE} when c.status = 'open' then ` +
  `case when c.disputed_minor < ${RECEIVABLE} then c.disputed_minor else ${RECEIVABLE} end else 0 end) as disputed_minor, ` +
  'sum(c.paid_principal_minor + c.paid_interest_minor + c.paid_fees_minor - coalesce(m.collected_after, 0)) as collected_minor ' +
  `from claims c left join debtors dr on dr.tenant_id = c.tenant_id and dr.debtor_id = c.debtor_id ` +
  `left join (${MOVES}) m on m.claim_id = c.claim_id ` +
  `where c.tenant_id = :tenant and c.status <> 'cancelled' and ${claimIssueOf('c')} <= :d ` +
  "group by c.creditor_id, coalesce(dr.kind, 'unknown'), c.currency, c.due_date, cohort_month";

/**
 * The portfolio as it stood at the end of `asOf`, computed back from the source rows: the claims owed by
 * then (`claimIssueOf`), each owing what it owes now plus what was paid on it later, less what was
 * paid by then and reversed later; collected to date likewise. What has no date of its own is taken as it is
 * now: a cancellation, a claim settled outside Relance (an import's zero balance), a dispute's status — so the
 * figures are exact for everything that moved through Relance's payments, and equal a live snapshot taken
 * on `asOf` when nothing else changed since.
 */
export async function computedSnapshot(
  db: Kysely<Database>,
  tenantId: string,
  asOf: string,
): Promise<Snapshot> {
  const result = await boundSql<Row>(COMPUTED, { tenant: tenantId, d: asOf }).execute(db);
  const cohorts = new Map<string, Record<string, string | number>>();
  for (const row of result.rows) {
    const key = JSON.stringify([row.creditor_id, row.segment, row.currency, row.cohort_month]);
    const c = cohorts.get(key) ?? {
      creditor_id: String(row.creditor_id),
      segment: String(row.segment),
      currency: String(row.currency),
      cohort_month: String(row.cohort_month),
      claim_count: 0,
      amount_minor: 0,
      receivable_minor: 0,
      collected_minor: 0,
    };
    for (const m of ['claim_count', 'amount_minor', 'receivable_minor', 'collected_minor'])
      c[m] = Number(c[m]) + n(row, m);
    cohorts.set(key, c);
  }
  return { asOf, lines: linesOf(result.rows, asOf), cohorts: cohortsOf([...cohorts.values()]) };
}
