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

/** `GET /cases/:id/engine`: the case as the strategy engine sees it. */
export type CaseEngine = {
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

export type CaseEventInput =
  | { readonly kind: 'pause' | 'resume'; readonly on: string }
  | { readonly kind: 'promise'; readonly on: string; readonly dueOn: string; readonly amountMinor: number };

export async function recordCaseEvent(caseId: string, event: CaseEventInput): Promise<{ eventId: string }> {
  return apiRequest<{ eventId: string }>(`/cases/${encodeURIComponent(caseId)}/events`, {
    method: 'POST',
    json: event,
  });
}
