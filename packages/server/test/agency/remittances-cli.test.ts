import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../src/shared/clock.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { setMandate } from '../../src/use-cases/agency/mandates.ts';
import { recordPayment } from '../../src/use-cases/payments/record-payment.ts';
import { describeEachCliDatabase, relance } from '../cli/cli-support.ts';
import { flatMandate } from './agency-world.ts';

const csv =
  "N° facture;Date d'échéance;Montant TTC;Raison sociale\n" +
  'CLI-1;15/12/2025;400,00;Echo SARL\n' +
  'CLI-2;20/12/2025;250,00;Foxtrot SAS\n';

/** `relance import --placement`, then `relance remittances close` and `list`, on an agency set up with `init`. */
describeEachCliDatabase('relance remittances', (ctx) => {
  beforeAll(async () => {
    const file = join(ctx.db.dir, 'lot.csv');
    writeFileSync(file, csv, 'utf8');
    const init = await relance(ctx.db, [
      'init',
      '--admin-password',
      'long-enough-password',
      '--tenant-kind',
      'agency',
    ]);
    expect(init.code, init.stderr).toBe(0);
    const imported = await relance(ctx.db, [
      '--json',
      'import',
      file,
      '--creditor',
      'ACME',
      '--placement',
      'Lot CLI',
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).placementId).toEqual(expect.any(String));
    // The mandate and February's payment, written as the API would.
    const handle = ctx.db.open();
    try {
      const { tenant_id } = await handle.db
        .selectFrom('tenants')
        .select('tenant_id')
        .executeTakeFirstOrThrow();
      const creditor = await handle.db
        .selectFrom('creditors')
        .select('creditor_id')
        .where('tenant_id', '=', tenant_id)
        .executeTakeFirstOrThrow();
      await handle.db
        .updateTable('creditors')
        .set({ interest_policy: 'waive', fixed_fee_policy: 'waive' })
        .where('tenant_id', '=', tenant_id)
        .execute();
      const deps: Deps = {
        database: handle,
        clock: fixedClock('2026-02-10T10:00:00.000Z'),
        dataDir: ctx.db.dir,
      };
      const actor = {
        tenantId: tenant_id,
        kind: 'user' as const,
        id: 'admin',
        role: 'admin' as const,
        creditorId: null,
      };
      await setMandate(deps, actor, creditor.creditor_id, flatMandate);
      const kase = await handle.db
        .selectFrom('claims')
        .select('case_id')
        .where('tenant_id', '=', tenant_id)
        .where('invoice_number', '=', 'CLI-1')
        .executeTakeFirstOrThrow();
      await recordPayment(deps, actor, {
        caseId: kase.case_id,
        amountMinor: 400_00,
        currency: 'EUR',
        method: 'transfer',
        channel: 'statement',
        provider: 'bank',
        sourceKey: 'cli:feb',
        receivedOn: '2026-02-10',
      });
    } finally {
      await handle.close();
    }
  });

  it('closes February and prints each client’s statement; closing again prints the same', async () => {
    const run = await relance(ctx.db, ['remittances', 'close', '--period', '2026-02']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Période 2026-02 (du 2026-02-01 au 2026-02-28)');
    // 400.00 − 15 % (60.00) − VAT 20 % (12.00) = 328.00
    expect(run.stdout.replace(/[\u00a0\u202f]/g, ' ')).toContain(
      'ACME ACME — 1 paiement(s) : encaissé 400,00 €, commission 60,00 €, TVA 12,00 €, net 328,00 € à reverser au plus tard le 2026-03-20 [émis]',
    );
    const again = await relance(ctx.db, [
      '--json',
      '--lang',
      'en',
      'remittances',
      'close',
      '--period',
      '2026-02',
    ]);
    expect(again.code, again.stderr).toBe(0);
    const doc = JSON.parse(again.stdout);
    expect(doc.statements).toHaveLength(1);
    expect(doc.statements[0]).toMatchObject({ netMinor: 328_00, commissionMinor: 60_00, vatMinor: 12_00 });
    expect(doc.statements[0].lines).toHaveLength(1);
  });

  it('lists the statements, and refuses a period that is none', async () => {
    const list = await relance(ctx.db, ['--json', 'remittances', 'list']);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout).items.map((i: { period: string }) => i.period)).toEqual(['2026-02']);
    const bad = await relance(ctx.db, ['--lang', 'en', 'remittances', 'close', '--period', 'February']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('Not a period: February.');
  });
});
