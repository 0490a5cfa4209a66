/** What every SMS provider takes and answers (providers import this; `sms-provider.ts` picks one). */

export type SmsMessage = {
  /** E.164 number of the debtor. */
  readonly to: string;
  /** The sender (number or alphanumeric id); null: the provider's configured sender. */
  readonly from: string | null;
  readonly body: string;
  /** Fixed before the first attempt (the action's message_id): a provider that honours it sends once. */
  readonly idempotencyKey: string;
  /** Where the provider reports delivery (Twilio's StatusCallback); null: no callback. */
  readonly statusCallbackUrl: string | null;
};

export type SmsSent = {
  readonly provider: string;
  readonly providerMessageId: string;
  /** The provider's status right after the hand-over: 'queued', 'accepted', 'sent', 'delivered'… */
  readonly status: string;
  readonly segments: number;
  readonly encoding: 'GSM-7' | 'UCS-2';
  /** The text exactly as handed over (after any GSM-7 transliteration): what is kept as evidence. */
  readonly body: string;
};

export type SmsProvider = {
  readonly name: string;
  /** A re-sent request with the same key is a no-op. */
  readonly idempotent: boolean;
  send(message: SmsMessage): Promise<SmsSent>;
};

/** A provider refused or failed the message. */
export class SmsSendError extends Error {
  /** Retrying cannot help (invalid number, opted out, not a mobile…). */
  readonly permanent: boolean;
  /** The provider's own error code (e.g. Twilio's 21211). */
  readonly providerCode: string | undefined;

  constructor(message: string, permanent: boolean, providerCode?: string) {
    super(message);
    this.name = 'SmsSendError';
    this.permanent = permanent;
    this.providerCode = providerCode;
  }
}
