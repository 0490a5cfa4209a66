import { normalizeEmail, normalizePhone, type PhoneNumber } from '@relance/core';
import type { ContactKind, ContactValidity } from '../../db/schema.ts';
import type { RowIssues } from './row-issues.ts';

/** A contact as read from a row; its identity is (kind, value). */
export type ContactInput = {
  readonly kind: ContactKind;
  /** E-mail, E.164 number, one-line postal address — or, when invalid, what was typed. */
  readonly value: string;
  readonly label: string | null;
  readonly validity: ContactValidity;
  /** What was typed, when it could not be normalised. */
  readonly raw: string | null;
  readonly address: PostalAddress | null;
};

export type PostalAddress = {
  readonly line1: string | null;
  readonly line2: string | null;
  readonly postalCode: string | null;
  readonly city: string | null;
  readonly country: string | null;
};

type Memo<T> = Map<string, T>;

/** Normalisations are memoised for the whole import: a debtor's e-mail repeats on each of its invoices. */
export class ContactReader {
  readonly #emails: Memo<string | null> = new Map();
  readonly #phones: Memo<PhoneNumber | null> = new Map();

  email(text: string, column: number, issues: RowIssues): ContactInput {
    let email = this.#emails.get(text);
    if (email === undefined) {
      email = normalizeEmail(text);
      remember(this.#emails, text, email);
    }
    if (email !== null)
      return { kind: 'email', value: email, label: null, validity: 'valid', raw: null, address: null };
    issues.warn(column, 'invalid_email', text);
    return { kind: 'email', value: text, label: null, validity: 'invalid', raw: text, address: null };
  }

  phone(
    text: string,
    country: string | null,
    mobileColumn: boolean,
    column: number,
    issues: RowIssues,
  ): ContactInput {
    const key = country === null ? text : `${country}\u0000${text}`;
    let phone = this.#phones.get(key);
    if (phone === undefined) {
      phone = normalizePhone(text, country ?? 'FR');
      remember(this.#phones, key, phone);
    }
    if (phone !== null) {
      const label = phone.kind === 'other' ? (mobileColumn ? 'mobile' : null) : phone.kind;
      return { kind: 'phone', value: phone.e164, label, validity: 'valid', raw: null, address: null };
    }
    issues.warn(column, 'invalid_phone', text);
    const label = mobileColumn ? 'mobile' : null;
    return { kind: 'phone', value: text, label, validity: 'invalid', raw: text, address: null };
  }
}

/** A postal contact when any part of the address is given; its value is the address on one line. */
export function postalContact(address: PostalAddress): ContactInput | null {
  const { line1, line2, postalCode, city, country } = address;
  if (line1 === null && line2 === null && postalCode === null && city === null) return null;
  const place = [postalCode, city].filter((p) => p !== null).join(' ');
  const value = [line1, line2, place, country !== null && country !== 'FR' ? country : null]
    .filter((p) => p !== null && p !== '')
    .join(', ')
    .replace(/\s+/g, ' ');
  return { kind: 'postal', value, label: null, validity: 'unverified', raw: null, address };
}

const MEMO_LIMIT = 200_000;

function remember<T>(memo: Memo<T>, key: string, value: T): void {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
}
