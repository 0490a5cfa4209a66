import { type RawBuilder, sql } from 'kysely';
import type { DatabaseHandle } from '../packages/server/src/db/database.ts';

/**
 * The world of `live.ts` around `seedPortfolio`'s cases, written straight in SQL on both engines: what the live
 * view, the agencies' comparison and the drill-down lists read besides the day's run. Every choice is a
 * function of the case's number `n` (its id is `case-<n, 9 digits>`), so that both engines hold the same rows.
 */
export type World = { readonly handle: DatabaseHandle; readonly tenantId: string; readonly runOn: string };

const q = (w: World, text: RawBuilder<unknown>) => text.execute(w.handle.db);
const sqlite = (w: World) => w.handle.dialect === 'sqlite';
/** The case's number. */
const num = (column: string) => `cast(substr(${column}, 6) as integer)`;
/** `runOn` minus `days` (an SQL expression), as 'YYYY-MM-DD'. */
const daysBefore = (w: World, days: string) =>
  sqlite(w) ? `date('${w.runOn}', '-' || (${days}) || ' days')` : `(date '${w.runOn}' - (${days}))::text`;
const daysAfter = (w: World, date: string, days: string) =>
  sqlite(w) ? `date(${date}, '+' || (${days}) || ' days')` : `((${date})::date + (${days}))::text`;
const series = (w: World, count: number) =>
  sql.raw(
    sqlite(w)
      ? `(with recursive s(i) as (select 0 union all select i + 1 from s where i < ${count - 1}) select i from s)`
      : `(select generate_series(0, ${count - 1}) as i)`,
  );
const at = (w: World, time: string) => `${w.runOn}T${time}`;

/** One claim per case, as the case says (the figures' triggers count each). */
export async function seedClaims(w: World): Promise<void> {
  const now = at(w, '00:00:00.000Z');
  await q(
    w,
    sql`insert into claims (tenant_id, claim_id, creditor_id, debtor_id, case_id, invoice_number, issue_date, due_date, amount_minor, outstanding_minor, currency, status, dispute_reason, prescription_basis, prescription_end, external_ref, description, import_id, content_hash, created_at, updated_at)
    select tenant_id, 'clm-' || substr(case_id, 6), creditor_id, debtor_id, case_id, 'INV-' || substr(case_id, 6), oldest_due_date, oldest_due_date,
      outstanding_minor, outstanding_minor, currency, 'open', null, 'commercial_5y', '2030-01-01', null, null, null, case_id, ${now}, ${now}
    from cases where tenant_id = ${w.tenantId}`,
  );
}

/** 50 agents and 10 supervisors, their sessions (and expired ones), 30 cases locked by agents at work. */
export async function seedPeople(w: World): Promise<readonly string[]> {
  const agents = Array.from({ length: 50 }, (_, i) => `agent-${i}`);
  const users = [...agents, ...Array.from({ length: 10 }, (_, i) => `supervisor-${i}`)];
  await w.handle.db
    .insertInto('users')
    .values(
      users.map((id) => ({
        tenant_id: w.tenantId,
        user_id: id,
        email: `${id}@bench.example`,
        display_name: id,
        role: id.startsWith('agent') ? ('agent' as const) : ('supervisor' as const),
        creditor_id: null,
        password_hash: 'x',
        locale: 'fr' as const,
        created_at: at(w, '00:00:00.000Z'),
        disabled_at: null,
        team: id.startsWith('agent') ? ['A', 'B', 'C'][Number(id.slice(6)) % 3] : null,
      })),
    )
    .execute();
  const session = (user: string, k: number, expires: string) => ({
    tenant_id: w.tenantId,
    session_id: `s-${user}-${k}`,
    user_id: user,
    created_at: at(w, '07:00:00.000Z'),
    expires_at: expires,
  });
  await w.handle.db
    .insertInto('sessions')
    .values([
      ...users.slice(0, 45).map((u) => session(u, 0, at(w, '19:00:00.000Z'))),
      ...users.flatMap((u) => [1, 2, 3, 4, 5, 6, 7, 8].map((k) => session(u, k, at(w, '06:00:00.000Z')))),
    ])
    .execute();
  await w.handle.db
    .insertInto('case_locks')
    .values(
      agents.slice(0, 30).map((locked_by, i) => ({
        tenant_id: w.tenantId,
        case_id: `case-${String(i * 31).padStart(9, '0')}`,
        locked_by,
        locked_at: at(w, '09:55:00.000Z'),
        locked_until: at(w, '10:25:00.000Z'),
        task_id: null,
      })),
    )
    .execute();
  return agents;
}

