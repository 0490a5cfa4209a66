import type { CaseEvent, CaseProgress } from '@relance/core';
import { NEW_PROGRESS } from '@relance/core';
import { sql, type Transaction } from 'kysely';
import type { RawDriver } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { cachedRows } from './cached-query.ts';

/** A case as the run sees it: its ledger totals, its debtor, its place on the ladder and its pending events. */
export type BatchCase = {
  readonly caseId: string;
  readonly creditorId: string;
  readonly debtorId: string;
  readonly currency: string;
  readonly status: string;
  readonly outstandingMinor: number;
  readonly disputedMinor: number;
  readonly openClaimCount: number;
  readonly oldestDueDate: string | null;
  readonly earliestPrescriptionEnd: string | null;
  readonly strategyKey: string | null;
  readonly stage: string;
  /** Its `next_run_on` when claimed: where the queue cursor stands after it. */
  readonly queuedOn: string;
  readonly progress: CaseProgress;
  readonly debtorKind: 'business' | 'consumer';
  readonly language: 'fr' | 'en';
  readonly timeZone: string;
  readonly tags: readonly string[];
  readonly ceaseContact: boolean;
  readonly events: readonly { readonly eventId: string; readonly event: CaseEvent }[];
};

export type ContactRow = {
  readonly kind: string;
  readonly validity: string;
  readonly consent: string;
  readonly optedOut: boolean;
};

export type Batch = {
  readonly cases: readonly BatchCase[];
  readonly contacts: ReadonlyMap<string, readonly ContactRow[]>;
  /** Contacts already planned or made in the last days, per case: the caps count them. */
  readonly recent: ReadonlyMap<string, readonly { readonly channel: string; readonly at: string }[]>;
  readonly lastConversation: ReadonlyMap<string, string>;
};

/**
 * Claims up to `size` cases due on `runOn` with what deciding them needs. On PostgreSQL the cases are
 * locked with SKIP LOCKED, so that several workers share a run without taking the same case.
 */
export async function claimBatch(
  trx: Transaction<Database>,
  raw: RawDriver,
  tenantId: string,
  runOn: string,
  size: number,
  after: QueueCursor,
): Promise<Batch | null> {
  let claim = caseRows(trx, tenantId)
    .where('c.next_run_on', '<=', runOn)
    .$if(after !== null, (q) =>
      q.where(sql<boolean>`(c.next_run_on, c.case_id) > (${after?.on ?? ''}, ${after?.caseId ?? ''})`),
    )
    .orderBy('c.next_run_on')
    .orderBy('c.case_id')
    .limit(size);
  // Only the cases are locked; their debtors stay free for the other workers.
  if (raw.kind === 'postgres') claim = claim.forUpdate(['c']).skipLocked();
  const rows = await cachedRows(trx, raw, claim);
  return rows.length === 0 ? null : completeBatch(trx, raw, tenantId, rows, runOn);
}

/**
 * Where a worker stands in the queue: the last case it claimed. Claiming after it skips the cases just
 * moved out of the queue (on PostgreSQL their index entries linger until vacuum).
 */
export type QueueCursor = { readonly on: string; readonly caseId: string } | null;

/** The cursor after a batch: its last case. */
export function cursorAfter(batch: Batch): QueueCursor {
  const last = batch.cases.at(-1);
  return last ? { on: last.queuedOn, caseId: last.caseId } : null;
}

/** The cases of a dry run: read in id order after `after`, nothing locked, nothing written. */
export async function readBatch(
  trx: Transaction<Database>,
  raw: RawDriver,
  tenantId: string,
  runOn: string,
  size: number,
  after: string,
): Promise<Batch | null> {
  const query = caseRows(trx, tenantId)
    .where('c.next_run_on', '<=', runOn)
    .where('c.case_id', '>', after)
    .orderBy('c.case_id')
    .limit(size);
  const rows = await cachedRows(trx, raw, query);
  return rows.length === 0 ? null : completeBatch(trx, raw, tenantId, rows, runOn);
}

/**
 * One case as the run would see it, due or not (the agent workspace evaluates a case at once after a
 * promise, so that its confirmation is in the outbox without waiting for tomorrow's run).
 */
export async function loadCaseBatch(
  trx: Transaction<Database>,
  raw: RawDriver,
  tenantId: string,
  caseId: string,
  runOn: string,
): Promise<Batch | null> {
  const rows = await caseRows(trx, tenantId).where('c.case_id', '=', caseId).execute();
  return rows.length === 0 ? null : completeBatch(trx, raw, tenantId, rows, runOn);
}

type Dialect = RawDriver['kind'];

function caseRows(trx: Transaction<Database>, tenantId: string) {
  return trx
    .selectFrom('cases as c')
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .select([
      'c.case_id',
      'c.creditor_id',
      'c.debtor_id',
      'c.currency',
      'c.status',
      'c.outstanding_minor',
      'c.disputed_minor',
      'c.open_claim_count',
      'c.oldest_due_date',
      'c.earliest_prescription_end',
      'c.strategy_key',
      'c.stage',
      'c.progress',
      'c.next_run_on',
      'd.kind',
      'd.language',
      'd.time_zone',
      'd.tags',
      'd.cease_contact_at',
      'd.contact_summary',
    ])
    .where('c.tenant_id', '=', tenantId);
}

type CaseRow = Awaited<ReturnType<ReturnType<typeof caseRows>['execute']>>[number];

/** Ids as one parameter (json_each on SQLite, an array on PostgreSQL): one statement text whatever the count. */
function idList(dialect: Dialect, ids: readonly string[]) {
  return dialect === 'sqlite'
    ? sql<string>`(select value from json_each(${JSON.stringify(ids)}))`
    : sql<string>`(select unnest(${ids as string[]}::text[]))`;
}

