import type { SmsProvider, SmsSettingsInput, SmsSettingsView } from './api.ts';
import { type ClientError, type ClientErrors, textOrNull } from './party-values.ts';

export type SmsForm = {
  readonly provider: SmsProvider;
  readonly accountSid: string;
  /** A new token; empty keeps the stored one. */
  readonly authToken: string;
  readonly fromNumber: string;
  readonly messagingServiceSid: string;
  readonly transliterate: boolean;
};
export type SmsField = 'accountSid' | 'authToken' | 'fromNumber' | 'messagingServiceSid';
export const SMS_FIELDS: readonly SmsField[] = [
  'accountSid',
  'authToken',
  'fromNumber',
  'messagingServiceSid',
];

export function smsFormOf(view: SmsSettingsView): SmsForm {
  return {
    provider: view.provider,
    accountSid: view.accountSid ?? '',
    authToken: '',
    fromNumber: view.fromNumber ?? '',
    messagingServiceSid: view.messagingServiceSid ?? '',
    transliterate: view.transliterate,
  };
}

/** The body of the PUT; an empty token is left out, which keeps the stored one (the server cannot remove it). */
export function smsInputOf(form: SmsForm): SmsSettingsInput {
  const settings = {
    provider: form.provider,
    accountSid: textOrNull(form.accountSid),
    fromNumber: textOrNull(form.fromNumber),
    messagingServiceSid: textOrNull(form.messagingServiceSid),
    transliterate: form.transliterate,
  };
  const token = form.authToken.trim();
  return token === '' ? settings : { ...settings, authToken: token };
}

/** What Twilio needs (the server's list): an account SID, a token (new or stored), a sender or a service. */
export function checkSmsForm(form: SmsForm, tokenStored: boolean): ClientErrors<SmsField> {
  const errors: Partial<Record<SmsField, ClientError>> = {};
  const sid = form.accountSid.trim();
  const service = form.messagingServiceSid.trim();
  if (sid !== '' && !/^AC[0-9a-fA-F]{32}$/.test(sid)) errors.accountSid = 'accountSid';
  if (service !== '' && !/^MG[0-9a-fA-F]{32}$/.test(service))
    errors.messagingServiceSid = 'messagingServiceSid';
  if (form.provider === 'twilio') {
    if (sid === '') errors.accountSid = 'required';
    if (form.authToken.trim() === '' && !tokenStored) errors.authToken = 'required';
    if (form.fromNumber.trim() === '' && service === '') errors.fromNumber = 'required';
  }
  return errors;
}
