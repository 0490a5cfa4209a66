import { queryOptions } from '@tanstack/react-query';
import { apiRequest, toQueryString } from '../../app/api/client.ts';

export const OUTBOX_STATUSES = [
  'planned',
  'review',
  'sending',
  'sent',
  'delivered',
  'failed',
  'unconfirmed',
  'blocked',
  'cancelled',
] as const;

export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** An action of the outbox as `GET /outbox` lists it. */
export type OutboxItem = {
  readonly id: string;
  readonly caseId: string;
  readonly debtorName: string;
  readonly creditorRef: string;
  readonly plannedOn: string;
  readonly scheduledAt: string | null;
  readonly channel: string;
  readonly template: string;
  readonly status: OutboxStatus;
  readonly attempts: number;
  /** The provider's or SMTP server's own words (not translated: they are evidence). */
  readonly lastError: string | null;
  /** The note is Relance's own (why it cancelled or set the action aside), not a server's words. */
  readonly lastErrorOurs?: boolean;
  readonly sentAt: string | null;
  readonly deliveredAt: string | null;
  readonly provider: string | null;
  readonly messageId: string | null;
  readonly reasonText: string;
  readonly gateText: string | null;
};

export type Outbox = {
  readonly counts: Readonly<Record<string, number>>;
  readonly items: readonly OutboxItem[];
};

export const OUTBOX_PAGE = 100;

export const outboxQuery = (status: OutboxStatus, page: number) =>
  queryOptions({
    queryKey: ['outbox', status, page],
    queryFn: ({ signal }) =>
      apiRequest<Outbox>(
        `/outbox${toQueryString({ status, limit: OUTBOX_PAGE, offset: page * OUTBOX_PAGE })}`,
        {
          signal,
        },
      ),
    refetchInterval: 15_000,
  });

export function confirmAction(actionId: string, answer: 'sent' | 'resend') {
  return apiRequest<{ actionId: string; status: string }>(
    `/actions/${encodeURIComponent(actionId)}/confirm`,
    {
      method: 'POST',
      json: { answer },
    },
  );
}

export function retryAction(actionId: string) {
  return apiRequest<{ actionId: string; status: string }>(`/actions/${encodeURIComponent(actionId)}/retry`, {
    method: 'POST',
  });
}

export type MailboxEntry = {
  readonly id: string;
  readonly actionId: string | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly subject: string | null;
  readonly date: string | null;
  readonly size: number;
  readonly text?: string | null;
  readonly html?: string | null;
  readonly attachments?: readonly {
    readonly fileName: string | null;
    readonly contentType: string;
    readonly size: number;
  }[];
};

export const mailboxQuery = queryOptions({
  queryKey: ['mailbox'],
  queryFn: ({ signal }) => apiRequest<readonly MailboxEntry[]>('/mailbox', { signal }),
  refetchInterval: 15_000,
});

export const mailboxMessageQuery = (id: string) =>
  queryOptions({
    queryKey: ['mailbox', id],
    queryFn: ({ signal }) =>
      apiRequest<readonly MailboxEntry[]>(`/mailbox${toQueryString({ id })}`, { signal }),
  });
