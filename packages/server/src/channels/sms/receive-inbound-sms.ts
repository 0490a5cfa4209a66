import type { Transaction } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { Database, Locale } from '../../db/schema.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendEvidence } from '../../use-cases/evidence/journal.ts';
import { queueCaseEvent } from '../queue-case-event.ts';

const STOP_WORDS = new Set(['STOP', 'STOPALL', 'ARRET', 'ARRÊT', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT']);
const START_WORDS = new Set(['START', 'UNSTOP']);

export type InboundSms = {
  readonly provider: string;
  /** The provider's id of the message (Twilio's MessageSid): a webhook delivered twice is handled once. */
  readonly messageSid: string;
  readonly from: string;
  readonly to: string | null;
  readonly body: string;
};

export type InboundOutcome = {
  readonly kind: 'opt_out' | 'opt_in' | 'reply' | 'unknown_sender' | 'duplicate';
  /** What to answer the sender (TwiML <Message>), in the debtor's language; null: nothing. */
  readonly reply: string | null;
  readonly caseIds: readonly string[];
};

/** Reads a keyword as carriers do: the whole message, trimmed, any case. */
export function inboundKeyword(body: string): 'stop' | 'start' | null {
  const word = body.trim().toUpperCase();
  if (STOP_WORDS.has(word)) return 'stop';
  if (START_WORDS.has(word)) return 'start';
  return null;
}

const REPLIES: Readonly<Record<'stop' | 'start', Readonly<Record<Locale, string>>>> = {
  stop: {
    fr: 'Vous ne recevrez plus de SMS de notre part. Envoyez START pour les recevoir à nouveau.',
    en: 'You will not receive any more text messages from us. Reply START to receive them again.',
  },
  start: {
    fr: 'Vous recevrez de nouveau nos SMS. Envoyez STOP pour ne plus les recevoir.',
    en: 'You will receive our text messages again. Reply STOP to stop them.',
  },
};

/**
 * An SMS from a debtor. STOP (STOPALL, ARRET, UNSUBSCRIBE, CANCEL, END, QUIT) opts the phone out —
 * `opted_out_at` set, consent withdrawn — so the gate blocks further SMS (and calls to it); START or UNSTOP
 * opts it back in; any other text is a reply: an inbound message event, its evidence on each open case of
 * the debtor, and the strategy's "debtor replied" reaction. Everything in one transaction.
 */
export async function receiveInboundSms(
  deps: Deps,
  tenantId: string,
  sms: InboundSms,
): Promise<InboundOutcome> {
  const now = deps.clock.now();
  const keyword = inboundKeyword(sms.body);
  return deps.database.db.transaction().execute(async (trx) => {
    const senders = await trx
      .selectFrom('contacts as ct')
      .innerJoin('debtors as d', (j) =>
        j.onRef('d.tenant_id', '=', 'ct.tenant_id').onRef('d.debtor_id', '=', 'ct.debtor_id'),
      )
      .select(['ct.contact_id', 'ct.debtor_id', 'd.language'])
      .where('ct.tenant_id', '=', tenantId)
      .where('ct.kind', '=', 'phone')
      .where('ct.value', '=', sms.from)
      .execute();
    const debtorIds = [...new Set(senders.map((s) => s.debtor_id))];
    const cases =
      debtorIds.length === 0
        ? []
        : await trx
            .selectFrom('cases')
            .select(['case_id', 'status'])
            .where('tenant_id', '=', tenantId)
            .where('debtor_id', 'in', debtorIds)
            .orderBy('opened_at')
            .execute();
    const caseIds = cases.map((c) => c.case_id);
    const kind: InboundOutcome['kind'] =
      senders.length === 0
        ? 'unknown_sender'
        : keyword === 'stop'
          ? 'opt_out'
          : keyword === 'start'
            ? 'opt_in'
            : 'reply';
    const fresh = await recordEvent(trx, tenantId, sms, kind, caseIds[0] ?? null, now);
    const language: Locale = senders[0]?.language ?? 'fr';
    const reply = keyword && senders.length > 0 ? REPLIES[keyword][language] : null;
    if (!fresh) return { kind: 'duplicate', reply, caseIds };
    if (senders.length === 0) {
      await appendEvidence(trx, {
        tenantId,
        caseId: null,
        at: now,
        kind: 'inbound_message',
        actor: `provider:${sms.provider}`,
        payload: { from: sms.from, to: sms.to, body: sms.body, messageSid: sms.messageSid, matched: false },
      });
      return { kind, reply: null, caseIds };
    }
    if (keyword) {
      await trx
        .updateTable('contacts')
        .set(
          keyword === 'stop'
            ? { opted_out_at: now, consent: 'withdrawn', updated_at: now }
            : { opted_out_at: null, consent: 'granted', updated_at: now },
        )
        .where('tenant_id', '=', tenantId)
        .where(
          'contact_id',
          'in',
          senders.map((s) => s.contact_id),
        )
        .execute();
    }
    for (const caseId of caseIds.length > 0 ? caseIds : [null]) {
      await appendEvidence(trx, {
        tenantId,
        caseId,
        at: now,
        kind: keyword === 'stop' ? 'opt_out' : 'inbound_message',
        actor: `provider:${sms.provider}`,
        payload: {
          from: sms.from,
          to: sms.to,
          body: sms.body,
          messageSid: sms.messageSid,
          ...(keyword
            ? { keyword: sms.body.trim().toUpperCase(), change: keyword === 'stop' ? 'opt_out' : 'opt_in' }
            : {}),
          reply,
        },
      });
    }
    if (kind === 'reply') {
      for (const c of cases.filter((x) => x.status === 'open')) {
        await queueCaseEvent(trx, {
          tenantId,
          caseId: c.case_id,
          kind: 'debtor_replied',
          on: deps.clock.today(),
          data: { channel: 'sms', messageSid: sms.messageSid },
          recordedBy: `provider:${sms.provider}`,
          now,
        });
      }
    }
    return { kind, reply, caseIds };
  });
}

async function recordEvent(
  trx: Transaction<Database>,
  tenantId: string,
  sms: InboundSms,
  kind: InboundOutcome['kind'],
  caseId: string | null,
  now: string,
): Promise<boolean> {
  const inserted = await trx
    .insertInto('message_events')
    .values({
      tenant_id: tenantId,
      event_id: newId(),
      action_id: null,
      case_id: caseId,
      at: now,
      kind: kind === 'reply' || kind === 'unknown_sender' ? 'inbound' : kind,
      provider: sms.provider,
      provider_event_id: `${sms.messageSid}:inbound`,
      detail: JSON.stringify(sms),
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'provider', 'provider_event_id']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
}
