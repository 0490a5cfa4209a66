import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedFixtures } from '../../support/shared-fixtures.ts';

/** The real Stripe event payloads of the shared fixtures (stripe-ruby-mock, Stripe CLI) and their vectors. */
export const webhookFixtures = (() => {
  const dir = sharedFixtures();
  return dir ? join(dir, 'webhooks') : null;
})();

export type StripeVector = {
  readonly name: string;
  readonly secret: string;
  readonly timestamp: number;
  readonly raw_body?: string;
  readonly raw_body_file?: string;
  readonly raw_body_modification?: string;
  readonly stripe_signature: string;
  readonly must_verify_with_tolerance_disabled?: boolean;
  readonly must_verify_with_default_300s_tolerance?: boolean;
  readonly expected_event?: { readonly id: string; readonly type: string };
};

export function stripeVectors(): readonly StripeVector[] {
  if (!webhookFixtures) return [];
  const file = JSON.parse(readFileSync(join(webhookFixtures, 'stripe_signature_vectors.json'), 'utf8')) as {
    vectors: StripeVector[];
  };
  return file.vectors;
}

/** The exact bytes a vector signs. */
export function vectorBody(vector: StripeVector): Buffer {
  if (vector.raw_body !== undefined) return Buffer.from(vector.raw_body);
  const bytes = readFileSync(join(webhookFixtures ?? '', vector.raw_body_file ?? ''));
  return vector.raw_body_modification === 'append one space'
    ? Buffer.concat([bytes, Buffer.from(' ')])
    : bytes;
}

export type StripeEventJson = {
  id: string;
  type: string;
  created: number;
  data: { object: Record<string, unknown> };
  [key: string]: unknown;
};

/** A fixture event as an object, to give it our metadata, a fresh id and amounts before signing it again. */
export function stripeEvent(file: string): StripeEventJson {
  return JSON.parse(readFileSync(join(webhookFixtures ?? '', file), 'utf8')) as StripeEventJson;
}
