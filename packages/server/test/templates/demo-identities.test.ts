import { expect, it } from 'vitest';
import { ensureDemoTenant } from '../../src/use-cases/setup/ensure-demo-tenant.ts';
import {
  creditorDetailsSchema,
  tenantIdentitySchema,
} from '../../src/use-cases/templates/identity-schemas.ts';
import { testDeps } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('demo identities', (ctx) => {
  it('gives the demo agency and its creditors valid identities with checked IBANs, and never overwrites them', async () => {
    const deps = testDeps(ctx.handle);
    const demo = await ensureDemoTenant(deps);
    const db = ctx.handle.db;
    const setting = await db
      .selectFrom('tenant_settings')
      .select('value')
      .where('tenant_id', '=', demo.tenantId)
      .where('key', '=', 'identity')
      .executeTakeFirstOrThrow();
    const identity = tenantIdentitySchema.parse(JSON.parse(setting.value));
    expect(identity.legalName).toBe('Démo Recouvrement SAS');
    expect(identity.iban).toMatch(/^FR\d{2}30004/);
    const creditors = await db
      .selectFrom('creditors')
      .select(['ref', 'details'])
      .where('tenant_id', '=', demo.tenantId)
      .execute();
    expect(creditors).toHaveLength(3);
    for (const c of creditors) {
      const details = creditorDetailsSchema.parse(JSON.parse(c.details ?? 'null'));
      expect(details.address?.city, c.ref).toBeTruthy();
      expect(details.iban, c.ref).toMatch(/^FR\d{2}/);
    }
    await db
      .updateTable('tenant_settings')
      .set({ value: JSON.stringify({ ...identity, legalName: 'Changed' }) })
      .where('tenant_id', '=', demo.tenantId)
      .where('key', '=', 'identity')
      .execute();
    await ensureDemoTenant(deps);
    const after = await db
      .selectFrom('tenant_settings')
      .select('value')
      .where('tenant_id', '=', demo.tenantId)
      .where('key', '=', 'identity')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(after.value).legalName).toBe('Changed');
  });
});
