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

/** `GET /queue/agents`: an active agent or supervisor a call can be given to, with their routing. */
export type QueueAgent = {
  readonly id: string;
  readonly name: string;
  readonly role: 'agent' | 'supervisor';
  readonly team: string | null;
  readonly skills: readonly string[];
};

/** The people a call can be given to (supervisors and admins; an agent gets 403: no list, no picker). */
export const agentsQuery = queryOptions({
  queryKey: ['workspace', 'agents'],
  queryFn: async ({ signal }) => {
    try {
      return await apiRequest<readonly QueueAgent[]>('/queue/agents', { signal });
    } catch (error) {
      if (isApiError(error) && error.status === 403) return [];
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

/** "Léa Martin — B2B · b2b, fr": whom the call goes to and what they are routed for. */
export function agentLabel(agent: QueueAgent): string {
  const routing = [agent.team, agent.skills.join(', ')].filter(Boolean).join(' · ');
  return routing ? `${agent.name} — ${routing}` : agent.name;
}

export function assignTask(taskId: string, agentId: string | null): Promise<unknown> {
  return apiRequest<unknown>(`/call-tasks/${encodeURIComponent(taskId)}/assign`, {
    method: 'POST',
    json: { agentId },
  });
}

/** `PATCH /users/:userId`: an agent's team (null: none) and skills (empty: any call). */
export function updateRouting(
  userId: string,
  routing: { readonly team: string | null; readonly skills: readonly string[] },
): Promise<unknown> {
  return apiRequest<unknown>(`/users/${encodeURIComponent(userId)}`, { method: 'PATCH', json: routing });
}
