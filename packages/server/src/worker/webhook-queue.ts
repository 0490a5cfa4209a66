import type { Deps } from '../shared/deps.ts';
import {
  processWebhookEvents,
  tenantsWithPendingEvents,
} from '../use-cases/payments/webhooks/webhook-queue.ts';

export type WebhookQueue = { stop(): Promise<void>; tick(): Promise<void> };

/** How often the queue looks for providers' events waiting to be booked. */
export const DEFAULT_WEBHOOK_POLL_MS = 1_000;

/**
 * Books the card providers' events the webhooks recorded (decision 0012): every `intervalMs`, one pass at a
 * time, each tenant's pending events oldest first, each in its own transaction. The look itself reads only
 * the pending events' index. Safe beside other queues (other processes: SKIP LOCKED on PostgreSQL, a guarded
 * update on SQLite): an event is booked once whoever takes it.
 */
export function startWebhookQueue(
  deps: Deps,
  options: { readonly intervalMs?: number; readonly log?: (line: string) => void } = {},
): WebhookQueue {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = async (): Promise<void> => {
    if (running || stopped) return running ?? undefined;
    running = (async () => {
      for (const tenantId of await tenantsWithPendingEvents(deps)) {
        if (stopped) return;
        const totals = await processWebhookEvents(deps, tenantId);
        if (totals.errors > 0) {
          options.log?.(
            `webhook events (${tenantId}): ${totals.processed} processed, ${totals.ignored} ignored, ${totals.errors} errors`,
          );
        }
      }
    })()
      .catch((error: unknown) =>
        options.log?.(`webhook queue failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? DEFAULT_WEBHOOK_POLL_MS);
  timer.unref();
  void tick();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
