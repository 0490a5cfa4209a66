import {
  type InterestPayment,
  type IsoDate,
  isCurrencyCode,
  PRESCRIPTION_EVENT_KINDS,
  type PrescriptionEvent,
  parseAmount,
  parseDate,
} from '@relance/core';
import type { Cli } from '../context.ts';
import { CliError } from '../errors.ts';

/** The values of `relance calc`, checked with messages in the reader's language. */

function usage(message: string, details: Readonly<Record<string, unknown>>): CliError {
  return new CliError('usage', message, details);
}

export function requiredOption(cli: Cli, option: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '') {
    throw usage(cli.msg.calc.errors.missingOption(option), { option, reason: 'missing_option' });
  }
  return value;
}

/** '2024-03-15' or '15/03/2024' (day first, as French users write it). */
export function dateOption(cli: Cli, option: string, value: string): IsoDate {
  const parsed = parseDate(value, 'dmy');
  if (!parsed.ok) throw usage(cli.msg.calc.errors.invalidDate(option, value), { option, value });
  return parsed.value;
}

export function optionalDate(cli: Cli, option: string, value: string | undefined): IsoDate | undefined {
  return value === undefined ? undefined : dateOption(cli, option, value);
}

/** '1234.56', '1 234,56', '1234,56 €' → minor units. */
export function amountOption(cli: Cli, option: string, value: string, currency: string): number {
  const parsed = parseAmount(value, currency);
  if (!parsed.ok) throw usage(cli.msg.calc.errors.invalidAmount(option, value), { option, value });
  return parsed.value;
}

export function currencyOption(cli: Cli, value: string): string {
  const code = value.trim().toUpperCase();
  if (!isCurrencyCode(code))
    throw usage(cli.msg.calc.errors.invalidCurrency(value), { option: '--currency', value });
  return code;
}

/** '12.5', '12,5' or '12,5 %' → '12.5'. */
export function rateOption(cli: Cli, option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = value.replace(/\s*%$/, '').trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,4})?$/.test(text))
    throw usage(cli.msg.calc.errors.invalidRate(option, value), { option, value });
  return text;
}

/** '2024-07-31=3000' or '31/07/2024=3 000,00'. */
export function paymentOption(cli: Cli, value: string, currency: string): InterestPayment {
  const at = value.indexOf('=');
  const invalid = () => usage(cli.msg.calc.errors.invalidPayment(value), { option: '--payment', value });
  if (at < 0) throw invalid();
  const date = parseDate(value.slice(0, at), 'dmy');
  const amount = parseAmount(value.slice(at + 1), currency);
  if (!date.ok || !amount.ok) throw invalid();
  return { date: date.value, amountMinor: amount.value };
}

/** 'acknowledgement=2025-06-01', 'formal-notice=01/02/2025', 'mediation=2025-01-01..2025-01-31'. */
export function eventOption(cli: Cli, value: string): PrescriptionEvent {
  const invalid = () =>
    usage(cli.msg.calc.errors.invalidEvent(value, PRESCRIPTION_EVENT_KINDS.join(', ')), {
      option: '--event',
      value,
    });
  const at = value.indexOf('=');
  const kind = PRESCRIPTION_EVENT_KINDS.find((k) => k === value.slice(0, at).trim().toLowerCase());
  if (at < 0 || kind === undefined) throw invalid();
  const when = value.slice(at + 1);
  if (kind === 'mediation') {
    const [from, to, ...rest] = when.split('..').map((d) => parseDate(d, 'dmy'));
    if (!from?.ok || !to?.ok || rest.length > 0 || to.value < from.value) throw invalid();
    return { kind, from: from.value, to: to.value };
  }
  const date = parseDate(when, 'dmy');
  if (!date.ok) throw invalid();
  return { kind, date: date.value };
}

/** Commander's collector for repeatable options (no default value: commander would print it in English). */
export function collect(value: string, previous: readonly string[] | undefined): readonly string[] {
  return [...(previous ?? []), value];
}
