import { compactFigures } from '../db/figures/compact-figures.ts';
import { compactLiveFigures } from '../db/figures/compact-live-figures.ts';
import type { Deps } from '../shared/deps.ts';
import { sendRemittanceEmails } from '../use-cases/agency/send-remittance-emails.ts';
import { planDueReports } from '../use-cases/creditor-portal/creditor-reports.ts';
import { sendCreditorReports } from '../use-cases/creditor-portal/send-creditor-reports.ts';
import { type DispatchTotals, dispatchDue } from '../use-cases/dispatch/dispatch-due.ts';
import { sealIfQueued } from '../use-cases/evidence/journal-queue.ts';
import { recordFigureHistory } from '../use-cases/kpis/history/record-figure-history.ts';
import { abandonExpiredAttempts } from '../use-cases/payments/attempts/abandon-expired-attempts.ts';

export type Dispatcher = { stop(): Promise<void>; tick(): Promise<void> };

/** The default pause between two looks at the outbox. */
export const DEFAULT_DISPATCH_INTERVAL_MS = 15_000;

/**
 * Sends the outbox of every tenant every `intervalMs`, one tick at a time, and gives up the payment attempts
 * left open past their checkout's expiry. Safe beside other dispatchers
 * (other processes, other machines): each claims its actions under a lease, with SKIP LOCKED on PostgreSQL.
 */
export function startDispatcher(
  deps: Deps,
  options: {
    readonly intervalMs?: number;
    readonly log?: (line: string) => void;
    readonly onTotals?: (tenantId: string, totals: DispatchTotals) => void;
  } = {},
): Dispatcher {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = async (): Promise<void> => {
    if (running || stopped) return running ?? undefined;
    running = (async () => {
      const tenants = await deps.database.db.selectFrom('tenants').select('tenant_id').execute();
      for (const { tenant_id } of tenants) {
        if (stopped) return;
        const totals = await dispatchDue(deps, tenant_id);
        options.onTotals?.(tenant_id, totals);
        // Evidence entries queued by a process that could not chain them (decision 0015).
        await sealIfQueued(deps.database.db, tenant_id);
        // Payment attempts left open past their checkout's expiry are given up (the funnel's "abandoned").
        await abandonExpiredAttempts(deps, tenant_id);
        // An agency's statements to its clients (they speak to clients, not debtors: no compliance gate).
        await sendRemittanceEmails(deps, tenant_id);
        // Creditors' scheduled reports (creditor portal): the last week's or month's, made once, then mailed.
        await planDueReports(deps, tenant_id);
        await sendCreditorReports(deps, tenant_id);
        // The dashboards' figures: what changed since the last tick is folded into the sums.
        await compactFigures(deps.database.db, deps.database.dialect, tenant_id);
        await compactLiveFigures(deps.database.db, deps.database.dialect, tenant_id);
        // The figures' history: today's figures once a day, and the month-ends not yet written.
        await recordFigureHistory(deps, tenant_id);
        if (totals.claimed + totals.unconfirmed > 0) options.log?.(describeTotals(tenant_id, totals));
      }
    })()
      .catch((error: unknown) =>
        options.log?.(`dispatch failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? DEFAULT_DISPATCH_INTERVAL_MS);
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

function describeTotals(tenantId: string, t: DispatchTotals): string {
  return `dispatch (${tenantId}): ${t.sent} sent, ${t.retried} retried, ${t.failed} failed, ${t.deferred} deferred, ${t.blocked} blocked, ${t.unconfirmed} unconfirmed`;
}
