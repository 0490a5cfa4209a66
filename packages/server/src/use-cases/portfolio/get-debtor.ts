import { DomainError } from '@relance/core';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { stepNames } from '../strategies/strategy-book.ts';
import { type CaseSummary, caseSummaryColumns, scopedCases, toCaseSummary } from './case-summary.ts';
import { type ContactView, loadContacts } from './contact-view.ts';
import { type DebtorView, findDebtor } from './debtor-view.ts';
import { readScope } from './scope.ts';

export type DebtorDetail = DebtorView & {
  readonly contacts: readonly ContactView[];
  readonly cases: readonly CaseSummary[];
};

/** One debtor with its contacts and its cases (one per creditor and currency). */
export async function getDebtor(deps: Deps, actor: Actor, debtorId: string): Promise<DebtorDetail> {
  const scope = readScope(actor);
  const today = deps.clock.today();
  const db = deps.database.db;
  const debtor = await findDebtor(db, scope, debtorId);
  if (!debtor) throw new DomainError('not_found', 'Debtor not found.', { reason: 'debtor_not_found' });
  const { query, collectability } = scopedCases(db, scope, today);
  const [contacts, caseRows] = await Promise.all([
    loadContacts(db, scope.tenantId, debtorId),
    query
      .select([...caseSummaryColumns, collectability.as('collectability')])
      .where('c.debtor_id', '=', debtorId)
      .orderBy('c.opened_at')
      .orderBy('c.case_id')
      .execute(),
  ]);
  const names = await stepNames(db, scope.tenantId);
  return { ...debtor, contacts, cases: caseRows.map((r) => toCaseSummary(r, today, names)) };
}
