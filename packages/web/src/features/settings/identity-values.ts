import type { IdentityView, TenantIdentity } from './api.ts';
import {
  type ClientError,
  type ClientErrors,
  checkParty,
  type FormValues,
  PARTY_FIELDS,
  partyOf,
  partyValuesOf,
  textOrNull,
} from './party-values.ts';

export const IDENTITY_FIELDS = [
  'legalName',
  ...PARTY_FIELDS,
  'signatory',
  'activityStatement',
  'insurer',
  'insurancePolicy',
  'declarationCourt',
  'declarationDate',
] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

export function identityValuesOf(identity: TenantIdentity | null): FormValues<IdentityField> {
  return {
    legalName: identity?.legalName ?? '',
    ...partyValuesOf(identity),
    signatory: identity?.signatory ?? '',
    activityStatement: identity?.activityStatement ?? '',
    insurer: identity?.insurer ?? '',
    insurancePolicy: identity?.insurancePolicy ?? '',
    declarationCourt: identity?.declarationCourt ?? '',
    declarationDate: identity?.declarationDate ?? '',
  };
}

export function identityOf(values: FormValues<IdentityField>): TenantIdentity {
  return {
    legalName: values.legalName.trim(),
    ...partyOf(values),
    signatory: textOrNull(values.signatory),
    activityStatement: textOrNull(values.activityStatement),
    insurer: textOrNull(values.insurer),
    insurancePolicy: textOrNull(values.insurancePolicy),
    declarationCourt: textOrNull(values.declarationCourt),
    declarationDate: textOrNull(values.declarationDate),
  };
}

/** Beyond the letterhead's checks: a legal name, and for an agency its dedicated account (R124-2). */
export function checkIdentity(
  values: FormValues<IdentityField>,
  kind: IdentityView['kind'],
): ClientErrors<IdentityField> {
  const errors: Partial<Record<IdentityField, ClientError>> = { ...checkParty(values) };
  if (values.legalName.trim() === '') errors.legalName = 'required';
  if (kind === 'agency' && values.iban.trim() === '') errors.iban = 'required';
  return errors;
}
