import { Temporal } from 'temporal-polyfill';
import type { Deps } from '../shared/deps.ts';
import { closeDueRemittances } from '../use-cases/agency/close-due-remittances.ts';
import { runDailyDunning } from '../use-cases/dunning/run-daily-dunning.ts';

export type RunSchedule = { readonly time: string; readonly timeZone: string };

/** The default: every day at 06:00, Paris time, before offices open. A tenant may set its own ('run_schedule'). */
export const DEFAULT_SCHEDULE: RunSchedule = { time: '06:00', timeZone: 'Europe/Paris' };

export type Scheduler = { stop(): Promise<void>; tick(): Promise<void> };

/**
 * Starts each tenant's daily run once its local time has passed the scheduled time, checking every
 * `intervalMs`. Safe to run in several processes: a run is idempotent and, on PostgreSQL, workers share
 * it with SKIP LOCKED; here one tick at a time.
 */
export function startScheduler(
  deps: Deps,
  options: { readonly intervalMs?: number; readonly log?: (line: string) => void } = {},
): Scheduler {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = async (): Promise<void> => {
    if (running || stopped) return running ?? undefined;
    running = dueTenants(deps)
      .then(async (due) => {
        for (const { tenantId, runOn } of due) {
          if (stopped) return;
          const report = await runDailyDunning(deps, tenantId, { runOn, trigger: 'schedule' });
          options.log?.(
            `run ${runOn} (${tenantId}): ${report.cases} cases, ${report.actions} actions, ${report.blocked} blocked`,
          );
          // An agency's client statements of the periods that have ended (R124-6), once the day's run is done.
          const statements = await closeDueRemittances(deps, tenantId);
          if (statements > 0) options.log?.(`remittances (${tenantId}): ${statements} statements issued`);
        }
      })
      .catch((error: unknown) =>
        options.log?.(`scheduled run failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 60_000);
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

/** Tenants whose local scheduled time has passed today and that have no scheduled run for today yet. */
export async function dueTenants(deps: Deps): Promise<{ tenantId: string; runOn: string }[]> {
  const db = deps.database.db;
  const tenants = await db.selectFrom('tenants').select('tenant_id').execute();
  const settings = await db
    .selectFrom('tenant_settings')
    .select(['tenant_id', 'value'])
    .where('key', '=', 'run_schedule')
    .execute();
  const scheduleOf = new Map(settings.map((s) => [s.tenant_id, JSON.parse(s.value) as RunSchedule]));
  const now = Temporal.Instant.from(deps.clock.now());
  const due: { tenantId: string; runOn: string }[] = [];
  for (const { tenant_id } of tenants) {
    const schedule = scheduleOf.get(tenant_id) ?? DEFAULT_SCHEDULE;
    const local = now.toZonedDateTimeISO(schedule.timeZone);
    const runOn = local.toPlainDate().toString();
    if (local.toPlainTime().toString().slice(0, 5) < schedule.time) continue;
    const done = await db
      .selectFrom('runs')
      .select('run_id')
      .where('tenant_id', '=', tenant_id)
      .where('run_on', '=', runOn)
      .where('trigger', '=', 'schedule')
      .where('status', '=', 'completed')
      .executeTakeFirst();
    if (!done) due.push({ tenantId: tenant_id, runOn });
  }
  return due;
}
