import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmsSendError } from '../../src/channels/sms/sms-provider.ts';
import { DEFAULT_SMS_SETTINGS, type SmsSettings } from '../../src/channels/sms/sms-settings.ts';
import { twilioSmsProvider } from '../../src/channels/sms/twilio-provider.ts';

const SID = 'AC00000000000000000000000000000001';
const TOKEN = 'secret-token';

type Seen = { method: string; url: string; headers: IncomingMessage['headers']; body: string };
type Answer = { status: number; json: unknown } | 'hang-up';

/** A local server speaking Twilio's REST API for Messages.json: it records the request and answers as told. */
function twilioLike() {
  const seen: Seen[] = [];
  let next: Answer = { status: 201, json: {} };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (next === 'hang-up') {
        req.socket.destroy();
        return;
      }
      res.writeHead(next.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(next.json));
    });
  });
  return {
    seen,
    server,
    answer(a: Answer) {
      next = a;
    },
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  };
}

const created = (body: string, to: string) => ({
  sid: 'SM0123456789abcdef0123456789abcdef',
  account_sid: SID,
  to,
  from: '+33700000000',
  body,
  status: 'queued',
  num_segments: '1',
  direction: 'outbound-api',
  api_version: '2010-04-01',
  date_created: 'Tue, 24 Nov 2026 09:00:00 +0000',
  uri: `/2010-04-01/Accounts/${SID}/Messages/SM0123456789abcdef0123456789abcdef.json`,
});

describe('Twilio provider, through the SDK, against a local Twilio-speaking server', () => {
  const peer = twilioLike();
  const settings: SmsSettings = {
    ...DEFAULT_SMS_SETTINGS,
    provider: 'twilio',
    accountSid: SID,
    authToken: TOKEN,
    fromNumber: '+33700000000',
    transliterate: true,
  };
  const message = {
    to: '+33612345678',
    from: null,
    body: 'Bonjour, votre facture F-1 de 1 200,00 € reste à régler : « merci »',
    idempotencyKey: 'key-1',
    statusCallbackUrl: 'https://relance.example/api/v1/webhooks/twilio/t1/status',
  };

  beforeAll(async () => {
    await new Promise<void>((resolve) => peer.server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => peer.server.close(() => resolve()));
  });

  it('makes the documented request: POST /2010-04-01/Accounts/{sid}/Messages.json, form-encoded, Basic auth', async () => {
    peer.answer({ status: 201, json: created('x', message.to) });
    const provider = twilioSmsProvider(settings, { apiBaseUrl: peer.url() });
    expect(provider).toMatchObject({ name: 'twilio', idempotent: false });
    const sent = await provider.send(message);
    const request = peer.seen.at(-1);
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`);
    const form = new URLSearchParams(request?.body ?? '');
    expect(Object.fromEntries(form)).toEqual({
      To: '+33612345678',
      From: '+33700000000',
      // Transliterated to GSM-7: « » became quotes; é, à and € are GSM-7 already.
      Body: 'Bonjour, votre facture F-1 de 1 200,00 € reste à régler : " merci "',
      StatusCallback: message.statusCallbackUrl,
    });
    expect(sent).toEqual({
      provider: 'twilio',
      providerMessageId: 'SM0123456789abcdef0123456789abcdef',
      status: 'queued',
      segments: 1,
      encoding: 'GSM-7',
      // What left, as Twilio received it: the evidence keeps this text.
      body: form.get('Body'),
    });
  });

  it('uses the messaging service when no sender number is set', async () => {
    peer.answer({ status: 201, json: created('x', message.to) });
    const provider = twilioSmsProvider(
      { ...settings, fromNumber: null, messagingServiceSid: 'MG00000000000000000000000000000001' },
      { apiBaseUrl: peer.url() },
    );
    await provider.send({ ...message, statusCallbackUrl: null });
    const form = Object.fromEntries(new URLSearchParams(peer.seen.at(-1)?.body ?? ''));
    expect(form.MessagingServiceSid).toBe('MG00000000000000000000000000000001');
    expect(form.From).toBeUndefined();
    expect(form.StatusCallback).toBeUndefined();
  });

  it.each([
    [400, 21211, "The 'To' number +3361234 is not a valid phone number.", true],
    [400, 21610, 'Attempt to send to unsubscribed recipient', true],
    [400, 21614, "'To' number is not a valid mobile number", true],
    [429, 20429, 'Too Many Requests', false],
    [503, 20500, 'Service unavailable', false],
    [401, 20003, 'Authenticate', false],
  ])('maps a Twilio %i error %i to a %s refusal', async (status, code, text, permanent) => {
    peer.answer({
      status,
      json: { code, message: text, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
    });
    const provider = twilioSmsProvider(settings, { apiBaseUrl: peer.url() });
    const error = await provider.send(message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsSendError);
    expect(error).toMatchObject({ permanent, providerCode: String(code) });
    expect((error as Error).message).toContain(text);
    expect((error as Error).message).toContain(String(code));
  });

  it('a connection cut is transient', async () => {
    peer.answer('hang-up');
    const provider = twilioSmsProvider(settings, { apiBaseUrl: peer.url() });
    const error = await provider.send(message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsSendError);
    expect(error).toMatchObject({ permanent: false, providerCode: undefined });
  });

  it('missing credentials refuse without calling anyone', async () => {
    const before = peer.seen.length;
    const provider = twilioSmsProvider({ ...settings, authToken: null }, { apiBaseUrl: peer.url() });
    await expect(provider.send(message)).rejects.toThrow(/auth token is missing/);
    expect(peer.seen.length).toBe(before);
  });
});
