import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { apiPrefix } from '../../http/paths.ts';
import { publicAddress } from './payment-environment.ts';
import {
  type CheckoutRequest,
  type CheckoutStarted,
  headerValue,
  type PaymentProvider,
  type ProviderEvent,
  WebhookRefused,
} from './payment-provider.ts';

export const BUILTIN = 'builtin';
export const BUILTIN_SIGNATURE_HEADER = 'relance-signature';

/** How long the built-in card page stays open. */
export const BUILTIN_CHECKOUT_MINUTES = 30;
const TOLERANCE_SECONDS = 300;

/** What the card page needs, carried signed in its address (like a Checkout Session at the provider). */
export type BuiltinSession = {
  readonly tenantId: string;
  readonly attemptId: string;
  readonly caseId: string;
  readonly providerRef: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly locale: 'fr' | 'en';
  readonly creditorName: string;
  readonly label: string;
  readonly successUrl: string;
  readonly cancelUrl: string;
  readonly expiresAt: string;
};

const sessionSchema = z.object({
  tenantId: z.string(),
  attemptId: z.string(),
  caseId: z.string(),
  providerRef: z.string(),
  amountMinor: z.number().int().positive(),
  currency: z.string(),
  locale: z.enum(['fr', 'en']),
  creditorName: z.string(),
  label: z.string(),
  successUrl: z.string(),
  cancelUrl: z.string(),
  expiresAt: z.string(),
});

const eventSchema = z.object({
  eventId: z.string().min(1),
  type: z.string(),
  kind: z.enum(['payment_succeeded', 'payment_failed', 'checkout_expired', 'other']),
  attemptId: z.string().nullable(),
  caseId: z.string().nullable(),
  tenantId: z.string().nullable(),
  providerRef: z.string().nullable(),
  paymentRef: z.string().nullable(),
  amountMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  failureReason: z.string().nullable(),
  occurredAt: z.string(),
});

const mac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest();

function sameMac(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export function builtinCheckoutPath(attemptId: string): string {
  return `${apiPrefix}/pay/builtin/${encodeURIComponent(attemptId)}`;
}

/** `<payload>.<mac>`, both base64url: the page's address carries it, only this server can make one. */
export function signBuiltinSession(secret: string, session: BuiltinSession): string {
  const payload = Buffer.from(JSON.stringify(session)).toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/** The session's tenant, read before its signature can be checked (the secret is the tenant's). */
export function builtinSessionTenant(token: string): string | null {
  const parsed = sessionSchema.safeParse(decodePayload(token));
  return parsed.success ? parsed.data.tenantId : null;
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return null;
  }
}

function decodePayload(token: string): unknown {
  return parseJson(Buffer.from(token.split('.')[0] ?? '', 'base64url'));
}

/** The session when the token is this tenant's, untouched and for this attempt; null otherwise. */
export function openBuiltinSession(secret: string, token: string, attemptId: string): BuiltinSession | null {
  const [payload, signature] = token.split('.');
  if (!payload || !signature) return null;
  if (!sameMac(mac(secret, payload), Buffer.from(signature, 'base64url'))) return null;
  const parsed = sessionSchema.safeParse(decodePayload(token));
  return parsed.success && parsed.data.attemptId === attemptId ? parsed.data : null;
}

/** An event of the built-in provider, signed like Stripe's (`t=…,v1=HMAC-SHA256(secret, t.body)`). */
export function signBuiltinEvent(
  secret: string,
  event: ProviderEvent,
  now: string,
): { readonly rawBody: Buffer; readonly headers: Readonly<Record<string, string>> } {
  const body = JSON.stringify(event);
  const t = Math.floor(Date.parse(now) / 1000);
  const v1 = mac(secret, `${t}.${body}`).toString('hex');
  return {
    rawBody: Buffer.from(body),
    headers: { 'content-type': 'application/json', [BUILTIN_SIGNATURE_HEADER]: `t=${t},v1=${v1}` },
  };
}

function verifyBuiltinSignature(secret: string, rawBody: Buffer, header: string | undefined, now: string) {
  if (!header) throw new WebhookRefused(`The ${BUILTIN_SIGNATURE_HEADER} header is missing.`);
  const parts = header.split(',').map((p) => p.split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  const candidates = parts.filter(([k]) => k === 'v1').map(([, v]) => Buffer.from(v ?? '', 'hex'));
  if (!Number.isInteger(t) || candidates.length === 0)
    throw new WebhookRefused('The signature is unreadable.');
  const expected = mac(secret, `${t}.${rawBody.toString('utf8')}`);
  if (!candidates.some((c) => sameMac(expected, c))) throw new WebhookRefused('The signature is wrong.');
  if (Math.floor(Date.parse(now) / 1000) - t > TOLERANCE_SECONDS) {
    throw new WebhookRefused('The signature is too old (a replay?).');
  }
}

/**
 * The built-in provider: the card page is ours (`/api/v1/pay/builtin/:attemptId`), takes Stripe's test cards,
 * and reports through the same signed-webhook path as Stripe, with the tenant's built-in secret.
 */
export function builtinPaymentProvider(
  secret: string,
  options: { readonly now: () => string },
): PaymentProvider {
  return {
    name: BUILTIN,
    async startCheckout(request: CheckoutRequest): Promise<CheckoutStarted> {
      const now = options.now();
      const expiresAt = new Date(Date.parse(now) + BUILTIN_CHECKOUT_MINUTES * 60_000).toISOString();
      const providerRef = `bcs_${request.attemptId.replaceAll('-', '')}`;
      const token = signBuiltinSession(secret, {
        tenantId: request.tenantId,
        attemptId: request.attemptId,
        caseId: request.caseId,
        providerRef,
        amountMinor: request.amountMinor,
        currency: request.currency,
        locale: request.locale,
        creditorName: request.caseSummary.creditorName,
        label: request.caseSummary.label,
        successUrl: request.successUrl,
        cancelUrl: request.cancelUrl,
        expiresAt,
      });
      const path = `${builtinCheckoutPath(request.attemptId)}?session=${token}`;
      return { providerRef, redirectUrl: publicAddress(path), expiresAt };
    },
    verifyWebhook(rawBody, headers): ProviderEvent {
      verifyBuiltinSignature(secret, rawBody, headerValue(headers, BUILTIN_SIGNATURE_HEADER), options.now());
      const parsed = eventSchema.safeParse(parseJson(rawBody));
      if (!parsed.success) throw new WebhookRefused('The event is not one the built-in provider sends.');
      return parsed.data;
    },
  };
}
