import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Writes one of a tenant's settings (insert, or replace the value), saying who and when. */
export async function saveTenantSetting(
  db: Kysely<Database>,
  setting: {
    readonly tenantId: string;
    readonly key: string;
    readonly value: string;
    readonly by: string;
    readonly at: string;
  },
): Promise<void> {
  const { value, by, at } = setting;
  await db
    .insertInto('tenant_settings')
    .values({
      tenant_id: setting.tenantId,
      key: setting.key,
      value,
      version: 1,
      updated_by: by,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'key']).doUpdateSet({ value, updated_by: by, updated_at: at }),
    )
    .execute();
}
