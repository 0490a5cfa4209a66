import type { MatchLocale } from '@relance/core';
import type { StatementMatchStatus } from '../../../db/schema-payments.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { readScope } from '../../portfolio/scope.ts';
import { type StatementLineView, viewLines } from './statement-line-view.ts';

/** What is left for a person: lines the rules could not settle. */
export const LINES_TO_FINISH: readonly StatementMatchStatus[] = ['review', 'ambiguous', 'unmatched'];

export type ListStatementLinesInput = {
  /** One status, or by default every status left for a person. */
  readonly status?: StatementMatchStatus;
  readonly importId?: string;
  readonly limit?: number;
};

export type StatementLinesPage = {
  readonly lines: readonly StatementLineView[];
  /** How many lines are left for a person, by status, across the tenant. */
  readonly toFinish: Readonly<Record<'review' | 'ambiguous' | 'unmatched', number>>;
};

/**
 * The reconciliation queue: statement lines by status (to review, ambiguous, unmatched by default), most
 * recent booking first, with their candidates and reasons. Bank statements are the tenant's: a supervisor's
 * or an administrator's work (`imports:read`).
 */
export async function listStatementLines(
  deps: Deps,
  actor: Actor,
  input: ListStatementLinesInput,
  locale: MatchLocale,
): Promise<StatementLinesPage> {
  const { tenantId } = readScope(actor, 'imports:read');
  const db = deps.database.db;
  const rows = await db
    .selectFrom('statement_lines')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('match_status', 'in', input.status ? [input.status] : [...LINES_TO_FINISH])
    .$if(input.importId !== undefined, (q) => q.where('statement_import_id', '=', input.importId ?? ''))
    .orderBy('booking_date', 'desc')
    .orderBy('line_id')
    .limit(Math.min(Math.max(input.limit ?? 100, 1), 500))
    .execute();
  const counts = await db
    .selectFrom('statement_lines')
    .select(['match_status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('match_status', 'in', [...LINES_TO_FINISH])
    .groupBy('match_status')
    .execute();
  const count = (s: string) => Number(counts.find((c) => c.match_status === s)?.n ?? 0);
  return {
    lines: await viewLines(db, tenantId, rows, locale),
    toFinish: { review: count('review'), ambiguous: count('ambiguous'), unmatched: count('unmatched') },
  };
}
