// The one public entry of @relance/core: the pure domain. Inside the package, import the file you need.

export type { Commission, CommissionBasis } from './agency/commission.ts';
export {
  bandIndex,
  computeCommission,
  debtAge,
  describeCommissionStep,
  roundToMinor,
  selectRate,
} from './agency/commission.ts';
export type { AgencyFigures, AgencyTotals, HandoverFacts } from './agency/comparison.ts';
export {
  addAgencyTotals,
  agencyFigures,
  agencyFiguresOf,
  agencyTotals,
  chooseAgency,
  median,
  medianOfCounts,
  NO_AGENCY_TOTALS,
} from './agency/comparison.ts';
export type {
  AgeBand,
  AgeMeasure,
  AmountBand,
  CommissionRule,
  FeeSettlement,
  MandateIssue,
  MandateIssueCode,
  MandateTerms,
  RemittanceFrequency,
} from './agency/mandate.ts';
export {
  checkMandate,
  describeMandateIssue,
  FEE_SETTLEMENTS,
  isRate,
  MAX_REMITTANCE_DELAY_DAYS,
  REMITTANCE_FREQUENCIES,
} from './agency/mandate.ts';
export type { MandatedPolicy, MandateLimits } from './agency/mandate-limits.ts';
export {
  assignStrategyWithin,
  checkAssignmentUnderMandates,
  markMandateViolations,
  planPolicyUnderMandate,
  strategyAllowed,
} from './agency/mandate-limits.ts';
export type { RemittancePeriod } from './agency/periods.ts';
export { endedPeriods, nextPeriod, parsePeriod, periodOf, remittanceDueOn } from './agency/periods.ts';
export type { StatementEntry, StatementTotals } from './agency/statement.ts';
export { statementTotals } from './agency/statement.ts';
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
  disputedPart,
  PRESCRIPTION_WARNING_DAYS,
  undisputedPart,
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
export { evaluateContact, nextAllowedInstant } from './compliance/gate.ts';
export type { HolidayCalendar } from './compliance/holidays.ts';
export { isPublicHoliday } from './compliance/holidays.ts';
export { COMPLIANCE_POLICIES, policyFor } from './compliance/policies.ts';
export { PROFILE_WINDOWS } from './compliance/profiles.ts';
export type {
  CeaseException,
  ChannelRule,
  CompliancePolicy,
  ConsentRequirement,
  ContactAttempt,
  ContactCap,
  ContactChannel,
  ContactHistory,
  ContactPurpose,
  ContactRequest,
  ContactStarter,
  ContactStatus,
  GateBlockCode,
  GateDecision,
  IsoWeekday,
  PolicyNote,
  QuietPeriod,
  WeeklyWindow,
} from './compliance/types.ts';
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
export type {
  CaseInterest,
  CaseInterestInput,
  ChargeChoice,
  ClaimInterest,
  InterestClaim,
} from './interest/case-interest.ts';
export { caseInterest } from './interest/case-interest.ts';
export { computeInterest } from './interest/compute-interest.ts';
export type { EnteredRate, EnteredRateProblem } from './interest/entered-rates.ts';
export {
  checkEnteredRate,
  missingRatePeriods,
  RATE_TABLE_NAMES,
  withEnteredRates,
} from './interest/entered-rates.ts';
export { fixedCompensation, regimeCurrency } from './interest/fixed-compensation.ts';
export type {
  ExplainedEvent,
  PrescriptionEvent,
  PrescriptionEventKind,
  PrescriptionEventReason,
  PrescriptionExplanation,
} from './interest/prescription-explained.ts';
export { explainPrescription, PRESCRIPTION_EVENT_KINDS } from './interest/prescription-explained.ts';
export type { EcbChange, LegalRate, RateTables, SemesterRate, UkReferenceRate } from './interest/rates.ts';
export { checkRateTables, RATE_TABLES } from './interest/rates.ts';
export type {
  ContractRateCheck,
  CreditorKind,
  DebtorKind,
  FixedCompensation,
  FixedCompensationBasis,
  InterestComputation,
  InterestError,
  InterestInput,
  InterestInputField,
  InterestNote,
  InterestPayment,
  InterestRegime,
  InterestSegment,
  InvalidInterestInput,
  PaymentImputation,
  RateBasis,
  RateStatus,
  RateTableName,
} from './interest/types.ts';
export { CREDITOR_KINDS, DEBTOR_KINDS, INTEREST_REGIMES } from './interest/types.ts';
export type {
  AgeingBalance,
  AgeingBucket,
  AgeingInput,
  AgeingItem,
  AgeingLine,
  DueDateRange,
} from './kpis/ageing.ts';
export {
  AGEING_BUCKETS,
  ageingBalance,
  ageingBucket,
  ageingBucketOfDays,
  bucketBounds,
} from './kpis/ageing.ts';
export type { AgentCollection, AgentLeague, LeagueRow } from './kpis/agents.ts';
export { agentLeague } from './kpis/agents.ts';
export type { Cei, CeiInput } from './kpis/cei.ts';
export { collectionEffectivenessIndex } from './kpis/cei.ts';
export type {
  Attribution,
  ChannelResponseInput,
  ChannelResponseReport,
  ChannelResponses,
  ResponseKind,
  ResponsePair,
  SentAction,
} from './kpis/channels.ts';
export { channelResponses, RESPONSE_KINDS } from './kpis/channels.ts';
export type { KpiLocale } from './kpis/common.ts';
export type { ContactRates, DispositionCount } from './kpis/contacts.ts';
export { contactRates, reachesPerson } from './kpis/contacts.ts';
export type {
  DisputeAgeBucket,
  DisputeFigures,
  DisputeRow,
  DisputeStatus,
  DisputeSummary,
} from './kpis/disputes.ts';
export { DISPUTE_AGE_BUCKETS, DISPUTE_STATUSES, disputeAgeBucket, disputeSummary } from './kpis/disputes.ts';
export type { Dso, DsoInput, DsoMonthUse, DsoPoint, DsoTrendPoint, SalesMonth } from './kpis/dso.ts';
export { countbackMonths, daysSalesOutstanding, dsoTrend } from './kpis/dso.ts';
export type {
  ExpectedAmount,
  Forecast,
  ForecastBucket,
  ForecastFigures,
  ForecastGranularity,
  ForecastInput,
} from './kpis/forecast.ts';
export { cashForecast, largestRemainder } from './kpis/forecast.ts';
export type {
  AttemptCount,
  AttemptStatus,
  FunnelChannel,
  FunnelStage,
  PaymentFunnel,
} from './kpis/funnel.ts';
export { ATTEMPT_STATUSES, FUNNEL_CHANNELS, paymentFunnel } from './kpis/funnel.ts';
export type { KpiKey } from './kpis/kpi-labels.ts';
export {
  AGEING_BUCKET_LABELS,
  DISPUTE_AGE_LABELS,
  DISPUTE_STATUS_LABELS,
  FUNNEL_CHANNEL_LABELS,
  FUNNEL_STAGE_LABELS,
  formatDays,
  INSTALMENT_STATUS_LABELS,
  KPI_DIMENSION_LABELS,
  KPI_KEYS,
  KPI_LABELS,
  kpiName,
  NO_TEAM_LABEL,
  PERIOD_GRANULARITY_LABELS,
  PLAN_STATUS_LABELS,
  PROMISE_STATUS_LABELS,
  RESPONSE_KIND_LABELS,
} from './kpis/kpi-labels.ts';
export type {
  LiquidationCollection,
  LiquidationCurve,
  LiquidationInput,
  LiquidationPlacement,
  LiquidationPoint,
} from './kpis/liquidation.ts';
export { liquidationCurves } from './kpis/liquidation.ts';
export type { CalendarPeriod, KpiDimension, MonthKey, PeriodGranularity } from './kpis/periods.ts';
export {
  calendarPeriod,
  calendarPeriods,
  groupRows,
  KPI_DIMENSIONS,
  PERIOD_GRANULARITIES,
} from './kpis/periods.ts';
export type {
  InstalmentFigures,
  InstalmentRow,
  InstalmentStatus,
  InstalmentSummary,
  PlanFigures,
  PlanRow,
  PlanStatus,
  PlanSummary,
} from './kpis/plans.ts';
export { INSTALMENT_STATUSES, instalmentSummary, PLAN_STATUSES, planSummary } from './kpis/plans.ts';
export type { PromiseFigures, PromiseRow, PromiseStatus, PromiseSummary } from './kpis/promises.ts';
export { PROMISE_STATUSES, promiseSummary } from './kpis/promises.ts';
export type { Ratio } from './kpis/ratio.ts';
export { addRatios, decimalQuotient, formatPercent, percent, ratio } from './kpis/ratio.ts';
export type { RecoveryRate, RecoveryTotals } from './kpis/recovery.ts';
export { recoveryRate } from './kpis/recovery.ts';
export type { CallWindow, CallWindowInput } from './messages/call-window.ts';
export { callWindow } from './messages/call-window.ts';
export type { SmsEncoding, SmsLength } from './messages/sms-segments.ts';
export { isGsm7, smsLength, toGsm7 } from './messages/sms-segments.ts';
export { allocatePayment, coverInstalments } from './payments/allocate.ts';
export type { AllocationLocale } from './payments/allocation-texts.ts';
export { describeAllocation, describeAllocationStep } from './payments/allocation-texts.ts';
export type {
  Allocation,
  AllocationClaim,
  AllocationError,
  AllocationInput,
  AllocationInputField,
  AllocationInstalment,
  AllocationLine,
  AllocationOrder,
  AllocationPart,
  AllocationPayment,
  AllocationPhase,
  AllocationRule,
  AllocationStep,
  InstalmentCoverage,
  RankedClaim,
} from './payments/allocation-types.ts';
export { ALLOCATION_ORDERS } from './payments/allocation-types.ts';
export { compactIban, formatIban, isValidBic, isValidIban, makeIban } from './payments/iban.ts';
export { buildAmountIndex } from './payments/matching/amount-index.ts';
export { invoiceLookupKeys, lineKeys } from './payments/matching/line-keys.ts';
export { matchLine } from './payments/matching/match-line.ts';
export { describeLineReason, describeMatchReason } from './payments/matching/match-texts.ts';
export type {
  AmountIndex,
  CaseCandidate,
  FoundReference,
  InvoiceHit,
  InvoiceToken,
  IssuedHit,
  IssuedKind,
  LineFacts,
  LineKeys,
  LineNote,
  LineReason,
  MatchCandidate,
  MatchDecision,
  MatchLocale,
  MatchLookup,
  MatchReason,
  MatchRule,
  MatchStatus,
  MatchVerdict,
  ReferencePlace,
} from './payments/matching/match-types.ts';
export { AUTO_MATCH_CONFIDENCE } from './payments/matching/match-types.ts';
export { nameSimilarity, nameTokens } from './payments/matching/payer-names.ts';
export {
  compactRfReference,
  formatRfReference,
  isValidRfReference,
  makeRfReference,
} from './payments/rf-reference.ts';
export type { PlanFrequency, PlanPolicy, PlanPolicyIssue } from './plans/policy.ts';
export { checkPlanPolicy, DEFAULT_PLAN_POLICY, PLAN_FREQUENCIES, readPlanPolicy } from './plans/policy.ts';
export type {
  PlanKind,
  PlanViolation,
  PlanViolationCode,
  Schedule,
  ScheduledInstalment,
  ScheduleInput,
} from './plans/schedule.ts';
export { computeSchedule, nthDueDate, PLAN_KINDS, planTotal, splitEvenly } from './plans/schedule.ts';
export type { ScriptIssue, ScriptIssueCode } from './scripts/check-script.ts';
export { checkScript } from './scripts/check-script.ts';
export { DEFAULT_SCRIPT_KEY, DEFAULT_SCRIPTS } from './scripts/default-scripts.ts';
export type {
  ScriptAction,
  ScriptAnswer,
  ScriptDefinition,
  ScriptNode,
  ScriptReason,
  SuggestedDisposition,
} from './scripts/definition.ts';
export { SCRIPT_ACTIONS, SCRIPT_REASONS, SUGGESTED_DISPOSITIONS } from './scripts/definition.ts';
export type { ScriptWalk } from './scripts/walk-script.ts';
export { walkScript } from './scripts/walk-script.ts';
export type { DateError, DateOrder, IsoDate } from './shared/dates.ts';
export {
  addDays,
  addMonths,
  addYears,
  compareDates,
  daysBetween,
  detectDateOrder,
  formatDate,
  fromEpochDay,
  isIsoDate,
  isoWeekday,
  maxDate,
  minDate,
  parseDate,
  toEpochDay,
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
export type { StrategyIssue } from './strategies/check-strategy.ts';
export { checkAssignment, checkStrategy } from './strategies/check-strategy.ts';
export type { Assignment, SegmentFacts } from './strategies/conditions.ts';
export { assignStrategy, decimalToMinor, matchCondition, profileOf } from './strategies/conditions.ts';
export type {
  ActionChannel,
  AssignmentRules,
  BacklogRule,
  Condition,
  DebtorProfile,
  Localized,
  Reactions,
  Step,
  StepAction,
  StepTiming,
  StrategyDefinition,
} from './strategies/definition.ts';
export { ACTION_CHANNELS } from './strategies/definition.ts';
export {
  B2B_LADDER,
  B2C_ACTIVE_LADDER,
  B2C_SENIOR_LADDER,
  DEFAULT_ASSIGNMENT,
  READY_STRATEGIES,
} from './strategies/library.ts';
export { planCase } from './strategies/plan.ts';
export type {
  ActionPurpose,
  CaseFacts,
  CasePlan,
  CaseStage,
  NextAction,
  PlanInput,
  PlannedAction,
  Reason,
  ReasonCode,
} from './strategies/plan-types.ts';
export type {
  CaseEvent,
  CaseEventKind,
  CaseProgress,
  PlanState,
  PromiseDate,
  PromiseState,
} from './strategies/progress.ts';
export { CASE_EVENT_KINDS, NEW_PROGRESS } from './strategies/progress.ts';
export { channelName, describeReason, nameReason } from './strategies/reasons.ts';
export type { VariableEntry, VariablePath, VariableType } from './templates/catalog.ts';
export { lookupVariable, VARIABLE_CATALOG } from './templates/catalog.ts';
export type { TemplateIssue, TemplateIssueCode } from './templates/check-template.ts';
export { checkTemplate, hasErrors } from './templates/check-template.ts';
export type { ParsedTemplate, Position, RenderOptions, TemplateNode } from './templates/engine.ts';
export { escapeHtml, parseTemplate, renderTemplate } from './templates/engine.ts';
export type { ShippedTemplate, TemplateChannel } from './templates/library/shipped.ts';
export {
  SHIPPED_TEMPLATES,
  shippedTemplate,
  TEMPLATE_CHANNELS,
  templateChannelOf,
} from './templates/library/shipped.ts';
export { sampleVariables } from './templates/sample-variables.ts';
export type {
  BalanceVariables,
  ClaimVariables,
  CollectorVariables,
  CreditorVariables,
  DateText,
  DebtorVariables,
  DisputeVariables,
  Language,
  LetterReference,
  MoneyText,
  PartyVariables,
  PaymentVariables,
  PlanInstalmentVariables,
  PlanVariables,
  PostalAddress,
  PromiseVariables,
  TemplateVariables,
} from './templates/variables.ts';
export type { CallScore, CallScoreInput, ScorePart } from './workspace/call-score.ts';
export { callScore } from './workspace/call-score.ts';
export type { Disposition, DispositionRule } from './workspace/dispositions.ts';
export { DISPOSITION_RULES, DISPOSITIONS, isDisposition } from './workspace/dispositions.ts';
export type { CheckedSchedule, PromiseScheduleIssue } from './workspace/promise-schedule.ts';
export {
  checkPromiseSchedule,
  DEFAULT_PROMISE_HORIZON_DAYS,
  MAX_PROMISE_DATES,
} from './workspace/promise-schedule.ts';
export type { NonPaymentReason } from './workspace/reasons.ts';
export { isNonPaymentReason, NON_PAYMENT_REASON_LABELS, NON_PAYMENT_REASONS } from './workspace/reasons.ts';
