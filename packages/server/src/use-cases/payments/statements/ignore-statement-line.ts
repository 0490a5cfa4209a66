import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { appendAudit } from '../../access/audit.ts';
import { personOf, withOpenLine } from './resolve-statement-line.ts';

/**
 * A person sets a line aside (a transfer between the company's own accounts, a refund, money for
 * something Relance does not collect), saying why: it leaves the queue, and nothing is booked.
 */
export async function ignoreStatementLine(
  deps: Deps,
  actor: Actor,
  lineId: string,
  input: { readonly reason: string },
): Promise<{ readonly lineId: string }> {
  return withOpenLine(deps, actor, lineId, async (trx, line) => {
    const now = deps.clock.now();
    await trx
      .updateTable('statement_lines')
      .set({
        match_status: 'ignored',
        match_reason: JSON.stringify({ code: 'ignored_by_person', reason: input.reason }),
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
      action: 'statement_line.ignore',
      entityKind: 'statement_line',
      entityId: lineId,
      data: { reason: input.reason, previousStatus: line.match_status, proposed: line.case_id },
    });
    return { lineId };
  });
}
