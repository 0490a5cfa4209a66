import { describe, expect, it } from 'vitest';
import { emailFormOf, emailInputOf } from './email-values.ts';
import { checkIdentity, identityOf, identityValuesOf } from './identity-values.ts';
import { spacedIban } from './party-values.ts';
import { checkSmsForm, smsFormOf, smsInputOf } from './sms-values.ts';

describe('identity form', () => {
  it('sends an untouched address as null and empty texts as null', () => {
    const values = { ...identityValuesOf(null), legalName: ' Acme ' };
    expect(identityOf(values)).toEqual({
      legalName: 'Acme',
      address: null,
      email: null,
      phone: null,
      registration: null,
      signatory: null,
      iban: null,
      bic: null,
      activityStatement: null,
      insurer: null,
      insurancePolicy: null,
      declarationCourt: null,
      declarationDate: null,
    });
  });

  it('keeps the filled address lines, upper-cases the country, and checks an address begun', () => {
    const values = {
      ...identityValuesOf(null),
      legalName: 'Acme',
      'address.lines.1': '3 rue X',
      'address.country': 'be',
    };
    expect(checkIdentity(values, 'creditor')).toEqual({
      'address.lines.0': 'required',
      'address.postalCode': 'required',
      'address.city': 'required',
    });
    const filled = {
      ...values,
      'address.lines.0': 'Bât. A',
      'address.postalCode': '1000',
      'address.city': 'Bruxelles',
    };
    expect(identityOf(filled).address).toEqual({
      lines: ['Bât. A', '3 rue X'],
      postalCode: '1000',
      city: 'Bruxelles',
      country: 'BE',
    });
  });

  it('asks an agency for its account, and everyone for a legal name', () => {
    expect(checkIdentity(identityValuesOf(null), 'agency')).toEqual({
      legalName: 'required',
      iban: 'required',
    });
  });
});

describe('secrets are never sent back empty', () => {
  const view = {
    host: 'smtp.test',
    port: 587,
    security: 'starttls' as const,
    user: 'u',
    fromName: null,
    fromAddress: 'a@b.test',
    replyTo: null,
    readReceipt: true,
    passwordSet: true,
    source: 'tenant' as const,
  };

  it('leaves the SMTP password out when the field is empty (kept), sends null to remove it', () => {
    const form = emailFormOf(view);
    expect(emailInputOf(form)).not.toHaveProperty('password');
    expect(emailInputOf({ ...form, password: 's3cret' }).password).toBe('s3cret');
    expect(emailInputOf({ ...form, password: 's3cret', removePassword: true }).password).toBeNull();
  });

  it('leaves the Twilio token out when empty, and needs one only when none is stored', () => {
    const form = {
      ...smsFormOf({
        provider: 'builtin',
        accountSid: null,
        fromNumber: null,
        messagingServiceSid: null,
        transliterate: true,
        authTokenSet: false,
      }),
      provider: 'twilio' as const,
      accountSid: `AC${'a'.repeat(32)}`,
      fromNumber: '+33600000000',
    };
    expect(smsInputOf(form)).not.toHaveProperty('authToken');
    expect(checkSmsForm(form, false)).toEqual({ authToken: 'required' });
    expect(checkSmsForm(form, true)).toEqual({});
    expect(checkSmsForm({ ...form, accountSid: 'AC12' }, true)).toEqual({ accountSid: 'accountSid' });
  });
});

describe('spacedIban', () => {
  it('groups a compact IBAN by four for reading', () => {
    expect(spacedIban('FR7630004000031234567890143')).toBe('FR76 3000 4000 0312 3456 7890 143');
    expect(spacedIban('')).toBe('');
  });
});
