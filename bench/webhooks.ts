/**
 * `node bench/webhooks.ts [--events 20000] [--duplicates 0.1] [--concurrency 16] [--cases 5000] [--mix payments|failures] [--queues 1]`:
 * the card webhooks benchmark of issue #6 (≥ 1,000 provider webhooks per second, each handled exactly once).
 * On a fresh database per engine: a portfolio of open cases with one claim each (SQL, not the API), the
 * tenant's Stripe settings, and one started attempt per payment. The HTTP server runs alone in its process
 * (bench/next-case-server.ts: real clock, no dispatcher, no logger); this process sends, on loopback with
 * keep-alive, `events` Stripe events signed as Stripe signs them (the SDK's helper): of the distinct events,
 * 80 % `checkout.session.completed` (a payment each), 10 % `payment_intent.succeeded` of a payment already
 * told (booked once), 10 % `payment_intent.payment_failed`; plus `duplicates` × events copies of events
 * already in the list (Stripe's retries), all in a shuffled order, `concurrency` requests at a time. The
 * floor, measured in the same run before and after: the same event rows inserted bare into webhook_events
 * (one statement each, the same concurrency). Then it checks each payment was booked exactly once and fails
 * loudly otherwise. The server answers each webhook once its event is recorded (decision 0012); `queues`
 * processes (bench/webhooks-queue.ts, as `relance worker` runs the queue) book the events beside it from the
 * start, and the run also reports when the last one was booked. `--mix failures` makes every distinct event a declined card: the same path without the
 * booking (`recordPayment`), to see what the webhook machinery itself costs. Writes
 * bench/results/webhooks-<mix>.json. Nothing asserts a time.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import Stripe from 'stripe';
import { STRIPE_METADATA } from '../packages/server/src/channels/payments/stripe-events.ts';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../packages/server/src/db/database.ts';
import { benchId, benchIdSql, seedCardPortfolio, series } from './webhooks-portfolio.ts';
import { drained, startQueues, startServer } from './webhooks-processes.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '20000' },
    duplicates: { type: 'string', default: '0.1' },
    concurrency: { type: 'string', default: '16' },
    cases: { type: 'string', default: '5000' },
    engines: { type: 'string', default: 'sqlite,postgres' },
    postgres: { type: 'string' },
    /** 'payments': the mix above; 'failures': every distinct event a declined card (nothing booked). */
    mix: { type: 'string', default: 'payments' },
    /**
     * Where the queue books the recorded events (decision 0012): `server` (in the server's process, as
     * `npm start` runs it; the default on SQLite, whose one writer would otherwise make the server wait on
     * another process's lock) or a number of queue processes beside it (default 2 on PostgreSQL).
     */
    queues: { type: 'string' },
  },
});
const failuresOnly = values.mix === 'failures';
const total = Number(values.events);
const copies = Math.round(total * Number(values.duplicates));
const distinct = total - copies;
const concurrency = Number(values.concurrency);
const cases = Number(values.cases);
const postgresUrl =
  values.postgres ?? process.env.RELANCE_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const here = import.meta.dirname;
const tenantId = benchId('tenant', 1);
const secret = 'whsec_bench_0123456789abcdef';
const pad = (i: number) => String(i).padStart(9, '0');
/**
 * The day the payments were made (the events' `created`; Stripe may deliver an event days later): within the
 * late-interest rate tables shipped, so that the interest owed up to it can be allocated first.
 */
const paidOn = '2026-06-15';
const created = Math.floor(Date.parse(`${paidOn}T12:00:00Z`) / 1000);

/** A real Checkout Session payload (the shared fixture) when there, else its main fields. */
const template = (() => {
  const file = join(process.env.RELANCE_FIXTURES ?? join(here, '../../shared/fixtures'), 'webhooks');
  const path = join(file, 'stripe_ruby_mock_checkout.session.completed.json');
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as { data: { object: object } };
  return { data: { object: { object: 'checkout.session', mode: 'payment', status: 'complete' } } };
})();

