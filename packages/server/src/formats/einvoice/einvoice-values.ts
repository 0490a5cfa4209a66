import { DomainError, isCurrencyCode } from '@relance/core';
import { text, type XmlNode } from '../camt/xml-tree.ts';
import { parseStatementAmount } from '../statements/statement-amounts.ts';

/** The file a value is read from, to say where a refusal comes from. */
export type ReadContext = { readonly fileName: string };

export type EInvoiceErrorReason =
  | 'not_an_einvoice'
  | 'missing_element'
  | 'invalid_amount'
  | 'inexact_amount'
  | 'invalid_date'
  | 'invalid_currency'
  | 'pdf_unreadable'
  | 'pdf_without_invoice'
  | 'empty';

/**
 * The one refusal of the e-invoice readers: `import_unreadable`, in English with its French in
 * `details.fr` (as the statement readers do), naming the file and, when there is one, the element.
 */
export function einvoiceError(
  ctx: ReadContext,
  reason: EInvoiceErrorReason,
  en: string,
  fr: string,
  element: string | null = null,
): DomainError {
  const at = element === null ? '' : ` (${element})`;
  return new DomainError('import_unreadable', `${ctx.fileName}: ${en}${at}.`, {
    reason,
    file: ctx.fileName,
    element,
    fr: `${ctx.fileName} : ${fr}${at}.`,
  });
}

/** The text at `path`, or a refusal naming the element when a mandatory one is missing or empty. */
export function requiredText(
  node: XmlNode | undefined,
  path: readonly string[],
  element: string,
  ctx: ReadContext,
): string {
  const value = text(node, ...path);
  if (value === null) throw missing(ctx, element);
  return value;
}

export function missing(ctx: ReadContext, element: string): DomainError {
  return einvoiceError(
    ctx,
    'missing_element',
    'a mandatory element is missing',
    'élément obligatoire absent',
    element,
  );
}

/**
 * A decimal amount as written ('529.87', '-8.79', '2337.5', '8550', '8.850') → integer minor units of
 * `currency` (ISO 4217 digits: EUR 2, JPY 0, TND 3), by string arithmetic. An amount that is not a plain
 * decimal, or whose significant digits go below the currency's minor unit ('10.005' EUR), is refused:
 * rounding an invoice's total would make it say something it does not.
 */
export function readMinor(value: string, currency: string, element: string, ctx: ReadContext): number {
  const parsed = parseStatementAmount(value, currency);
  if (parsed === null) {
    throw einvoiceError(
      ctx,
      'invalid_amount',
      `"${value}" is not an amount`,
      `« ${value} » n’est pas un montant`,
      element,
    );
  }
  if (!parsed.exact) {
    throw einvoiceError(
      ctx,
      'inexact_amount',
      `${value} ${currency} cannot be expressed exactly in ${currency} minor units (no rounding is made)`,
      `${value} ${currency} ne s’exprime pas exactement en centimes de ${currency} (aucun arrondi n’est fait)`,
      element,
    );
  }
  return parsed.negative ? -parsed.minor : parsed.minor;
}

/** An optional amount element: null when absent. */
export function optionalMinor(
  node: XmlNode | undefined,
  path: readonly string[],
  currency: string,
  element: string,
  ctx: ReadContext,
): number | null {
  const value = text(node, ...path);
  return value === null ? null : readMinor(value, currency, element, ctx);
}

export function readCurrency(value: string, element: string, ctx: ReadContext): string {
  const code = value.trim().toUpperCase();
  if (!isCurrencyCode(code)) {
    throw einvoiceError(
      ctx,
      'invalid_currency',
      `"${value}" is not an ISO 4217 currency code`,
      `« ${value} » n’est pas un code de devise ISO 4217`,
      element,
    );
  }
  return code;
}

/** '20220131' (CII format 102), '2022-01-31' (UBL, and CII written loosely) → '2022-01-31'; null otherwise. */
export function isoDateOf(value: string): string | null {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const date = `${y}-${m}-${d}`;
  const check = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== date ? null : date;
}

export function readDate(value: string, element: string, ctx: ReadContext): string {
  const date = isoDateOf(value);
  if (date === null) {
    throw einvoiceError(
      ctx,
      'invalid_date',
      `"${value}" is not a date (YYYYMMDD or YYYY-MM-DD)`,
      `« ${value} » n’est pas une date (AAAAMMJJ ou AAAA-MM-JJ)`,
      element,
    );
  }
  return date;
}

/** A name written over several lines or with runs of spaces, on one line. */
export function oneLine(value: string): string {
  return value
    .split(/\s*[\r\n]+\s*/)
    .filter((part) => part !== '')
    .join(', ')
    .replace(/[ \t]+/g, ' ');
}

/** Whitespace-free, for codes people write with spaces ('FR 05 987 654 321'). */
export function compact(value: string): string {
  return value.replace(/\s+/g, '');
}
