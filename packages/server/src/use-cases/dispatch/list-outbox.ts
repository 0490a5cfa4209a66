import { describeReason, nameReason, type Reason } from '@relance/core';
import type { ActionStatus, Locale } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { readScope } from '../portfolio/scope.ts';
import { loadStrategyBook } from '../strategies/strategy-book.ts';
import { actionNote } from './action-notes.ts';

export const OUTBOX_STATUSES: readonly ActionStatus[] = [
  'planned',
  'review',
  'sending',
  'sent',
  'delivered',
  'failed',
  'unconfirmed',
  'blocked',
  'cancelled',
];

export type OutboxItem = {
  readonly id: string;
  readonly caseId: string;
  readonly debtorName: string;
  readonly creditorRef: string;
  readonly plannedOn: string;
  readonly scheduledAt: string | null;
  readonly channel: string;
  readonly template: string;
  readonly status: string;
  readonly attempts: number;
  /**
   * The provider's or server's own words about the last failure, or Relance's own note on why it cancelled or
   * set the action aside (`lastErrorOurs`), that one in the reader's language.
   */
  readonly lastError: string | null;
  readonly lastErrorOurs: boolean;
  readonly sentAt: string | null;
  readonly deliveredAt: string | null;
  readonly provider: string | null;
  readonly messageId: string | null;
  /** Why the engine chose this action, in the reader's language. */
  readonly reasonText: string;
  /** The compliance gate's refusal, in the reader's language, when it held the action. */
  readonly gateText: string | null;
};

export type Outbox = {
  readonly counts: Readonly<Record<string, number>>;
  readonly items: readonly OutboxItem[];
};

/** The outbox by status (newest plan first), with the count of every status for the tabs. */
export async function listOutbox(
  deps: Deps,
  actor: Actor,
  input: {
    readonly status?: ActionStatus;
    readonly locale: Locale;
    readonly limit?: number;
    readonly offset?: number;
  },
): Promise<Outbox> {
  const scope = readScope(actor);
  const db = deps.database.db;
  const base = db
    .selectFrom('actions as a')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 'a.tenant_id').onRef('c.case_id', '=', 'a.case_id'),
    )
    .where('a.tenant_id', '=', scope.tenantId)
    .$if(scope.creditorId !== null, (q) => q.where('c.creditor_id', '=', scope.creditorId ?? ''));
  const [countRows, rows] = await Promise.all([
    base
      .select(['a.status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('a.status')
      .execute(),
    base
      .innerJoin('debtors as d', (j) =>
        j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
      )
      .innerJoin('creditors as cr', (j) =>
        j.onRef('cr.tenant_id', '=', 'c.tenant_id').onRef('cr.creditor_id', '=', 'c.creditor_id'),
      )
      .select([
        'a.action_id',
        'a.case_id',
        'd.name',
        'cr.ref',
        'a.planned_on',
        'a.scheduled_at',
        'a.channel',
        'a.template',
        'a.status',
        'a.attempts',
        'a.last_error',
        'a.sent_at',
        'a.delivered_at',
        'a.provider',
        'a.message_id',
        'a.strategy_key',
        'a.reason',
        'a.gate',
      ])
      .$if(input.status !== undefined, (q) => q.where('a.status', '=', input.status as ActionStatus))
      .orderBy('a.planned_on', 'desc')
      .orderBy('a.scheduled_at', 'desc')
      .orderBy('a.action_id', 'desc')
      .limit(Math.min(input.limit ?? 100, 500))
      .offset(input.offset ?? 0)
      .execute(),
  ]);
  const book = await loadStrategyBook(db, scope.tenantId);
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0]));
  for (const row of countRows) counts[row.status] = Number(row.n);
  return {
    counts,
    items: rows.map((r) => ({
      id: r.action_id,
      caseId: r.case_id,
      debtorName: r.name,
      creditorRef: r.ref,
      plannedOn: r.planned_on,
      scheduledAt: r.scheduled_at,
      channel: r.channel,
      template: r.template,
      status: r.status,
      attempts: Number(r.attempts),
      lastError: actionNote(r.last_error, input.locale)?.text ?? null,
      lastErrorOurs: actionNote(r.last_error, input.locale)?.ours ?? false,
      sentAt: r.sent_at,
      deliveredAt: r.delivered_at,
      provider: r.provider,
      messageId: r.message_id,
      reasonText: reasonText(r.reason, r.strategy_key, book, input.locale),
      gateText: gateText(r.gate, input.locale),
    })),
  };
}

function reasonText(
  json: string,
  strategyKey: string | null,
  book: Awaited<ReturnType<typeof loadStrategyBook>>,
  locale: Locale,
): string {
  try {
    const reason = (JSON.parse(json) as { reason: Reason }).reason;
    const strategy = strategyKey ? (book.strategies.get(strategyKey)?.definition ?? null) : null;
    return describeReason(nameReason(reason, strategy), locale);
  } catch {
    return '';
  }
}

function gateText(json: string, locale: Locale): string | null {
  try {
    const gate = JSON.parse(json) as { kind?: string; explanation?: { fr: string; en: string } };
    return gate.kind === 'blocked' && gate.explanation ? gate.explanation[locale] : null;
  } catch {
    return null;
  }
}
