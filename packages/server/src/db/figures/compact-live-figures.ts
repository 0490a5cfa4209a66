import type { Kysely } from 'kysely';
import type { Dialect } from '../database.ts';
import type { Database } from '../schema.ts';
import { boundSql } from './bound-sql.ts';
import { keyNames, measureNames } from './figure-specs.ts';
import { LIVE_FIGURES } from './live-figures.ts';

/**
 * Folds the tenant's pending deltas (PostgreSQL) into the live sums, and drops the sums back at zero (the
 * minutes whose actions have all moved on, the windows closed). Returns the deltas folded.
 */
export async function compactLiveFigures(
  db: Kysely<Database>,
  dialect: Dialect,
  tenantId: string,
): Promise<number> {
  let folded = 0;
  for (const spec of LIVE_FIGURES) {
    const keys = keyNames(spec).join(', ');
    const measures = measureNames(spec);
    folded += await db.transaction().execute(async (trx) => {
      let count = 0;
      if (dialect === 'postgres') {
        const result = await boundSql<{ n: string }>(
          `with moved as (delete from ${spec.deltas} where tenant_id = :tenant returning *), ` +
            `folded as (insert into ${spec.figures} (${keys}, ${measures.join(', ')}) ` +
            `select ${keys}, ${measures.map((m) => `sum(${m})`).join(', ')} from moved group by ${keys} ` +
            `on conflict (${keys}) do update set ` +
            `${measures.map((m) => `${m} = ${spec.figures}.${m} + excluded.${m}`).join(', ')} returning 1) ` +
            'select (select count(*) from moved) as n',
          { tenant: tenantId },
        ).execute(trx);
        count = Number(result.rows[0]?.n ?? 0);
      }
      const zero = measures.map((m) => `${m} = 0`).join(' and ');
      await boundSql(`delete from ${spec.figures} where tenant_id = :tenant and ${zero}`, {
        tenant: tenantId,
      }).execute(trx);
      return count;
    });
  }
  return folded;
}
