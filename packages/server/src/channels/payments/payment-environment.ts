import { publicUrl } from '../sms/sms-environment.ts';

/**
 * Another base for Stripe's API than https://api.stripe.com (stripe-mock, a test server speaking Stripe's
 * API), from RELANCE_STRIPE_API_URL: an operator's setting, never a tenant's.
 */
export function stripeApiUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.RELANCE_STRIPE_API_URL?.trim() || null;
}

/** An address under this server: absolute when RELANCE_PUBLIC_URL is set (providers and messages need it). */
export function publicAddress(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return `${publicUrl(env) ?? ''}${path}`;
}
