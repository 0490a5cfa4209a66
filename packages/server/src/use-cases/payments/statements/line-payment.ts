import type { MatchCandidate } from '@relance/core';
import type { Selectable } from 'kysely';
import type { StatementLinesTable } from '../../../db/schema-payments.ts';
import type { RecordPaymentInput } from '../record-payment.ts';

type Line = Selectable<StatementLinesTable>;

/** The candidates kept with a line (JSON), best first. */
export function candidatesOf(line: Pick<Line, 'candidates'>): readonly MatchCandidate[] {
  return line.candidates === null ? [] : (JSON.parse(line.candidates) as MatchCandidate[]);
}

/** The claims of `caseId` the payer named in the line's text, as the matcher found them. */
export function designatedOf(line: Pick<Line, 'candidates'>, caseId: string): readonly string[] {
  return candidatesOf(line).find((c) => c.caseId === caseId)?.claimIds ?? [];
}

/** A bank transfer seen on a statement, as a payment of `caseId`: booked once per line (its fingerprint). */
export function paymentInputOf(
  line: Line,
  caseId: string,
  designatedClaimIds: readonly string[],
  today: string,
): RecordPaymentInput {
  const reference = line.creditor_reference ?? line.end_to_end_id ?? line.remittance;
  return {
    caseId,
    amountMinor: Number(line.amount_minor),
    currency: line.currency,
    method: 'transfer',
    channel: 'statement',
    provider: 'bank',
    sourceKey: `statement:${line.fingerprint}`,
    receivedOn: line.booking_date ?? line.value_date ?? today,
    valueOn: line.value_date,
    designatedClaimIds,
    payerName: line.payer_name,
    reference: reference === null ? null : reference.slice(0, 200),
    statementLineId: line.line_id,
  };
}
