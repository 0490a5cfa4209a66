import type { Language } from '@relance/core';
import type { TenantIdentity } from '../templates/identity-schemas.ts';

/**
 * What an agency's letters say of its insurance and its declaration (CPCE R124-2 1° and 3°), in the letter's
 * language; null where the identity does not say it (and for a creditor collecting its own invoices).
 */
export function agencyParticulars(
  identity: TenantIdentity | null,
  isAgency: boolean,
  language: Language,
  /** The letter's way of writing a date ("3 janvier 2024"). */
  longDate: (iso: string) => string,
): { readonly insurance: string | null; readonly declaration: string | null } {
  if (!isAgency || !identity) return { insurance: null, declaration: null };
  const fr = language === 'fr';
  const policy = identity.insurancePolicy;
  const insurance = identity.insurer
    ? fr
      ? `Assurance responsabilité civile professionnelle : ${identity.insurer}${policy ? `, contrat n° ${policy}` : ''}.`
      : `Professional liability insurance: ${identity.insurer}${policy ? `, policy no. ${policy}` : ''}.`
    : null;
  const court = identity.declarationCourt;
  const on = identity.declarationDate ? longDate(identity.declarationDate) : null;
  const declaration = court
    ? fr
      ? `Activité déclarée au procureur de la République près le ${court}${on ? ` le ${on}` : ''} (CPCE R124-2).`
      : `Activity declared to the public prosecutor at the ${court}${on ? ` on ${on}` : ''} (CPCE R124-2).`
    : null;
  return { insurance, declaration };
}
