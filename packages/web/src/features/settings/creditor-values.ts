import type { CreditorDetails } from './api.ts';
import { type FormValues, PARTY_FIELDS, partyOf, partyValuesOf, textOrNull } from './party-values.ts';

export const CREDITOR_FIELDS = [...PARTY_FIELDS, 'legalForm'] as const;
export type CreditorField = (typeof CREDITOR_FIELDS)[number];

export function creditorValuesOf(details: CreditorDetails | null): FormValues<CreditorField> {
  return { ...partyValuesOf(details), legalForm: details?.legalForm ?? '' };
}

export function creditorDetailsOf(values: FormValues<CreditorField>): CreditorDetails {
  return { ...partyOf(values), legalForm: textOrNull(values.legalForm) };
}
