import type { Address } from './api.ts';

/** The fields a letterhead shares, named by their path in the server's answer (so its errors land on them). */
export const PARTY_FIELDS = [
  'address.lines.0',
  'address.lines.1',
  'address.lines.2',
  'address.postalCode',
  'address.city',
  'address.country',
  'email',
  'phone',
  'registration',
  'iban',
  'bic',
] as const;
export type PartyField = (typeof PARTY_FIELDS)[number];

/** What the form holds: every field as typed. */
export type FormValues<F extends string> = Readonly<Record<F, string>>;

/** Why the browser refuses a value before asking the server (a key of `settings.invalid`). */
export type ClientError = 'required' | 'email' | 'country' | 'port' | 'accountSid' | 'messagingServiceSid';
export type ClientErrors<F extends string> = Readonly<Partial<Record<F, ClientError>>>;

type Party = {
  readonly address: Address | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly registration: string | null;
  readonly iban: string | null;
  readonly bic: string | null;
};

/** An IBAN in groups of four, as printed on a bank statement (the server stores it compact). */
export function spacedIban(iban: string): string {
  return iban.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

export function partyValuesOf(party: Party | null): FormValues<PartyField> {
  const lines = party?.address?.lines ?? [];
  return {
    'address.lines.0': lines[0] ?? '',
    'address.lines.1': lines[1] ?? '',
    'address.lines.2': lines[2] ?? '',
    'address.postalCode': party?.address?.postalCode ?? '',
    'address.city': party?.address?.city ?? '',
    'address.country': party?.address?.country ?? 'FR',
    email: party?.email ?? '',
    phone: party?.phone ?? '',
    registration: party?.registration ?? '',
    iban: spacedIban(party?.iban ?? ''),
    bic: party?.bic ?? '',
  };
}

/** A trimmed text, null when empty. */
export function textOrNull(value: string): string | null {
  const text = value.trim();
  return text === '' ? null : text;
}

const ADDRESS_PARTS = [
  'address.lines.0',
  'address.lines.1',
  'address.lines.2',
  'address.postalCode',
  'address.city',
] as const;

function hasAddress(values: FormValues<PartyField>): boolean {
  return ADDRESS_PARTS.some((field) => values[field].trim() !== '');
}

/** The party as the server takes it; the address is null while none of its lines, code or city is filled. */
export function partyOf(values: FormValues<PartyField>): Party {
  const lines = [values['address.lines.0'], values['address.lines.1'], values['address.lines.2']]
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return {
    address: hasAddress(values)
      ? {
          lines,
          postalCode: values['address.postalCode'].trim(),
          city: values['address.city'].trim(),
          country: values['address.country'].trim().toUpperCase() || 'FR',
        }
      : null,
    email: textOrNull(values.email),
    phone: textOrNull(values.phone),
    registration: textOrNull(values.registration),
    iban: textOrNull(values.iban),
    bic: textOrNull(values.bic),
  };
}

export const EMAIL_SHAPE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The obvious mistakes: an address begun but not finished, a malformed e-mail or country. IBAN and BIC: the server. */
export function checkParty(values: FormValues<PartyField>): ClientErrors<PartyField> {
  const errors: Partial<Record<PartyField, ClientError>> = {};
  if (hasAddress(values)) {
    if (values['address.lines.0'].trim() === '') errors['address.lines.0'] = 'required';
    if (values['address.postalCode'].trim() === '') errors['address.postalCode'] = 'required';
    if (values['address.city'].trim() === '') errors['address.city'] = 'required';
    if (!/^[A-Za-z]{2}$/.test(values['address.country'].trim())) errors['address.country'] = 'country';
  }
  if (values.email.trim() !== '' && !EMAIL_SHAPE.test(values.email.trim())) errors.email = 'email';
  return errors;
}
