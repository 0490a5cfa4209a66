import type { Transaction } from 'kysely';
import { newId } from '../../../db/ids.ts';
import type { Database, Locale } from '../../../db/schema.ts';

/** How long a debtor's request to be called covers our calls (Reg F 1006.14(b)(3)(i): consent of the past 7 days). */
export const CALLBACK_CONSENT_DAYS = 7;

/**
 * The callback the debtor asked for, as an outbox row: the dispatcher turns it into a call task at
 * `callbackAt` (the usual path: gate at send time, evidence, task), kept for the agent who agreed it
 * (`pinnedTo` in the reason, read by planCallTask). Keyed `callback:<outcomeId>`, unique per case like every
 * action, so the same outcome can never schedule two.
 *
 * The debtor asked for this call, so the reason carries their consent (`callback.consentUntil`, seven days
 * from now): the dispatch gate gives it to the compliance core as `history.callConsentUntil`, which lifts the
 * caps and the quiet period after a conversation (meant for calls we start) but never the hours.
 */
export async function scheduleCallback(
  trx: Transaction<Database>,
  input: {
    readonly tenantId: string;
    readonly caseId: string;
    readonly outcomeId: string;
    readonly callbackAt: string;
    /** Null: any agent may take it. */
    readonly agentId: string | null;
    readonly template: string;
    readonly language: Locale;
    /** The debtor's zone: the reason says the agreed time on their clock. */
    readonly timeZone: string;
    readonly today: string;
    readonly now: string;
  },
): Promise<string> {
  const actionId = newId();
  const consentUntil = new Date(Date.parse(input.now) + CALLBACK_CONSENT_DAYS * 86_400_000).toISOString();
  const local = localDateTime(input.callbackAt, input.timeZone);
  await trx
    .insertInto('actions')
    .values({
      tenant_id: input.tenantId,
      action_id: actionId,
      case_id: input.caseId,
      action_key: `callback:${input.outcomeId}`,
      run_id: null,
      planned_on: input.today,
      scheduled_at: input.callbackAt,
      channel: 'call_task',
      template: input.template,
      language: input.language,
      purpose: 'reminder',
      status: 'planned',
      strategy_key: null,
      strategy_version: null,
      step_key: null,
      reason: JSON.stringify({
        reason: {
          code: 'callback_requested',
          params: { callbackAt: input.callbackAt, on: local.date, at: local.time, timeZone: input.timeZone },
        },
        notes: [],
        callback: { outcomeId: input.outcomeId, at: input.callbackAt, consentUntil },
        pinnedTo: input.agentId,
      }),
      gate: JSON.stringify({ kind: 'allowed' }),
      amounts: null,
      created_at: input.now,
    })
    .execute();
  return actionId;
}

/** An instant as the debtor's wall clock reads it: 'YYYY-MM-DD' and 'HH:MM'. */
function localDateTime(instant: string, timeZone: string): { readonly date: string; readonly time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}
