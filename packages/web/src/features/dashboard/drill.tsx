import type { ReactNode } from 'react';
import { AnchorLink } from '../../app/ui/router-links.tsx';
import type { DrillSearch, PortfolioSearch } from '../portfolio/search.ts';
import type { Dashboard } from './api.ts';

/** What every drill-down keeps of the dashboard: its creditor, segment and currency. */
function base(d: Dashboard): PortfolioSearch {
  return {
    creditorId: d.creditorId ?? undefined,
    debtorKind: d.segment ?? undefined,
    currency: d.currency,
  };
}

/** The cases behind a portfolio figure (claims as they stand today), of the dashboard's strategy. */
export const portfolioDrill = (d: Dashboard, extra: DrillSearch): PortfolioSearch => ({
  ...base(d),
  strategyKey: d.strategyKey ?? undefined,
  ...extra,
});

/**
 * The cases behind a promise, plan or dispute figure of the period (the case's strategy), made through the
 * dashboard's channel and by its agent.
 */
export const activityDrill = (d: Dashboard, extra: DrillSearch): PortfolioSearch => ({
  ...base(d),
  strategyKey: d.strategyKey ?? undefined,
  madeChannel: (d.channel ?? undefined) as DrillSearch['madeChannel'],
  madeBy: d.agentId ?? undefined,
  from: d.from,
  to: d.to,
  ...extra,
});

/** The cases behind money collected: payments of the period, with the dashboard's strategy, channel and agent. */
export const paymentDrill = (d: Dashboard, extra: DrillSearch): PortfolioSearch => ({
  ...base(d),
  paid: true,
  paidStrategy: d.strategyKey ?? undefined,
  paidChannel: (d.channel ?? undefined) as DrillSearch['paidChannel'],
  paidBy: d.agentId ?? undefined,
  from: d.from,
  to: d.to,
  ...extra,
});

export function DrillLink({
  search,
  children,
  testId,
}: {
  readonly search: PortfolioSearch;
  readonly children: ReactNode;
  readonly testId?: string;
}) {
  return (
    <AnchorLink to="/portfolio" search={search} inherit data-testid={testId}>
      {children}
    </AnchorLink>
  );
}