/**
 * Payments for the drill-downs: 2 % of the cases paid over the last 30 days by portal, bank statement or IVR
 * (one in three each), 1 % by an agent on the phone (50 agents in turn).
 */
export async function seedPayments(w: World): Promise<void> {
  const n = num('case_id');
  const pay = (prefix: string, channel: string, recordedBy: string, where: string) =>
    q(
      w,
      sql`insert into payments (tenant_id, payment_id, case_id, creditor_id, amount_minor, currency, method, channel, provider, source_key, received_on, status, recorded_by, recorded_at, strategy_key, segment)
      select tenant_id, ${prefix} || case_id, case_id, creditor_id, outstanding_minor / 2, currency, 'card', ${sql.raw(channel)}, null,
        ${`bench:${prefix}`} || case_id, ${sql.raw(daysBefore(w, `${n} % 30`))}, 'booked', ${sql.raw(recordedBy)},
        ${at(w, '08:00:00.000Z')}, 'b2b-standard', 'business'
      from cases where tenant_id = ${w.tenantId} and ${sql.raw(where)}`,
    );
  await pay(
    'pay-',
    `case ${n} % 3 when 0 then 'portal' when 1 then 'statement' else 'ivr' end`,
    `'system:bench'`,
    `${n} % 50 = 7`,
  );
  await pay('pay-agent-', `'agent'`, `'user:agent-' || ((${n} / 100) % 50)`, `${n} % 100 = 13`);
}

/**
 * The day as the dispatcher leaves it by mid-morning: of the run's e-mails, SMS and voice calls, 60 % sent,
 * 25 % delivered, 3 % failed; letters printed (sent); half the agency hand-overs reviewed and sent. Then an
 * agent call per call task (80 % still open, in teams A/B/C or none), 3,000 callbacks from yesterday to
 * tomorrow, portal links and payment attempts over 30 days.
 */
