import { DomainError } from '@relance/core';
import { expect } from 'vitest';
import { paymentLinkUrl } from '../../src/channels/payments/payment-links.ts';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { importClaims } from '../../src/use-cases/imports/import-claims.ts';
import { checkPortalIdentity } from '../../src/use-cases/portal/check-identity.ts';
import { planAction } from '../dispatch/dispatch-world.ts';
import { importWorld } from '../fixtures/import-world.ts';

/** Monday 2 March 2026, 10:00 in Paris: calls are allowed, both invoices are overdue. */
export const NOW = '2026-03-02T09:00:00.000Z';

const row = (invoice: string, amount: string, name: string, siren: string, postcode: string) => ({
  'N° facture': invoice,
  'Date facture': '2026-01-10',
  "Date d'échéance": '2026-02-10',
  'Montant TTC': amount,
  'Reste à payer': amount,
  'Raison sociale': name,
  SIREN: siren,
  'E-mail': `compta@${siren}.example`,
  Téléphone: '06 12 34 56 78',
  Adresse: '12 rue de la Paix',
  'Code postal': postcode,
  Ville: 'Paris',
});

/**
 * A tenant with two debtors: Dupont (postcode 75002, invoices FA-2026-0042 and FA-2026-0117, one case) and
 * Martin (69001, FA-2026-0300). `link(case)` is the signed link an outbox SMS of that case would carry.
 */
export async function portalWorld(handle: DatabaseHandle) {
  const w = await importWorld(handle);
  const deps: Deps = { ...w.deps, clock: fixedClock(NOW) };
  await importClaims(deps, w.actor, {
    creditorRef: 'ACME',
    source: {
      kind: 'rows',
      rows: [
        row('FA-2026-0042', '1 250,00', 'Dupont SARL', '732829320', '75002'),
        row('FA-2026-0117', '480,50', 'Dupont SARL', '732829320', '75002'),
        row('FA-2026-0300', '300,00', 'Martin SAS', '552100554', '69001'),
      ],
    },
  });
  const caseOf = async (invoice: string) =>
    (
      await handle.db
        .selectFrom('claims')
        .select('case_id')
        .where('tenant_id', '=', w.tenantId)
        .where('invoice_number', '=', invoice)
        .executeTakeFirstOrThrow()
    ).case_id;
  const dupont = await caseOf('FA-2026-0042');
  const martin = await caseOf('FA-2026-0300');
  const at = (instant: string): Deps => ({ ...deps, clock: fixedClock(instant) });
  /** The key of `/pay/<key>` an SMS of this case would carry (an outbox action of its own). */
  const link = async (caseId: string, today = '2026-03-02') => {
    const actionId = await planAction(handle, w.tenantId, caseId, NOW, {
      channel: 'sms',
      template: 'payment-link-sms',
    });
    const action = await handle.db
      .selectFrom('actions')
      .select('action_key')
      .where('tenant_id', '=', w.tenantId)
      .where('action_id', '=', actionId)
      .executeTakeFirstOrThrow();
    const url = await paymentLinkUrl(handle.db, {
      tenantId: w.tenantId,
      caseId,
      today,
      now: NOW,
      actionKey: action.action_key,
      publicUrl: 'https://pay.example',
    });
    return { key: url.slice('https://pay.example/pay/'.length), actionId };
  };
  /** The portal cookie's value after the right answer. */
  const signIn = async (key: string, answer = '75002', on: Deps = deps) =>
    (await checkPortalIdentity(on, key, answer)).session;
  return { ...w, deps, at, dupont, martin, link, signIn };
}

/** The DomainError a promise rejects with (its code and details' reason). */
export async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}
