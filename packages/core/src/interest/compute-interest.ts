import { addDays, compareDates, daysBetween } from '../shared/dates.ts';
import { minorUnitDigits } from '../shared/money.ts';
import type { Result } from '../shared/result.ts';
import { ok } from '../shared/result.ts';
import { Exact, type ExactDecimal } from './decimal.ts';
import { fixedCompensation } from './fixed-compensation.ts';
import { cutWindow, semesterCuts } from './periods.ts';
import { formatRate, majorationCut, type RateRule, segmentRate } from './rate-rules.ts';
import { RATE_TABLES, type RateTables } from './rates.ts';
import type {
  ContractRateCheck,
  InterestComputation,
  InterestError,
  InterestInput,
  InterestNote,
  InterestPayment,
  InterestSegment,
  PaymentImputation,
} from './types.ts';
import { validateInterestInput } from './validate-input.ts';

/** Decimals of the unrounded amounts: more than any rounding rule needs, few enough to read. */
const EXACT_DECIMALS = 10;
/** ACT/365 fixed, even in leap years (legal-rules.md §0): rate in percent × days / 36 500. */
const DAY_BASIS = 36_500;

type Ledger = {
  readonly principalMinor: number;
  readonly interestDueMinor: number;
  readonly feesDueMinor: number;
  readonly imputations: readonly PaymentImputation[];
};

type Run = {
  readonly segments: readonly InterestSegment[];
  readonly exactMinor: ExactDecimal;
  readonly ledger: Ledger;
};

function toMajor(exactMinor: ExactDecimal, currency: string): string {
  return exactMinor.div(new Exact(10).pow(minorUnitDigits(currency))).toFixed(EXACT_DECIMALS);
}

/**
 * C. civ. 1343-1: a partial payment goes to interest first. The fixed compensation is an accessory of the
 * claim and goes next, before principal (OPEN QUESTION Q5, read as Cass. civ. 1, 7 Feb 1995 does).
 */
function impute(ledger: Ledger, payment: InterestPayment): Ledger {
  let left = payment.amountMinor;
  const take = (due: number) => {
    const paid = Math.min(left, due);
    left -= paid;
    return paid;
  };
  const toInterestMinor = take(ledger.interestDueMinor);
  const toFeesMinor = take(ledger.feesDueMinor);
  const toPrincipalMinor = take(ledger.principalMinor);
  return {
    principalMinor: ledger.principalMinor - toPrincipalMinor,
    interestDueMinor: ledger.interestDueMinor - toInterestMinor,
    feesDueMinor: ledger.feesDueMinor - toFeesMinor,
    imputations: [
      ...ledger.imputations,
      { ...payment, toInterestMinor, toFeesMinor, toPrincipalMinor, unimputedMinor: left },
    ],
  };
}

/** The window cut at every day where the rate or the principal may change. */
function pieces(input: InterestInput) {
  const cuts = [
    ...(input.regime === 'uk' ? [] : semesterCuts(input.from, input.to)),
    ...(input.payments ?? []).map((p) => p.date),
  ];
  const majoration = majorationCut(input);
  if (majoration !== undefined) cuts.push(majoration);
  return cutWindow(input.from, input.to, cuts);
}

function run(
  input: InterestInput,
  tables: RateTables,
  rule: RateRule,
  feesMinor: number,
): Result<Run, InterestError> {
  const payments = [...(input.payments ?? [])].sort((a, b) => compareDates(a.date, b.date));
  let next = 0;
  let ledger: Ledger = {
    principalMinor: input.principalMinor,
    interestDueMinor: 0,
    feesDueMinor: feesMinor,
    imputations: [],
  };
  const payUntil = (date: string) => {
    for (
      let payment = payments[next];
      payment && compareDates(payment.date, date) <= 0;
      payment = payments[next]
    ) {
      ledger = impute(ledger, payment);
      next++;
    }
  };
  const segments: InterestSegment[] = [];
  let exactMinor = new Exact(0);
  for (const piece of pieces(input)) {
    payUntil(piece.from);
    if (ledger.principalMinor === 0) continue;
    const rate = segmentRate(input, tables, rule, addDays(piece.from, 1));
    if (!rate.ok) return rate;
    const exact = new Exact(ledger.principalMinor)
      .times(rate.value.ratePercent)
      .times(piece.days)
      .div(DAY_BASIS);
    const interestMinor = exact.toDecimalPlaces(0).toNumber();
    segments.push({
      ...piece,
      ...rate.value,
      principalMinor: ledger.principalMinor,
      interestMinor,
      interestExact: toMajor(exact, input.currency),
    });
    exactMinor = exactMinor.plus(exact);
    ledger = { ...ledger, interestDueMinor: ledger.interestDueMinor + interestMinor };
  }
  payUntil(input.to);
  return ok<Run>({ segments, exactMinor, ledger });
}