export async function seedDay(w: World): Promise<void> {
  const n = num('case_id');
  const t = w.tenantId;
  const set = (status: string, where: string) =>
    q(w, sql`update actions set status = ${status} where tenant_id = ${t} and ${sql.raw(where)}`);
  const timed = `channel in ('email', 'sms', 'ivr_call') and status = 'planned'`;
  await set('sent', `${timed} and ${n} % 100 < 60`);
  await set('delivered', `${timed} and ${n} % 100 between 60 and 84`);
  await set('failed', `${timed} and ${n} % 100 between 85 and 87`);
  await set('sent', `channel in ('letter', 'registered_letter') and status = 'planned'`);
  await set('sent', `channel = 'agency_handover' and status = 'review' and ${n} % 2 = 0`);
  await q(
    w,
    sql`insert into call_tasks (tenant_id, task_id, action_id, case_id, kind, window_start, window_end, priority, status, segment, language, team, created_at, updated_at)
    select tenant_id, 'task-' || action_id, action_id, case_id, 'agent_call', ${at(w, '08:00:00.000Z')}, ${at(w, '18:00:00.000Z')},
      ${sql.raw(`${n} % 5`)}, case when ${sql.raw(n)} % 5 = 0 then 'done' else 'open' end,
      case when ${sql.raw(n)} % 3 = 2 then 'b2c' else 'b2b' end, 'fr',
      case ${sql.raw(n)} % 4 when 0 then 'A' when 1 then 'B' when 2 then 'C' else null end, ${at(w, '05:00:00.000Z')}, ${at(w, '05:00:00.000Z')}
    from actions where tenant_id = ${t} and channel = 'call_task'`,
  );
  // Callbacks: 3,000 over 48 hours from yesterday 10:00 (one a minute or so).
  const callbackAt = sqlite(w)
    ? `strftime('%Y-%m-%dT%H:%M:00Z', '${w.runOn}T10:00:00Z', '-1 days', '+' || (i * 58 / 60) || ' minutes')`
    : `to_char(timestamp '${w.runOn} 10:00:00' - interval '1 day' + (i * 58 / 60) * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:00"Z"')`;
  const pad = sqlite(w) ? `printf('%09d', i * 331)` : `lpad((i * 331)::text, 9, '0')`;
  await q(
    w,
    sql`insert into actions (tenant_id, action_id, case_id, action_key, run_id, planned_on, scheduled_at, channel, template, language, purpose, status, reason, gate, created_at)
    select ${t}, 'cb-' || i, 'case-' || ${sql.raw(pad)}, 'callback:' || i, null, ${w.runOn}, ${sql.raw(callbackAt)}, 'call', 'callback',
      'fr', 'callback', case when i < 1200 then 'sent' else 'planned' end, '{}', '{}', ${at(w, '05:00:00.000Z')}
    from ${series(w, 3000)} as s`,
  );
  await seedPortal(w);
}

/** A portal link per e-mail or SMS of the last 30 days (3 in 10 cases a day); 15,000 opened today, 4,000 checked. */
async function seedPortal(w: World): Promise<void> {
  const n = num('case_id');
  const day = `${n} % 30`;
  const opened = sqlite(w)
    ? `case when ${n} % 20 = 1 then '${w.runOn}T09:' || printf('%02d', ${n} % 60) || ':00.000Z' else date('${w.runOn}', '-' || (1 + ${day}) || ' days') || 'T12:00:00.000Z' end`
    : `case when ${n} % 20 = 1 then '${w.runOn}T09:' || lpad((${n} % 60)::text, 2, '0') || ':00.000Z' else (date '${w.runOn}' - (1 + ${day}))::text || 'T12:00:00.000Z' end`;
  await q(
    w,
    sql`insert into payment_links (tenant_id, link_id, case_id, purpose, created_at, expires_at, created_by, opened_count, last_opened_at, failed_checks, verified_at)
    select tenant_id, 'link-' || case_id, case_id, 'pay', ${sql.raw(daysBefore(w, day))} || 'T06:00:00.000Z', '2026-12-31T00:00:00.000Z', 'system',
      case when ${sql.raw(n)} % 4 = 0 then 0 else 1 end, case when ${sql.raw(n)} % 4 = 0 then null else ${sql.raw(opened)} end, 0,
      case when ${sql.raw(n)} % 80 = 1 then ${at(w, '09:30:00.000Z')} else null end
    from cases where tenant_id = ${w.tenantId} and ${sql.raw(n)} % 10 < 3`,
  );
  await q(
    w,
    sql`insert into payment_attempts (tenant_id, attempt_id, case_id, channel, provider, amount_minor, currency, status, input_errors, started_at, updated_at)
    select tenant_id, 'att-' || case_id, case_id, case when ${sql.raw(n)} % 5 = 0 then 'ivr' else 'portal' end, 'stripe', outstanding_minor, currency,
      case ${sql.raw(n)} % 4 when 0 then 'succeeded' when 1 then 'failed' when 2 then 'abandoned' else 'started' end, ${sql.raw(n)} % 3,
      ${sql.raw(daysBefore(w, `${n} % 30`))} || 'T09:10:00.000Z', ${at(w, '09:10:00.000Z')}
    from cases where tenant_id = ${w.tenantId} and ${sql.raw(n)} % 25 = 4`,
  );
}

