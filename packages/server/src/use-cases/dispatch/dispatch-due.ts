import { randomBytes } from 'node:crypto';
import { messageIdFor } from '../../channels/email/compose-email.ts';
import { readEmailSettings } from '../../channels/email/email-settings.ts';
import type { SmtpTransport } from '../../channels/email/smtp-sender.ts';
import { type SmsProvider, smsProviderFor } from '../../channels/sms/sms-provider.ts';
import { expireCallTasks } from '../../channels/voice/expire-call-tasks.ts';
import type { Deps } from '../../shared/deps.ts';
import { DEFAULT_MAX_ATTEMPTS } from './back-off.ts';
import { type ClaimedAction, claimDue } from './claim-due.ts';
import { setAsideForCreditor } from './held-by-creditor.ts';
import { DispatchError, deferAction, holdAction, recordFailure } from './record-outcome.ts';
import type { SendContext } from './send-context.ts';
import { letterStillComing, SMTP_PROVIDER, sendEmailAction } from './send-email.ts';
import { checkAtSendTime, type SendCheck } from './send-gate.ts';
import { isLocalChannel, LOCAL_PROVIDERS, sendLocalAction } from './send-local.ts';
import { sendSmsAction } from './send-sms.ts';

export type DispatchTotals = {
  /** Actions taken from the outbox by this call (including interrupted ones resumed). */
  readonly claimed: number;
  readonly sent: number;
  /** Failed for now, planned again after a back-off. */
  readonly retried: number;
  /** The dead letter: refused for good or out of attempts. */
  readonly failed: number;
  /** The compliance gate said "not now" at send time: moved to the next allowed instant. */
  readonly deferred: number;
  /** The compliance gate said "never" at send time (cease-contact, opt-out…). */
  readonly blocked: number;
  /** Found interrupted after being handed to a provider without idempotency: a person decides. */
  readonly unconfirmed: number;
  /** Call tasks whose window closed unworked: their action went back to the outbox for the next window. */
  readonly expiredCalls: number;
};

export type DispatchOptions = {
  /** The instant to dispatch at (default: the clock's). */
  readonly now?: string;
  /** At most this many actions in this call (default 500). */
  readonly limit?: number;
  readonly dispatcherId?: string;
  /** Actions claimed per transaction (default 10): small, so that a lease covers the batch. */
  readonly batchSize?: number;
};

type Channel = {
  readonly provider: string;
  /** A repeated request with the same key is a no-op: an interrupted send may simply be resumed. */
  readonly idempotent: boolean;
};

/**
 * The channels this dispatcher sends, and whether their provider is idempotent on our message id: SMTP is
 * not; the SMS provider says (the built-in one is, Twilio is not); the local channels are one transaction.
 */
function channelsFor(sms: SmsProvider): Readonly<Record<string, Channel>> {
  const local = Object.fromEntries(
    Object.entries(LOCAL_PROVIDERS).map(([channel, provider]) => [channel, { provider, idempotent: true }]),
  );
  return {
    email: { provider: SMTP_PROVIDER, idempotent: false },
    sms: { provider: sms.name, idempotent: sms.idempotent },
    ...local,
  };
}

export const DISPATCH_SETTING = 'dispatch';

/**
 * Sends what the outbox holds for a tenant and is due: claims small batches (committed before any provider is
 * called), asks the compliance gate again at send time, sends, and records each outcome — sent, retried after
 * a back-off, failed (the dead letter), deferred or blocked by the gate. See docs/decisions/0005.
 */
