import type { FastifyInstance } from 'fastify';
import twilio from 'twilio';
import { expect } from 'vitest';
import { apiPrefix } from '../../../src/http/paths.ts';

export const PUBLIC = 'https://relance.example';
export const TOKEN = 'ivr-auth-token-0123456789abcdef';

/** A webhook request as Twilio sends it: form-encoded, signed over the full URL and the sorted fields. */
export function signedRequest(url: string, fields: Readonly<Record<string, string>>, token = TOKEN) {
  const full = url.startsWith('http') ? url : `${PUBLIC}${url}`;
  return {
    method: 'POST' as const,
    url: full.slice(PUBLIC.length),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(token, full, { ...fields }),
    },
    payload: new URLSearchParams(fields).toString(),
  };
}

export const voiceUrl = (tenantId: string, query = '') =>
  `${PUBLIC}${apiPrefix}/webhooks/ivr/${tenantId}/voice${query}`;

/** What the IVR said and where it goes next, read from the TwiML (as Twilio reads it). */
export type Heard = {
  readonly xml: string;
  readonly said: string;
  /** The action of the `<Gather>` (or `<Pay>`), XML entities decoded. */
  readonly action: string | null;
  readonly statusCallback: string | null;
};

const decode = (text: string) =>
  text
    .replaceAll('&amp;', '&')
    .replaceAll('&apos;', "'")
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>');

export function hear(xml: string): Heard {
  const said = [...xml.matchAll(/<Say[^>]*>([^<]*)<\/Say>/g)].map((m) => decode(m[1] ?? '')).join(' ');
  const action = /<(?:Gather|Pay)[^>]* action="([^"]+)"/.exec(xml)?.[1];
  const status = /<Pay[^>]* statusCallback="([^"]+)"/.exec(xml)?.[1];
  return {
    xml,
    said,
    action: action ? decode(action) : null,
    statusCallback: status ? decode(status) : null,
  };
}

/** A caller on the line: each step posts to the URL the last TwiML gave, signed. */
export class Caller {
  next: string | null;
  readonly app: FastifyInstance;
  readonly callSid: string;
  readonly token: string;
  constructor(app: FastifyInstance, callSid: string, start: string, token = TOKEN) {
    this.app = app;
    this.callSid = callSid;
    this.token = token;
    this.next = start;
  }

  async post(url: string, fields: Readonly<Record<string, string>> = {}): Promise<Heard> {
    const response = await this.app.inject(
      signedRequest(
        url,
        { CallSid: this.callSid, From: '+33611223344', To: '+33900000000', ...fields },
        this.token,
      ),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('text/xml');
    const heard = hear(response.body);
    this.next = heard.action;
    return heard;
  }

  /** A status callback (the call's, or `<Pay>`'s): answered with an empty TwiML, the call goes on. */
  async notify(url: string, fields: Readonly<Record<string, string>>): Promise<void> {
    const next = this.next;
    const heard = await this.post(url, fields);
    expect(heard.xml).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    this.next = next;
  }

  /** Keys digits at the current question (the `<Gather>`'s action), or answers the `<Pay>` action. */
  async key(digits: string, more: Readonly<Record<string, string>> = {}): Promise<Heard> {
    if (!this.next) throw new Error('The IVR asked nothing');
    return this.post(this.next, { Digits: digits, ...more });
  }
}