function kindOf(i: number): 'completed' | 'replay' | 'failed' {
  if (failuresOnly) return 'failed';
  return i % 10 < 8 ? 'completed' : i % 10 === 8 ? 'replay' : 'failed';
}

/** Distinct event i: what it is, for which attempt, and how much. */
function eventOf(i: number): object {
  const kind = kindOf(i);
  const a = kind === 'replay' ? i - 1 : i;
  const amount = 10_00 + (a % 50) * 1_00;
  const metadata = {
    [STRIPE_METADATA.tenant]: tenantId,
    [STRIPE_METADATA.caseId]: benchId('case', a % cases),
    [STRIPE_METADATA.attempt]: benchId('attempt', a),
  };
  const base = {
    id: `evt_bench_${pad(i)}`,
    object: 'event',
    api_version: '2026-10-28',
    created: 0,
    livemode: false,
  };
  if (kind === 'completed') {
    const object = {
      ...template.data.object,
      id: `cs_bench_${a}`,
      amount_total: amount,
      amount_subtotal: amount,
      currency: 'eur',
      metadata,
      client_reference_id: metadata[STRIPE_METADATA.attempt],
      payment_intent: `pi_bench_${pad(a)}`,
      payment_status: 'paid',
    };
    return { ...base, type: 'checkout.session.completed', data: { object } };
  }
  const pi = { id: `pi_bench_${pad(a)}`, object: 'payment_intent', amount, currency: 'eur', metadata };
  return kind === 'replay'
    ? {
        ...base,
        type: 'payment_intent.succeeded',
        data: { object: { ...pi, amount_received: amount, status: 'succeeded' } },
      }
    : {
        ...base,
        type: 'payment_intent.payment_failed',
        data: {
          object: {
            ...pi,
            amount_received: 0,
            status: 'requires_payment_method',
            last_payment_error: {
              code: 'card_declined',
              decline_code: 'insufficient_funds',
              message: 'Your card has insufficient funds.',
            },
          },
        },
      };
}

/** The order of the sends: every distinct event once, plus copies of random ones, shuffled (fixed seed). */
function sendOrder(): number[] {
  let seed = 0x5eed;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const order = [
    ...Array.from({ length: distinct }, (_, i) => i),
    ...Array.from({ length: copies }, () => Math.floor(random() * distinct)),
  ];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
  }
  return order;
}

async function seed(handle: DatabaseHandle): Promise<void> {
  const now = new Date().toISOString();
  await seedCardPortfolio(handle, tenantId, cases, paidOn);
  await sql`insert into payment_attempts (tenant_id, attempt_id, case_id, channel, provider, provider_ref, amount_minor, currency, status, input_errors, started_at, updated_at)
    select ${tenantId}, ${benchIdSql(handle, 'attempt', 'i')}, ${benchIdSql(handle, 'case', `i % ${cases}`)}, 'portal', 'stripe',
      'cs_bench_' || i, 1000 + (i % 50) * 100, 'EUR', 'started', 0, ${now}, ${now}
    from ${series(handle, distinct)} as s where ${sql.raw(failuresOnly ? '1 = 1' : 'i % 10 <> 8')}`.execute(
    handle.db,
  );
  const settings = { provider: 'stripe', stripeSecretKey: 'sk_test_bench', stripeWebhookSecret: secret };
  await handle.db
    .insertInto('tenant_settings')
    .values({
      tenant_id: tenantId,
      key: 'channels.payments',
      value: JSON.stringify(settings),
      version: 1,
      updated_by: 'bench',
      updated_at: now,
    })
    .execute();
  await sql`analyze`.execute(handle.db);
}

