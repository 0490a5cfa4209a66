import { DomainError } from '@relance/core';
import type { Transaction } from 'kysely';
import { ANY_HOUR, nextCallWindow } from '../../channels/voice/call-queue.ts';
import { newId } from '../../db/ids.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../shared/deps.ts';
import { checkCallbackHours } from '../workspace/queue/outcome-checks.ts';
import { scheduleCallback } from '../workspace/queue/schedule-callback.ts';
import { journalDebtorAction } from './debtor-actor.ts';
import { type PortalAccess, withPortalAccess } from './portal-access.ts';

/** The debtor may ask to be called from an hour from now to a week ahead, on the half hour. */
const LEAD_MS = 60 * 60_000;
const HORIZON_MS = 7 * 86_400_000;
const STEP_MS = 30 * 60_000;
const MAX_SLOTS = 200;

type Debtor = {
  readonly kind: 'business' | 'consumer';
  readonly timeZone: string;
  readonly language: 'fr' | 'en';
  readonly country: string;
};

async function debtorOf(trx: Transaction<Database>, access: PortalAccess): Promise<Debtor> {
  const row = await trx
    .selectFrom('cases as c')
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .innerJoin('creditors as cr', (j) =>
      j.onRef('cr.tenant_id', '=', 'c.tenant_id').onRef('cr.creditor_id', '=', 'c.creditor_id'),
    )
    .select(['d.kind', 'd.time_zone', 'd.language', 'cr.country'])
    .where('c.tenant_id', '=', access.tenantId)
    .where('c.case_id', '=', access.caseId)
    .executeTakeFirstOrThrow();
  return { kind: row.kind, timeZone: row.time_zone, language: row.language, country: row.country };
}

/** The times an agent may call this debtor in the coming week: the law's hours in the debtor's zone. */
export function callbackSlots(debtor: Debtor, now: string): string[] {
  const first = Math.ceil((Date.parse(now) + LEAD_MS) / STEP_MS) * STEP_MS;
  const last = Date.parse(now) + HORIZON_MS;
  const slots: string[] = [];
  let cursor = first;
  while (cursor <= last && slots.length < MAX_SLOTS) {
    const window = nextCallWindow({
      country: debtor.country,
      channel: 'call',
      debtorKind: debtor.kind,
      timeZone: debtor.timeZone,
      preferred: ANY_HOUR,
      from: new Date(cursor).toISOString(),
    });
    if (!window) break;
    const start = Math.ceil(Date.parse(window.start) / STEP_MS) * STEP_MS;
    const end = Date.parse(window.end);
    for (let at = start; at < end && at <= last && slots.length < MAX_SLOTS; at += STEP_MS) {
      slots.push(new Date(at).toISOString());
    }
    cursor = Math.max(end, start + STEP_MS);
  }
  return slots;
}

export function portalCallbackSlots(
  deps: Deps,
  key: string,
  cookie: string | undefined,
): Promise<{ readonly timeZone: string; readonly slots: readonly string[] }> {
  const now = deps.clock.now();
  return withPortalAccess(deps, key, cookie, async (trx, access) => {
    const debtor = await debtorOf(trx, access);
    return { timeZone: debtor.timeZone, slots: callbackSlots(debtor, now) };
  });
}

/**
 * The debtor asks to be called back at a time inside the hours the law allows in their zone: the same outbox
 * row an agent's agreed callback makes (the dispatcher turns it into a call task at that time, for any agent),
 * replacing an earlier request of the portal not yet made. Needs a phone number we may call.
 */
export function callbackFromPortal(
  deps: Deps,
  key: string,
  cookie: string | undefined,
  input: { readonly at: string },
): Promise<{ readonly at: string; readonly actionId: string }> {
  const now = deps.clock.now();
  const today = deps.clock.today();
  const parsed = Date.parse(input.at);
  if (
    Number.isNaN(parsed) ||
    parsed < Date.parse(now) + LEAD_MS / 2 ||
    parsed > Date.parse(now) + HORIZON_MS
  ) {
    throw new DomainError('invalid_input', 'Choose a time in the coming week.', {
      reason: 'portal_callback_time',
      field: 'at',
    });
  }
  const at = new Date(parsed).toISOString();
  return withPortalAccess(deps, key, cookie, async (trx, access) => {
    const debtor = await debtorOf(trx, access);
    checkCallbackHours(at, debtor);
    const phone = await trx
      .selectFrom('contacts as ct')
      .innerJoin('cases as c', (j) =>
        j.onRef('c.tenant_id', '=', 'ct.tenant_id').onRef('c.debtor_id', '=', 'ct.debtor_id'),
      )
      .select('ct.contact_id')
      .where('c.tenant_id', '=', access.tenantId)
      .where('c.case_id', '=', access.caseId)
      .where('ct.kind', '=', 'phone')
      .where('ct.validity', '!=', 'invalid')
      .where('ct.opted_out_at', 'is', null)
      .executeTakeFirst();
    if (!phone) {
      throw new DomainError('conflict', 'We have no phone number we may call.', {
        reason: 'portal_callback_no_phone',
      });
    }
    const replaced = await trx
      .updateTable('actions')
      .set({ status: 'cancelled', last_error: 'Replaced by a later callback request of the debtor.' })
      .where('tenant_id', '=', access.tenantId)
      .where('case_id', '=', access.caseId)
      .where('action_key', 'like', 'callback:portal-%')
      .where('status', '=', 'planned')
      .returning('action_id')
      .execute();
    const actionId = await scheduleCallback(trx, {
      tenantId: access.tenantId,
      caseId: access.caseId,
      outcomeId: `portal-${newId()}`,
      callbackAt: at,
      agentId: null,
      template: debtor.kind === 'business' ? 'cordial-call' : 'consumer-call',
      language: debtor.language,
      timeZone: debtor.timeZone,
      today,
      now,
    });
    await journalDebtorAction(trx, {
      tenantId: access.tenantId,
      caseId: access.caseId,
      at: now,
      kind: 'callback_requested',
      action: 'portal.callback',
      entityKind: 'action',
      entityId: actionId,
      actionId,
      payload: { callbackAt: at, timeZone: debtor.timeZone, replaced: replaced.map((r) => r.action_id) },
    });
    return { at, actionId };
  });
}
