import {
  AGEING_BUCKETS,
  type AgeingBucket,
  ageingBucket,
  countbackMonths,
  daysSalesOutstanding,
  percent,
  ratio,
} from '@relance/core';
import type { Kysely } from 'kysely';
import { CLAIM_FIGURES } from '../../db/figures/figure-specs.ts';
import { type FigureFilter, type FigureSums, sumFigures } from '../../db/figures/sum-figures.ts';
import { sumStrategyFigures } from '../../db/figures/sum-strategy-figures.ts';
import type { Database } from '../../db/schema.ts';

export type AgeingLineView = {
  readonly bucket: AgeingBucket;
  readonly count: number;
  readonly outstandingMinor: number;
  /** Share of the receivables, 1 decimal ('42.9'); null when there are none. */
  readonly share: string | null;
};

export type PortfolioFigures = {
  readonly receivables: { readonly count: number; readonly outstandingMinor: number };
  readonly overdueMinor: number;
  readonly disputedMinor: number;
  readonly ageing: readonly AgeingLineView[];
  /** Recovered = placed − still owed (whoever was paid); collected = what Relance booked. */
  readonly recovery: {
    readonly placedMinor: number;
    readonly recoveredMinor: number;
    readonly collectedMinor: number;
    readonly placedCount: number;
    readonly paidCount: number;
    readonly byAmount: string | null;
    readonly byCount: string | null;
  };
  /** Countback over the last twelve months of claims issued; `complete` false: the balance is older. */
  readonly dso: { readonly days: string; readonly complete: boolean; readonly monthsUsed: number };
};

const DSO_MONTHS = 12;

/** The portfolio behind the dashboard's filters: its currencies, largest first, and its figures in one. */
export type PortfolioRead = {
  readonly currencies: readonly string[];
  figuresIn(currency: string): Promise<PortfolioFigures>;
};

/**
 * The claims' side of the dashboard, from the running figures: grouped statements over a few thousand rows
 * (currency, due date × month of issue), whatever the number of claims. With a strategy, the figures of its
 * cases (decision 0011) in one statement for every currency: the claims of cases whose strategy changed since
 * the last fold are looked up once.
 */
export async function readPortfolio(
  db: Kysely<Database>,
  tenantId: string,
  filters: readonly FigureFilter[],
  asOf: string,
  strategyKey: string | null,
): Promise<PortfolioRead> {
  if (strategyKey !== null) {
    const rows = await sumStrategyFigures(db, {
      tenantId,
      strategyKey,
      groupBy: ['currency', 'due_date', 'issue_month'],
      filters,
    });
    return {
      currencies: largestFirst(rows),
      figuresIn: async (currency) =>
        portfolioOf(
          rows.filter((r) => r.currency === currency),
          currency,
          asOf,
        ),
    };
  }
  const byCurrency = await sumFigures(db, CLAIM_FIGURES, { tenantId, groupBy: ['currency'], filters });
  return {
    currencies: largestFirst(byCurrency),
    figuresIn: async (currency) => {
      const rows = await sumFigures(db, CLAIM_FIGURES, {
        tenantId,
        groupBy: ['due_date', 'issue_month'],
        filters: [...filters, { column: 'currency', op: '=', value: currency }],
      });
      return portfolioOf(rows, currency, asOf);
    },
  };
}

/** The currencies of the rows, by the amount placed in each, largest first. */
function largestFirst(rows: readonly FigureSums[]): readonly string[] {
  const amounts = new Map<string, number>();
  for (const r of rows) {
    const currency = String(r.currency);
    amounts.set(currency, (amounts.get(currency) ?? 0) + Number(r.amount_minor ?? 0));
  }
  return [...amounts.entries()].sort((a, b) => b[1] - a[1]).map(([currency]) => currency);
}

/** The portfolio's figures from its rows by due date and month of issue, in one currency. */
function portfolioOf(rows: readonly FigureSums[], currency: string, asOf: string): PortfolioFigures {
  const lines = new Map(AGEING_BUCKETS.map((b) => [b, { count: 0, outstandingMinor: 0 }]));
  const sales = new Map<string, number>();
  const total = { placedMinor: 0, placedCount: 0, receivableMinor: 0, receivableCount: 0 };
  let disputedMinor = 0;
  let collectedMinor = 0;
  let paidCount = 0;
  for (const row of rows) {
    const n = (name: string) => Number(row[name] ?? 0);
    const line = lines.get(ageingBucket(String(row.due_date), asOf));
    if (line) {
      line.count += n('receivable_count');
      line.outstandingMinor += n('receivable_minor');
    }
    const month = String(row.issue_month || String(row.due_date).slice(0, 7));
    sales.set(month, (sales.get(month) ?? 0) + n('amount_minor'));
    total.placedMinor += n('amount_minor');
    total.placedCount += n('claim_count');
    total.receivableMinor += n('receivable_minor');
    total.receivableCount += n('receivable_count');
    disputedMinor += n('disputed_minor');
    collectedMinor += n('collected_minor');
    paidCount += n('paid_count');
  }
  const ageing = AGEING_BUCKETS.map((bucket) => {
    const line = lines.get(bucket) ?? { count: 0, outstandingMinor: 0 };
    return { bucket, ...line, share: percent(ratio(line.outstandingMinor, total.receivableMinor)) };
  });
  const months = countbackMonths(asOf, DSO_MONTHS).map((m) => ({
    month: m.month,
    days: m.days,
    salesMinor: Math.max(sales.get(m.month) ?? 0, 0),
  }));
  const dso = daysSalesOutstanding({ currency, receivablesMinor: total.receivableMinor, months });
  const recoveredMinor = Math.max(total.placedMinor - total.receivableMinor, 0);
  return {
    receivables: { count: total.receivableCount, outstandingMinor: total.receivableMinor },
    overdueMinor: total.receivableMinor - (lines.get('not_due')?.outstandingMinor ?? 0),
    disputedMinor,
    ageing,
    recovery: {
      placedMinor: total.placedMinor,
      recoveredMinor,
      collectedMinor,
      placedCount: total.placedCount,
      paidCount,
      byAmount: percent(ratio(recoveredMinor, total.placedMinor)),
      byCount: percent(ratio(paidCount, total.placedCount)),
    },
    dso: { days: dso.days, complete: dso.complete, monthsUsed: dso.monthsUsed.length },
  };
}
