import { PostgresAdapter, type Transaction } from 'kysely';
import type { Database, Db, Locale } from '../../db/schema.ts';
import { appendEvidence } from '../evidence/journal.ts';
import { leaseUntil } from './back-off.ts';

export type ClaimedAction = {
  readonly actionId: string;
  readonly caseId: string;
  readonly actionKey: string;
  readonly plannedOn: string;
  readonly channel: string;
  readonly template: string;
  readonly language: Locale;
  readonly purpose: string;
  /** Counting the attempt being made now. */
  readonly attempts: number;
  readonly messageId: string;
  readonly amounts: string | null;
};

export type ClaimInput = {
  readonly now: string;
  readonly limit: number;
  readonly dispatcherId: string;
  /** The channels this dispatcher can send; the others stay in the outbox. */
  readonly channels: readonly string[];
  /** A provider that treats a repeated request with the same key as a no-op: an interrupted send is resumed. */
  readonly idempotent: (channel: string) => boolean;
  readonly messageIdOf: (channel: string, actionId: string) => string;
};

const COLUMNS = [
  'action_id',
  'case_id',
  'action_key',
  'planned_on',
  'channel',
  'template',
  'language',
  'purpose',
  'attempts',
  'message_id',
  'amounts',
  'provider',
] as const;

/**
 * Claims due actions for one dispatcher and commits before any provider is called: each becomes `sending`
 * with a lease, its attempt counted and its message id fixed. On PostgreSQL the rows are taken with
 * FOR UPDATE SKIP LOCKED, so several dispatchers share the outbox without waiting on each other.
 *
 * Actions found `sending` past their lease were interrupted. One that never reached its provider (no
 * `provider` written yet), or whose provider is idempotent, is claimed again. One that was handed to a
 * provider without idempotency (SMTP) may or may not have left: it becomes `unconfirmed`, for a person to
 * decide, and is never re-sent automatically.
 */
export async function claimDue(
  db: Db,
  tenantId: string,
  input: ClaimInput,
): Promise<{ readonly claimed: readonly ClaimedAction[]; readonly unconfirmed: number }> {
  return db.transaction().execute(async (trx) => {
    const postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
    const expiredQuery = trx
      .selectFrom('actions')
      .select(COLUMNS)
      .where('tenant_id', '=', tenantId)
      .where('status', '=', 'sending')
      .where('claimed_until', '<', input.now)
      .orderBy('claimed_until')
      .limit(input.limit);
    const expired = await (postgres ? expiredQuery.forUpdate().skipLocked() : expiredQuery).execute();
    const resumed: typeof expired = [];
    let unconfirmed = 0;
    for (const row of expired) {
      if (row.provider === null || input.idempotent(row.channel)) resumed.push(row);
      else {
        await markUnconfirmed(trx, tenantId, row, input.now);
        unconfirmed++;
      }
    }
    const room = input.limit - resumed.length;
    const dueQuery = trx
      .selectFrom('actions')
      .select(COLUMNS)
      .where('tenant_id', '=', tenantId)
      .where('status', '=', 'planned')
      .where('scheduled_at', '<=', input.now)
      .where('channel', 'in', input.channels)
      .orderBy('scheduled_at')
      .orderBy('action_id')
      .limit(Math.max(room, 0));
    const due =
      room > 0 && input.channels.length > 0
        ? await (postgres ? dueQuery.forUpdate().skipLocked() : dueQuery).execute()
        : [];
    const claimed: ClaimedAction[] = [];
    const until = leaseUntil(input.now);
    for (const row of [...resumed, ...due]) {
      const messageId = row.message_id ?? input.messageIdOf(row.channel, row.action_id);
      await trx
        .updateTable('actions')
        .set((eb) => ({
          status: 'sending',
          claimed_by: input.dispatcherId,
          claimed_until: until,
          attempts: eb('attempts', '+', 1),
          message_id: messageId,
          provider: null,
        }))
        .where('tenant_id', '=', tenantId)
        .where('action_id', '=', row.action_id)
        .execute();
      claimed.push({
        actionId: row.action_id,
        caseId: row.case_id,
        actionKey: row.action_key,
        plannedOn: row.planned_on,
        channel: row.channel,
        template: row.template,
        language: row.language,
        purpose: row.purpose,
        attempts: Number(row.attempts) + 1,
        messageId,
        amounts: row.amounts,
      });
    }
    return { claimed, unconfirmed };
  });
}

async function markUnconfirmed(
  trx: Transaction<Database>,
  tenantId: string,
  row: {
    action_id: string;
    case_id: string;
    provider: string | null;
    message_id: string | null;
    channel: string;
  },
  now: string,
): Promise<void> {
  const why = `Interrupted after the message was handed to ${row.provider}: whether it left is unknown. Not re-sent automatically.`;
  await trx
    .updateTable('actions')
    .set({ status: 'unconfirmed', claimed_by: null, claimed_until: null, last_error: why })
    .where('tenant_id', '=', tenantId)
    .where('action_id', '=', row.action_id)
    .execute();
  await appendEvidence(trx, {
    tenantId,
    caseId: row.case_id,
    actionId: row.action_id,
    at: now,
    kind: 'dispatch_failed',
    actor: 'dispatcher',
    payload: {
      outcome: 'unconfirmed',
      channel: row.channel,
      provider: row.provider,
      messageId: row.message_id,
      reason: why,
    },
  });
}
