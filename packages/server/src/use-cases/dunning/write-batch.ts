import { CompiledQuery, type Transaction } from 'kysely';
import type { RawDriver } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';

export type ActionRow = {
  readonly actionId: string;
  readonly caseId: string;
  readonly actionKey: string;
  readonly scheduledAt: string | null;
  readonly channel: string;
  readonly template: string;
  readonly language: string;
  readonly purpose: string;
  readonly status: string;
  readonly strategyKey: string | null;
  readonly strategyVersion: number | null;
  readonly stepKey: string | null;
  readonly reason: string;
  readonly gate: string;
  readonly amounts: string | null;
};

export type CaseRow = {
  readonly caseId: string;
  readonly strategyKey: string | null;
  readonly stage: string;
  readonly progress: string;
  readonly nextRunOn: string | null;
  readonly nextAction: string | null;
  readonly lastNotes: string | null;
};

export type BlockedRow = {
  readonly decisionId: string;
  readonly caseId: string;
  readonly actionKey: string;
  readonly channel: string;
  readonly purpose: string;
  readonly policy: string;
  readonly code: string;
  readonly explanation: string;
};

export type BatchWrites = {
  readonly tenantId: string;
  readonly runId: string;
  readonly runOn: string;
  readonly now: string;
  readonly actions: readonly ActionRow[];
  readonly cases: readonly CaseRow[];
  readonly blocked: readonly BlockedRow[];
  readonly eventIds: readonly string[];
};

/**
 * The run's hot writes, per engine: prepared statements on SQLite (inside the transaction Kysely holds on
 * the same connection), one array statement per table on PostgreSQL. An action whose key the case already
 * has is ignored: that is what keeps a re-run, or a run resumed after a crash, from doubling anything.
 * Returns the number of actions actually inserted.
 */
export async function writeBatch(
  trx: Transaction<Database>,
  raw: RawDriver,
  w: BatchWrites,
): Promise<number> {
  if (raw.kind === 'sqlite') return writeSqlite(raw.sqlite, w);
  return writePostgres(trx, w);
}

export type Sqlite = Extract<RawDriver, { kind: 'sqlite' }>['sqlite'];
type Statement = ReturnType<Sqlite['prepare']>;

/** Rows per statement: fewer calls into SQLite, far within its 32,766 parameters. */
const CHUNK = 50;
const ACTION_COLUMNS =
  'tenant_id, action_id, case_id, action_key, run_id, planned_on, scheduled_at, channel, template, language, purpose, ' +
  'status, strategy_key, strategy_version, step_key, reason, gate, amounts, created_at';
const ACTION_ROW = `(${Array.from({ length: 19 }, () => '?').join(', ')})`;

type Prepared = { one: Statement; many: Statement };
const statements = new WeakMap<Sqlite, Record<'action' | 'kase' | 'blocked' | 'event', Prepared>>();

function prepare(sqlite: Sqlite) {
  const both = (sql: (rows: number) => string): Prepared => ({
    one: sqlite.prepare(sql(1)),
    many: sqlite.prepare(sql(CHUNK)),
  });
  const rows = (row: string, n: number) => Array.from({ length: n }, () => row).join(', ');
  return {
    action: both(
      (n) => `insert into actions (${ACTION_COLUMNS}) values ${rows(ACTION_ROW, n)} on conflict do nothing`,
    ),
    // One statement per case: an UPDATE … FROM (VALUES …) makes SQLite scan the cases instead of probing the key.
    kase: both(
      () =>
        'update cases set strategy_key = ?, stage = ?, progress = ?, next_run_on = ?, next_action = ?, last_notes = ?, ' +
        'last_run_on = ? where tenant_id = ? and case_id = ?',
    ),
    blocked: both(
      (n) =>
        'insert into compliance_log (tenant_id, decision_id, case_id, action_key, at, channel, purpose, started_by, allowed, ' +
        `policy, code, explanation) values ${rows("(?, ?, ?, ?, ?, ?, ?, 'engine', 0, ?, ?, ?)", n)}`,
    ),
    event: both(
      (n) =>
        `update case_events set applied_run_id = ? where tenant_id = ? and event_id in (${rows('?', n)})`,
    ),
  };
}

