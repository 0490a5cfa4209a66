import {
  type CallWindow,
  type CaseProgress,
  type ContactRequest,
  callScore,
  callWindow,
  DISPOSITION_RULES,
  DISPOSITIONS,
  daysBetween,
  nextAllowedInstant,
  PROFILE_WINDOWS,
  policyFor,
  profileOf,
  type ScorePart,
  type WeeklyWindow,
} from '@relance/core';
import type { Transaction } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { CallTaskKind, Database } from '../../db/schema.ts';
import { appendEvidence } from '../../use-cases/evidence/journal.ts';

export type CallTaskInput = {
  readonly tenantId: string;
  readonly actionId: string;
  readonly caseId: string;
  readonly kind: CallTaskKind;
  /** E.164; null when the debtor has no usable phone (the task says so to the agent). */
  readonly phone: string | null;
  /** Instants (UTC ISO) between which the call is allowed. */
  readonly windowStart: string;
  readonly windowEnd: string;
  /** Higher first. */
  readonly priority: number;
  /** Why the priority is what it is (callScore's parts), stored as JSON for the supervisors' view. */
  readonly scoreParts?: readonly ScorePart[] | undefined;
  /** Routing: 'b2b' | 'b2c', the debtor's language, the team (null: any team). */
  readonly segment?: 'b2b' | 'b2c' | null | undefined;
  readonly language?: string | null | undefined;
  readonly team?: string | null | undefined;
  /** The agent the task is kept for (a callback goes back to the agent who agreed it). */
  readonly pinnedTo?: string | null | undefined;
  /** The call script, rendered from the call template. */
  readonly script: string | null;
  readonly now: string;
};

/**
 * Puts an action's call in the agents' queue (call_task) or the IVR campaign (ivr_call), with the evidence
 * entry `call_task_created`, inside the caller's transaction. Idempotent per action: the same action gives
 * the same task; a task that expired unworked is opened again with the new window.
 */
