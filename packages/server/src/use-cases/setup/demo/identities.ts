import { generateSiren, makeIban } from '@relance/core';
import type { Deps } from '../../../shared/deps.ts';
import type { CreditorDetails, TenantIdentity } from '../../templates/identity-schemas.ts';

const siren = (seed: number) => generateSiren(seed).replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');

/** The demo agency, as its letters print it: its dedicated client account at a real-looking bank. */
export const demoAgencyIdentity: TenantIdentity = {
  legalName: 'Démo Recouvrement SAS',
  address: { lines: ['27 rue de la République'], postalCode: '69002', city: 'Lyon', country: 'FR' },
  email: 'contact@demo-recouvrement.test',
  phone: '+33 4 78 00 12 34',
  registration: `RCS Lyon ${siren(41_207_335)}`,
  signatory: 'Service recouvrement amiable',
  iban: makeIban('FR', '30004008190001234567805'),
  bic: 'BNPAFRPPXXX',
  activityStatement:
    'Société exerçant une activité de recouvrement amiable de créances pour le compte d’autrui (CPCE R124-1 et suivants).',
  insurer: 'Mutuelle Démo Assurances',
  insurancePolicy: 'RCP-2026-004512',
  declarationCourt: 'tribunal judiciaire de Lyon',
  declarationDate: '2025-11-04',
};

/** The demo creditors' letterheads, by ref. */
export const demoCreditorDetails: Readonly<Record<string, CreditorDetails>> = {
  HEXAGONE: {
    address: { lines: ['12 avenue de Wagram'], postalCode: '75008', city: 'Paris', country: 'FR' },
    email: 'recouvrement@hexagone-energie.test',
    phone: '+33 1 40 00 56 78',
    registration: `RCS Paris ${siren(41_236_507)}`,
    legalForm: 'SAS',
    iban: makeIban('FR', '30006000011234567890189'),
    bic: 'AGRIFRPP',
  },
  AZURTEL: {
    address: { lines: ['5 promenade des Anglais'], postalCode: '06000', city: 'Nice', country: 'FR' },
    email: 'impayes@azur-telecom.test',
    phone: '+33 4 93 00 90 12',
    registration: `RCS Nice ${siren(52_810_344)}`,
    legalForm: 'SA',
    iban: makeIban('FR', '10107001180012345678954'),
    bic: 'BREDFRPPXXX',
  },
  BATIMAT: {
    address: {
      lines: ['ZI des Forges', '14 rue de l’Industrie'],
      postalCode: '59000',
      city: 'Lille',
      country: 'FR',
    },
    email: 'compta-clients@batimat-distribution.test',
    phone: '+33 3 20 00 34 56',
    registration: `RCS Lille Métropole ${siren(38_904_112)}`,
    legalForm: 'SARL',
    iban: makeIban('FR', '20041010050500013M02606'),
    bic: 'PSSTFRPPLIL',
  },
};

/**
 * Fills the demo agency's identity and its creditors' letterheads when they are still empty, so that the
 * demo's letters show real-looking parties. Never overwrites what someone entered.
 */
export async function ensureDemoIdentities(
  deps: Deps,
  tenantId: string,
  creditorIds: ReadonlyMap<string, string>,
): Promise<void> {
  const db = deps.database.db;
  const now = deps.clock.now();
  await db
    .insertInto('tenant_settings')
    .values({
      tenant_id: tenantId,
      key: 'identity',
      value: JSON.stringify(demoAgencyIdentity),
      version: 1,
      updated_by: null,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
    .execute();
  for (const [ref, creditorId] of creditorIds) {
    const details = demoCreditorDetails[ref];
    if (!details) continue;
    await db
      .updateTable('creditors')
      .set({ details: JSON.stringify(details) })
      .where('tenant_id', '=', tenantId)
      .where('creditor_id', '=', creditorId)
      .where('details', 'is', null)
      .execute();
  }
}
