import { addDays } from '@relance/core';
import type { DatabaseHandle } from '../../../src/db/database.ts';
import { refreshCases } from '../../../src/ledger/refresh-cases.ts';
import { fixedClock } from '../../../src/shared/clock.ts';
import type { Deps } from '../../../src/shared/deps.ts';
import { importClaims } from '../../../src/use-cases/imports/import-claims.ts';
import { importWorld } from '../../fixtures/import-world.ts';

/** One company per invoice prefix: each invoice its own debtor and case. */
const SIRENS: Readonly<Record<string, string>> = {
  'K-1': '100000140',
  'B-1': '100000231',
  'R-1': '100000280',
  'N-1': '100000322',
  'D-1': '100000371',
  'D-2': '100000371',
  'E-1': '100000413',
};

export const row = (
  invoice: string,
  due: string,
  amount: string,
  name: string,
  extra: Record<string, string> = {},
) => ({
  'N° facture': invoice,
  'Date facture': addDays(due, -30),
  "Date d'échéance": due,
  'Montant TTC': amount,
  'Reste à payer': amount,
  'Raison sociale': name,
  SIREN: SIRENS[invoice] ?? '732 829 320',
  'E-mail': `${invoice.toLowerCase()}@exemple.fr`,
  Téléphone: '06 12 34 56 78',
  Adresse: '12 rue de la Paix',
  'Code postal': '75002',
  Ville: 'Paris',
  ...extra,
});

/** A tenant with the given invoices imported on 20 February 2026, and a clock per day (09:00 UTC). */
export async function promiseWorld(handle: DatabaseHandle, rows: readonly Record<string, string>[]) {
  const w = await importWorld(handle);
  const deps: Deps = { ...w.deps, clock: fixedClock('2026-02-20T09:00:00.000Z') };
  await importClaims(deps, w.actor, { creditorRef: 'ACME', source: { kind: 'rows', rows } });
  const on = (day: string): Deps => ({ ...deps, clock: fixedClock(`${day}T09:00:00.000Z`) });
  const caseOf = async (invoice: string) => {
    const claim = await handle.db
      .selectFrom('claims')
      .select(['case_id', 'claim_id'])
      .where('tenant_id', '=', w.tenantId)
      .where('invoice_number', '=', invoice)
      .executeTakeFirstOrThrow();
    return claim.case_id;
  };
  /** A payment as the ledger sees it: the claim's outstanding goes down, the case's totals follow. */
  const pay = async (invoice: string, amountMinor: number, day: string) => {
    const claim = await handle.db
      .selectFrom('claims')
      .select(['claim_id', 'case_id', 'outstanding_minor'])
      .where('tenant_id', '=', w.tenantId)
      .where('invoice_number', '=', invoice)
      .executeTakeFirstOrThrow();
    const left = Number(claim.outstanding_minor) - amountMinor;
    await handle.db
      .updateTable('claims')
      .set({ outstanding_minor: left, ...(left <= 0 ? { status: 'paid' as const } : {}) })
      .where('tenant_id', '=', w.tenantId)
      .where('claim_id', '=', claim.claim_id)
      .execute();
    await refreshCases(handle.db, w.tenantId, [claim.case_id], `${day}T09:00:00.000Z`);
  };
  const actions = (caseId: string) =>
    handle.db
      .selectFrom('actions')
      .select(['action_id', 'action_key', 'channel', 'template', 'status', 'purpose', 'planned_on'])
      .where('tenant_id', '=', w.tenantId)
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .orderBy('action_key')
      .execute();
  return { ...w, deps, on, caseOf, pay, actions };
}
