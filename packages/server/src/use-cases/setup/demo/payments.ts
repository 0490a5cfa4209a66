import { addDays } from '@relance/core';
import type { PaymentChannel, PaymentMethod } from '../../../db/schema-payments.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { recordPayment } from '../../payments/record-payment.ts';
import { openDemoCases } from './demo-cases.ts';

/**
 * How the demo's payments came: transfers seen on the statement, cards on the portal, a cheque, the IVR, and
 * a card an agent took on the phone (booked as the demo agent: the dashboard's league table).
 */
const KINDS: readonly {
  readonly method: PaymentMethod;
  readonly channel: PaymentChannel;
  readonly provider: string | null;
}[] = [
  { method: 'transfer', channel: 'statement', provider: 'bank' },
  { method: 'card', channel: 'portal', provider: 'builtin' },
  { method: 'cheque', channel: 'manual', provider: null },
  { method: 'card', channel: 'ivr', provider: 'builtin' },
  { method: 'card', channel: 'agent', provider: 'builtin' },
];

/**
 * A few payments on the demo's open cases, so that the case pages, receipts and figures show money arriving:
 * every third one pays the case in full, the others a part. Keyed `demo:<n>`: a second seeding books nothing more.
 */
export async function seedDemoPayments(deps: Deps, actor: Actor, today: string, count = 12): Promise<number> {
  const cases = await openDemoCases(deps, actor.tenantId, { unpaidOnly: false, limit: count * 3 });
  const agent = await deps.database.db
    .selectFrom('users')
    .select('user_id')
    .where('tenant_id', '=', actor.tenantId)
    .where('role', '=', 'agent')
    .orderBy('created_at')
    .executeTakeFirst();
  let booked = 0;
  for (let n = 0; n < count && n * 3 < cases.length; n++) {
    const kase = cases[n * 3];
    const kind = KINDS[n % KINDS.length];
    if (!kase || !kind) continue;
    const by: Actor =
      kind.channel === 'agent' && agent
        ? { tenantId: actor.tenantId, kind: 'user', id: agent.user_id, role: 'agent', creditorId: null }
        : actor;
    const outstanding = kase.outstandingMinor;
    const amountMinor = n % 3 === 0 ? outstanding : Math.max(100, Math.round(outstanding / 200) * 100);
    const paid = await recordPayment(deps, by, {
      caseId: kase.caseId,
      amountMinor,
      currency: kase.currency,
      ...kind,
      sourceKey: `demo:${n}`,
      receivedOn: addDays(today, -(n % 10)),
      reference: kind.method === 'cheque' ? `CHQ ${7_431_200 + n}` : null,
    });
    if (!paid.repeated) booked++;
  }
  return booked;
}
