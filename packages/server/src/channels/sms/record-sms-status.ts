import type { Transaction } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendEvidence } from '../../use-cases/evidence/journal.ts';
import { queueCaseEvent } from '../queue-case-event.ts';
import { twilioErrorMeaning } from './twilio-errors.ts';

/** What Twilio's status callback says (its form fields), validated at the edge. */
export type SmsStatusReport = {
  readonly provider: string;
  readonly messageSid: string;
  /** queued, sending, sent, delivered, undelivered, failed, read… */
  readonly status: string;
  readonly errorCode: string | null;
  readonly to: string | null;
};

/** The carrier says the number cannot take an SMS at all: the strategy switches channel, the contact is flagged. */
const WRONG_NUMBER_CODES = new Set(['21211', '21614', '30005', '30006']);

/**
 * A delivery report: one message event per (message, status) — a webhook delivered twice is recorded once —,
 * its evidence entry, and the action moved to `delivered` or `failed` with the carrier's reason. An unknown
 * number behind a failure also feeds the strategy's "wrong number" reaction.
 */
export async function recordSmsStatus(
  deps: Deps,
  tenantId: string,
  report: SmsStatusReport,
): Promise<{ readonly recorded: boolean; readonly actionId: string | null }> {
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const action = await trx
      .selectFrom('actions')
      .select(['action_id', 'case_id', 'status'])
      .where('tenant_id', '=', tenantId)
      .where('provider', '=', report.provider)
      .where('provider_message_id', '=', report.messageSid)
      .executeTakeFirst();
    const meaning = report.errorCode ? twilioErrorMeaning(report.errorCode) : null;
    const inserted = await trx
      .insertInto('message_events')
      .values({
        tenant_id: tenantId,
        event_id: newId(),
        action_id: action?.action_id ?? null,
        case_id: action?.case_id ?? null,
        at: now,
        kind: report.status,
        provider: report.provider,
        provider_event_id: `${report.messageSid}:${report.status}`,
        detail: JSON.stringify({ ...report, meaning }),
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'provider', 'provider_event_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
      return { recorded: false, actionId: action?.action_id ?? null };
    }
    if (!action) return { recorded: true, actionId: null };
    await appendEvidence(trx, {
      tenantId,
      caseId: action.case_id,
      actionId: action.action_id,
      at: now,
      kind: 'delivery_event',
      actor: `provider:${report.provider}`,
      payload: { ...report, meaning },
    });
    await moveAction(trx, tenantId, action, report, meaning, now);
    return { recorded: true, actionId: action.action_id };
  });
}

/** Final statuses a report may carry before the dispatcher recorded the provider's message id. */
const FINAL_STATUSES = ['delivered', 'undelivered', 'failed'] as const;

/**
 * Reports that arrived before the dispatcher had recorded the provider's message id (Twilio may call back
 * within milliseconds) were kept without an action. Once the action is recorded as sent with that id, inside
 * the same transaction, they are attached to it, journaled, and the action moves as if they came now.
 */
export async function applyEarlyReports(
  trx: Transaction<Database>,
  tenantId: string,
  action: { readonly action_id: string; readonly case_id: string },
  provider: string,
  messageSid: string,
  now: string,
): Promise<number> {
  const early = await trx
    .selectFrom('message_events')
    .select(['event_id', 'detail'])
    .where('tenant_id', '=', tenantId)
    .where('provider', '=', provider)
    .where(
      'provider_event_id',
      'in',
      FINAL_STATUSES.map((status) => `${messageSid}:${status}`),
    )
    .where('action_id', 'is', null)
    .orderBy('at')
    .execute();
  if (early.length === 0) return 0;
  await trx
    .updateTable('message_events')
    .set({ action_id: action.action_id, case_id: action.case_id })
    .where('tenant_id', '=', tenantId)
    .where(
      'event_id',
      'in',
      early.map((e) => e.event_id),
    )
    .execute();
  // The first final word counts (a message is delivered or not); each report is journaled.
  let status = 'sent';
  for (const event of early) {
    const { meaning, ...report } = JSON.parse(event.detail) as SmsStatusReport & { meaning: string | null };
    await appendEvidence(trx, {
      tenantId,
      caseId: action.case_id,
      actionId: action.action_id,
      at: now,
      kind: 'delivery_event',
      actor: `provider:${provider}`,
      payload: { ...report, meaning, arrivedBeforeSend: true },
    });
    await moveAction(trx, tenantId, { ...action, status }, report, meaning, now);
    status = 'moved';
  }
  return early.length;
}

async function moveAction(
  trx: Transaction<Database>,
  tenantId: string,
  action: { readonly action_id: string; readonly case_id: string; readonly status: string },
  report: SmsStatusReport,
  meaning: string | null,
  now: string,
): Promise<void> {
  // Reports may arrive out of order: only a message still on its way moves.
  if (!['sending', 'sent', 'unconfirmed'].includes(action.status)) return;
  const failed = report.status === 'undelivered' || report.status === 'failed';
  if (report.status !== 'delivered' && !failed) return;
  const reason = failed
    ? `Twilio ${report.status}${report.errorCode ? ` (error ${report.errorCode}${meaning ? `: ${meaning}` : ''})` : ''}`
    : null;
  await trx
    .updateTable('actions')
    .set(
      failed
        ? { status: 'failed', last_error: reason, claimed_by: null, claimed_until: null }
        : { status: 'delivered', delivered_at: now, claimed_by: null, claimed_until: null },
    )
    .where('tenant_id', '=', tenantId)
    .where('action_id', '=', action.action_id)
    .execute();
  if (failed && report.errorCode && WRONG_NUMBER_CODES.has(report.errorCode) && report.to) {
    const found = await trx
      .selectFrom('cases')
      .select('debtor_id')
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', action.case_id)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('contacts')
      .set({ validity: 'invalid', updated_at: now })
      .where('tenant_id', '=', tenantId)
      .where('debtor_id', '=', found.debtor_id)
      .where('kind', '=', 'phone')
      .where('value', '=', report.to)
      .execute();
    await queueCaseEvent(trx, {
      tenantId,
      caseId: action.case_id,
      kind: 'wrong_number',
      on: now.slice(0, 10),
      data: { provider: report.provider, errorCode: report.errorCode, phone: report.to },
      recordedBy: `provider:${report.provider}`,
      now,
    });
  }
}
