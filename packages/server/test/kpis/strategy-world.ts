import type { DatabaseHandle } from '../../src/db/database.ts';
import type { Actor } from '../../src/shared/actor.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { recordPayment } from '../../src/use-cases/payments/record-payment.ts';
import type { SeededTenant } from '../http/seed.ts';

/**
 * What the strategy tests do on the seeded portfolio (test/http/seed.ts): find a debtor's case, give cases a
 * strategy, book a transfer on a case. `world()` is read at each call: the suites fill it in `beforeAll`.
 */
export function strategyWorld(
  handle: () => DatabaseHandle,
  world: () => { readonly deps: Deps; readonly tenant: SeededTenant; readonly supervisor: Actor },
  sourcePrefix = '',
) {
  const caseOf = (ref: string) => {
    const d = world().tenant.debtors[ref];
    if (!d) throw new Error(`seed ${ref}`);
    return d.caseId;
  };
  const assign = (strategyKey: string, refs: readonly string[]) =>
    handle()
      .db.updateTable('cases')
      .set({ strategy_key: strategyKey })
      .where('tenant_id', '=', world().tenant.tenantId)
      .where('case_id', 'in', refs.map(caseOf))
      .execute();
  const pay = (ref: string, amountMinor: number, receivedOn: string, key: string) =>
    recordPayment(world().deps, world().supervisor, {
      caseId: caseOf(ref),
      amountMinor,
      currency: 'EUR',
      method: 'transfer',
      channel: 'manual',
      provider: null,
      sourceKey: `${sourcePrefix}${key}`,
      receivedOn,
      reference: null,
    });
  return { caseOf, assign, pay };
}
