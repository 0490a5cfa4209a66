import {
  addDays,
  type ContactChannel,
  type ContactPurpose,
  type DebtorKind,
  nextAllowedInstant,
  PROFILE_WINDOWS,
  policyFor,
} from '@relance/core';
import type { Transaction } from 'kysely';
import { newId } from '../../../db/ids.ts';
import type { Database, Locale } from '../../../db/schema.ts';

/** Days before an instalment its reminder goes. */
export const REMINDER_DAYS_BEFORE = 3;

/** The debtor as the compliance gate sees them, and the contacts a plan's messages may use. */
export type PlanRecipient = {
  readonly debtorKind: DebtorKind;
  readonly timeZone: string;
  readonly language: Locale;
  readonly country: string;
  readonly ceaseContact: boolean;
  readonly email: ContactRow | null;
  readonly phone: ContactRow | null;
};

type ContactRow = {
  readonly consent: 'granted' | 'withdrawn' | 'unknown';
  readonly validity: 'valid' | 'invalid' | 'unverified';
};

/** Loads the debtor's zone, language and best usable e-mail and phone (valid first, never opted out). */
export async function loadRecipient(
  trx: Transaction<Database>,
  tenantId: string,
  caseId: string,
): Promise<PlanRecipient> {
  const row = await trx
    .selectFrom('cases as c')
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .innerJoin('creditors as cr', (j) =>
      j.onRef('cr.tenant_id', '=', 'c.tenant_id').onRef('cr.creditor_id', '=', 'c.creditor_id'),
    )
    .select(['d.debtor_id', 'd.kind', 'd.time_zone', 'd.language', 'd.cease_contact_at', 'cr.country'])
    .where('c.tenant_id', '=', tenantId)
    .where('c.case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  const contacts = await trx
    .selectFrom('contacts')
    .select(['kind', 'consent', 'validity'])
    .where('tenant_id', '=', tenantId)
    .where('debtor_id', '=', row.debtor_id)
    .where('kind', 'in', ['email', 'phone'])
    .where('validity', '!=', 'invalid')
    .where('opted_out_at', 'is', null)
    .orderBy('validity', 'desc')
    .orderBy('created_at')
    .orderBy('contact_id')
    .execute();
  const best = (kind: string) => {
    const found = contacts.find((c) => c.kind === kind);
    return found ? { consent: found.consent, validity: found.validity } : null;
  };
  return {
    debtorKind: row.kind,
    timeZone: row.time_zone,
    language: row.language,
    country: row.country,
    ceaseContact: row.cease_contact_at !== null,
    email: best('email'),
    phone: best('phone'),
  };
}

/**
 * The first instant from `from` at which the compliance gate lets this message go (the debtor's hours,
 * public holidays, cease-contact); null when it never would. The dispatcher asks the gate again when sending.
 */
export function allowedFrom(
  recipient: PlanRecipient,
  caseId: string,
  channel: ContactChannel,
  purpose: ContactPurpose,
  from: string,
): string | null {
  const contact = channel === 'email' ? recipient.email : recipient.phone;
  const at = nextAllowedInstant(
    policyFor(recipient.country),
    {
      channel,
      purpose,
      at: from,
      debtorKind: recipient.debtorKind,
      timeZones: [recipient.timeZone],
      startedBy: 'engine',
      contact: contact ? { ...contact, optedOut: false } : null,
      case: { ceaseContact: recipient.ceaseContact, timeBarred: false, debtId: caseId },
    },
    { attempts: [], lastConversationAt: null },
    // Office hours on working days, inside what the rules allow: a reminder is read, not woken up to.
    { preferred: PROFILE_WINDOWS.standard },
  );
  // The outbox compares instants as text: always the same ISO form as the clock's ('…00.000Z').
  return at === null ? null : new Date(at).toISOString();
}

/** The outbox key of a plan's agreement e-mail. */
export function agreementKey(planId: string): string {
  return `plan:${planId}:agreement`;
}

/** The outbox key of an instalment's reminder: the message names its plan and instalment through it. */
export function reminderKey(planId: string, seq: number): string {
  return `plan:${planId}:reminder:${seq}`;
}

/** The plan (and, for a reminder, the instalment) an action key names; null for any other action. */
export function planOfActionKey(
  key: string,
): { readonly planId: string; readonly seq: number | null } | null {
  const reminder = /^plan:([^:]+):reminder:(\d+)$/.exec(key);
  if (reminder?.[1] && reminder[2]) return { planId: reminder[1], seq: Number(reminder[2]) };
  const agreement = /^plan:([^:]+):agreement$/.exec(key);
  return agreement?.[1] ? { planId: agreement[1], seq: null } : null;
}

export type OutboxMessage = {
  readonly tenantId: string;
  readonly caseId: string;
  /** Unique per case: a second insert with the same key is a no-op and returns the first row's id. */
  readonly actionKey: string;
  readonly channel: 'email' | 'sms';
  readonly template: string;
  readonly language: Locale;
  readonly purpose: ContactPurpose;
  readonly plannedOn: string;
  readonly scheduledAt: string | null;
  readonly instalments: number;
  readonly documentId: string | null;
  readonly now: string;
  /** Why it is queued, as the outbox shows it; a plan's agreement or reminder by default. */
  readonly reason?: { readonly code: string; readonly params: Readonly<Record<string, unknown>> };
};

/** Puts a message in the outbox (planned, or blocked when the gate never allows it), keyed for idempotency. */
export async function queueMessage(trx: Transaction<Database>, m: OutboxMessage): Promise<string> {
  await trx
    .insertInto('actions')
    .values({
      tenant_id: m.tenantId,
      action_id: newId(),
      case_id: m.caseId,
      action_key: m.actionKey,
      run_id: null,
      planned_on: m.plannedOn,
      scheduled_at: m.scheduledAt,
      channel: m.channel,
      template: m.template,
      language: m.language,
      purpose: m.purpose,
      status: m.scheduledAt === null ? 'blocked' : 'planned',
      strategy_key: null,
      strategy_version: null,
      step_key: null,
      reason: JSON.stringify({
        reason: m.reason ?? { code: 'plan_agreed', params: { instalments: m.instalments } },
        notes: [],
      }),
      gate: JSON.stringify(
        m.scheduledAt === null
          ? {
              kind: 'blocked',
              explanation: {
                fr: 'Aucun créneau autorisé pour ce message.',
                en: 'No allowed time for this message.',
              },
            }
          : { kind: 'allowed', at: m.scheduledAt },
      ),
      amounts: null,
      created_at: m.now,
      document_id: m.documentId,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'case_id', 'action_key']).doNothing())
    .execute();
  const row = await trx
    .selectFrom('actions')
    .select('action_id')
    .where('tenant_id', '=', m.tenantId)
    .where('case_id', '=', m.caseId)
    .where('action_key', '=', m.actionKey)
    .executeTakeFirstOrThrow();
  return row.action_id;
}

/**
 * The reminder of one instalment: three days before it (today when that is already past), by SMS when the
 * debtor has a usable phone, else by e-mail, at the first allowed instant of that day or after — and never
 * for an instalment due today (the down payment) or one the gate would only allow on or after its date.
 */
export function reminderPlan(
  recipient: PlanRecipient,
  caseId: string,
  instalment: { readonly seq: number; readonly dueOn: string },
  today: string,
  now: string,
): { readonly channel: 'sms' | 'email'; readonly plannedOn: string; readonly scheduledAt: string } | null {
  if (instalment.dueOn <= today) return null;
  const channel = recipient.phone ? 'sms' : recipient.email ? 'email' : null;
  if (channel === null) return null;
  const day = addDays(instalment.dueOn, -REMINDER_DAYS_BEFORE);
  const plannedOn = day > today ? day : today;
  const from = plannedOn === today ? now : `${plannedOn}T00:00:00.000Z`;
  const at = allowedFrom(recipient, caseId, channel, 'reminder', from);
  if (at === null || at.slice(0, 10) >= instalment.dueOn) return null;
  return { channel, plannedOn, scheduledAt: at };
}
