import { checkEnteredRate, DomainError, type EnteredRate, RATE_TABLES } from '@relance/core';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { requirePermission } from '../access/permissions.ts';
import { enteredRateOf } from './rate-tables-of.ts';

/**
 * Enters (or corrects) a semester's rate that the shipped tables lack, from the official text it was copied
 * from (admin only). A semester the tables hold is refused: those are sourced and never overridden. The
 * audit log keeps the entry, and what a correction replaced.
 */
export async function enterInterestRate(deps: Deps, actor: Actor, entry: EnteredRate): Promise<EnteredRate> {
  requirePermission(actor, 'users:manage');
  const checked = checkEnteredRate(entry, RATE_TABLES, deps.clock.today());
  if (!checked.ok) {
    throw new DomainError(
      'invalid_input',
      `Rate refused: ${checked.error.reason} (${checked.error.field}).`,
      {
        ...checked.error,
        table: entry.table,
        period: entry.period,
      },
    );
  }
  const rate = checked.value;
  const now = deps.clock.now();
  const values = {
    rate_percent: rate.table === 'fr-legal-rate' ? null : rate.ratePercent,
    individual_percent: rate.table === 'fr-legal-rate' ? rate.individual : null,
    other_cases_percent: rate.table === 'fr-legal-rate' ? rate.otherCases : null,
    reference_date: rate.table === 'uk-boe-reference' ? rate.referenceDate : null,
    source: rate.source,
    entered_by: actor.id,
    entered_at: now,
  };
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('entered_rates')
      .selectAll()
      .where('tenant_id', '=', actor.tenantId)
      .where('rate_table', '=', rate.table)
      .where('period', '=', rate.period)
      .executeTakeFirst();
    await trx
      .insertInto('entered_rates')
      .values({ tenant_id: actor.tenantId, rate_table: rate.table, period: rate.period, ...values })
      .onConflict((oc) => oc.columns(['tenant_id', 'rate_table', 'period']).doUpdateSet(values))
      .execute();
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: before ? 'interest_rate.corrected' : 'interest_rate.entered',
      entityKind: 'interest_rate',
      entityId: `${rate.table} ${rate.period}`,
      data: before ? { rate, before: enteredRateOf(before) } : { rate },
    });
  });
  return rate;
}
