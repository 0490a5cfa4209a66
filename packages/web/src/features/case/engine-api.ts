import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client.ts';
import type { NextAction } from '../../app/api/types.ts';

/** A reason with the server's sentence in the caller's language. */
export type ExplainedReason = {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly text: string;
};

export type EngineAction = {
  readonly id: string;
  readonly plannedOn: string;
  readonly scheduledAt: string | null;
  readonly channel: string;
  readonly template: string;
  readonly status: string;
  readonly stepKey: string | null;
  readonly reason: ExplainedReason;
  readonly gate: { readonly kind: string; readonly code?: string; readonly text: string };
};

export type EngineEvent = {
  readonly id: string;
  readonly kind: string;
  readonly on: string;
  readonly data: unknown;
  /** Taken into account by a run already. */
  readonly applied: boolean;
};

export type InterestRegime = 'fr-b2b' | 'fr-legal' | 'eu' | 'uk';

/** Why a regime applies, or why none does. */
export type InterestReason =
  | 'b2b_late_payment'
  | 'legal_rate_since_formal_notice'
  | 'no_formal_notice_yet'
  | 'no_regime_for_country'
  | 'consumer_outside_b2b_law';

export type RateTable = 'ecb-mro' | 'fr-legal-rate' | 'uk-boe-reference';

/** One late invoice: interest from `from` (due date, or the formal notice for a consumer) to today. */
export type InvoiceInterest = {
  readonly invoiceNumber: string;
  readonly regime: string;
  readonly from: string;
  readonly days: number;
  readonly interestMinor: number;
  readonly feesMinor: number;
};

/** A rate the tables lack: the amounts are then unknown, not zero. */
export type MissingRate = {
  readonly kind: 'missing_rate';
  readonly regime: string;
  /** 'YYYY-S1' (January–June) or 'YYYY-S2'. */
  readonly period: string;
  readonly table: string;
  /** For developers, in English. */
  readonly message: string;
};

/** Late interest and fixed compensation as of today, in minor units of the case currency. */
export type CaseInterest = {
  readonly regime: InterestRegime | null;
  readonly reason: InterestReason;
  /** What the law gives. */
  readonly interestMinor: number;
  readonly feesMinor: number;
  /** What is claimed: less when the creditor waives it or keeps it as a lever. */
  readonly claimedInterestMinor: number;
  readonly claimedFeesMinor: number;
  readonly claims: readonly InvoiceInterest[];
  readonly missing: MissingRate | null;
};

/** `GET /cases/:id/engine`: the case as the strategy engine sees it. */
export type CaseEngine = {
  readonly interest: CaseInterest;
  readonly strategy: { readonly key: string; readonly version: number | null; readonly name: string } | null;
  readonly stage: string;
  readonly progress: Readonly<Record<string, unknown>> | null;
  readonly nextAction: NextAction | null;
  readonly lastRunOn: string | null;
  readonly notes: readonly ExplainedReason[];
  readonly actions: readonly EngineAction[];
  readonly events: readonly EngineEvent[];
};

export function caseEngineQuery(caseId: string) {
  return queryOptions({
    queryKey: ['case', caseId, 'engine'],
    queryFn: ({ signal }) =>
      apiRequest<CaseEngine>(`/cases/${encodeURIComponent(caseId)}/engine`, { signal }),
  });
}

/**
 * What the case page records as a bare engine event: a pause or a resume. A promise is not one of them: it
 * goes through `POST /cases/:caseId/promises` (workspace/api.ts createPromise), which keeps the promise row,
 * sends its written confirmation and checks it at its dates.
 */
export type CaseEventInput =
  | {
      readonly kind: 'pause';
      readonly on: string /** The day the ladder resumes by itself. */;
      readonly until?: string;
    }
  | { readonly kind: 'resume'; readonly on: string };

export async function recordCaseEvent(caseId: string, event: CaseEventInput): Promise<{ eventId: string }> {
  return apiRequest<{ eventId: string }>(`/cases/${encodeURIComponent(caseId)}/events`, {
    method: 'POST',
    json: event,
  });
}