/**
 * A batch's SQLite parameters, flat, in the statements' column order (`ACTION_WIDTH` values per action,
 * `CASE_WIDTH` per case, `BLOCKED_WIDTH` per blocked contact): what the run's reader thread hands to the
 * writer (structured-cloned arrays of strings cost far less to pass than arrays of objects).
 */
export type PackedWrites = {
  readonly actions: readonly unknown[];
  readonly cases: readonly unknown[];
  readonly blocked: readonly unknown[];
  readonly eventIds: readonly string[];
};

export const ACTION_WIDTH = 19;
const CASE_WIDTH = 9;
const BLOCKED_WIDTH = 10;
/** Where an action's id and channel sit among its packed values. */
export const ACTION_ID_AT = 1;
export const ACTION_CHANNEL_AT = 7;

/** The batch's rows as the SQLite statements take them. */
export function packWrites(w: BatchWrites): PackedWrites {
  const actions: unknown[] = new Array(w.actions.length * ACTION_WIDTH);
  let i = 0;
  for (const a of w.actions) {
    actions[i++] = w.tenantId;
    actions[i++] = a.actionId;
    actions[i++] = a.caseId;
    actions[i++] = a.actionKey;
    actions[i++] = w.runId;
    actions[i++] = w.runOn;
    actions[i++] = a.scheduledAt;
    actions[i++] = a.channel;
    actions[i++] = a.template;
    actions[i++] = a.language;
    actions[i++] = a.purpose;
    actions[i++] = a.status;
    actions[i++] = a.strategyKey;
    actions[i++] = a.strategyVersion;
    actions[i++] = a.stepKey;
    actions[i++] = a.reason;
    actions[i++] = a.gate;
    actions[i++] = a.amounts;
    actions[i++] = w.now;
  }
  const cases: unknown[] = new Array(w.cases.length * CASE_WIDTH);
  i = 0;
  for (const c of w.cases) {
    cases[i++] = c.strategyKey;
    cases[i++] = c.stage;
    cases[i++] = c.progress;
    cases[i++] = c.nextRunOn;
    cases[i++] = c.nextAction;
    cases[i++] = c.lastNotes;
    cases[i++] = w.runOn;
    cases[i++] = w.tenantId;
    cases[i++] = c.caseId;
  }
  const blocked: unknown[] = new Array(w.blocked.length * BLOCKED_WIDTH);
  i = 0;
  for (const b of w.blocked) {
    blocked[i++] = w.tenantId;
    blocked[i++] = b.decisionId;
    blocked[i++] = b.caseId;
    blocked[i++] = b.actionKey;
    blocked[i++] = w.now;
    blocked[i++] = b.channel;
    blocked[i++] = b.purpose;
    blocked[i++] = b.policy;
    blocked[i++] = b.code;
    blocked[i++] = b.explanation;
  }
  return { actions, cases, blocked, eventIds: w.eventIds };
}

/** Runs `p` over the rows of `values` (`width` each), `CHUNK` rows per call, the rest one by one. */
function inChunks(p: Prepared, values: readonly unknown[], width: number, before: unknown[] = []): number {
  let changes = 0;
  const many = CHUNK * width;
  let i = 0;
  for (; i + many <= values.length; i += many) {
    changes += p.many.run(
      before.length > 0 ? [...before, ...values.slice(i, i + many)] : values.slice(i, i + many),
    ).changes;
  }
  for (; i < values.length; i += width) {
    changes += p.one.run(
      before.length > 0 ? [...before, ...values.slice(i, i + width)] : values.slice(i, i + width),
    ).changes;
  }
  return changes;
}

function writeSqlite(sqlite: Sqlite, w: BatchWrites): number {
  return writePacked(sqlite, w.runId, w.tenantId, packWrites(w));
}

/** Writes a packed batch on SQLite (inside the transaction the caller holds); returns the actions inserted. */
export function writePacked(sqlite: Sqlite, runId: string, tenantId: string, w: PackedWrites): number {
  let s = statements.get(sqlite);
  if (!s) {
    s = prepare(sqlite);
    statements.set(sqlite, s);
  }
  const inserted = inChunks(s.action, w.actions, ACTION_WIDTH);
  const kase = s.kase.one;
  for (let i = 0; i < w.cases.length; i += CASE_WIDTH) kase.run(w.cases.slice(i, i + CASE_WIDTH));
  inChunks(s.blocked, w.blocked, BLOCKED_WIDTH);
  inChunks(s.event, w.eventIds, 1, [runId, tenantId]);
  return inserted;
}

