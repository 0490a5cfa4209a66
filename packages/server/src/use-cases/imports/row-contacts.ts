import { normalizeEmail, normalizePhone } from '@relance/core';
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

/** Reads e-mail and phone cells; an invalid one is kept as typed, marked invalid, and warned about. */
export const contactReader = {
  email(text: string, column: number, issues: RowIssues): ContactInput {
    const email = normalizeEmail(text);
    if (email !== null)
      return { kind: 'email', value: email, label: null, validity: 'valid', raw: null, address: null };
    issues.warn(column, 'invalid_email', text);
    return { kind: 'email', value: text, label: null, validity: 'invalid', raw: text, address: null };
  },

  phone(
    text: string,
    country: string | null,
    mobileColumn: boolean,
    column: number,
    issues: RowIssues,
  ): ContactInput {
    const phone = normalizePhone(text, country ?? 'FR');
    if (phone !== null) {
      const label = phone.kind === 'other' ? (mobileColumn ? 'mobile' : null) : phone.kind;
      return { kind: 'phone', value: phone.e164, label, validity: 'valid', raw: null, address: null };
    }
    issues.warn(column, 'invalid_phone', text);
    const label = mobileColumn ? 'mobile' : null;
    return { kind: 'phone', value: text, label, validity: 'invalid', raw: text, address: null };
  },
};

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
