import type { EmailSettingsInput, EmailSettingsView, SmtpSecurity } from './api.ts';
import { type ClientError, type ClientErrors, textOrNull } from './party-values.ts';

export type EmailForm = {
  readonly host: string;
  readonly port: string;
  readonly security: SmtpSecurity;
  readonly user: string;
  /** A new password; empty keeps the stored one. */
  readonly password: string;
  /** Remove the stored password (sent as null). */
  readonly removePassword: boolean;
  readonly fromName: string;
  readonly fromAddress: string;
  readonly replyTo: string;
  readonly readReceipt: boolean;
};
export type EmailField = 'host' | 'port' | 'user' | 'password' | 'fromName' | 'fromAddress' | 'replyTo';
export const EMAIL_FIELDS: readonly EmailField[] = [
  'host',
  'port',
  'user',
  'password',
  'fromName',
  'fromAddress',
  'replyTo',
];

export function emailFormOf(view: EmailSettingsView | null): EmailForm {
  return {
    host: view?.host ?? '',
    port: String(view?.port ?? 587),
    security: view?.security ?? 'starttls',
    user: view?.user ?? '',
    password: '',
    removePassword: false,
    fromName: view?.fromName ?? '',
    fromAddress: view?.fromAddress ?? '',
    replyTo: view?.replyTo ?? '',
    readReceipt: view?.readReceipt ?? false,
  };
}

/**
 * The body of the PUT. An empty password is left out, which keeps the tenant's stored one (the server's
 * rule; a password of RELANCE_SMTP_URL is not copied); "remove" sends null.
 */
export function emailInputOf(form: EmailForm): EmailSettingsInput {
  const settings = {
    host: form.host.trim(),
    port: Number(form.port),
    security: form.security,
    user: textOrNull(form.user),
    fromName: textOrNull(form.fromName),
    fromAddress: form.fromAddress.trim(),
    replyTo: textOrNull(form.replyTo),
    readReceipt: form.readReceipt,
  };
  if (form.removePassword) return { ...settings, password: null };
  return form.password === '' ? settings : { ...settings, password: form.password };
}

/** The server's own test for a sender address. */
const ADDRESS_SHAPE = /^[^@\s]+@[^@\s]+$/;

export function checkEmailForm(form: EmailForm): ClientErrors<EmailField> {
  const errors: Partial<Record<EmailField, ClientError>> = {};
  if (form.host.trim() === '') errors.host = 'required';
  const port = Number(form.port);
  if (form.port.trim() === '' || !Number.isInteger(port) || port < 1 || port > 65_535) errors.port = 'port';
  const from = form.fromAddress.trim();
  if (from === '') errors.fromAddress = 'required';
  else if (!ADDRESS_SHAPE.test(from)) errors.fromAddress = 'email';
  const replyTo = form.replyTo.trim();
  if (replyTo !== '' && !ADDRESS_SHAPE.test(replyTo)) errors.replyTo = 'email';
  return errors;
}
