// The one public entry of @relance/core: the pure domain. Inside the package, import the file you need.

export type {
  CaseCollectability,
  CaseVerdict,
  ClaimFacts,
  ClaimStatus,
  ClaimVerdict,
  Collectability,
  CollectabilityBlock,
  CollectabilityWarning,
  ContactFacts,
} from './claims/collectability.ts';
export {
  assessCase,
  assessClaim,
  claimCaseVerdict,
  deriveClaimStatus,
  PRESCRIPTION_WARNING_DAYS,
} from './claims/collectability.ts';
export type { PrescriptionBasis, PrescriptionInput, Suspension } from './claims/prescription.ts';
export {
  isTimeBarred,
  PRESCRIPTION_REFERENCES,
  prescriptionBasis,
  prescriptionEndDate,
  prescriptionReference,
  prescriptionYears,
} from './claims/prescription.ts';
export type { ReasonLocale } from './claims/reasons.ts';
export { describeBlock, describeWarning } from './claims/reasons.ts';
export {
  frenchVatNumber,
  generateSiren,
  generateSiret,
  isValidSiren,
  isValidSiret,
  isValidVatNumber,
  normalizeEmail,
  normalizeSiren,
  normalizeSiret,
} from './debtors/identifiers.ts';
export type { PhoneKind, PhoneNumber } from './debtors/phones.ts';
export { normalizePhone } from './debtors/phones.ts';
export type { DateError, DateOrder, IsoDate } from './shared/dates.ts';
export {
  addDays,
  addMonths,
  addYears,
  compareDates,
  daysBetween,
  detectDateOrder,
  formatDate,
  isIsoDate,
  maxDate,
  minDate,
  parseDate,
} from './shared/dates.ts';
export type { DomainErrorCode } from './shared/errors.ts';
export { assertNever, DomainError } from './shared/errors.ts';
export type { AmountError, DecimalSeparator, Money, MoneyLocale } from './shared/money.ts';
export {
  addMoney,
  detectDecimalSeparator,
  formatMoney,
  isCurrencyCode,
  minorToDecimalString,
  minorUnitDigits,
  money,
  parseAmount,
  subtractMoney,
  sumMinor,
  sumMoney,
} from './shared/money.ts';
export type { Result } from './shared/result.ts';
export { err, ok } from './shared/result.ts';