export async function dispatchDue(
  deps: Deps,
  tenantId: string,
  options: DispatchOptions = {},
): Promise<DispatchTotals> {
  const db = deps.database.db;
  const dispatcherId = options.dispatcherId ?? `dispatcher-${process.pid}-${randomBytes(3).toString('hex')}`;
  const limit = options.limit ?? 500;
  const batchSize = Math.max(1, Math.min(options.batchSize ?? 10, limit));
  const now = () => options.now ?? deps.clock.now();
  const maxAttempts = await maxAttemptsOf(deps, tenantId);
  const { settings: email } = await readEmailSettings(db, tenantId);
  const fromAddress = email?.fromAddress ?? 'relance@localhost';
  // Calls not made in their window go back to the outbox first, so that this pass queues them again.
  const expiry = await expireCallTasks(deps, tenantId, { now: now() });
  const totals = {
    claimed: 0,
    sent: 0,
    retried: 0,
    failed: 0,
    deferred: 0,
    blocked: 0,
    unconfirmed: 0,
    expiredCalls: expiry.expired,
  };
  const transports = new Map<string, SmtpTransport>();
  const sms = await smsProviderFor(deps, tenantId);
  const channels = channelsFor(sms);
  const seen = new Set<string>();
  try {
    while (totals.claimed < limit) {
      const { claimed, unconfirmed } = await claimDue(db, tenantId, {
        now: now(),
        limit: Math.min(batchSize, limit - totals.claimed),
        dispatcherId,
        channels: Object.keys(channels),
        idempotent: (channel) => channels[channel]?.idempotent ?? false,
        messageIdOf: (channel, actionId) =>
          channel === 'email' ? messageIdFor(actionId, fromAddress) : actionId,
      });
      totals.unconfirmed += unconfirmed;
      if (claimed.length === 0) break;
      totals.claimed += claimed.length;
      let fresh = 0;
      // Letters first: an e-mail of the same step then finds the letter's copy to attach.
      const ordered = [...claimed].sort((a, b) => rank(a.channel) - rank(b.channel));
      for (const action of ordered) {
        if (!seen.has(action.actionId)) fresh++;
        seen.add(action.actionId);
        const outcome = await dispatchOne(deps, tenantId, action, {
          dispatcherId,
          maxAttempts,
          now,
          transports,
          sms,
          provider: channels[action.channel]?.provider ?? action.channel,
        });
        if (outcome !== 'lost') totals[outcome] += 1;
      }
      if (fresh === 0) break;
    }
  } finally {
    for (const transport of transports.values()) transport.close();
  }
  return totals;
}

type Outcome = 'sent' | 'retried' | 'failed' | 'deferred' | 'blocked' | 'lost';

async function dispatchOne(
  deps: Deps,
  tenantId: string,
  action: ClaimedAction,
  context: {
    readonly dispatcherId: string;
    readonly maxAttempts: number;
    readonly now: () => string;
    readonly transports: Map<string, SmtpTransport>;
    readonly sms: SmsProvider;
    readonly provider: string;
  },
): Promise<Outcome> {
  const db = deps.database.db;
  const now = context.now();
  const today = deps.clock.today();
  if (await setAsideForCreditor(db, tenantId, action, context.dispatcherId)) return 'blocked';
  const check = await checkAtSendTime(db, tenantId, action, now, today);
  if (check.decision.kind === 'blocked') {
    return holdAction(db, tenantId, action, check.decision, context.dispatcherId);
  }
  const provider = context.provider;
  const ctx: SendContext = {
    db,
    tenantId,
    dispatcherId: context.dispatcherId,
    now,
    today,
    transports: context.transports,
    sms: context.sms,
  };
  if (action.channel === 'email') {
    const wait = await letterStillComing(ctx, action);
    if (wait) return deferAction(db, tenantId, action, wait, context.dispatcherId);
  }
  try {
    const sent = await send(ctx, action, check);
    return sent ? 'sent' : 'lost';
  } catch (error) {
    const failure =
      error instanceof DispatchError
        ? error
        : new DispatchError(error instanceof Error ? error.message : String(error), false);
    const outcome = await recordFailure(db, tenantId, action, failure, {
      now,
      dispatcherId: context.dispatcherId,
      maxAttempts: context.maxAttempts,
      provider,
      nextAllowed: check.nextAllowed,
      today,
    });
    return outcome;
  }
}

function send(ctx: SendContext, action: ClaimedAction, check: SendCheck): Promise<boolean> {
  const { channel } = action;
  if (channel === 'email') return sendEmailAction(ctx, action, check);
  if (channel === 'sms') return sendSmsAction(ctx, action, check);
  if (isLocalChannel(channel)) return sendLocalAction(ctx, { ...action, channel });
  throw new DispatchError(`No dispatcher for channel ${channel}.`, true);
}

function rank(channel: string): number {
  return isLocalChannel(channel) ? 0 : channel === 'email' ? 2 : 1;
}

async function maxAttemptsOf(deps: Deps, tenantId: string): Promise<number> {
  const row = await deps.database.db
    .selectFrom('tenant_settings')
    .select('value')
    .where('tenant_id', '=', tenantId)
    .where('key', '=', DISPATCH_SETTING)
    .executeTakeFirst();
  const value = row ? (JSON.parse(row.value) as { maxAttempts?: number }).maxAttempts : undefined;
  return typeof value === 'number' && value >= 1 ? value : DEFAULT_MAX_ATTEMPTS;
}
