import { checkCount, compareText, fail } from './common.ts';
import { type Ratio, ratio } from './ratio.ts';

/**
 * The payment funnel, per channel: attempts started on the portal (card link), the IVR or by an agent,
 * and what became of them — the statuses of `payment_attempts`: 'started' (still open), 'succeeded',
 * 'failed' (refused by the provider), 'abandoned' (the payer gave up, hung up, or the checkout expired).
 * Many abandoned attempts point at a technical incident; many input errors on the IVR at unclear prompts.
 *
 * Rates are over every attempt started, open ones included: on a period that ends today the conversion
 * is a floor until the open attempts end.
 */
export const FUNNEL_CHANNELS = ['portal', 'ivr', 'agent'] as const;
export type FunnelChannel = (typeof FUNNEL_CHANNELS)[number];

export const ATTEMPT_STATUSES = ['started', 'succeeded', 'failed', 'abandoned'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/** Attempts grouped by channel and status (one attempt: attempts 1). */
export type AttemptCount = {
  readonly channel: FunnelChannel;
  readonly status: AttemptStatus;
  readonly attempts: number;
  /** Mistakes keyed over these attempts (a card number, an expiry, a reference on the IVR…). */
  readonly inputErrors: number;
  /** The attempts with at least one mistake. */
  readonly attemptsWithInputErrors: number;
};

export type FunnelStage = {
  readonly started: number;
  readonly completed: number;
  readonly failed: number;
  readonly abandoned: number;
  /** Still 'started'. */
  readonly open: number;
  readonly inputErrors: number;
  readonly attemptsWithInputErrors: number;
  /** completed / started. */
  readonly conversion: Ratio;
  /** abandoned / started. */
  readonly abandonment: Ratio;
  /** failed / started. */
  readonly failure: Ratio;
  /** attempts with an input error / started. */
  readonly inputErrorRate: Ratio;
};

export type PaymentFunnel = {
  /** The channels with at least one attempt, in FUNNEL_CHANNELS order. */
  readonly channels: readonly (FunnelStage & { readonly channel: FunnelChannel })[];
  readonly total: FunnelStage;
};

type Counts = {
  started: number;
  completed: number;
  failed: number;
  abandoned: number;
  open: number;
  inputErrors: number;
  attemptsWithInputErrors: number;
};

const FIELD: Readonly<Record<AttemptStatus, 'open' | 'completed' | 'failed' | 'abandoned'>> = {
  started: 'open',
  succeeded: 'completed',
  failed: 'failed',
  abandoned: 'abandoned',
};

const zero = (): Counts => ({
  started: 0,
  completed: 0,
  failed: 0,
  abandoned: 0,
  open: 0,
  inputErrors: 0,
  attemptsWithInputErrors: 0,
});

function stage(c: Counts): FunnelStage {
  return {
    ...c,
    conversion: ratio(c.completed, c.started),
    abandonment: ratio(c.abandoned, c.started),
    failure: ratio(c.failed, c.started),
    inputErrorRate: ratio(c.attemptsWithInputErrors, c.started),
  };
}

function checkRow(row: AttemptCount): void {
  if (!FUNNEL_CHANNELS.includes(row.channel))
    fail(`Unknown payment channel: ${row.channel}`, { channel: row.channel });
  if (!Object.hasOwn(FIELD, row.status))
    fail(`Unknown attempt status: ${row.status}`, { status: row.status });
  checkCount(row.attempts, 'attempts');
  checkCount(row.inputErrors, 'inputErrors');
  checkCount(row.attemptsWithInputErrors, 'attemptsWithInputErrors');
  if (row.attemptsWithInputErrors > row.attempts || row.attemptsWithInputErrors > row.inputErrors) {
    fail('More attempts with an input error than attempts or than errors', { channel: row.channel });
  }
}

export function paymentFunnel(rows: readonly AttemptCount[]): PaymentFunnel {
  const byChannel = new Map<FunnelChannel, Counts>();
  const total = zero();
  for (const row of rows) {
    checkRow(row);
    const counts = byChannel.get(row.channel) ?? zero();
    byChannel.set(row.channel, counts);
    for (const c of [counts, total]) {
      c.started += row.attempts;
      c[FIELD[row.status]] += row.attempts;
      c.inputErrors += row.inputErrors;
      c.attemptsWithInputErrors += row.attemptsWithInputErrors;
    }
  }
  const order = (a: FunnelChannel, b: FunnelChannel) =>
    FUNNEL_CHANNELS.indexOf(a) - FUNNEL_CHANNELS.indexOf(b) || compareText(a, b);
  return {
    channels: [...byChannel.entries()]
      .sort(([a], [b]) => order(a, b))
      .map(([channel, counts]) => ({ channel, ...stage(counts) })),
    total: stage(total),
  };
}
