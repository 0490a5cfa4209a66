import { addDays, endedPeriods, maxDate } from '@relance/core';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { closeRemittance } from './close-remittance.ts';

/** The worker acts as the tenant's system administrator (recorded as 'system' in the audit log). */
function schedulerActor(tenantId: string): Actor {
  return { tenantId, kind: 'system', id: 'remittance-schedule', role: 'admin', creditorId: null };
}

/**
 * What the scheduler does each day for an agency: every client's periods that have ended since its last
 * statement (or since its mandate was signed) are closed, oldest first — a statement each, issued and mailed
 * (R124-6 counts from collection: no period waits for a person to close it). A tenant that is no agency, or
 * has no mandate, has nothing to close. Returns how many statements were issued.
 */
export async function closeDueRemittances(deps: Deps, tenantId: string): Promise<number> {
  const db = deps.database.db;
  const tenant = await db
    .selectFrom('tenants')
    .select('kind')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  if (tenant?.kind !== 'agency') return 0;
  const mandates = await db
    .selectFrom('mandates as m')
    .leftJoin('remittances as r', (j) =>
      j.onRef('r.tenant_id', '=', 'm.tenant_id').onRef('r.creditor_id', '=', 'm.creditor_id'),
    )
    .select((eb) => [
      'm.creditor_id',
      'm.signed_on',
      'm.remittance_frequency',
      eb.fn.max('r.period_end').as('last'),
    ])
    .where('m.tenant_id', '=', tenantId)
    .groupBy(['m.creditor_id', 'm.signed_on', 'm.remittance_frequency'])
    .execute();
  const today = deps.clock.today();
  const actor = schedulerActor(tenantId);
  let issued = 0;
  for (const m of mandates) {
    const from = m.last ? maxDate(addDays(m.last, 1), m.signed_on) : m.signed_on;
    for (const period of endedPeriods(from, today, m.remittance_frequency)) {
      const closed = await closeRemittance(deps, actor, { period: period.key, creditorId: m.creditor_id });
      issued += closed.statements.length;
    }
  }
  return issued;
}
