import {
  type ContactChannel,
  type ContactPurpose,
  DomainError,
  evaluateContact,
  type GateDecision,
  policyFor,
} from '@relance/core';
import { newId } from '../../db/ids.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { requirePermission } from '../access/permissions.ts';

const KIND: Readonly<Record<ContactChannel, 'phone' | 'email' | 'postal'>> = {
  call: 'phone',
  ivr_call: 'phone',
  sms: 'phone',
  email: 'email',
  letter: 'postal',
  registered_letter: 'postal',
};

/**
 * The compliance gate for a contact a person is about to make by hand (an agent calling, a supervisor
 * sending a letter): allowed or blocked, with the reason. Every answer, yes or no, is written in the
 * compliance log — and a call that is allowed counts toward the caps like the engine's contacts.
 */
export async function checkContact(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { readonly channel: ContactChannel; readonly purpose: ContactPurpose },
): Promise<GateDecision> {
  requirePermission(actor, 'cases:act');
  const db = deps.database.db;
  const now = deps.clock.now();
  const found = await db
    .selectFrom('cases as c')
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .innerJoin('creditors as cr', (j) =>
      j.onRef('cr.tenant_id', '=', 'c.tenant_id').onRef('cr.creditor_id', '=', 'c.creditor_id'),
    )
    .select([
      'c.case_id',
      'c.debtor_id',
      'c.earliest_prescription_end',
      'd.kind',
      'd.time_zone',
      'd.cease_contact_at',
      'cr.country',
    ])
    .where('c.tenant_id', '=', actor.tenantId)
    .where('c.case_id', '=', caseId)
    .executeTakeFirst();
  if (!found) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
  const [contacts, attempts, conversation] = await Promise.all([
    db
      .selectFrom('contacts')
      .select(['validity', 'consent', 'opted_out_at'])
      .where('tenant_id', '=', actor.tenantId)
      .where('debtor_id', '=', found.debtor_id)
      .where('kind', '=', KIND[input.channel])
      .execute(),
    db
      .selectFrom('compliance_log')
      .select(['channel', 'at'])
      .where('tenant_id', '=', actor.tenantId)
      .where('case_id', '=', caseId)
      .where('allowed', '=', 1)
      .where('at', '>=', new Date(Date.parse(now) - 30 * 86_400_000).toISOString())
      .execute(),
    db
      .selectFrom('case_events')
      .select((eb) => eb.fn.max('occurred_on').as('last'))
      .where('tenant_id', '=', actor.tenantId)
      .where('case_id', '=', caseId)
      .where('kind', '=', 'conversation')
      .executeTakeFirst(),
  ]);
  const best = [...contacts].sort((a, b) => rank(a) - rank(b))[0];
  const policy = policyFor(found.country);
  const decision = evaluateContact(
    policy,
    {
      channel: input.channel,
      purpose: input.purpose,
      at: now,
      debtorKind: found.kind,
      timeZones: [found.time_zone],
      startedBy: 'agent',
      contact: best
        ? { consent: best.consent, validity: best.validity, optedOut: best.opted_out_at !== null }
        : null,
      case: {
        ceaseContact: found.cease_contact_at !== null,
        timeBarred:
          found.earliest_prescription_end !== null && found.earliest_prescription_end < deps.clock.today(),
        debtId: caseId,
      },
    },
    {
      attempts: attempts.map((a) => ({ channel: a.channel as ContactChannel, at: a.at })),
      lastConversationAt: conversation?.last ? `${String(conversation.last)}T12:00:00Z` : null,
    },
  );
  await db
    .insertInto('compliance_log')
    .values({
      tenant_id: actor.tenantId,
      decision_id: newId(),
      case_id: caseId,
      action_key: null,
      at: now,
      channel: input.channel,
      purpose: input.purpose,
      started_by: `agent:${actor.id}`,
      allowed: decision.kind === 'allowed' ? 1 : 0,
      policy: policy.key,
      code: decision.kind === 'allowed' ? decision.rule : decision.code,
      explanation: JSON.stringify(decision.explanation),
    })
    .execute();
  return decision;
}

function rank(c: { validity: string; consent: string; opted_out_at: string | null }): number {
  return (
    (c.opted_out_at ? 10 : 0) +
    (c.consent === 'withdrawn' ? 5 : 0) +
    (c.validity === 'valid' ? 0 : c.validity === 'unverified' ? 1 : 2)
  );
}