/**
 * Three outside agencies handed one case in ten over the 24 months before `runOn`; on 3 in 10 of them the
 * agency reported one to three collections (booked as payments of channel `agency`, one in twenty reversed
 * since), the first 10 to 60 days after the hand-over, some paying the whole amount.
 */
export async function seedAgencies(w: World): Promise<number> {
  const n = num('case_id');
  const now = at(w, '00:00:00.000Z');
  await w.handle.db
    .insertInto('outside_agencies')
    .values(
      ['recouvra', 'creditis', 'juriscol'].map((key, i) => ({
        tenant_id: w.tenantId,
        agency_id: `agency-${i}`,
        key,
        name: key.toUpperCase(),
        legal_id: null,
        email: null,
        commission_rate: ['15', '18.5', '12'][i] ?? '15',
        vat_rate: '20',
        share: 1,
        active: 1,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  await q(
    w,
    sql`insert into agency_handovers (tenant_id, handover_id, case_id, agency_id, creditor_id, handed_on, amount_minor, currency, action_id, recalled_on, created_at, created_by)
    select tenant_id, 'ho-' || case_id, case_id, 'agency-' || (${sql.raw(n)} % 3), creditor_id, ${sql.raw(daysBefore(w, `10 + ${n} % 720`))},
      outstanding_minor, currency, null, null, ${now}, 'system:bench'
    from cases where tenant_id = ${w.tenantId} and ${sql.raw(n)} % 10 = 3`,
  );
  const h = num('h.case_id');
  const lines = sqlite(w)
    ? '(select 0 as j union all select 1 union all select 2)'
    : '(values (0), (1), (2)) as l(j)';
  const collectedOn = daysAfter(w, 'h.handed_on', `10 + ${h} % 50 + l.j * 20`);
  await q(
    w,
    sql`insert into agency_collections (tenant_id, line_id, agency_id, handover_id, case_id, line_key, reference, amount_minor, fee_minor, currency, collected_on, payment_id, created_at)
    select h.tenant_id, 'line-' || h.case_id || '-' || l.j, h.agency_id, h.handover_id, h.case_id, 'k-' || h.case_id || '-' || l.j, 'INV-' || substr(h.case_id, 6),
      case when ${sql.raw(h)} % 7 = 0 then h.amount_minor else h.amount_minor / 4 end,
      (case when ${sql.raw(h)} % 7 = 0 then h.amount_minor else h.amount_minor / 4 end) * 15 / 100, h.currency,
      ${sql.raw(collectedOn)}, 'pay-ag-' || h.case_id || '-' || l.j, ${now}
    from agency_handovers h cross join ${sql.raw(lines)} ${sql.raw(sqlite(w) ? 'as l' : '')}
    where h.tenant_id = ${w.tenantId} and ${sql.raw(h)} % 100 < 30 and l.j <= ${sql.raw(h)} % 3
      and (${sql.raw(h)} % 7 <> 0 or l.j = 0) and ${sql.raw(collectedOn)} <= ${w.runOn}`,
  );
  await q(
    w,
    sql`insert into payments (tenant_id, payment_id, case_id, creditor_id, amount_minor, currency, method, channel, provider, source_key, received_on, status, recorded_by, recorded_at, strategy_key, segment)
    select l.tenant_id, l.payment_id, l.case_id, h.creditor_id, l.amount_minor, l.currency, 'transfer', 'agency', null, 'bench:' || l.line_id,
      l.collected_on, case when ${sql.raw(num('l.case_id'))} % 20 = 0 then 'reversed' else 'booked' end, 'system:bench', ${now}, null, 'business'
    from agency_collections l join agency_handovers h on h.tenant_id = l.tenant_id and h.handover_id = l.handover_id
    where l.tenant_id = ${w.tenantId}`,
  );
  const count = await w.handle.db
    .selectFrom('agency_handovers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', w.tenantId)
    .executeTakeFirstOrThrow();
  return Number(count.n);
}
