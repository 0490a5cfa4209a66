import {
  type AgencyFigures,
  type AgencyTotals,
  addAgencyTotals,
  agencyFiguresOf,
  NO_AGENCY_TOTALS,
  percent,
  type Ratio,
} from '@relance/core';
import { AGENCY_FIGURES } from '../../db/figures/agency-figures.ts';
import { boundSql } from '../../db/figures/bound-sql.ts';
import { measureNames } from '../../db/figures/figure-specs.ts';
import type { Db } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { creditorFilter, readScope } from '../portfolio/scope.ts';

export type RatioView = Ratio & { readonly percent: string | null };

export type FiguresView = Omit<AgencyFigures, 'recoveryByAmount' | 'recoveryByCount'> & {
  readonly recoveryByAmount: RatioView;
  readonly recoveryByCount: RatioView;
};

export type AgencyComparison = {
  readonly agencies: readonly {
    readonly agency: { readonly agencyId: string; readonly key: string; readonly name: string };
    readonly currency: string;
    readonly figures: FiguresView;
  }[];
  /** The same figures by the month the cases were handed over (vintages). */
  readonly byMonth: readonly {
    readonly month: string;
    readonly agencyId: string;
    readonly currency: string;
    readonly figures: FiguresView;
  }[];
};

export type ComparisonFilter = {
  readonly creditorId?: string | undefined;
  /** Hand-overs made from / to these days (inclusive). */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
};

/**
 * The agencies side by side on the same figures: the cases each was handed (in the period), what it reported
 * collected on them (its payments reversed since left out), how fast, and what its fees cost. Every registered
 * agency appears, with zeros when it was handed nothing. Read from the hand-overs' running sums by day handed
 * and delays (`db/figures/agency-figures.ts`): the same figures as the core's over every hand-over, from a few
 * thousand rows however many cases were handed.
 */
export async function compareAgencies(
  deps: Deps,
  actor: Actor,
  filter: ComparisonFilter,
): Promise<AgencyComparison> {
  const scope = readScope(actor);
  const creditorId = creditorFilter(scope, filter.creditorId);
  const db = deps.database.db;
  const [agencies, totals] = await Promise.all([
    db
      .selectFrom('outside_agencies')
      .select(['agency_id', 'key', 'name'])
      .where('tenant_id', '=', scope.tenantId)
      .orderBy('name')
      .execute(),
    totalsByMonth(db, scope.tenantId, { ...filter, creditorId }),
  ]);
  const currencies = [...new Set([...totals.keys()].map((k) => k.split('|')[2] ?? ''))].sort();
  const currenciesShown = currencies.length > 0 ? currencies : ['EUR'];
  const rows: { agency: (typeof agencies)[number]; currency: string }[] = agencies.flatMap((agency) =>
    currenciesShown.map((currency) => ({ agency, currency })),
  );
  const months = [...new Set([...totals.keys()].map((k) => k.split('|')[0] ?? ''))].sort();
  const of = (month: string, agencyId: string, currency: string) =>
    totals.get(`${month}|${agencyId}|${currency}`);
  return {
    agencies: rows.map(({ agency, currency }) => ({
      agency: { agencyId: agency.agency_id, key: agency.key, name: agency.name },
      currency,
      figures: view(
        agencyFiguresOf(
          months
            .map((month) => of(month, agency.agency_id, currency) ?? NO_AGENCY_TOTALS)
            .reduce(addAgencyTotals, NO_AGENCY_TOTALS),
        ),
      ),
    })),
    byMonth: months.flatMap((month) =>
      rows.flatMap(({ agency, currency }) => {
        const these = of(month, agency.agency_id, currency);
        if (!these) return [];
        return [{ month, agencyId: agency.agency_id, currency, figures: view(agencyFiguresOf(these)) }];
      }),
    ),
  };
}

type Totals = { -readonly [K in keyof AgencyTotals]: AgencyTotals[K] } & {
  toFirst: [number, number][];
  toFull: [number, number][];
};

/**
 * The totals by month handed, agency and currency (`month|agency|currency`), from the running sums and their
 * pending deltas in one statement: the rows by delay are added up into the sums and into the delays' counts.
 */
async function totalsByMonth(
  db: Db,
  tenantId: string,
  filter: ComparisonFilter,
): Promise<ReadonlyMap<string, AgencyTotals>> {
  const spec = AGENCY_FIGURES;
  const values: Record<string, string> = { tenant: tenantId };
  let where = 'tenant_id = :tenant';
  for (const [key, name, column, op] of [
    ['creditorId', 'creditor', 'creditor_id', '='],
    ['from', 'from', 'handed_on', '>='],
    ['to', 'to', 'handed_on', '<='],
  ] as const) {
    const value = filter[key];
    if (value === undefined) continue;
    values[name] = value;
    where += ` and ${column} ${op} :${name}`;
  }
  const columns = `handed_on, agency_id, currency, first_days, full_days, ${measureNames(spec).join(', ')}`;
  const result = await boundSql<Record<string, string | number>>(
    `select substr(handed_on, 1, 7) as month, agency_id, currency, first_days, full_days, ` +
      'sum(handover_count) as cases, sum(handed_minor) as handed, sum(collected_minor) as collected, ' +
      `sum(fees_minor) as fees from (select ${columns} from ${spec.figures} where ${where} union all ` +
      `select ${columns} from ${spec.deltas} where ${where}) f ` +
      'group by substr(handed_on, 1, 7), agency_id, currency, first_days, full_days',
    values,
  ).execute(db);
  const totals = new Map<string, Totals>();
  for (const r of result.rows) {
    const cases = Number(r.cases);
    if (cases === 0) continue;
    const key = `${r.month}|${r.agency_id}|${r.currency}`;
    let t = totals.get(key);
    if (!t) {
      t = { ...NO_AGENCY_TOTALS, toFirst: [], toFull: [] };
      totals.set(key, t);
    }
    t.cases += cases;
    t.handedMinor += Number(r.handed);
    t.collectedMinor += Number(r.collected);
    t.feesMinor += Number(r.fees);
    if (r.first_days !== '') {
      t.paying += cases;
      t.toFirst.push([Number(r.first_days), cases]);
    }
    if (r.full_days !== '') t.toFull.push([Number(r.full_days), cases]);
  }
  return totals;
}

function view(figures: AgencyFigures): FiguresView {
  return {
    ...figures,
    recoveryByAmount: { ...figures.recoveryByAmount, percent: percent(figures.recoveryByAmount) },
    recoveryByCount: { ...figures.recoveryByCount, percent: percent(figures.recoveryByCount) },
  };
}
