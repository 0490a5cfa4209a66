import { queryOptions } from '@tanstack/react-query';
import { apiRequest, toQueryString } from '../../app/api/client.ts';

/** An action of a "review before send" step, as `GET /actions?status=review` lists it. */
export type ReviewAction = {
  readonly id: string;
  readonly caseId: string;
  readonly debtorName: string;
  readonly creditorRef: string;
  readonly plannedOn: string;
  readonly scheduledAt: string | null;
  readonly channel: string;
  readonly template: string;
  readonly status: string;
  readonly stepKey: string | null;
  /** Why the engine decided it, already in the caller's language. */
  readonly reasonText: string;
};

export type ReviewDecision = 'approve' | 'cancel';

/** The most actions the queue asks for at once; the nav badge says "200+" when it is full. */
export const REVIEW_LIMIT = 200;

export const REVIEW_QUEUE_KEY = ['actions', 'review'] as const;

export const reviewQueueQuery = queryOptions({
  queryKey: REVIEW_QUEUE_KEY,
  queryFn: ({ signal }) =>
    apiRequest<readonly ReviewAction[]>(
      `/actions${toQueryString({ status: 'review', limit: REVIEW_LIMIT })}`,
      {
        signal,
      },
    ),
});

/** Approved, the action joins the planned ones and is sent at its time; cancelled, it never leaves. */
export async function decideAction(
  actionId: string,
  decision: ReviewDecision,
): Promise<{ readonly actionId: string; readonly status: 'planned' | 'cancelled' }> {
  return apiRequest(`/actions/${encodeURIComponent(actionId)}/review`, {
    method: 'POST',
    json: { decision },
  });
}
