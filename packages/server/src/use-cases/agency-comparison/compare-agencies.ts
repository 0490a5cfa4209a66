import { type AgencyFigures, agencyFigures, type HandoverFacts, percent, type Ratio } from '@relance/core';
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
 * agency appears, with zeros when it was handed nothing.
 */
export async function compareAgencies(
  deps: Deps,
  actor: Actor,
  filter: ComparisonFilter,
): Promise<AgencyComparison> {
  const scope = readScope(actor);
  const creditorId = creditorFilter(scope, filter.creditorId);
  const db = deps.database.db;
  const [agencies, handovers, collections] = await Promise.all([
    db
      .selectFrom('outside_agencies')
      .select(['agency_id', 'key', 'name'])
      .where('tenant_id', '=', scope.tenantId)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('agency_handovers')
      .select(['handover_id', 'agency_id', 'handed_on', 'amount_minor', 'currency'])
      .where('tenant_id', '=', scope.tenantId)
      .$if(creditorId !== undefined, (q) => q.where('creditor_id', '=', creditorId ?? ''))
      .$if(filter.from !== undefined, (q) => q.where('handed_on', '>=', filter.from ?? ''))
      .$if(filter.to !== undefined, (q) => q.where('handed_on', '<=', filter.to ?? ''))
      .execute(),
    db
      .selectFrom('agency_collections as l')
      .innerJoin('payments as p', (j) =>
        j.onRef('p.tenant_id', '=', 'l.tenant_id').onRef('p.payment_id', '=', 'l.payment_id'),
      )
      .select(['l.handover_id', 'l.collected_on', 'l.amount_minor', 'l.fee_minor'])
      .where('l.tenant_id', '=', scope.tenantId)
      .where('p.status', '=', 'booked')
      .execute(),
  ]);
  const linesOf = new Map<string, HandoverFacts['collections'][number][]>();
  for (const line of collections) {
    const list = linesOf.get(line.handover_id) ?? [];
    list.push({
      collectedOn: line.collected_on,
      amountMinor: Number(line.amount_minor),
      feeMinor: Number(line.fee_minor),
    });
    linesOf.set(line.handover_id, list);
  }
  const facts = handovers.map((h) => ({
    month: h.handed_on.slice(0, 7),
    currency: h.currency,
    fact: {
      agencyId: h.agency_id,
      handedOn: h.handed_on,
      amountMinor: Number(h.amount_minor),
      collections: linesOf.get(h.handover_id) ?? [],
    } satisfies HandoverFacts,
  }));
  const currencies = [...new Set(facts.map((f) => f.currency))].sort();
  const currenciesShown = currencies.length > 0 ? currencies : ['EUR'];
  const rows: { agency: (typeof agencies)[number]; currency: string }[] = agencies.flatMap((agency) =>
    currenciesShown.map((currency) => ({ agency, currency })),
  );
  const months = [...new Set(facts.map((f) => f.month))].sort();
  return {
    agencies: rows.map(({ agency, currency }) => ({
      agency: { agencyId: agency.agency_id, key: agency.key, name: agency.name },
      currency,
      figures: view(
        agencyFigures(
          facts
            .filter((f) => f.fact.agencyId === agency.agency_id && f.currency === currency)
            .map((f) => f.fact),
        ),
      ),
    })),
    byMonth: months.flatMap((month) =>
      rows.flatMap(({ agency, currency }) => {
        const these = facts.filter(
          (f) => f.month === month && f.currency === currency && f.fact.agencyId === agency.agency_id,
        );
        if (these.length === 0) return [];
        return [
          {
            month,
            agencyId: agency.agency_id,
            currency,
            figures: view(agencyFigures(these.map((f) => f.fact))),
          },
        ];
      }),
    ),
  };
}

function view(figures: AgencyFigures): FiguresView {
  return {
    ...figures,
    recoveryByAmount: { ...figures.recoveryByAmount, percent: percent(figures.recoveryByAmount) },
    recoveryByCount: { ...figures.recoveryByCount, percent: percent(figures.recoveryByCount) },
  };
}
