import { isIsoDate } from '@relance/core';
import { isCurrencyText, type ParsedAmount, parseStatementAmount } from '../statements/statement-amounts.ts';
import type {
  BankTransactionCode,
  StatementLocation,
  StatementParty,
} from '../statements/statement-model.ts';
import type { StatementWarnings } from '../statements/statement-warnings.ts';
import { attribute, child, text, type XmlNode } from './xml-tree.ts';

/** Where a value is read, for the warnings: the location plus the element path. */
export type At = Partial<StatementLocation> & { readonly path: string };

/**
 * An amount element (`<Amt Ccy="EUR">8.850</Amt>`), or null when absent. A missing or malformed Ccy
 * takes `fallbackCurrency` (the account's) with a warning; an unreadable or rounded value is a warning.
 */
export function readAmount(
  node: XmlNode | undefined,
  fallbackCurrency: string | null,
  at: At,
  warnings: StatementWarnings,
): ParsedAmount | null {
  const value = text(node);
  if (value === null) return null;
  let currency = attribute(node, 'Ccy');
  if (!isCurrencyText(currency)) {
    if (fallbackCurrency === null) {
      warnings.add(
        'currency_missing',
        at,
        `montant ${value} sans devise lisible (Ccy="${currency ?? ''}") et aucune devise de compte : ignoré.`,
        `amount ${value} has no readable currency (Ccy="${currency ?? ''}") and the account has none: ignored.`,
      );
      return null;
    }
    warnings.add(
      'currency_missing',
      at,
      `montant ${value} sans devise lisible (Ccy="${currency ?? ''}") : lu dans la devise du compte, ${fallbackCurrency}.`,
      `amount ${value} has no readable currency (Ccy="${currency ?? ''}"): read in the account's currency, ${fallbackCurrency}.`,
    );
    currency = fallbackCurrency;
  }
  const amount = parseStatementAmount(value, currency);
  if (amount === null) {
    warnings.add(
      'amount_unreadable',
      at,
      `montant illisible « ${value} » (un nombre décimal avec un point est attendu).`,
      `unreadable amount "${value}" (a decimal number with a point is expected).`,
    );
    return null;
  }
  if (!amount.exact) {
    warnings.add(
      'amount_rounded',
      at,
      `le montant ${value} ${currency} a plus de décimales que la devise n'en a : gardé tel quel (${amount.decimal}) et arrondi au plus proche, demi vers le haut, pour les centimes (${amount.minor}).`,
      `the amount ${value} ${currency} has more decimals than the currency has: kept as written (${amount.decimal}) and rounded half-up to minor units (${amount.minor}).`,
    );
  }
  return amount;
}

/** The public part of a parsed amount (without its sign flag). */
export function plain(amount: ParsedAmount | null) {
  if (amount === null) return null;
  const { negative: _negative, ...rest } = amount;
  return rest;
}

export type ReadDate = { readonly date: string | null; readonly dateTime: string | null };

/** `<BookgDt><Dt>…</Dt></BookgDt>` or `<DtTm>`: the date as written, and the date-time when one was sent. */
export function readDate(node: XmlNode | undefined, at: At, warnings: StatementWarnings): ReadDate {
  if (node === undefined) return { date: null, dateTime: null };
  const dateTime = text(node, 'DtTm');
  const written = text(node, 'Dt') ?? dateTime;
  if (written === null) return { date: null, dateTime: null };
  if (!isIsoDate(written.slice(0, 10))) {
    warnings.add(
      'date_unreadable',
      at,
      `date illisible « ${written} » (AAAA-MM-JJ attendu).`,
      `unreadable date "${written}" (YYYY-MM-DD expected).`,
    );
    return { date: null, dateTime };
  }
  return { date: written.slice(0, 10), dateTime };
}

/** BkTxCd: ISO domain/family/sub-family and the bank's proprietary code; null when neither is there. */
export function readBankTxCode(node: XmlNode | undefined): BankTransactionCode | null {
  if (node === undefined) return null;
  const code: BankTransactionCode = {
    domain: text(node, 'Domn', 'Cd'),
    family: text(node, 'Domn', 'Fmly', 'Cd'),
    subFamily: text(node, 'Domn', 'Fmly', 'SubFmlyCd'),
    proprietary: text(node, 'Prtry', 'Cd'),
    proprietaryIssuer: text(node, 'Prtry', 'Issr'),
  };
  return Object.values(code).some((v) => v !== null) ? code : null;
}

/**
 * A related party and its account. Up to v07 the name is `Dbtr/Nm`; from v08 the party sits in
 * `Dbtr/Pty/Nm` (or is an agent: `Dbtr/Agt/FinInstnId/Nm`). Null when nothing is known.
 */
export function readParty(party: XmlNode | undefined, account: XmlNode | undefined): StatementParty | null {
  const who = child(party, 'Pty') ?? party;
  const ids = child(who, 'Id');
  const result: StatementParty = {
    name: text(who, 'Nm') ?? text(party, 'Agt', 'FinInstnId', 'Nm'),
    iban: text(account, 'Id', 'IBAN'),
    account: text(account, 'Id', 'Othr', 'Id'),
    id:
      text(ids, 'OrgId', 'Othr', 'Id') ??
      text(ids, 'PrvtId', 'Othr', 'Id') ??
      text(ids, 'OrgId', 'AnyBIC') ??
      text(ids, 'OrgId', 'BICOrBEI') ??
      text(ids, 'OrgId', 'LEI'),
  };
  return Object.values(result).some((v) => v !== null) ? result : null;
}

/** The name of an ultimate party (`UltmtDbtr/Nm`, from v08 `UltmtDbtr/Pty/Nm`). */
export function partyName(party: XmlNode | undefined): string | null {
  return text(party, 'Pty', 'Nm') ?? text(party, 'Nm');
}