export async function enqueueCallTask(
  trx: Transaction<Database>,
  input: CallTaskInput,
): Promise<{ readonly taskId: string; readonly created: boolean }> {
  const existing = await trx
    .selectFrom('call_tasks')
    .select(['task_id', 'status'])
    .where('tenant_id', '=', input.tenantId)
    .where('action_id', '=', input.actionId)
    .executeTakeFirst();
  if (existing && existing.status !== 'expired') return { taskId: existing.task_id, created: false };
  const fields = {
    kind: input.kind,
    phone: input.phone,
    window_start: input.windowStart,
    window_end: input.windowEnd,
    priority: input.priority,
    status: 'open' as const,
    script: input.script,
    updated_at: input.now,
    score_parts: input.scoreParts ? JSON.stringify(input.scoreParts) : null,
    segment: input.segment ?? null,
    language: input.language ?? null,
    team: input.team ?? null,
    pinned_to: input.pinnedTo ?? null,
    locked_by: null,
    locked_until: null,
  };
  let taskId: string;
  if (existing) {
    taskId = existing.task_id;
    await trx
      .updateTable('call_tasks')
      .set({ ...fields, outcome: null, assigned_to: null })
      .where('tenant_id', '=', input.tenantId)
      .where('task_id', '=', taskId)
      .execute();
  } else {
    taskId = newId();
    const inserted = await trx
      .insertInto('call_tasks')
      .values({
        tenant_id: input.tenantId,
        task_id: taskId,
        action_id: input.actionId,
        case_id: input.caseId,
        created_at: input.now,
        ...fields,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'action_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
      const raced = await trx
        .selectFrom('call_tasks')
        .select('task_id')
        .where('tenant_id', '=', input.tenantId)
        .where('action_id', '=', input.actionId)
        .executeTakeFirstOrThrow();
      return { taskId: raced.task_id, created: false };
    }
  }
  await appendEvidence(trx, {
    tenantId: input.tenantId,
    caseId: input.caseId,
    actionId: input.actionId,
    at: input.now,
    kind: 'call_task_created',
    actor: 'system',
    payload: {
      taskId,
      kind: input.kind,
      phone: input.phone,
      windowStart: input.windowStart,
      windowEnd: input.windowEnd,
      priority: input.priority,
      script: input.script,
      reopened: existing !== undefined,
    },
  });
  return { taskId, created: true };
}

export type CallTaskPlan = Omit<CallTaskInput, 'tenantId' | 'actionId' | 'script' | 'now'>;

/**
 * What a call action's queue entry should say: the debtor's best phone (valid before unverified, never an
 * opted-out or withdrawn one), the window from the action's instant (or now, when later) to the end of the
 * allowed hours that day in the debtor's zone, and the priority. Null when the action is not a call.
 */
export async function planCallTask(
  trx: Transaction<Database>,
  tenantId: string,
  actionId: string,
  now: string,
): Promise<CallTaskPlan | null> {
  const row = await trx
    .selectFrom('actions as a')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 'a.tenant_id').onRef('c.case_id', '=', 'a.case_id'),
    )
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .innerJoin('creditors as cr', (j) =>
      j.onRef('cr.tenant_id', '=', 'c.tenant_id').onRef('cr.creditor_id', '=', 'c.creditor_id'),
    )
    .select([
      'a.case_id',
      'a.channel',
      'a.scheduled_at',
      'c.debtor_id',
      'c.outstanding_minor',
      'c.oldest_due_date',
      'c.progress',
      'c.currency',
      'a.reason',
      'd.kind as debtor_kind',
      'd.language',
      'd.time_zone',
      'd.tags',
      'cr.country',
    ])
    .where('a.tenant_id', '=', tenantId)
    .where('a.action_id', '=', actionId)
    .executeTakeFirst();
  if (!row || (row.channel !== 'call_task' && row.channel !== 'ivr_call')) return null;
  const kind: CallTaskKind = row.channel === 'ivr_call' ? 'ivr_call' : 'agent_call';
  const phone = await bestPhone(trx, tenantId, row.debtor_id);
  const profile = profileOf(JSON.parse(row.tags) as string[]);
  const start = row.scheduled_at && row.scheduled_at > now ? row.scheduled_at : now;
  const asked = callbackOf(row.reason);
  const window = nextCallWindow({
    country: row.country,
    channel: kind === 'ivr_call' ? 'ivr_call' : 'call',
    debtorKind: row.debtor_kind,
    timeZone: row.time_zone,
    // A callback is at the hour the debtor chose: only the law's hours apply, not the profile's.
    preferred: asked.isCallback ? ANY_HOUR : PROFILE_WINDOWS[profile],
    from: start,
  });
  const progress = row.progress ? (JSON.parse(row.progress) as CaseProgress) : null;
  const today = now.slice(0, 10);
  const windowStart = window?.start ?? start;
  const local = localClock(row.time_zone, windowStart);
  const history = await debtorHistory(trx, tenantId, row.debtor_id);
  const score = callScore({
    outstandingMinor: Number(row.outstanding_minor),
    currency: row.currency,
    ageDays: row.oldest_due_date ? Math.max(0, daysBetween(row.oldest_due_date, today)) : 0,
    brokenPromises: Math.max(progress?.brokenPromises ?? 0, history.brokenPromises),
    keptPromises: history.keptPromises,
    rightPartyContacts: history.rightPartyContacts,
    attempts: history.attempts,
    localWeekday: local.weekday,
    localMinutes: local.minutes,
    preferred: PROFILE_WINDOWS[profile],
  });
  return {
    caseId: row.case_id,
    kind,
    phone: phone?.value ?? null,
    windowStart,
    windowEnd: window?.end ?? start,
    priority: score.priority,
    scoreParts: score.parts,
    segment: row.debtor_kind === 'business' ? 'b2b' : 'b2c',
    language: row.language,
    team: null,
    pinnedTo: asked.pinnedTo,
  };
}

