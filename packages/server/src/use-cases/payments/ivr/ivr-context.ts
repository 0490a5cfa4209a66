import { DomainError } from '@relance/core';
import type { Transaction } from 'kysely';
import type { SpokenBalance } from '../../../channels/voice/ivr/ivr-screens.ts';
import type { IvrProvider, IvrSettings } from '../../../channels/voice/ivr/ivr-settings.ts';
import type { Database, Db, DebtorKind, Locale } from '../../../db/schema.ts';
import type { Actor } from '../../../shared/actor.ts';
import { appendEvidence } from '../../evidence/journal.ts';
import { loadPlanBasis } from '../../workspace/plans/plan-basis.ts';

type Reader = Db | Transaction<Database>;

/** One request of a call: who (the call's SID), in which language, and which try of the current question. */
export type IvrCall = {
  readonly tenantId: string;
  readonly callSid: string;
  readonly from: string | null;
  /** The language of the question answered (the URL's `lang`), else the tenant's first. */
  readonly language: Locale | null;
  readonly attempt: number;
  readonly settings: IvrSettings;
};

export function callLanguage(call: IvrCall): Locale {
  return call.language ?? call.settings.languages[0] ?? 'fr';
}

/** The IVR acts as a system actor of the tenant (payments, plans and callbacks it records). */
export function ivrActor(tenantId: string, provider: IvrProvider): Actor {
  return { tenantId, kind: 'system', id: `${provider}-ivr`, role: 'admin', creditorId: null };
}

/** The source key of a payment taken by `<Pay>`: unique per call and confirmation code. */
export function paySourceKey(provider: IvrProvider, callSid: string, confirmationCode: string): string {
  return `${provider === 'twilio' ? 'twilio-pay' : 'builtin-pay'}:${callSid}:${confirmationCode}`;
}

export type IvrCase = {
  readonly caseId: string;
  readonly open: boolean;
  readonly currency: string;
  readonly creditorName: string;
  readonly reference: string | null;
  readonly debtorLanguage: Locale;
  readonly debtorKind: DebtorKind;
  readonly timeZone: string;
  /** Null when nothing can be paid (no open, undisputed claim). */
  readonly balance: SpokenBalance | null;
};

/** The case as the IVR needs it, with today's balance (principal, and interest and fees the creditor charges). */
export async function loadIvrCase(
  db: Reader,
  tenantId: string,
  caseId: string,
  today: string,
): Promise<IvrCase> {
  const row = await db
    .selectFrom('cases as c')
    .innerJoin('creditors as cr', (j) =>
      j.onRef('cr.tenant_id', '=', 'c.tenant_id').onRef('cr.creditor_id', '=', 'c.creditor_id'),
    )
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .select([
      'c.case_id',
      'c.status',
      'c.currency',
      'c.payment_reference',
      'cr.name',
      'd.language',
      'd.kind',
      'd.time_zone',
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
  return {
    caseId,
    open: row.status === 'open',
    currency: row.currency,
    creditorName: row.name,
    reference: row.payment_reference,
    debtorLanguage: row.language,
    debtorKind: row.kind,
    timeZone: row.time_zone,
    balance: row.status === 'open' ? await balanceOf(db, tenantId, caseId, today) : null,
  };
}

export async function balanceOf(
  db: Reader,
  tenantId: string,
  caseId: string,
  today: string,
): Promise<SpokenBalance | null> {
  try {
    const basis = await loadPlanBasis(db, tenantId, caseId, undefined, today);
    if (basis.totalMinor <= 0) return null;
    return {
      currency: basis.currency,
      principalMinor: basis.principalMinor,
      interestMinor: basis.interestMinor,
      feesMinor: basis.feesMinor,
      totalMinor: basis.totalMinor,
    };
  } catch (error) {
    if (error instanceof DomainError && error.details?.reason === 'plan_no_claims') return null;
    throw error;
  }
}

/** What a step of the call adds to the case's evidence journal. */
export type IvrStepRecord =
  | 'transfer_offered'
  | 'caller_identified'
  | 'option_chosen'
  | 'input_error'
  | 'payment_started'
  | 'payment_succeeded'
  | 'payment_failed'
  | 'payment_cancelled'
  | 'plan_agreed'
  | 'callback_requested'
  | 'call_ended';

/** One step of an identified call in the case's journal (last in its transaction: it locks the head). */
export async function journalIvrStep(
  trx: Transaction<Database>,
  input: {
    readonly tenantId: string;
    readonly caseId: string;
    readonly at: string;
    readonly provider: string;
    readonly step: IvrStepRecord;
    readonly attemptId: string;
    readonly callSid: string | null;
    readonly data?: Readonly<Record<string, unknown>>;
  },
): Promise<void> {
  await appendEvidence(trx, {
    tenantId: input.tenantId,
    caseId: input.caseId,
    at: input.at,
    kind: 'ivr_call',
    actor: `provider:${input.provider}-ivr`,
    payload: { step: input.step, attemptId: input.attemptId, callSid: input.callSid, ...input.data },
  });
}
