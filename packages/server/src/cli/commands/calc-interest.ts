import {
  CREDITOR_KINDS,
  computeInterest,
  DEBTOR_KINDS,
  formatDate,
  formatMoney,
  INTEREST_REGIMES,
  type InterestComputation,
  type InterestError,
  type InterestInputField,
  type InterestRegime,
  minorToDecimalString,
  regimeCurrency,
} from '@relance/core';
import type { Cli } from '../context.ts';
import { CliError, type ExitCode, exitCodes } from '../errors.ts';
import { choiceOption } from '../options.ts';
import {
  amountOption,
  currencyOption,
  dateOption,
  optionalDate,
  paymentOption,
  rateOption,
  requiredOption,
} from './calc-options.ts';

export type InterestOptions = {
  readonly regime?: string;
  readonly principal?: string;
  readonly currency?: string;
  readonly from?: string;
  readonly to?: string;
  readonly creditor?: string;
  readonly contractRate?: string;
  readonly judgmentEnforceable?: string;
  readonly payment?: readonly string[];
  readonly debtor?: string;
};

const optionOf: Readonly<Record<InterestInputField, string>> = {
  principalMinor: '--principal',
  currency: '--currency',
  from: '--from',
  to: '--to',
  creditor: '--creditor',
  debtor: '--debtor',
  contractRatePercent: '--contract-rate',
  judgmentEnforceable: '--judgment-enforceable',
  payments: '--payment',
};

/** A missing rate is a failure of the tables (exit 1); anything else, a wrong option (exit 64). */
function toCliError(cli: Cli, regime: InterestRegime, error: InterestError): CliError {
  const { errors } = cli.msg.calc;
  if (error.kind === 'missing_rate') {
    const { regime, period, table } = error;
    return new CliError('failure', errors.missingRate(regime, period, table), {
      reason: 'missing_rate',
      regime,
      period,
      table,
    });
  }
  const option = optionOf[error.field];
  return new CliError('usage', errors.input[error.reason](option, regime, regimeCurrency(regime)), {
    option,
    reason: error.reason,
  });
}

export function calcInterest(cli: Cli, options: InterestOptions): ExitCode {
  const regime = choiceOption(
    cli,
    '--regime',
    requiredOption(cli, '--regime', options.regime),
    INTEREST_REGIMES,
    'fr-b2b',
  );
  const currency =
    options.currency === undefined ? regimeCurrency(regime) : currencyOption(cli, options.currency);
  const principal = requiredOption(cli, '--principal', options.principal);
  const creditor =
    options.creditor === undefined
      ? undefined
      : choiceOption(cli, '--creditor', options.creditor, CREDITOR_KINDS, 'professional');
  const result = computeInterest({
    regime,
    currency,
    principalMinor: amountOption(cli, '--principal', principal, currency),
    from: dateOption(cli, '--from', requiredOption(cli, '--from', options.from)),
    to: dateOption(cli, '--to', requiredOption(cli, '--to', options.to)),
    creditor,
    debtor: choiceOption(cli, '--debtor', options.debtor, DEBTOR_KINDS, 'business'),
    contractRatePercent: rateOption(cli, '--contract-rate', options.contractRate),
    judgmentEnforceable: optionalDate(cli, '--judgment-enforceable', options.judgmentEnforceable),
    payments: (options.payment ?? []).map((p) => paymentOption(cli, p, currency)),
  });
  if (!result.ok) throw toCliError(cli, regime, result.error);
  cli.document(interestDocument(cli, result.value));
  printInterest(cli, result.value);
  return exitCodes.ok;
}

function interestDocument(cli: Cli, c: InterestComputation) {
  const decimal = (minor: number) => minorToDecimalString(minor, c.currency);
  const { fixedCompensation: fixed } = c;
  return {
    ...c,
    principal: decimal(c.principalMinor),
    interest: decimal(c.interestMinor),
    segments: c.segments.map((s) => ({
      ...s,
      principal: decimal(s.principalMinor),
      interest: decimal(s.interestMinor),
    })),
    fixedCompensation: {
      ...fixed,
      amount: decimal(fixed.amountMinor),
      description: cli.msg.calc.compensation[fixed.basis],
    },
    payments: c.payments.map((p) => ({ ...p, amount: decimal(p.amountMinor) })),
    outstanding: {
      principal: decimal(c.outstandingPrincipalMinor),
      interest: decimal(c.outstandingInterestMinor),
      fees: decimal(c.outstandingFeesMinor),
      total: decimal(c.outstandingTotalMinor),
    },
    notes: c.notes.map((code) => ({ code, message: cli.msg.calc.notes[code] })),
  };
}

/** Columns padded to their widest cell; the numeric ones aligned right. */
function table(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  right: ReadonlySet<number>,
): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `  ${cells.map((c, i) => (right.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ')}`.trimEnd();
  return [line(head), ...rows.map(line)];
}

function printInterest(cli: Cli, c: InterestComputation): void {
  const { calc } = cli.msg;
  const money = (minor: number) => formatMoney(minor, c.currency, cli.lang);
  const date = (d: string) => formatDate(d, cli.lang);
  const decimal = (text: string) => (cli.lang === 'fr' ? text.replace('.', ',') : text);
  cli.line(
    calc.title(calc.regimes[c.regime], money(c.principalMinor), date(c.from), date(c.to), cli.count(c.days)),
  );
  const rows = c.segments.map((s) => [
    date(s.from),
    date(s.to),
    cli.count(s.days),
    `${decimal(s.ratePercent)} %`,
    money(s.principalMinor),
    money(s.interestMinor),
    `${calc.bases[s.basis]}${s.status === 'derived' ? calc.derived : ''}`,
  ]);
  if (rows.length === 0) cli.line(calc.noSegment);
  else for (const line of table(calc.columns, rows, new Set([2, 3, 4, 5]))) cli.line(line);
  cli.line(calc.interest(money(c.interestMinor), decimal(c.interestExact)));
  const fixed = c.fixedCompensation;
  cli.line(calc.fixed(money(fixed.amountMinor), calc.compensation[fixed.basis], fixed.reference));
  if (c.payments.length > 0) cli.line(calc.payments);
  for (const p of c.payments) {
    cli.line(
      calc.payment(
        date(p.date),
        money(p.amountMinor),
        money(p.toInterestMinor),
        money(p.toFeesMinor),
        money(p.toPrincipalMinor),
      ),
    );
    if (p.unimputedMinor > 0) cli.line(calc.overpaid(money(p.unimputedMinor)));
  }
  cli.line(
    calc.outstanding(
      money(c.outstandingTotalMinor),
      money(c.outstandingPrincipalMinor),
      money(c.outstandingInterestMinor),
      money(c.outstandingFeesMinor),
    ),
  );
  if (c.contractRate) {
    const {
      ratePercent,
      interestAtContractRateMinor: atContract,
      interestAtStatutoryRateMinor: atStatutory,
    } = c.contractRate;
    cli.line(
      calc.contract(
        `${decimal(ratePercent)} %`,
        money(atContract),
        atStatutory === null ? calc.unknown : money(atStatutory),
      ),
    );
  }
  for (const note of c.notes) cli.line(`! ${calc.notes[note]}`);
  cli.line(calc.convention);
}