async function writePostgres(trx: Transaction<Database>, w: BatchWrites): Promise<number> {
  let inserted = 0;
  if (w.actions.length > 0) {
    const a = w.actions;
    const result = await trx.executeQuery(
      CompiledQuery.raw(
        'insert into actions (tenant_id, action_id, case_id, action_key, run_id, planned_on, scheduled_at, channel, template, ' +
          'language, purpose, status, strategy_key, strategy_version, step_key, reason, gate, amounts, created_at) ' +
          'select $1, u.action_id, u.case_id, u.action_key, $2, $3, u.scheduled_at, u.channel, u.template, u.language, ' +
          'u.purpose, u.status, u.strategy_key, u.strategy_version, u.step_key, u.reason, u.gate, u.amounts, $4 ' +
          'from unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], ' +
          '$13::text[], $14::text[], $15::integer[], $16::text[], $17::text[], $18::text[], $19::text[]) ' +
          'as u(action_id, case_id, action_key, scheduled_at, channel, template, language, purpose, status, strategy_key, ' +
          'strategy_version, step_key, reason, gate, amounts) on conflict do nothing',
        [
          w.tenantId,
          w.runId,
          w.runOn,
          w.now,
          a.map((x) => x.actionId),
          a.map((x) => x.caseId),
          a.map((x) => x.actionKey),
          a.map((x) => x.scheduledAt),
          a.map((x) => x.channel),
          a.map((x) => x.template),
          a.map((x) => x.language),
          a.map((x) => x.purpose),
          a.map((x) => x.status),
          a.map((x) => x.strategyKey),
          a.map((x) => x.strategyVersion),
          a.map((x) => x.stepKey),
          a.map((x) => x.reason),
          a.map((x) => x.gate),
          a.map((x) => x.amounts),
        ],
      ),
    );
    inserted = Number(result.numAffectedRows ?? 0n);
  }
  if (w.cases.length > 0) {
    const c = w.cases;
    await trx.executeQuery(
      CompiledQuery.raw(
        'update cases set strategy_key = u.strategy_key, stage = u.stage, progress = u.progress, next_run_on = u.next_run_on, ' +
          'next_action = u.next_action, last_run_on = $2, last_notes = u.last_notes ' +
          'from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) ' +
          'as u(case_id, strategy_key, stage, progress, next_run_on, next_action, last_notes) ' +
          'where cases.tenant_id = $1 and cases.case_id = u.case_id',
        [
          w.tenantId,
          w.runOn,
          c.map((x) => x.caseId),
          c.map((x) => x.strategyKey),
          c.map((x) => x.stage),
          c.map((x) => x.progress),
          c.map((x) => x.nextRunOn),
          c.map((x) => x.nextAction),
          c.map((x) => x.lastNotes),
        ],
      ),
    );
  }
  if (w.blocked.length > 0) {
    const b = w.blocked;
    await trx.executeQuery(
      CompiledQuery.raw(
        'insert into compliance_log (tenant_id, decision_id, case_id, action_key, at, channel, purpose, started_by, allowed, ' +
          "policy, code, explanation) select $1, u.decision_id, u.case_id, u.action_key, $2, u.channel, u.purpose, 'engine', 0, " +
          'u.policy, u.code, u.explanation from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], ' +
          '$9::text[], $10::text[]) as u(decision_id, case_id, action_key, channel, purpose, policy, code, explanation)',
        [
          w.tenantId,
          w.now,
          b.map((x) => x.decisionId),
          b.map((x) => x.caseId),
          b.map((x) => x.actionKey),
          b.map((x) => x.channel),
          b.map((x) => x.purpose),
          b.map((x) => x.policy),
          b.map((x) => x.code),
          b.map((x) => x.explanation),
        ],
      ),
    );
  }
  if (w.eventIds.length > 0) {
    await trx.executeQuery(
      CompiledQuery.raw(
        'update case_events set applied_run_id = $1 where tenant_id = $2 and event_id = any($3::text[])',
        [w.runId, w.tenantId, w.eventIds],
      ),
    );
  }
  return inserted;
}
