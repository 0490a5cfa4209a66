import { DomainError, isIsoDate } from '@relance/core';
import type { Transaction } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { requirePermission } from '../access/permissions.ts';
import { recordPayment } from '../payments/record-payment.ts';
import { findAgency } from './handovers.ts';

/** One line of what an agency reports as collected. */
export type CollectionLine = {
  /** The case's payment reference (RF…) or one of its invoice numbers, as the hand-over gave them. */
  readonly reference: string;
  readonly amountMinor: number;
  readonly feeMinor: number;
  readonly collectedOn: string;
  /** The line's identity in the agency's report; by default its reference, day, amount and fee. */
  readonly lineKey?: string | undefined;
};

export type LineRefusal =
  | 'reference_unknown'
  | 'before_handover'
  | 'amount_invalid'
  | 'fee_invalid'
  | 'date_invalid';

export type LineOutcome =
  | {
      readonly index: number;
      readonly status: 'booked' | 'repeated';
      readonly paymentId: string;
      readonly caseId: string;
    }
  | {
      readonly index: number;
      readonly status: 'refused';
      readonly reason: LineRefusal;
      readonly reference: string;
    };

export type CollectionsReport = {
  readonly booked: number;
  readonly repeated: number;
  readonly refused: number;
  readonly lines: readonly LineOutcome[];
};

/**
 * Books what an agency reports as collected: each line on the case it names — among the cases handed to that
 * agency on or before the day collected —, as a payment of channel `agency` through the ordinary payment path
 * (allocation, receipt, evidence, figures), with the agency's fee kept beside it. One transaction per line: a
 * line refused leaves the others booked; a line reported again (same key) books nothing.
 */
export async function reportCollections(
  deps: Deps,
  actor: Actor,
  agencyId: string,
  lines: readonly CollectionLine[],
): Promise<CollectionsReport> {
  requirePermission(actor, 'strategies:write');
  const agency = await findAgency(deps.database.db, actor.tenantId, agencyId);
  const outcomes: LineOutcome[] = [];
  for (const [index, line] of lines.entries()) {
    outcomes.push(await bookLine(deps, actor, agency, index, line));
  }
  const count = (status: LineOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return { booked: count('booked'), repeated: count('repeated'), refused: count('refused'), lines: outcomes };
}

async function bookLine(
  deps: Deps,
  actor: Actor,
  agency: { readonly agency_id: string; readonly key: string },
  index: number,
  line: CollectionLine,
): Promise<LineOutcome> {
  const refuse = (reason: LineRefusal): LineOutcome => ({
    index,
    status: 'refused',
    reason,
    reference: line.reference,
  });
  if (!Number.isSafeInteger(line.amountMinor) || line.amountMinor <= 0) return refuse('amount_invalid');
  if (!Number.isSafeInteger(line.feeMinor) || line.feeMinor < 0 || line.feeMinor > line.amountMinor) {
    return refuse('fee_invalid');
  }
  if (!isIsoDate(line.collectedOn)) return refuse('date_invalid');
  const reference = line.reference.trim();
  const lineKey =
    line.lineKey?.trim() || `${reference}|${line.collectedOn}|${line.amountMinor}|${line.feeMinor}`;
  const now = deps.clock.now();
  return deps.database.db.transaction().execute(async (trx) => {
    const handovers = await handoversOf(trx, actor.tenantId, agency.agency_id, reference);
    if (handovers.length === 0) return refuse('reference_unknown');
    const handover = handovers.find((h) => h.handed_on <= line.collectedOn);
    if (!handover) return refuse('before_handover');
    const payment = await recordPayment(
      deps,
      actor,
      {
        caseId: handover.case_id,
        amountMinor: line.amountMinor,
        currency: handover.currency,
        method: 'transfer',
        channel: 'agency',
        provider: `agency:${agency.key}`,
        sourceKey: `agency:${agency.agency_id}:${lineKey}`,
        receivedOn: line.collectedOn,
        reference,
      },
      trx,
    );
    if (payment.repeated) {
      return { index, status: 'repeated', paymentId: payment.paymentId, caseId: handover.case_id };
    }
    await trx
      .insertInto('agency_collections')
      .values({
        tenant_id: actor.tenantId,
        line_id: newId(),
        agency_id: agency.agency_id,
        handover_id: handover.handover_id,
        case_id: handover.case_id,
        line_key: lineKey,
        reference,
        amount_minor: line.amountMinor,
        fee_minor: line.feeMinor,
        currency: handover.currency,
        collected_on: line.collectedOn,
        payment_id: payment.paymentId,
        created_at: now,
      })
      .execute();
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'agency_collection.booked',
      entityKind: 'case',
      entityId: handover.case_id,
      data: { agencyId: agency.agency_id, lineKey, paymentId: payment.paymentId, feeMinor: line.feeMinor },
    });
    return { index, status: 'booked', paymentId: payment.paymentId, caseId: handover.case_id };
  });
}

/** The agency's hand-overs of the case a reference names (payment reference or invoice number), newest first. */
async function handoversOf(
  trx: Transaction<Database>,
  tenantId: string,
  agencyId: string,
  reference: string,
) {
  if (reference === '') return [];
  return trx
    .selectFrom('agency_handovers as h')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 'h.tenant_id').onRef('c.case_id', '=', 'h.case_id'),
    )
    .select(['h.handover_id', 'h.case_id', 'h.handed_on', 'h.currency'])
    .where('h.tenant_id', '=', tenantId)
    .where('h.agency_id', '=', agencyId)
    .where((eb) =>
      eb.or([
        eb('c.payment_reference', '=', reference),
        eb.exists(
          eb
            .selectFrom('claims as cl')
            .select('cl.claim_id')
            .whereRef('cl.tenant_id', '=', 'c.tenant_id')
            .whereRef('cl.case_id', '=', 'c.case_id')
            .where('cl.invoice_number', '=', reference),
        ),
      ]),
    )
    .orderBy('h.handed_on', 'desc')
    .orderBy('h.handover_id', 'desc')
    .execute();
}

/** A refusal in words, for the API and the screen. */
export function describeLineRefusal(reason: LineRefusal, locale: 'fr' | 'en'): string {
  const texts: Readonly<Record<LineRefusal, { readonly fr: string; readonly en: string }>> = {
    reference_unknown: {
      fr: 'Aucun dossier confié à cette agence ne porte cette référence (référence de paiement ou n° de facture).',
      en: 'No case handed to this agency carries this reference (payment reference or invoice number).',
    },
    before_handover: {
      fr: 'Encaissement daté d’avant la transmission du dossier à cette agence.',
      en: 'Collected before the case was handed to this agency.',
    },
    amount_invalid: { fr: 'Montant manquant ou nul.', en: 'Missing or zero amount.' },
    fee_invalid: {
      fr: 'Commission négative ou supérieure au montant encaissé.',
      en: 'Fee below zero or above the amount collected.',
    },
    date_invalid: { fr: 'Date d’encaissement illisible.', en: 'Unreadable collection date.' },
  };
  return texts[reason][locale];
}

export function requireLines(lines: readonly CollectionLine[]): void {
  if (lines.length === 0) {
    throw new DomainError('invalid_input', 'The report has no line.', { reason: 'agency_report_empty' });
  }
}
