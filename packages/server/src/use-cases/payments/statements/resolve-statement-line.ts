import { DomainError } from '@relance/core';
import type { Selectable, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { StatementLinesTable } from '../../../db/schema-payments.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { requirePermission } from '../../access/permissions.ts';
import { LINES_TO_FINISH } from './list-statement-lines.ts';

type Line = Selectable<StatementLinesTable>;

/**
 * Opens a line left for a person, in a transaction (locked on PostgreSQL so that two people cannot settle
 * it twice): not found, or already settled, is refused. Bank lines are the tenant's: supervisors and
 * administrators settle them.
 */
export async function withOpenLine<T>(
  deps: Deps,
  actor: Actor,
  lineId: string,
  fn: (trx: Transaction<Database>, line: Line) => Promise<T>,
): Promise<T> {
  requirePermission(actor, 'portfolio:write');
  requirePermission(actor, 'cases:act');
  return deps.database.db.transaction().execute(async (trx) => {
    const line = await trx
      .selectFrom('statement_lines')
      .selectAll()
      .where('tenant_id', '=', actor.tenantId)
      .where('line_id', '=', lineId)
      .$if(deps.database.dialect === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
    if (!line) {
      throw new DomainError('not_found', 'Statement line not found.', { reason: 'statement_line_not_found' });
    }
    if (!LINES_TO_FINISH.includes(line.match_status)) {
      throw new DomainError('conflict', `This line is already ${line.match_status}.`, {
        reason: 'statement_line_settled',
        status: line.match_status,
      });
    }
    return fn(trx, line);
  });
}

/** `user:<id>`: who settled a line, as the line and the journal keep it. */
export function personOf(actor: Actor): string {
  return `${actor.kind}:${actor.id}`;
}
