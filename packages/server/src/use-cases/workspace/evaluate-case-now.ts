import { type IsoDate, type PlannedAction, policyFor } from '@relance/core';
import type { Transaction } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { RawDriver } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { rowsOf } from '../dunning/build-rows.ts';
import { allowedOf, decideCase } from '../dunning/decide-case.ts';
import { type Batch, loadCaseBatch } from '../dunning/load-batch.ts';
import { Scheduler } from '../dunning/schedule-actions.ts';
import { type ActionRow, writeBatch } from '../dunning/write-batch.ts';
import { ensureStrategies, loadStrategyBook } from '../strategies/strategy-book.ts';
import { runWriteback } from './run-writeback.ts';

export type EvaluatedCase = {
  /** The actions written to the outbox by this evaluation (a confirmation, a step now due…). */
  readonly actions: readonly ActionRow[];
  readonly stage: string;
};

/**
 * Decides one case at once, as the daily run would today, inside the caller's transaction: the events just
 * queued are applied and their actions (a promise's written confirmation) land in the outbox now, for the
 * dispatcher's next pass, instead of after tomorrow's run. The same decide → gate → write path as the run,
 * so a later run finds the events applied and the actions already keyed.
 *
 * A confirmation planned by e-mail goes by SMS when the debtor has no usable e-mail address but a phone.
 */
export async function evaluateCaseNow(
  trx: Transaction<Database>,
  raw: RawDriver,
  input: {
    readonly tenantId: string;
    readonly caseId: string;
    readonly today: IsoDate;
    readonly now: string;
    /** Recorded as the actions' run and the events' applied run: where they came from. */
    readonly origin: string;
  },
): Promise<EvaluatedCase> {
  const { tenantId, caseId, today, now } = input;
  await ensureStrategies(trx, tenantId, now);
  const book = await loadStrategyBook(trx, tenantId);
  const batch = await loadCaseBatch(trx, raw, tenantId, caseId, today);
  const item = batch?.cases[0];
  if (!batch || !item) return { actions: [], stage: 'unknown' };
  const creditor = await trx
    .selectFrom('creditors as c')
    .leftJoin('mandates as m', (j) =>
      j.onRef('m.tenant_id', '=', 'c.tenant_id').onRef('m.creditor_id', '=', 'c.creditor_id'),
    )
    .select(['c.creditor_id', 'c.ref', 'c.country', 'm.allowed_strategies'])
    .where('c.tenant_id', '=', tenantId)
    .where('c.creditor_id', '=', item.creditorId)
    .executeTakeFirst();
  const creditors = new Map(
    creditor
      ? [
          [
            creditor.creditor_id,
            {
              ref: creditor.ref,
              country: creditor.country,
              allowedStrategies: allowedOf(creditor.allowed_strategies),
            },
          ],
        ]
      : [],
  );
  const policy = policyFor(creditor?.country ?? 'FR');
  const decision = decideCase(item, book, creditors, today);
  const strategy = decision.strategyKey
    ? (book.strategies.get(decision.strategyKey)?.definition ?? null)
    : null;
  const actions = decision.plan.actions.map((a) => confirmationChannel(a, batch, item.debtorId));
  const scheduled = new Scheduler(policy, dayStartOf(today, now)).schedule(
    item,
    actions,
    strategy,
    batch,
    decision.facts.timeBarred,
  );
  const rows = { actions: [], cases: [], blocked: [], eventIds: [] } as Parameters<typeof rowsOf>[3];
  rowsOf(decision, scheduled, policy, rows);
  await writeBatch(trx, raw, { tenantId, runId: input.origin, runOn: today, now, ...rows });
  await runWriteback(trx, tenantId, today, now, rows.cases);
  return { actions: rows.actions, stage: decision.plan.stage };
}

/** Written confirmation by SMS when e-mail cannot reach the debtor and a phone can. */
function confirmationChannel(action: PlannedAction, batch: Batch, debtorId: string): PlannedAction {
  if (action.purpose !== 'confirmation' || action.channel !== 'email') return action;
  const contacts = batch.contacts.get(debtorId) ?? [];
  const usable = (kind: string) =>
    contacts.some((c) => c.kind === kind && c.validity !== 'invalid' && !c.optedOut);
  if (usable('email') || !usable('phone')) return action;
  return { ...action, channel: 'sms' };
}

/** The first instant of the day in a zone, or now when later (as the run schedules). */
function dayStartOf(today: IsoDate, now: string): (zone: string) => string {
  const nowMs = Date.parse(now);
  return (zone) => {
    let ms: number;
    try {
      ms = Temporal.PlainDate.from(today).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
    } catch {
      ms = Date.parse(`${today}T00:00:00Z`);
    }
    return new Date(Math.max(ms, nowMs)).toISOString();
  };
}
