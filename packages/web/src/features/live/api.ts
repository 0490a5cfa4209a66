import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client.ts';

type Count = { readonly key: string; readonly count: number };

/** GET /api/v1/live (server: use-cases/kpis/get-live.ts). */
export type LiveView = {
  readonly asOf: string;
  readonly today: string;
  readonly run: {
    readonly id: string;
    readonly status: 'running' | 'completed' | 'failed';
    readonly trigger: string;
    readonly startedAt: string;
    readonly finishedAt: string | null;
    readonly batches: number;
    readonly casesEvaluated: number;
    readonly casesRemaining: number;
    readonly blocked: number;
    readonly actionsByChannel: readonly Count[];
    readonly error: string | null;
  } | null;
  readonly outbox: {
    readonly today: readonly { readonly channel: string; readonly status: string; readonly count: number }[];
    readonly backlog: { readonly count: number; readonly oldestScheduledAt: string | null };
  };
  readonly callQueue: {
    readonly depth: number;
    readonly oldestWaitingSince: string | null;
    readonly groups: readonly {
      readonly team: string | null;
      readonly segment: string | null;
      readonly language: string | null;
      readonly count: number;
      readonly oldestWaitingSince: string;
    }[];
  };
  readonly agents: { readonly signedIn: number; readonly onCase: number };
  readonly callbacks: { readonly dueToday: number; readonly overdue: number };
  readonly payments: {
    readonly byCurrency: readonly {
      readonly currency: string;
      readonly count: number;
      readonly amountMinor: number;
      readonly byChannel: readonly {
        readonly channel: string;
        readonly count: number;
        readonly amountMinor: number;
      }[];
    }[];
  };
  readonly portal: {
    readonly linksOpened: number;
    readonly verified: number;
    readonly attempts: readonly Count[];
    readonly inputErrors: number;
  };
};

/** Every few seconds: the server reads the rows themselves on each call. */
export const LIVE_REFRESH_MS = 5_000;

export const liveQuery = queryOptions({
  queryKey: ['live'],
  queryFn: ({ signal }) => apiRequest<LiveView>('/live', { signal }),
  refetchInterval: LIVE_REFRESH_MS,
});
