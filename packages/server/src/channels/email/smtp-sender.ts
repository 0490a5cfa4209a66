import nodemailer from 'nodemailer';
import type { EmailSettings } from './email-settings.ts';

/** The SMTP server's answer to a message it accepted. */
export type SmtpAccepted = { readonly response: string; readonly queueId: string | null };

/**
 * A message the server did not take. `permanent`: a 5xx on the recipient or the data (no such user, message
 * refused): retrying cannot help. Otherwise (connection refused, timeout, 4xx) a later attempt may succeed.
 * `message` is the server's own words when it gave any.
 */
export class SmtpSendError extends Error {
  readonly permanent: boolean;
  readonly responseCode: number | null;
  readonly recipientRefused: boolean;
  constructor(message: string, permanent: boolean, responseCode: number | null, recipientRefused: boolean) {
    super(message);
    this.name = 'SmtpSendError';
    this.permanent = permanent;
    this.responseCode = responseCode;
    this.recipientRefused = recipientRefused;
  }
}

const TIMEOUT_MS = 30_000;

/** A transport for a tenant's settings; one connection per message (no pool: a dispatcher sends in bursts). */
export function smtpTransport(settings: EmailSettings) {
  return nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
}

export type SmtpTransport = ReturnType<typeof smtpTransport>;

/** Hands a ready MIME source to the server with its envelope; nothing in the source is changed. */
export async function sendRawEmail(
  transport: SmtpTransport,
  envelope: { readonly from: string; readonly to: string },
  raw: Buffer,
): Promise<SmtpAccepted> {
  try {
    const info = await transport.sendMail({ envelope: { from: envelope.from, to: [envelope.to] }, raw });
    const response = String(info.response ?? '');
    return { response, queueId: queueIdOf(response) };
  } catch (error) {
    throw classify(error);
  }
}

function classify(error: unknown): SmtpSendError {
  const e = error as {
    code?: string;
    responseCode?: number;
    command?: string;
    response?: string;
    message?: string;
  };
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  const words = e.response ?? e.message ?? String(error);
  const onMessage =
    e.command === 'RCPT TO' || e.command === 'DATA' || e.code === 'EENVELOPE' || e.code === 'EMESSAGE';
  const permanent = code !== null && code >= 500 && code < 600 && onMessage;
  return new SmtpSendError(words, permanent, code, e.command === 'RCPT TO');
}

/** "250 2.0.0 Ok: queued as 4B7C21" → "4B7C21"; the whole answer when no id can be read. */
function queueIdOf(response: string): string | null {
  const match = /queued as\s+(\S+)/i.exec(response) ?? /\bid=(\S+)/i.exec(response);
  return match?.[1] ?? (response.trim() || null);
}
