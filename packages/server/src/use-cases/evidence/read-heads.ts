import type { Db } from '../../db/schema.ts';
import { GENESIS_HASH } from './journal.ts';

export type ChainHead = {
  readonly tenantId: string;
  readonly name: string;
  readonly seq: number;
  readonly hash: string;
};

/**
 * The current head of each tenant's chain (or one tenant's): the hash that, published or timestamped
 * elsewhere, pins every entry written so far.
 */
export async function readHeads(db: Db, tenantId: string | null): Promise<readonly ChainHead[]> {
  const rows = await db
    .selectFrom('tenants as t')
    .leftJoin('evidence_heads as h', 'h.tenant_id', 't.tenant_id')
    .select(['t.tenant_id', 't.name', 'h.seq', 'h.hash'])
    .$if(tenantId !== null, (q) => q.where('t.tenant_id', '=', tenantId ?? ''))
    .orderBy('t.name')
    .execute();
  return rows.map((r) => ({
    tenantId: r.tenant_id,
    name: r.name,
    seq: r.seq === null ? 0 : Number(r.seq),
    hash: r.hash ?? GENESIS_HASH,
  }));
}