function sumInterest(segments: readonly InterestSegment[]): number {
  return segments.reduce((total, s) => total + s.interestMinor, 0);
}

/** fr-b2b with a contract rate: the amounts at the contract rate as written and at ECB + 10. */
function checkContractRate(
  input: InterestInput,
  tables: RateTables,
  applied: Run,
  feesMinor: number,
): ContractRateCheck | null {
  if (input.regime !== 'fr-b2b' || input.contractRatePercent === undefined) return null;
  const asWritten = run(input, tables, 'contract-as-written', feesMinor);
  const statutory = run(input, tables, 'statutory', feesMinor);
  return {
    ratePercent: formatRate(input.contractRatePercent),
    belowFloor: applied.segments.some((s) => s.basis === 'legal-floor'),
    interestAtContractRateMinor: asWritten.ok ? sumInterest(asWritten.value.segments) : 0,
    interestAtStatutoryRateMinor: statutory.ok ? sumInterest(statutory.value.segments) : null,
  };
}

function notesOf(input: InterestInput, applied: Run, contract: ContractRateCheck | null): InterestNote[] {
  const notes: InterestNote[] = [];
  if (contract?.belowFloor) notes.push('contract_rate_below_floor');
  if (applied.segments.some((s) => s.status === 'derived')) notes.push('derived_rate');
  if (applied.segments.some((s) => s.basis.endsWith('+5'))) notes.push('judgment_majoration');
  if (input.debtor === 'consumer' && input.regime !== 'fr-legal') {
    notes.push('consumer_no_fixed_compensation', 'b2b_regime_consumer_debtor');
  }
  if (applied.ledger.imputations.some((p) => p.unimputedMinor > 0)) notes.push('overpayment');
  return notes;
}

/**
 * Late-payment interest on one claim, by the conventions of legal-rules.md §0: interest accrues on each
 * day x with from < x ≤ to, ACT/365 fixed, split at every rate change (1 Jan / 1 Jul, the L313-3
 * majoration) and at every payment; each segment is rounded half-up to the minor unit, then added.
 * A rate that is not in the tables is an error naming the regime and the semester, never a zero.
 */
export function computeInterest(
  input: InterestInput,
  tables: RateTables = RATE_TABLES,
): Result<InterestComputation, InterestError> {
  const valid = validateInterestInput(input);
  if (!valid.ok) return valid;
  const fees = fixedCompensation(input.regime, input.principalMinor, input.currency, input.debtor);
  if (!fees.ok) return fees;
  const applied = run(input, tables, 'applied', fees.value.amountMinor);
  if (!applied.ok) return applied;
  const { segments, ledger } = applied.value;
  const contractRate = checkContractRate(input, tables, applied.value, fees.value.amountMinor);
  const outstanding = ledger.principalMinor + ledger.interestDueMinor + ledger.feesDueMinor;
  return ok({
    regime: input.regime,
    currency: input.currency,
    principalMinor: input.principalMinor,
    from: input.from,
    to: input.to,
    days: daysBetween(input.from, input.to),
    segments,
    interestMinor: sumInterest(segments),
    interestExact: toMajor(applied.value.exactMinor, input.currency),
    fixedCompensation: fees.value,
    payments: ledger.imputations,
    outstandingPrincipalMinor: ledger.principalMinor,
    outstandingInterestMinor: ledger.interestDueMinor,
    outstandingFeesMinor: ledger.feesDueMinor,
    outstandingTotalMinor: outstanding,
    contractRate,
    notes: notesOf(input, applied.value, contractRate),
  });
}
