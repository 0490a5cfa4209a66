import { smsLength, toGsm7 } from '@relance/core';
import twilio from 'twilio';
import type TwilioRequestClient from 'twilio/lib/base/RequestClient.js';
import { type SmsMessage, type SmsProvider, SmsSendError, type SmsSent } from './sms-message.ts';
import type { SmsSettings } from './sms-settings.ts';
import { twilioErrorMeaning } from './twilio-errors.ts';

export const TWILIO = 'twilio';

/**
 * Twilio error codes after which the same message can never go: the number is invalid, unreachable by SMS,
 * or its owner replied STOP. Anything else on a 4xx is also a refusal of this request, except throttling and
 * the account's own credentials (a person fixes those, then the retries go through).
 */
const PERMANENT_CODES = new Set([
  21211, 21214, 21217, 21401, 21407, 21408, 21421, 21604, 21610, 21612, 21614,
]);

export type TwilioOptions = {
  /**
   * Another base than https://api.twilio.com (a test server speaking Twilio's REST API, a compatible
   * gateway); set by the operator (RELANCE_TWILIO_API_URL), never by a tenant.
   */
  readonly apiBaseUrl?: string | null;
};

/**
 * Twilio's Programmable Messaging through the official SDK. Twilio takes no idempotency key on create, so a
 * dispatcher that dies between the hand-over and its record cannot know whether the message left.
 */
export function twilioSmsProvider(settings: SmsSettings, options: TwilioOptions = {}): SmsProvider {
  const { accountSid, authToken } = settings;
  if (!accountSid || !authToken) {
    return {
      name: TWILIO,
      idempotent: false,
      send: () =>
        Promise.reject(
          new SmsSendError('Twilio is chosen but its account SID or auth token is missing.', false),
        ),
    };
  }
  const client = twilio(accountSid, authToken, {
    ...(options.apiBaseUrl ? { httpClient: redirectedClient(options.apiBaseUrl) } : {}),
  });
  return {
    name: TWILIO,
    idempotent: false,
    async send(message: SmsMessage): Promise<SmsSent> {
      const body = settings.transliterate ? toGsm7(message.body) : message.body;
      const sender = message.from
        ? { from: message.from }
        : settings.messagingServiceSid
          ? { messagingServiceSid: settings.messagingServiceSid }
          : { from: settings.fromNumber ?? '' };
      try {
        const created = await client.messages.create({
          to: message.to,
          body,
          ...sender,
          ...(message.statusCallbackUrl ? { statusCallback: message.statusCallbackUrl } : {}),
        });
        const length = smsLength(body);
        const segments = Number(created.numSegments);
        return {
          provider: TWILIO,
          providerMessageId: created.sid,
          status: created.status,
          segments: Number.isInteger(segments) && segments > 0 ? segments : length.segments,
          encoding: length.encoding,
          body,
        };
      } catch (error) {
        throw toSendError(error);
      }
    },
  };
}

/** A Twilio SDK failure as our error: permanent or worth retrying, with Twilio's code and words. */
export function toSendError(error: unknown): SmsSendError {
  if (error instanceof twilio.RestException) {
    const code = error.code;
    const meaning = code ? twilioErrorMeaning(code) : null;
    const text = `Twilio ${error.status}${code ? ` error ${code}` : ''}: ${error.message}${meaning ? ` (${meaning})` : ''}`;
    const transient =
      error.status === 429 || error.status >= 500 || error.status === 401 || error.status === 403;
    const permanent = (code !== undefined && PERMANENT_CODES.has(code)) || !transient;
    return new SmsSendError(text, permanent, code ? String(code) : undefined);
  }
  const text = error instanceof Error ? error.message : String(error);
  return new SmsSendError(`Twilio could not be reached: ${text}`, false);
}

/** The SDK's own HTTP client (auth, form encoding, headers untouched), pointed at another base URL. */
function redirectedClient(base: string): twilio.RequestClient {
  const target = base.replace(/\/+$/, '');
  class RedirectedRequestClient extends twilio.RequestClient {
    override request<TData>(opts: TwilioRequestClient.RequestOptions<TData>) {
      return super.request<TData>({ ...opts, uri: opts.uri.replace(/^https?:\/\/[^/]+/, target) });
    }
  }
  return new RedirectedRequestClient();
}
