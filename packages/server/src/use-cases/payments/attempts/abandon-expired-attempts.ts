import { BUILTIN_CHECKOUT_MINUTES } from '../../../channels/payments/builtin-provider.ts';
import { STRIPE_CHECKOUT_HOURS } from '../../../channels/payments/stripe-provider.ts';
import type { Deps } from '../../../shared/deps.ts';

/**
 * How long an attempt may stay open, by provider: the provider's own checkout expiry (Stripe closes a
 * Checkout Session after 24 h, the built-in page after 30 min). A call cannot outlast Twilio's 4 h limit;
 * the IVR's hang-up callback normally ends its attempt long before.
 */
export const ATTEMPT_EXPIRY_MINUTES: Readonly<Record<string, number>> = {
  stripe: STRIPE_CHECKOUT_HOURS * 60,
  builtin: BUILTIN_CHECKOUT_MINUTES,
  twilio: 4 * 60,
};
const OTHERWISE_MINUTES = 24 * 60;

/**
 * The sweep the worker runs with each dispatch pass: an attempt still 'started' after its provider's checkout
 * expired is 'abandoned' (the funnel's "started but not completed"). Set-based, one statement per provider (index
 * `payment_attempts_open`);
 * a provider's own expiry event usually got there first, and a late success still wins (finishAttempt).
 */
export async function abandonExpiredAttempts(
  deps: Deps,
  tenantId: string,
  options: { readonly now?: string } = {},
): Promise<number> {
  const now = options.now ?? deps.clock.now();
  const known = Object.keys(ATTEMPT_EXPIRY_MINUTES);
  const before = (minutes: number) => new Date(Date.parse(now) - minutes * 60_000).toISOString();
  const sweeps = [
    ...known.map((provider) => ({
      providers: [provider],
      not: false,
      minutes: ATTEMPT_EXPIRY_MINUTES[provider]!,
    })),
    { providers: known, not: true, minutes: OTHERWISE_MINUTES },
  ];
  let abandoned = 0;
  for (const sweep of sweeps) {
    const changed = await deps.database.db
      .updateTable('payment_attempts')
      .set({ status: 'abandoned', failure_reason: 'checkout expired', updated_at: now, ended_at: now })
      .where('tenant_id', '=', tenantId)
      .where('status', '=', 'started')
      .where('provider', sweep.not ? 'not in' : 'in', sweep.providers)
      .where('started_at', '<', before(sweep.minutes))
      .executeTakeFirst();
    abandoned += Number(changed.numUpdatedRows);
  }
  return abandoned;
}
