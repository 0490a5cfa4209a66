import type { DatabaseHandle } from '../../src/db/database.ts';
import { newId } from '../../src/db/ids.ts';
import type { ActionStatus } from '../../src/db/schema.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { importClaims } from '../../src/use-cases/imports/import-claims.ts';
import { importWorld } from '../fixtures/import-world.ts';

/** A tenant with one imported case (a consumer in Paris, phone +33612345678) and a way to add actions to it. */
export async function smsWorld(handle: DatabaseHandle, now = '2026-11-24T09:00:00.000Z') {
  const w = await importWorld(handle);
  const deps: Deps = { ...w.deps, clock: fixedClock(now) };
  await importClaims(deps, w.actor, {
    creditorRef: 'ACME',
    source: {
      kind: 'rows',
      rows: [
        {
          'N° facture': 'F-1',
          'Date facture': '2026-09-01',
          "Date d'échéance": '2026-10-01',
          'Montant TTC': '1 200,00',
          'Reste à payer': '1 200,00',
          'Raison sociale': 'Jean Martin',
          'E-mail': 'jean.martin@exemple.fr',
          Téléphone: '06 12 34 56 78',
          Adresse: '12 rue de la Paix',
          'Code postal': '75002',
          Ville: 'Paris',
        },
      ],
    },
  });
  const found = await handle.db
    .selectFrom('cases')
    .select(['case_id', 'debtor_id'])
    .where('tenant_id', '=', w.tenantId)
    .executeTakeFirstOrThrow();
  const phone = await handle.db
    .selectFrom('contacts')
    .select(['contact_id', 'value'])
    .where('tenant_id', '=', w.tenantId)
    .where('kind', '=', 'phone')
    .executeTakeFirstOrThrow();
  const addAction = async (input: {
    readonly channel: string;
    readonly scheduledAt: string;
    readonly status?: ActionStatus;
    readonly messageId?: string | null;
    readonly provider?: string | null;
    readonly providerMessageId?: string | null;
  }): Promise<string> => {
    const actionId = newId();
    await handle.db
      .insertInto('actions')
      .values({
        tenant_id: w.tenantId,
        action_id: actionId,
        case_id: found.case_id,
        action_key: `test:0:${actionId}:0`,
        run_id: null,
        planned_on: input.scheduledAt.slice(0, 10),
        scheduled_at: input.scheduledAt,
        channel: input.channel,
        template: 'reminder',
        language: 'fr',
        purpose: 'reminder',
        status: input.status ?? 'planned',
        strategy_key: null,
        strategy_version: null,
        step_key: null,
        reason: '{}',
        gate: '{}',
        amounts: null,
        created_at: now,
        message_id: input.messageId ?? null,
        provider: input.provider ?? null,
        provider_message_id: input.providerMessageId ?? null,
      })
      .execute();
    return actionId;
  };
  return {
    ...w,
    deps,
    caseId: found.case_id,
    debtorId: found.debtor_id,
    phoneId: phone.contact_id,
    phone: phone.value,
    addAction,
  };
}

export async function evidenceOf(handle: DatabaseHandle, tenantId: string) {
  const rows = await handle.db
    .selectFrom('evidence')
    .select(['kind', 'action_id', 'case_id', 'payload'])
    .where('tenant_id', '=', tenantId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> }));
}
