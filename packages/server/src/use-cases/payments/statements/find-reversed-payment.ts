import type { Selectable, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { StatementLinesTable } from '../../../db/schema-payments.ts';

type Line = Pick<
  Selectable<StatementLinesTable>,
  | 'amount_minor'
  | 'currency'
  | 'end_to_end_id'
  | 'creditor_reference'
  | 'payer_account'
  | 'remittance'
  | 'account'
>;

/**
 * The booked payment a return or reversal undoes: an earlier credit line of the same amount and currency,
 * booked and not yet reversed, that shares its end-to-end id, or its creditor reference, or its payer's
 * account and text. The strongest single agreement wins; a tie, or nothing, is for a person.
 */
export async function findReversedPayment(
  trx: Transaction<Database>,
  tenantId: string,
  line: Line,
): Promise<{ readonly paymentId: string; readonly lineId: string } | null> {
  const keys = [line.end_to_end_id, line.creditor_reference, line.payer_account].filter((k) => k !== null);
  if (keys.length === 0) return null;
  const rows = await trx
    .selectFrom('statement_lines as l')
    .innerJoin('payments as p', (j) =>
      j.onRef('p.tenant_id', '=', 'l.tenant_id').onRef('p.payment_id', '=', 'l.payment_id'),
    )
    .select([
      'l.line_id',
      'l.payment_id',
      'l.end_to_end_id',
      'l.creditor_reference',
      'l.payer_account',
      'l.remittance',
      'l.account',
    ])
    .where('l.tenant_id', '=', tenantId)
    .where('l.match_status', '=', 'matched')
    .where('l.amount_minor', '=', Number(line.amount_minor))
    .where('l.currency', '=', line.currency)
    .where('p.status', '=', 'booked')
    .where((eb) =>
      eb.or([
        ...(line.end_to_end_id ? [eb('l.end_to_end_id', '=', line.end_to_end_id)] : []),
        ...(line.creditor_reference ? [eb('l.creditor_reference', '=', line.creditor_reference)] : []),
        ...(line.payer_account ? [eb('l.payer_account', '=', line.payer_account)] : []),
      ]),
    )
    .execute();
  const scored = rows
    .map((r) => ({ r, score: score(line, r) }))
    .filter((s) => s.score >= 2)
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best?.r.payment_id || (second && second.score === best.score)) return null;
  return { paymentId: best.r.payment_id, lineId: best.r.line_id };
}

function score(line: Line, earlier: Omit<Line, 'amount_minor' | 'currency'>): number {
  const same = (a: string | null, b: string | null) => a !== null && a === b;
  let points = 0;
  if (same(line.end_to_end_id, earlier.end_to_end_id)) points += 3;
  if (same(line.creditor_reference, earlier.creditor_reference)) points += 2;
  if (same(line.payer_account, earlier.payer_account)) points += 1;
  if (same(line.remittance, earlier.remittance)) points += 1;
  if (line.account !== null && earlier.account !== null && line.account !== earlier.account) points -= 3;
  return points;
}
