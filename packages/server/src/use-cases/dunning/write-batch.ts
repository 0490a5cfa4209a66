import { CompiledQuery, type Transaction } from 'kysely';
import { distinctTexts, textId } from '../../db/case-texts.ts';
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
const statements = new WeakMap<Sqlite, Record<'action' | 'kase' | 'text' | 'blocked' | 'event', Prepared>>();

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
        'update cases set strategy_key = ?, stage = ?, progress = ?, next_run_on = ?, next_action_text = ?, notes_text = ?, ' +
        'last_run_on = ? where tenant_id = ? and case_id = ?',
    ),
    text: both(
      (n) =>
        `insert into case_texts (tenant_id, text_id, body) values ${rows('(?, ?, ?)', n)} on conflict do nothing`,
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
 * A batch's SQLite parameters, as the run's reader thread hands them to the writer: each distinct value once
 * in `values`, and per row the index of each of its parameters there, in the statements' column order
 * (`ACTION_WIDTH` per action, `CASE_WIDTH` per case, `BLOCKED_WIDTH` per blocked contact). A batch's
 * rows repeat a few values (the run, the channel, the template, the gate's verdict, the next step…): copying
 * each once, and the rows as typed arrays moved rather than copied, costs both threads far less than
 * structured-cloning every row's strings (about 30 ms a batch of 5,000 on these machines).
 */
export type PackedWrites = {
  readonly values: readonly unknown[];
  readonly actions: Int32Array;
  readonly cases: Int32Array;
  /** The batch's distinct next actions and notes (`case_texts`): tenant, id, body. */
  readonly texts: Int32Array;
  readonly blocked: Int32Array;
  readonly eventIds: readonly string[];
};

export const ACTION_WIDTH = 19;
const CASE_WIDTH = 9;
const TEXT_WIDTH = 3;
const BLOCKED_WIDTH = 10;
/** Where an action's id and channel sit among its packed values. */
export const ACTION_ID_AT = 1;
export const ACTION_CHANNEL_AT = 7;

/** Gives each distinct value one index; ids, unique to a row, are appended without a look-up. */
class Interner {
  readonly values: unknown[] = [];
  readonly #index = new Map<unknown, number>();

  of(value: unknown): number {
    let i = this.#index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.#index.set(value, i);
    }
    return i;
  }

  unique(value: unknown): number {
    this.values.push(value);
    return this.values.length - 1;
  }
}

/** The batch's rows as the SQLite statements take them. */
export function packWrites(w: BatchWrites): PackedWrites {
  const v = new Interner();
  const tenant = v.of(w.tenantId);
  const run = v.of(w.runId);
  const runOn = v.of(w.runOn);
  const now = v.of(w.now);
  const actions = new Int32Array(w.actions.length * ACTION_WIDTH);
  let i = 0;
  for (const a of w.actions) {
    actions[i++] = tenant;
    actions[i++] = v.unique(a.actionId);
    actions[i++] = v.of(a.caseId);
    actions[i++] = v.unique(a.actionKey);
    actions[i++] = run;
    actions[i++] = runOn;
    actions[i++] = v.of(a.scheduledAt);
    actions[i++] = v.of(a.channel);
    actions[i++] = v.of(a.template);
    actions[i++] = v.of(a.language);
    actions[i++] = v.of(a.purpose);
    actions[i++] = v.of(a.status);
    actions[i++] = v.of(a.strategyKey);
    actions[i++] = v.of(a.strategyVersion);
    actions[i++] = v.of(a.stepKey);
    actions[i++] = v.of(a.reason);
    actions[i++] = v.of(a.gate);
    actions[i++] = v.of(a.amounts);
    actions[i++] = now;
  }
  const cases = new Int32Array(w.cases.length * CASE_WIDTH);
  i = 0;
  for (const c of w.cases) {
    cases[i++] = v.of(c.strategyKey);
    cases[i++] = v.of(c.stage);
    cases[i++] = v.of(c.progress);
    cases[i++] = v.of(c.nextRunOn);
    cases[i++] = v.of(c.nextAction === null ? null : textId(c.nextAction));
    cases[i++] = v.of(c.lastNotes === null ? null : textId(c.lastNotes));
    cases[i++] = runOn;
    cases[i++] = tenant;
    cases[i++] = v.of(c.caseId);
  }
  const distinct = caseTexts(w.cases);
  const texts = new Int32Array(distinct.length * TEXT_WIDTH);
  i = 0;
  for (const t of distinct) {
    texts[i++] = tenant;
    texts[i++] = v.of(t.id);
    texts[i++] = v.of(t.body);
  }
  const blocked = new Int32Array(w.blocked.length * BLOCKED_WIDTH);
  i = 0;
  for (const b of w.blocked) {
    blocked[i++] = tenant;
    blocked[i++] = v.unique(b.decisionId);
    blocked[i++] = v.of(b.caseId);
    blocked[i++] = v.of(b.actionKey);
    blocked[i++] = now;
    blocked[i++] = v.of(b.channel);
    blocked[i++] = v.of(b.purpose);
    blocked[i++] = v.of(b.policy);
    blocked[i++] = v.of(b.code);
    blocked[i++] = v.of(b.explanation);
  }
  return { values: v.values, actions, cases, texts, blocked, eventIds: w.eventIds };
}

/** The distinct texts a batch's cases cite. */
function caseTexts(cases: readonly CaseRow[]) {
  const bodies: (string | null)[] = [];
  for (const c of cases) bodies.push(c.nextAction, c.lastNotes);
  return distinctTexts(bodies);
}

/** What a `postMessage` of packed writes can move instead of copying. */
export function packedTransfer(p: PackedWrites): ArrayBuffer[] {
  return [p.actions.buffer, p.cases.buffer, p.texts.buffer, p.blocked.buffer] as ArrayBuffer[];
}

/** The action id and channel of each packed action. */
export function packedActions(p: PackedWrites): { actionId: string; channel: string }[] {
  const out: { actionId: string; channel: string }[] = [];
  for (let i = 0; i < p.actions.length; i += ACTION_WIDTH) {
    out.push({
      actionId: String(p.values[p.actions[i + ACTION_ID_AT] ?? -1]),
      channel: String(p.values[p.actions[i + ACTION_CHANNEL_AT] ?? -1]),
    });
  }
  return out;
}

/**
 * Runs `p` over the rows of `rows` (`width` indexes each, into `values`), `chunk` rows per call and the
 * rest one by one; `before` is bound ahead of each call's rows. The parameter arrays are reused (SQLite
 * copies what it binds).
 */
function inChunks(
  p: Prepared,
  values: readonly unknown[],
  rows: Int32Array,
  width: number,
  { before = [], chunk = CHUNK }: { before?: readonly unknown[]; chunk?: number } = {},
): number {
  let changes = 0;
  const many = chunk * width;
  const head = before.length;
  const manyParams: unknown[] = [...before, ...new Array<unknown>(many)];
  const oneParams: unknown[] = [...before, ...new Array<unknown>(width)];
  let i = 0;
  for (; i + many <= rows.length; i += many) {
    for (let k = 0; k < many; k++) manyParams[head + k] = values[rows[i + k] as number];
    changes += p.many.run(manyParams).changes;
  }
  for (; i < rows.length; i += width) {
    for (let k = 0; k < width; k++) oneParams[head + k] = values[rows[i + k] as number];
    changes += p.one.run(oneParams).changes;
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
  const inserted = inChunks(s.action, w.values, w.actions, ACTION_WIDTH);
  inChunks(s.text, w.values, w.texts, TEXT_WIDTH);
  // One statement per case (see `prepare`).
  inChunks(s.kase, w.values, w.cases, CASE_WIDTH, { chunk: 1 });
  inChunks(s.blocked, w.values, w.blocked, BLOCKED_WIDTH);
  const events = Int32Array.from(w.eventIds.keys());
  inChunks(s.event, w.eventIds, events, 1, { before: [runId, tenantId] });
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
    const texts = caseTexts(c);
    if (texts.length > 0) {
      await trx.executeQuery(
        CompiledQuery.raw(
          'insert into case_texts (tenant_id, text_id, body) select $1, u.text_id, u.body ' +
            'from unnest($2::text[], $3::text[]) as u(text_id, body) on conflict do nothing',
          [w.tenantId, texts.map((t) => t.id), texts.map((t) => t.body)],
        ),
      );
    }
    await trx.executeQuery(
      CompiledQuery.raw(
        'update cases set strategy_key = u.strategy_key, stage = u.stage, progress = u.progress, next_run_on = u.next_run_on, ' +
          'next_action_text = u.next_action_text, last_run_on = $2, notes_text = u.notes_text ' +
          'from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) ' +
          'as u(case_id, strategy_key, stage, progress, next_run_on, next_action_text, notes_text) ' +
          'where cases.tenant_id = $1 and cases.case_id = u.case_id',
        [
          w.tenantId,
          w.runOn,
          c.map((x) => x.caseId),
          c.map((x) => x.strategyKey),
          c.map((x) => x.stage),
          c.map((x) => x.progress),
          c.map((x) => x.nextRunOn),
          c.map((x) => (x.nextAction === null ? null : textId(x.nextAction))),
          c.map((x) => (x.lastNotes === null ? null : textId(x.lastNotes))),
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