/** `count` tasks, `concurrency` at a time. */
async function pool(count: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/**
 * The floor: the same event rows into webhook_events (with a payload of the same size), one bare statement
 * each, at the same concurrency.
 */
async function floor(handle: DatabaseHandle, order: readonly number[], label: string): Promise<number> {
  const started = performance.now();
  const now = new Date().toISOString();
  await pool(order.length, async (k) => {
    const i = order[k] ?? 0;
    await handle.db
      .insertInto('webhook_events')
      .values({
        tenant_id: label,
        provider: 'stripe',
        event_id: `evt_bench_${pad(i)}`,
        kind: 'checkout.session.completed',
        received_at: now,
        result: 'ignored',
        detail: null,
        payload: JSON.stringify({ ...eventOf(i), tenantId, attemptId: benchId('attempt', i) }),
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'provider', 'event_id']).doNothing())
      .execute();
  });
  return order.length / ((performance.now() - started) / 1000);
}

function post(
  agent: Agent,
  port: number,
  body: string,
  signature: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/v1/webhooks/payments/stripe/${tenantId}`,
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'stripe-signature': signature,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function send(port: number, order: readonly number[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const bodies = Array.from({ length: distinct }, (_, i) => JSON.stringify({ ...eventOf(i), created }));
  // Signed before the clock starts (within Stripe's five minutes): the sender's HMACs are not the server's work.
  const signatures = bodies.map((payload) => Stripe.webhooks.generateTestHeaderString({ payload, secret }));
  const answers = { duplicates: 0, handled: 0, refused: 0, firstRefusal: '' };
  const started = performance.now();
  await pool(order.length, async (k) => {
    const i = order[k] ?? 0;
    const answer = await post(agent, port, bodies[i] ?? '', signatures[i] ?? '');
    if (answer.status !== 200) {
      answers.refused += 1;
      answers.firstRefusal ||= `${answer.status} ${answer.body.slice(0, 300)}`;
    } else if ((JSON.parse(answer.body) as { duplicate: boolean }).duplicate) answers.duplicates += 1;
    else answers.handled += 1;
  });
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    ...answers,
    seconds: Math.round(seconds * 100) / 100,
    eventsPerSecond: Math.round(order.length / seconds),
  };
}

/** What the database says after the run: each payment booked once, each attempt where it should be. */
async function check(handle: DatabaseHandle) {
  const count = async (query: ReturnType<typeof sql<{ n: number | string }>>) =>
    Number((await query.execute(handle.db)).rows[0]?.n ?? 0);
  const payments = await count(sql`select count(*) as n from payments where tenant_id = ${tenantId}`);
  const distinctSources = await count(
    sql`select count(distinct source_key) as n from payments where tenant_id = ${tenantId}`,
  );
  const events = await count(sql`select count(*) as n from webhook_events where tenant_id = ${tenantId}`);
  const unhandled = await count(
    sql`select count(*) as n from webhook_events where tenant_id = ${tenantId} and result not in ('processed', 'ignored')`,
  );
  const succeeded = await count(
    sql`select count(*) as n from payment_attempts where tenant_id = ${tenantId} and status = 'succeeded' and payment_id is not null`,
  );
  const failed = await count(
    sql`select count(*) as n from payment_attempts where tenant_id = ${tenantId} and status = 'failed'`,
  );
  const kinds = Array.from({ length: distinct }, (_, i) => kindOf(i));
  const expected = kinds.filter((k) => k === 'completed').length;
  const expectedFailed = kinds.filter((k) => k === 'failed').length;
  const exactlyOnce =
    payments === expected &&
    distinctSources === expected &&
    events === distinct &&
    unhandled === 0 &&
    succeeded === expected &&
    failed === expectedFailed;
  return {
    payments,
    expectedPayments: expected,
    events,
    expectedEvents: distinct,
    unhandled,
    succeeded,
    failed,
    expectedFailed,
    exactlyOnce,
  };
}

async function onEngine(engine: string): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'relance-bench-webhooks-'));
  const schema = `bench_hooks_${randomBytes(4).toString('hex')}`;
  const url = engine === 'sqlite' ? `sqlite:${join(dir, 'bench.db')}` : postgresUrl;
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(query);
    await client.end();
  };
  if (engine === 'postgres') await admin(`create schema ${schema}`);
  try {
    const handle = openDatabase(url, engine === 'postgres' ? { schema, poolSize: concurrency } : {});
    await migrateToLatest(handle.db);
    await seed(handle);
    const order = sendOrder();
    const floorBefore = await floor(handle, order, 'floor-1');
    const placement = values.queues ?? (engine === 'sqlite' ? 'server' : '2');
    const queues = placement === 'server' ? 0 : Number(placement);
    const server = await startServer(engine === 'postgres' ? [url, schema] : [url], placement === 'server');
    const queue = startQueues(engine === 'postgres' ? [url, tenantId, schema] : [url, tenantId], queues);
    let run: Awaited<ReturnType<typeof send>>;
    let drainSeconds: number;
    let booked: Awaited<ReturnType<ReturnType<typeof startQueues>['stop']>>;
    try {
      const started = performance.now();
      run = await send(server.port, order);
      // No queue (`--queues 0`): the webhooks alone (the events stay pending; the check then says so).
      drainSeconds = placement !== '0' ? await drained(handle, tenantId, started) : run.seconds;
    } finally {
      await server.stop();
      booked = await queue.stop();
    }
    const floorAfter = await floor(handle, order, 'floor-2');
    const verdict = await check(handle);
    await handle.close();
    const floorMean = (floorBefore + floorAfter) / 2;
    return {
      engine,
      sent: total,
      distinct,
      copies,
      concurrency,
      cases,
      ...run,
      queue: { placement, ...booked },
      // From the first webhook sent to the last event booked: what the queue keeps up with.
      drainSeconds: Math.round(drainSeconds * 100) / 100,
      eventsHandledPerSecond: Math.round(distinct / drainSeconds),
      floor: { before: Math.round(floorBefore), after: Math.round(floorAfter) },
      ratioToFloor: Math.round((floorMean / run.eventsPerSecond) * 100) / 100,
      ...verdict,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (engine === 'postgres') await admin(`drop schema ${schema} cascade`);
  }
}

const machine = { cpus: cpus().length, model: cpus()[0]?.model ?? '', loadAverage: loadavg()[0] };
const results: Record<string, unknown>[] = [];
process.stdout.write(
  `${total} events (${distinct} distinct, ${copies} copies), mix ${values.mix}, ${cases} cases\n`,
);
for (const engine of (values.engines ?? '').split(',').filter((e) => e !== '')) {
  const r = await onEngine(engine);
  results.push(r);
  const floorText = r.floor as { before: number; after: number };
  process.stdout.write(
    `${engine} (${values.mix}): ${r.eventsPerSecond} webhooks/s (${total} in ${r.seconds} s, ${concurrency} at a time; ${r.handled} handled, ` +
      `${r.duplicates} duplicates, ${r.refused} refused) — floor ${floorText.before} / ${floorText.after} rows/s, ` +
      `${r.ratioToFloor}× — all booked after ${r.drainSeconds} s (${r.eventsHandledPerSecond} events/s, queue: ${(r.queue as { placement: string }).placement}) — payments ${r.payments}/${r.expectedPayments}, events ${r.events}/${r.expectedEvents}: ` +
      `${r.exactlyOnce ? 'each exactly once' : 'NOT exactly once'}${r.firstRefusal ? ` — first refusal: ${r.firstRefusal}` : ''}\n`,
  );
}
writeFileSync(
  join(here, 'results', `webhooks-${failuresOnly ? 'failures' : 'payments'}.json`),
  `${JSON.stringify({ at: new Date().toISOString(), machine, mix: values.mix, results }, null, 2)}\n`,
);
const wrong = results.filter((r) => !r.exactlyOnce || (r.refused as number) > 0);
if (wrong.length > 0) {
  process.stderr.write(`FAILED: not each exactly once, or requests failed: ${JSON.stringify(wrong)}\n`);
  process.exit(1);
}
