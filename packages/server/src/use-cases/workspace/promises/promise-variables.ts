import type { DateText, MoneyText, PromiseDate, PromiseVariables } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../../db/schema.ts';

type Reader = Db | Transaction<Database>;

/**
 * The terms of the case's latest open promise, for its written confirmation ("- 300,00 € le 20 mars 2026"):
 * the confirmation is rendered when it is sent, and says what the debtor agreed to.
 */
export async function loadPromiseVariables(
  db: Reader,
  tenantId: string,
  caseId: string,
  money: (minor: number) => MoneyText,
  date: (iso: string) => DateText,
): Promise<PromiseVariables | null> {
  const row = await db
    .selectFrom('promises')
    .select(['schedule', 'amount_minor'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('status', '=', 'open')
    .orderBy('created_at', 'desc')
    .orderBy('promise_id', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  const schedule = JSON.parse(row.schedule) as PromiseDate[];
  const dates = schedule.map((d) => ({ dueDate: date(d.dueOn), amount: money(d.amountMinor) }));
  const last = schedule.at(-1);
  return {
    total: money(Number(row.amount_minor)),
    dates,
    dateCount: dates.length,
    lastDate: date(last?.dueOn ?? ''),
  };
}