/** Every day, all day: for a time the debtor chose, where only the law's hours (not the profile's) apply. */
export const ANY_HOUR: readonly WeeklyWindow[] = [
  { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00' },
];

/**
 * A callback's action (reason JSON) says it is one (`callback`, written by scheduleCallback) and which agent
 * agreed it (`pinnedTo`).
 */
function callbackOf(reasonJson: string): { readonly isCallback: boolean; readonly pinnedTo: string | null } {
  try {
    const parsed = JSON.parse(reasonJson) as { pinnedTo?: unknown; callback?: unknown };
    return {
      isCallback: typeof parsed.callback === 'object' && parsed.callback !== null,
      pinnedTo: typeof parsed.pinnedTo === 'string' ? parsed.pinnedTo : null,
    };
  } catch {
    return { isCallback: false, pinnedTo: null };
  }
}

const RIGHT_PARTY: readonly string[] = DISPOSITIONS.filter((d) => DISPOSITION_RULES[d].rightParty);

/** The debtor's past: call outcomes on any of its cases (right-party contacts / attempts) and promises kept or broken. */
async function debtorHistory(
  trx: Transaction<Database>,
  tenantId: string,
  debtorId: string,
): Promise<{ rightPartyContacts: number; attempts: number; keptPromises: number; brokenPromises: number }> {
  const outcomes = await trx
    .selectFrom('call_outcomes as o')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 'o.tenant_id').onRef('c.case_id', '=', 'o.case_id'),
    )
    .select(['o.disposition', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('o.tenant_id', '=', tenantId)
    .where('c.debtor_id', '=', debtorId)
    .groupBy('o.disposition')
    .execute();
  const promises = await trx
    .selectFrom('promises as p')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 'p.tenant_id').onRef('c.case_id', '=', 'p.case_id'),
    )
    .select(['p.status', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('p.tenant_id', '=', tenantId)
    .where('c.debtor_id', '=', debtorId)
    .where('p.status', 'in', ['kept', 'broken', 'partly_kept'])
    .groupBy('p.status')
    .execute();
  const count = (rows: readonly { n: string | number }[]) => rows.reduce((a, r) => a + Number(r.n), 0);
  return {
    attempts: count(outcomes),
    rightPartyContacts: count(outcomes.filter((o) => RIGHT_PARTY.includes(o.disposition))),
    keptPromises: count(promises.filter((p) => p.status === 'kept')),
    brokenPromises: count(promises.filter((p) => p.status !== 'kept')),
  };
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();
const WEEKDAY: Readonly<Record<string, number>> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** An instant's weekday (ISO, 1 = Monday) and minutes after midnight in a zone; one formatter per zone. */
export function localClock(
  zone: string,
  instant: string,
): { readonly weekday: number; readonly minutes: number } {
  let format = clockFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clockFormats.set(zone, format);
  }
  const parts = format.formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '0';
  return { weekday: WEEKDAY[get('weekday')] ?? 1, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

/** The first call window at or after `from`: the gate's next allowed instant, then its closing that day. */
export function nextCallWindow(input: {
  readonly country: string;
  readonly channel: 'call' | 'ivr_call';
  readonly debtorKind: 'business' | 'consumer';
  readonly timeZone: string;
  readonly preferred: (typeof PROFILE_WINDOWS)[keyof typeof PROFILE_WINDOWS];
  readonly from: string;
}): CallWindow | null {
  const policy = policyFor(input.country);
  const windowInput = {
    channel: input.channel,
    debtorKind: input.debtorKind,
    timeZones: [input.timeZone],
    preferred: input.preferred,
  };
  const here = callWindow(policy, { ...windowInput, start: input.from });
  if (here) return here;
  // Only the hours matter here: caps and the contact itself were judged when the action was planned.
  const request: ContactRequest = {
    channel: input.channel,
    purpose: 'reminder',
    at: input.from,
    debtorKind: input.debtorKind,
    timeZones: [input.timeZone],
    startedBy: 'engine',
    contact: { consent: 'unknown', validity: 'valid', optedOut: false },
    case: { ceaseContact: false, timeBarred: false, debtId: 'call-window' },
  };
  const next = nextAllowedInstant(
    policy,
    request,
    { attempts: [], lastConversationAt: null },
    {
      preferred: input.preferred,
    },
  );
  return next ? callWindow(policy, { ...windowInput, start: next }) : null;
}

/** The phone to call: valid before unverified; never invalid, opted out or with consent withdrawn. */
export async function bestPhone(
  trx: Transaction<Database>,
  tenantId: string,
  debtorId: string,
): Promise<{ readonly contactId: string; readonly value: string } | null> {
  const phones = await trx
    .selectFrom('contacts')
    .select(['contact_id', 'value', 'validity', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('debtor_id', '=', debtorId)
    .where('kind', '=', 'phone')
    .where('validity', '!=', 'invalid')
    .where('opted_out_at', 'is', null)
    .where('consent', '!=', 'withdrawn')
    .orderBy('created_at')
    .orderBy('contact_id')
    .execute();
  const best = phones.find((p) => p.validity === 'valid') ?? phones[0];
  return best ? { contactId: best.contact_id, value: best.value } : null;
}
