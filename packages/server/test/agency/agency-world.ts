import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { newId } from '../../src/db/ids.ts';
import type { Actor } from '../../src/shared/actor.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { setMandate } from '../../src/use-cases/agency/mandates.ts';
import { ensureCreditor } from '../../src/use-cases/imports/ensure-creditor.ts';
import { importClaims } from '../../src/use-cases/imports/import-claims.ts';
import { type RecordPaymentInput, recordPayment } from '../../src/use-cases/payments/record-payment.ts';
import { setCreditorDetails } from '../../src/use-cases/templates/identities.ts';

/** A claim as the client's file gives it: invoice, debtor, amount (French decimal), due date. */
const row = (invoice: string, name: string, amount: string, due: string) => ({
  'N° facture': invoice,
  'Date facture': '2025-06-01',
  "Date d'échéance": due,
  'Montant TTC': amount,
  'Reste à payer': amount,
  'Raison sociale': name,
});

/** CLIENTA: 15 % flat, VAT 20 %, the fee deducted, monthly, remitted 20 days after the month. */
export const flatMandate = {
  signedOn: '2026-01-05',
  commission: { kind: 'flat', rate: '15' },
  vatRate: '20',
  feeSettlement: 'deduct',
  allowedStrategies: ['b2b-standard'],
  planLimits: { maxInstalments: 6, minInstalmentMinor: 50_00 },
  remittance: { frequency: 'monthly', delayDays: 20 },
  scope: 'Factures impayées de plus de 30 jours',
  powerToReceiveFunds: true,
};

/**
 * CLIENTB: by age of debt at placement — 10 % up to 90 days, 20 % from 91 days —, VAT 20 %, the fee invoiced
 * apart (everything collected is remitted), monthly, 30 days after the month.
 */
export const ageMandate = {
  signedOn: '2026-01-05',
  commission: {
    kind: 'age',
    measuredAt: 'placement',
    bands: [
      { fromDays: 0, rate: '10' },
      { fromDays: 91, rate: '20' },
    ],
  },
  vatRate: '20',
  feeSettlement: 'invoice',
  allowedStrategies: ['b2b-standard', 'b2c-active'],
  planLimits: { maxInstalments: 3, minInstalmentMinor: 100_00 },
  remittance: { frequency: 'monthly', delayDays: 30 },
  scope: 'Factures de matériel impayées',
  powerToReceiveFunds: true,
};

export type AgencyWorld = Awaited<ReturnType<typeof agencyWorld>>;

/**
 * An agency with two clients, each under its own mandate, whose claims were handed over on 10 January 2026
 * (CLIENTA's in the placement of the day, CLIENTB's in "Lot janvier"). Late interest and the €40 are waived,
 * so that every cent paid goes to principal and the commissions can be worked out by hand.
 */
export async function agencyWorld(handle: DatabaseHandle, kind: 'agency' | 'creditor' = 'agency') {
  const tenantId = newId();
  const dataDir = mkdtempSync(join(tmpdir(), 'relance-agency-'));
  const at = (instant: string): Deps => ({ database: handle, clock: fixedClock(instant), dataDir });
  await handle.db
    .insertInto('tenants')
    .values({ tenant_id: tenantId, name: 'Agence Test', kind, locale: 'fr', created_at: '2026-01-05' })
    .execute();
  const actor: Actor = { tenantId, kind: 'user', id: 'admin-1', role: 'admin', creditorId: null };
  const january = at('2026-01-10T09:00:00.000Z');
  const a = await ensureCreditor(january, actor, {
    ref: 'CLIENTA',
    name: 'Client A SAS',
    isProfessional: true,
  });
  const b = await ensureCreditor(january, actor, {
    ref: 'CLIENTB',
    name: 'Client B SARL',
    isProfessional: true,
  });
  await handle.db
    .updateTable('creditors')
    .set({ interest_policy: 'waive', fixed_fee_policy: 'waive' })
    .where('tenant_id', '=', tenantId)
    .execute();
  await setCreditorDetails(january, actor, a.id, { email: 'compta@client-a.example' });
  if (kind === 'agency') {
    await setMandate(january, actor, a.id, flatMandate);
    await setMandate(january, actor, b.id, ageMandate);
  }
  const importA = await importClaims(january, actor, {
    creditorRef: 'CLIENTA',
    source: {
      kind: 'rows',
      fileName: 'client-a.csv',
      rows: [
        row('FA-1', 'Alpha SARL', '1 000,00', '2025-12-01'),
        row('FA-2', 'Bravo SAS', '500,00', '2025-11-15'),
      ],
    },
  });
  const importB = await importClaims(january, actor, {
    creditorRef: 'CLIENTB',
    placement: 'Lot janvier',
    source: {
      kind: 'rows',
      fileName: 'client-b.csv',
      rows: [
        row('FB-1', 'Charlie EURL', '800,00', '2025-12-20'),
        row('FB-2', 'Delta SA', '1 200,00', '2025-08-01'),
      ],
    },
  });
  const caseOf = async (invoice: string) => {
    const claim = await handle.db
      .selectFrom('claims')
      .select(['case_id', 'claim_id'])
      .where('tenant_id', '=', tenantId)
      .where('invoice_number', '=', invoice)
      .executeTakeFirstOrThrow();
    return claim.case_id;
  };
  /** Books a payment on the invoice's case, as of the day it was received. */
  const pay = async (
    invoice: string,
    amountMinor: number,
    receivedOn: string,
    method: 'card' | 'transfer',
    bookedAt = `${receivedOn}T10:00:00.000Z`,
  ) => {
    const input: RecordPaymentInput = {
      caseId: await caseOf(invoice),
      amountMinor,
      currency: 'EUR',
      method,
      channel: method === 'card' ? 'portal' : 'statement',
      provider: method === 'card' ? 'builtin' : 'bank',
      sourceKey: `test:${invoice}:${receivedOn}:${amountMinor}`,
      receivedOn,
    };
    return recordPayment(at(bookedAt), actor, input);
  };
  return {
    tenantId,
    actor,
    at,
    creditors: { a: a.id, b: b.id },
    imports: { a: importA, b: importB },
    caseOf,
    pay,
  };
}
