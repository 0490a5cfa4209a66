import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client.ts';
import type { Localized } from '../../app/api/types.ts';

export type RunSummary = {
  readonly id: string;
  readonly runOn: string;
  readonly trigger: string;
  readonly status: string;
  readonly workers: number;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly cases: number;
  readonly actions: number;
  readonly blocked: number;
};

/** Why the engine decided something: a stable code and its facts (step key, days late, dates…). */
export type EngineReason = {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
  /** The server's sentence in both languages (absent from older servers). */
  readonly text?: Localized;
};

export type PreviewAction = {
  readonly caseId: string;
  readonly channel: string;
  readonly template: string;
  readonly status: string;
  readonly scheduledAt: string | null;
  readonly stepKey: string | null;
  readonly reason: EngineReason;
  /** The compliance gate's verdict, explained in both languages. */
  readonly gate: { readonly kind: string; readonly code?: string; readonly explanation: Localized };
};

export type RunReport = {
  readonly runId: string | null;
  readonly runOn: string;
  readonly dryRun: boolean;
  readonly cases: number;
  readonly actions: number;
  readonly blocked: number;
  readonly byChannel: Readonly<Record<string, number>>;
  readonly byStage: Readonly<Record<string, number>>;
  readonly preview: readonly PreviewAction[];
};

export const runsQuery = queryOptions({
  queryKey: ['runs'],
  queryFn: ({ signal }) => apiRequest<readonly RunSummary[]>('/runs', { signal }),
});

/** Runs a day (today only), or previews any day with `dryRun`: nothing is written then. */
export async function runDay(input: {
  readonly date?: string;
  readonly dryRun: boolean;
}): Promise<RunReport> {
  return apiRequest<RunReport>('/runs', { method: 'POST', json: input });
}
