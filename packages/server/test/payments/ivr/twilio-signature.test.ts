import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { isValidTwilioSignature, parseForm } from '../../../src/channels/voice/ivr/verify-ivr-signature.ts';
import { sharedFixtures } from '../../support/shared-fixtures.ts';

type Vector = {
  readonly name: string;
  readonly auth_token: string;
  readonly url_as_configured_or_received: string;
  readonly string_signed_prefix_url: string;
  readonly params: Readonly<Record<string, string | readonly string[]>>;
  readonly content_type: string;
  readonly x_twilio_signature: string;
  readonly must_validate: boolean;
};

const fixtures = sharedFixtures();
const webhooks = fixtures ? join(fixtures, 'webhooks') : null;
const vectors: readonly Vector[] = webhooks
  ? (
      JSON.parse(readFileSync(join(webhooks, 'twilio_signature_vectors.json'), 'utf8')) as {
        vectors: Vector[];
      }
    ).vectors
  : [];
// Voice webhooks are form posts; the JSON vectors (bodySHA256 in the URL) are for other Twilio products.
const formVectors = vectors.filter((v) => v.content_type === 'application/x-www-form-urlencoded');

describe.skipIf(!webhooks)('Twilio request signatures (shared vectors)', () => {
  it('covers the form vectors, including the negative one', () => {
    expect(formVectors.length).toBeGreaterThanOrEqual(12);
    expect(formVectors.some((v) => !v.must_validate)).toBe(true);
  });

  it.each(formVectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    expect(
      isValidTwilioSignature(v.auth_token, v.x_twilio_signature, v.url_as_configured_or_received, v.params),
    ).toBe(v.must_validate);
    if (v.must_validate) {
      // The tests sign their requests with the SDK: it gives Twilio's own signature.
      const params: Record<string, string | string[]> = {};
      for (const [k, value] of Object.entries(v.params))
        params[k] = typeof value === 'string' ? value : [...value];
      const signed = twilio.getExpectedTwilioSignature(v.auth_token, v.string_signed_prefix_url, params);
      if (!Object.values(v.params).some((value) => typeof value !== 'string'))
        expect(signed).toBe(v.x_twilio_signature);
    }
  });

  it('the raw Gather request validates as received, and not with a changed digit', () => {
    const raw = readFileSync(join(webhooks ?? '', 'twilio_gather_digits_request.http'), 'utf8');
    const [head = '', body = ''] = raw.split(/\r?\n\r?\n/);
    const lines = head.split(/\r?\n/);
    const path = lines[0]?.split(' ')[1] ?? '';
    const header = (name: string) =>
      lines
        .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))
        ?.split(': ')[1]
        ?.trim();
    const url = `https://${header('Host')}${path}`;
    const signature = header('X-Twilio-Signature');
    const fields = parseForm(body);
    expect(fields.Digits).toBe('1234');
    expect(isValidTwilioSignature('12345', signature, url, fields)).toBe(true);
    expect(isValidTwilioSignature('12345', signature, url, { ...fields, Digits: '1235' })).toBe(false);
    expect(isValidTwilioSignature('54321', signature, url, fields)).toBe(false);
  });

  it('keeps every value of a repeated field', () => {
    expect(parseForm('Digits=1234&Digits=5678&Sid=CA1')).toEqual({ Digits: ['1234', '5678'], Sid: 'CA1' });
  });
});
