import { addMonths } from '@relance/core';
import type { Deps } from '../../shared/deps.ts';
import { setupActor } from '../setup/initialise-instance.ts';
import { setMandate } from './mandates.ts';

const STRATEGIES = ['b2b-standard', 'b2c-active', 'b2c-senior'];

/**
 * The demo agency's mandates, one per client, each a different way of paying the agency: a flat 15 % deducted
 * monthly, a scale by age of debt at placement, a scale by the claim's amount invoiced apart every fortnight.
 */
export const demoMandates: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  HEXAGONE: {
    commission: { kind: 'flat', rate: '15' },
    vatRate: '20',
    feeSettlement: 'deduct',
    allowedStrategies: STRATEGIES,
    planLimits: { maxInstalments: 12, minInstalmentMinor: 20_00 },
    remittance: { frequency: 'monthly', delayDays: 10 },
    scope: 'Factures d’énergie impayées des particuliers et professionnels, échues depuis plus de 15 jours.',
    powerToReceiveFunds: true,
  },
  AZURTEL: {
    commission: {
      kind: 'age',
      measuredAt: 'placement',
      bands: [
        { fromDays: 0, rate: '12' },
        { fromDays: 91, rate: '18' },
        { fromDays: 181, rate: '25' },
      ],
    },
    vatRate: '20',
    feeSettlement: 'deduct',
    allowedStrategies: ['b2c-active', 'b2c-senior', 'b2b-standard'],
    planLimits: { maxInstalments: 6, minInstalmentMinor: 15_00 },
    remittance: { frequency: 'monthly', delayDays: 15 },
    scope: 'Factures télécom impayées (mobile, internet) confiées après la deuxième relance interne.',
    powerToReceiveFunds: true,
  },
  BATIMAT: {
    commission: {
      kind: 'amount',
      bands: [
        { fromMinor: 0, rate: '20' },
        { fromMinor: 1000_00, rate: '15' },
        { fromMinor: 5000_00, rate: '10' },
      ],
    },
    vatRate: '20',
    feeSettlement: 'invoice',
    allowedStrategies: ['b2b-standard'],
    planLimits: { maxInstalments: 4, minInstalmentMinor: 100_00 },
    remittance: { frequency: 'fortnightly', delayDays: 7 },
    scope: 'Factures de matériaux impayées des clients professionnels.',
    powerToReceiveFunds: true,
  },
};

/**
 * Gives each demo client its mandate when it has none (a mandate changed by a person is kept), signed on the
 * first day of last month: the scheduler then closes last month only, not a year of empty statements.
 */
export async function ensureDemoMandates(
  deps: Deps,
  tenantId: string,
  creditorIds: ReadonlyMap<string, string>,
): Promise<void> {
  const existing = await deps.database.db
    .selectFrom('mandates')
    .select('creditor_id')
    .where('tenant_id', '=', tenantId)
    .execute();
  const actor = setupActor(tenantId);
  const signedOn = `${addMonths(deps.clock.today(), -1).slice(0, 7)}-01`;
  for (const [ref, creditorId] of creditorIds) {
    const terms = demoMandates[ref];
    if (!terms || existing.some((m) => m.creditor_id === creditorId)) continue;
    await setMandate(deps, actor, creditorId, { ...terms, signedOn });
  }
}