async function completeBatch(
  trx: Transaction<Database>,
  raw: RawDriver,
  tenantId: string,
  rows: readonly CaseRow[],
  runOn: string,
): Promise<Batch> {
  const ids = rows.map((row) => row.case_id);
  const dialect = raw.kind;
  const events = await pendingEvents(trx, raw, idList(dialect, ids), tenantId);
  const contacts = new Map<string, readonly ContactRow[]>();
  const cases: BatchCase[] = rows.map((row) => {
    if (row.contact_summary !== null) contacts.set(row.debtor_id, parsedSummary(row.contact_summary));
    return {
      caseId: row.case_id,
      creditorId: row.creditor_id,
      debtorId: row.debtor_id,
      currency: row.currency,
      status: row.status,
      outstandingMinor: Number(row.outstanding_minor),
      disputedMinor: Number(row.disputed_minor),
      openClaimCount: row.open_claim_count,
      oldestDueDate: row.oldest_due_date,
      earliestPrescriptionEnd: row.earliest_prescription_end,
      strategyKey: row.strategy_key,
      stage: row.stage,
      queuedOn: row.next_run_on ?? '',
      // The strategy key is the case's column, not repeated in the stored progress.
      progress: row.progress
        ? {
            ...NEW_PROGRESS,
            ...(JSON.parse(row.progress) as Partial<CaseProgress>),
            strategyKey: row.strategy_key,
          }
        : NEW_PROGRESS,
      debtorKind: row.kind,
      language: row.language,
      timeZone: row.time_zone,
      tags: row.tags === '[]' ? [] : (JSON.parse(row.tags) as string[]),
      ceaseContact: row.cease_contact_at !== null,
      events: events.get(row.case_id) ?? [],
    };
  });
  const ran = cases.filter((c) => c.stage !== 'new').map((c) => c.caseId);
  return {
    cases,
    contacts,
    ...(await historyOf(trx, raw, ran.length > 0 ? idList(dialect, ran) : null, tenantId, runOn)),
  };
}

type IdList = ReturnType<typeof idList>;

async function pendingEvents(trx: Transaction<Database>, raw: RawDriver, ids: IdList, tenantId: string) {
  const query = trx
    .selectFrom('case_events')
    .select(['event_id', 'case_id', 'kind', 'occurred_on', 'data'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', 'in', ids)
    .where('applied_run_id', 'is', null)
    .orderBy('occurred_on')
    .orderBy('event_id');
  const rows = await cachedRows(trx, raw, query);
  const byCase = new Map<string, { eventId: string; event: CaseEvent }[]>();
  for (const row of rows) {
    const event = { ...(JSON.parse(row.data) as object), kind: row.kind, on: row.occurred_on } as CaseEvent;
    const list = byCase.get(row.case_id) ?? [];
    list.push({ eventId: row.event_id, event });
    byCase.set(row.case_id, list);
  }
  return byCase;
}

/**
 * What the gate needs of a debtor's contacts (kind, validity, consent, opt-out), from the summary on its row
 * (`db/contact-summary.ts`): most debtors share the same few combinations, so each distinct one is parsed once.
 */
const summaries = new Map<string, readonly ContactRow[]>();
function parsedSummary(summary: string): readonly ContactRow[] {
  let parsed = summaries.get(summary);
  if (parsed === undefined) {
    parsed = summary.split(',').map((part) => {
      const [kind = '', validity = '', consent = '', optedOut = '0'] = part.split(':');
      return { kind, validity, consent, optedOut: optedOut === '1' };
    });
    if (summaries.size > 10_000) summaries.clear();
    summaries.set(summary, parsed);
  }
  return parsed;
}

/** Actions that count as contacts made or to be made. */
const COUNTED: ReadonlySet<string> = new Set([
  'planned',
  'review',
  'sending',
  'sent',
  'delivered',
  'unconfirmed',
]);

/** The caps look back at most 30 days. */
const HISTORY_DAYS = 30;

async function historyOf(
  trx: Transaction<Database>,
  raw: RawDriver,
  ids: IdList | null,
  tenantId: string,
  runOn: string,
) {
  const since = new Date(Date.parse(`${runOn}T00:00:00Z`) - HISTORY_DAYS * 86_400_000).toISOString();
  const recent = new Map<string, { channel: string; at: string }[]>();
  const lastConversation = new Map<string, string>();
  // A case never run has no action and no conversation to count: nothing to read.
  if (ids === null) return { recent, lastConversation };
  // Filtered by case only, so that the planner takes the (tenant, case, key) index; the rest is checked here.
  const actionsQuery = trx
    .selectFrom('actions')
    .select(['case_id', 'channel', 'scheduled_at', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', 'in', ids);
  const actions = await cachedRows(trx, raw, actionsQuery);
  for (const row of actions) {
    if (!row.scheduled_at || row.scheduled_at < since || !COUNTED.has(row.status)) continue;
    const list = recent.get(row.case_id) ?? [];
    list.push({ channel: row.channel, at: row.scheduled_at });
    recent.set(row.case_id, list);
  }
  const conversationsQuery = trx
    .selectFrom('case_events')
    .select(['case_id', (eb) => eb.fn.max('occurred_on').as('last')])
    .where('tenant_id', '=', tenantId)
    .where('case_id', 'in', ids)
    .where('kind', '=', 'conversation')
    .groupBy('case_id');
  const conversations = await cachedRows(trx, raw, conversationsQuery);
  for (const row of conversations) if (row.last) lastConversation.set(row.case_id, String(row.last));
  return { recent, lastConversation };
}
