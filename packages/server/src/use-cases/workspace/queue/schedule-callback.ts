import type { Transaction } from 'kysely';
import { newId } from '../../../db/ids.ts';
import type { Database, Locale } from '../../../db/schema.ts';

/**
 * The callback the debtor asked for, as an outbox row: the dispatcher turns it into a call task at
 * `callbackAt` (the usual path: gate at send time, evidence, task), kept for the agent who agreed it
 * (`pinnedTo` in the reason, read by planCallTask). Keyed `callback:<outcomeId>`, unique per case like every
 * action, so the same outcome can never schedule two.
 *
 * Its purpose is `confirmation`: the call keeps the appointment the debtor made, so the policy's quiet period
 * after a conversation (meant for calls we start) must not push it days later; the hours still apply, and
 * were checked when the outcome was recorded.
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
    readonly today: string;
    readonly now: string;
  },
): Promise<string> {
  const actionId = newId();
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
      purpose: 'confirmation',
      status: 'planned',
      strategy_key: null,
      strategy_version: null,
      step_key: null,
      reason: JSON.stringify({
        reason: { code: 'conversation', params: { callbackAt: input.callbackAt } },
        notes: [],
        callback: { outcomeId: input.outcomeId, at: input.callbackAt },
        pinnedTo: input.agentId,
      }),
      gate: JSON.stringify({ kind: 'allowed' }),
      amounts: null,
      created_at: input.now,
    })
    .execute();
  return actionId;
}
