import { DomainError, type LineReason } from '@relance/core';
import { type Selectable, sql, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { StatementLinesTable } from '../../../db/schema-payments.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { recordPayment } from '../record-payment.ts';
import { reversePayment } from '../reverse-payment.ts';
import { findReversedPayment } from './find-reversed-payment.ts';
import { designatedOf, paymentInputOf } from './line-payment.ts';

/** Lines per transaction: each books a payment (allocation, receipt PDF, evidence), so the writer lock stays short. */
const LINES_PER_TRANSACTION = 25;

type Line = Selectable<StatementLinesTable>;
type Trx = Transaction<Database>;

export type BookedLines = {
  readonly booked: number;
  readonly reversed: number;
  /** Lines the booking refused (recordPayment said no) or reversals without their payment: sent to a person. */
  readonly toReview: number;
};

/** Who books what the rules matched: the journal tells it from a person's hand ('provider:statement-matching'). */
export function statementMatcher(tenantId: string): Actor {
  return { tenantId, kind: 'system', id: 'statement-matching', role: 'admin', creditorId: null };
}

/**
 * The second step of an import: every line matched and not yet booked is booked with `recordPayment`
 * (source key `statement:<fingerprint>`, so a second attempt books nothing), then every return or reversal
 * finds the payment it undoes and `reversePayment` undoes it — credits first, so that a file holding a credit
 * and its return undoes what it just booked. A few lines per transaction, each line's booking and its status
 * together; a refusal sends the line to a person and leaves the others. Lines left by an interrupted import
 * are taken up too: run again, it finishes. `limit` stops after that many lines (the rest wait for the next run).
 */
export async function bookStatementLines(
  deps: Deps,
  tenantId: string,
  options: { readonly limit?: number } = {},
): Promise<BookedLines> {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const actor = statementMatcher(tenantId);
  let booked = 0;
  let reversed = 0;
  let toReview = 0;
  for (const status of ['matched', 'reversal'] as const) {
    const done = new Set<string>();
    for (;;) {
      const room = limit - booked - reversed - toReview;
      const batch = (await pending(deps, tenantId, status))
        .filter((l) => !done.has(l.line_id))
        .slice(0, Math.max(0, room));
      if (batch.length === 0) break;
      await deps.database.db.transaction().execute(async (trx) => {
        for (const line of batch) {
          done.add(line.line_id);
          const ok =
            status === 'matched' ? await book(deps, actor, trx, line) : await reverse(deps, actor, trx, line);
          if (!ok) toReview += 1;
          else if (status === 'matched') booked += 1;
          else reversed += 1;
        }
      });
    }
  }
  return { booked, reversed, toReview };
}

function pending(deps: Deps, tenantId: string, status: 'matched' | 'reversal') {
  return deps.database.db
    .selectFrom('statement_lines')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('match_status', '=', status)
    .where('payment_id', 'is', null)
    .orderBy('line_id')
    .limit(LINES_PER_TRANSACTION)
    .execute();
}

async function book(deps: Deps, actor: Actor, trx: Trx, line: Line): Promise<boolean> {
  const caseId = line.case_id;
  if (caseId === null) return refuse(trx, line, 'case_not_found', 'The line has no case.');
  const paid = await guarded(trx, () =>
    recordPayment(
      deps,
      actor,
      paymentInputOf(line, caseId, designatedOf(line, caseId), deps.clock.today()),
      trx,
    ),
  );
  if (paid instanceof DomainError) return refuse(trx, line, reasonOf(paid), paid.message);
  await settle(trx, line, { payment_id: paid.paymentId, resolved_at: deps.clock.now() });
  return true;
}

async function reverse(deps: Deps, actor: Actor, trx: Trx, line: Line): Promise<boolean> {
  const found = await findReversedPayment(trx, line.tenant_id, line);
  const returnReason = line.return_reason;
  if (!found) {
    await settle(trx, line, {
      match_status: 'review',
      match_reason: reasonJson({ code: 'reversal_unmatched', returnReason }),
    });
    return false;
  }
  const why = `${returnReason ?? (line.reversal ? 'RvslInd' : 'return')} — statement line ${line.line_id}`;
  const undone = await guarded(trx, () =>
    reversePayment(deps, actor, { paymentId: found.paymentId, reason: why }, trx),
  );
  if (undone instanceof DomainError) return refuse(trx, line, reasonOf(undone), undone.message);
  await settle(trx, line, {
    payment_id: found.paymentId,
    case_id: undone.caseId,
    match_reason: reasonJson({ code: 'reversal_booked', paymentId: found.paymentId, returnReason }),
    resolved_at: deps.clock.now(),
  });
  return true;
}

/** Runs a booking under a savepoint: a refusal (DomainError) undoes only what that booking wrote. */
async function guarded<T>(trx: Trx, fn: () => Promise<T>): Promise<T | DomainError> {
  await sql`savepoint statement_line`.execute(trx);
  try {
    const result = await fn();
    await sql`release savepoint statement_line`.execute(trx);
    return result;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await sql`rollback to savepoint statement_line`.execute(trx);
    await sql`release savepoint statement_line`.execute(trx);
    return error;
  }
}

async function refuse(trx: Trx, line: Line, reason: string, message: string): Promise<false> {
  await settle(trx, line, {
    match_status: 'review',
    match_reason: reasonJson({ code: 'booking_refused', reason, message }),
  });
  return false;
}

function reasonOf(error: DomainError): string {
  const reason = error.details?.reason;
  return typeof reason === 'string' ? reason : error.code;
}

function reasonJson(reason: LineReason): string {
  return JSON.stringify(reason);
}

async function settle(
  trx: Trx,
  line: Line,
  set: Partial<Pick<Line, 'payment_id' | 'match_status' | 'match_reason' | 'case_id' | 'resolved_at'>>,
): Promise<void> {
  await trx
    .updateTable('statement_lines')
    .set(set)
    .where('tenant_id', '=', line.tenant_id)
    .where('line_id', '=', line.line_id)
    .execute();
}
