import { queryOptions } from '@tanstack/react-query';
import { apiRequest, isApiError } from '../../app/api/client.ts';
import type { ScorePart } from './api.ts';

/** `GET /queue?status=open`: one open call as the supervisor sees it (routing, holder, pinning). */
export type QueueEntry = {
  readonly id: string;
  readonly caseId: string;
  readonly debtorName: string;
  readonly phone: string | null;
  readonly priority: number;
  readonly scoreParts: readonly ScorePart[];
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly segment: string | null;
  readonly language: string | null;
  readonly team: string | null;
  readonly pinnedTo: string | null;
  readonly lockedBy: string | null;
  readonly lockedUntil: string | null;
};

export const openQueueQuery = queryOptions({
  queryKey: ['workspace', 'queue', 'open'],
  queryFn: ({ signal }) => apiRequest<readonly QueueEntry[]>('/queue?status=open&limit=200', { signal }),
  refetchInterval: 30_000,
});

export type StaffUser = { readonly id: string; readonly displayName: string; readonly role: string };

/** The tenant's agents, to give a call to (the list is the administrators': ask it only for them). */
export const agentsQuery = queryOptions({
  queryKey: ['workspace', 'agents'],
  queryFn: async ({ signal }) => {
    try {
      const body = await apiRequest<unknown>('/users', { signal });
      const list = Array.isArray(body) ? body : ((body as { items?: unknown[] }).items ?? []);
      return (list as StaffUser[]).filter((user) => user.role === 'agent');
    } catch (error) {
      if (isApiError(error) && error.status === 403) return [];
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

export function assignTask(taskId: string, agentId: string | null): Promise<unknown> {
  return apiRequest<unknown>(`/call-tasks/${encodeURIComponent(taskId)}/assign`, {
    method: 'POST',
    json: { agentId },
  });
}
