import { addDays } from '@relance/core';
import { EMAIL_SETTING, type EmailSettings } from '../../src/channels/email/email-settings.ts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { newId } from '../../src/db/ids.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { importClaims } from '../../src/use-cases/imports/import-claims.ts';
import { importWorld } from '../fixtures/import-world.ts';

export const claimRow = (invoice: string, name: string, email: string) => ({
  'N° facture': invoice,
  'Date facture': '2026-01-10',
  "Date d'échéance": '2026-02-10',
  'Montant TTC': '1 250,00',
  'Reste à payer': '1 250,00',
  'Raison sociale': name,
  'E-mail': email,
  Téléphone: '06 12 34 56 78',
  Adresse: '12 rue de la Paix',
  'Code postal': '75002',
  Ville: 'Paris',
});

/** A tenant with one case per debtor (each with an e-mail address) and SMTP settings pointing at `smtpPort`. */
export async function dispatchWorld(
  handle: DatabaseHandle,
  debtors: readonly { readonly name: string; readonly email: string }[],
  smtpPort: number,
) {
  const w = await importWorld(handle);
  const deps: Deps = { ...w.deps, clock: fixedClock('2026-03-02T09:00:00.000Z') };
  await handle.db
    .updateTable('creditors')
    .set({ name: 'Société Élan' })
    .where('tenant_id', '=', w.tenantId)
    .execute();
  await importClaims(deps, w.actor, {
    creditorRef: 'ACME',
    source: {
      kind: 'rows',
      rows: debtors.map((d, i) => claimRow(`F-${String(i + 1).padStart(4, '0')}`, d.name, d.email)),
    },
  });
  const settings: EmailSettings = {
    host: '127.0.0.1',
    port: smtpPort,
    security: 'none',
    user: null,
    password: null,
    fromName: 'Société Élan — Recouvrement',
    fromAddress: 'recouvrement@elan.example',
    replyTo: null,
    readReceipt: true,
  };
  await handle.db
    .insertInto('tenant_settings')
    .values({
      tenant_id: w.tenantId,
      key: EMAIL_SETTING,
      value: JSON.stringify(settings),
      version: 1,
      updated_by: null,
      updated_at: '2026-03-01T00:00:00Z',
    })
    .execute();
  const cases = await handle.db
    .selectFrom('cases as c')
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .select(['c.case_id', 'd.name', 'd.debtor_id'])
    .where('c.tenant_id', '=', w.tenantId)
    .orderBy('d.name')
    .execute();
  const at = (instant: string): Deps => ({ ...deps, clock: fixedClock(instant) });
  return { ...w, deps, at, cases };
}

/** An e-mail action in the outbox, as the daily run writes it. */
export async function planAction(
  handle: DatabaseHandle,
  tenantId: string,
  caseId: string,
  scheduledAt: string,
  options: { readonly channel?: string; readonly template?: string; readonly purpose?: string } = {},
): Promise<string> {
  const actionId = newId();
  const plannedOn = scheduledAt.slice(0, 10);
  await handle.db
    .insertInto('actions')
    .values({
      tenant_id: tenantId,
      action_id: actionId,
      case_id: caseId,
      action_key: `test:1:${actionId}:0`,
      run_id: null,
      planned_on: plannedOn,
      scheduled_at: scheduledAt,
      channel: options.channel ?? 'email',
      template: options.template ?? 'reminder-email',
      language: 'fr',
      purpose: options.purpose ?? 'reminder',
      status: 'planned',
      strategy_key: null,
      strategy_version: null,
      step_key: null,
      reason: JSON.stringify({ reason: { kind: 'step', step: 'reminder_1' }, notes: [] }),
      gate: '{}',
      amounts: null,
      created_at: addDays(plannedOn, -1),
    })
    .execute();
  return actionId;
}
