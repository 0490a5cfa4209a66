import { DomainError } from '@relance/core';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { appendAudit } from '../../access/audit.ts';
import { recordPayment } from '../record-payment.ts';
import { designatedOf, paymentInputOf } from './line-payment.ts';
import { personOf, withOpenLine } from './resolve-statement-line.ts';

export type MatchStatementLineInput = {
  readonly caseId: string;
  /** The claims the payment goes to first; by default those the payer named, when the rules found any. */
  readonly designatedClaimIds?: readonly string[];
};

export type MatchedStatementLine = {
  readonly lineId: string;
  readonly caseId: string;
  readonly paymentId: string;
  readonly caseOutstandingMinor: number;
};

/**
 * A person says which case a line pays: the transfer is booked on it with `recordPayment` — once per line
 * (its fingerprint is the source key), in the person's name, so that the journal says a person matched it —
 * and the line is settled with it. Only a credit with its own amount can be booked; a currency other than
 * the case's is refused by the booking.
 */
export async function matchStatementLine(
  deps: Deps,
  actor: Actor,
  lineId: string,
  input: MatchStatementLineInput,
): Promise<MatchedStatementLine> {
  return withOpenLine(deps, actor, lineId, async (trx, line) => {
    if (line.direction !== 'credit' || Number(line.reversal) === 1 || line.return_reason !== null) {
      throw new DomainError('invalid_input', 'Only a credit can be booked as a payment.', {
        reason: 'statement_line_not_a_credit',
      });
    }
    if (Number(line.amount_minor) <= 0) {
      throw new DomainError('invalid_input', 'This line has no amount of its own to book.', {
        reason: 'statement_line_amount_unknown',
      });
    }
    const designated = input.designatedClaimIds ?? designatedOf(line, input.caseId);
    const paid = await recordPayment(
      deps,
      actor,
      paymentInputOf(line, input.caseId, designated, deps.clock.today()),
      trx,
    );
    const now = deps.clock.now();
    await trx
      .updateTable('statement_lines')
      .set({
        match_status: 'matched',
        case_id: input.caseId,
        match_reason: JSON.stringify({ code: 'matched_by_person' }),
        payment_id: paid.paymentId,
        resolved_by: personOf(actor),
        resolved_at: now,
      })
      .where('tenant_id', '=', actor.tenantId)
      .where('line_id', '=', lineId)
      .execute();
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'statement_line.match',
      entityKind: 'statement_line',
      entityId: lineId,
      data: {
        caseId: input.caseId,
        paymentId: paid.paymentId,
        amountMinor: Number(line.amount_minor),
        currency: line.currency,
        previousStatus: line.match_status,
        proposed: line.case_id,
        designatedClaimIds: designated,
      },
    });
    return {
      lineId,
      caseId: input.caseId,
      paymentId: paid.paymentId,
      caseOutstandingMinor: paid.caseOutstandingMinor,
    };
  });
}
