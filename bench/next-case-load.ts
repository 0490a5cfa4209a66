/**
 * `node bench/next-case-load.ts <port> <seconds> <cookies-file> [think-ms]`: the load of the next-case benchmark, in
 * its own process on loopback. Each agent (one session cookie each) loops POST /queue/next then
 * POST /cases/:caseId/outcomes (no_answer) for the given time; then the same concurrency asks
 * GET /health for the floor. Prints one JSON line: latencies (ms) of /queue/next, of the outcome and of
 * the health floor, requests per second, and the number of times a case was handed to an agent while
 * another still held it (must be 0).
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

const [portText, secondsText, cookiesFile, thinkText] = process.argv.slice(2);
/** Milliseconds an agent spends on the call between its outcome and its next request (0: flat out). */
const thinkMs = Number(thinkText ?? '0');
const port = Number(portText);
const seconds = Number(secondsText);
const cookies = JSON.parse(readFileSync(cookiesFile ?? '', 'utf8')) as string[];
const agent = new Agent({ keepAlive: true, maxSockets: cookies.length * 2 });

function call(
  method: string,
  path: string,
  cookie: string,
  body?: object,
): Promise<{ status: number; body: string }> {
  const payload = body ? JSON.stringify(body) : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: `/api/v1${path}`,
        agent,
        headers: {
          cookie,
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
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
    if (payload) req.write(payload);
    req.end();
  });
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
};

/** Which agent holds each case, from the answer of /queue/next to the answer of its outcome. */
const holders = new Map<string, number>();
let doubleHandOuts = 0;
let empty = 0;
let errors = 0;
const next: number[] = [];
const outcome: number[] = [];
/** RELANCE_BENCH_TIMELINE=1: each measured request's wall-clock start and duration, printed per 100 ms. */
const timeline: [number, number, 'n' | 'o'][] | null = process.env.RELANCE_BENCH_TIMELINE === '1' ? [] : null;

async function agentLoop(index: number, cookie: string, until: number, measured = true): Promise<void> {
  // With a think time, agents do not all click at the same millisecond: each starts somewhere in its first
  // pause (a burst of 50 simultaneous first requests would be 5% of a 20 s run at one call per second).
  if (thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * thinkMs));
  while (performance.now() < until) {
    const started = performance.now();
    const response = await call('POST', '/queue/next', cookie);
    if (measured) next.push(performance.now() - started);
    if (measured) timeline?.push([performance.timeOrigin + started, performance.now() - started, 'n']);
    if (response.status === 204) {
      empty++;
      continue;
    }
    if (response.status !== 200) {
      errors++;
      continue;
    }
    const task = (JSON.parse(response.body) as { task: { id: string; caseId: string } }).task;
    const holder = holders.get(task.caseId);
    if (holder !== undefined && holder !== index) doubleHandOuts++;
    holders.set(task.caseId, index);
    const t1 = performance.now();
    const done = await call('POST', `/cases/${task.caseId}/outcomes`, cookie, {
      taskId: task.id,
      disposition: 'no_answer',
    });
    if (measured) outcome.push(performance.now() - t1);
    if (measured) timeline?.push([performance.timeOrigin + t1, performance.now() - t1, 'o']);
    if (done.status !== 200) errors++;
    holders.delete(task.caseId);
    if (thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + Math.random())));
  }
}

async function healthLoop(cookie: string, until: number, into: number[]): Promise<void> {
  while (performance.now() < until) {
    const started = performance.now();
    await call('GET', '/health', cookie);
    into.push(performance.now() - started);
  }
}

// Warm-up (connections, statement caches, JIT of both routes), not measured: a few seconds of the same work.
const warmUntil = performance.now() + 2000;
await Promise.all(cookies.map((c) => healthLoop(c, warmUntil, [])));
const warmWorkUntil = performance.now() + 3000;
await Promise.all(cookies.map((c, i) => agentLoop(i, c, warmWorkUntil, false)));
const startedAt = performance.now();
const until = startedAt + seconds * 1000;
await Promise.all(cookies.map((c, i) => agentLoop(i, c, until)));
const elapsed = (performance.now() - startedAt) / 1000;
const health: number[] = [];
const healthUntil = performance.now() + Math.min(10, seconds) * 1000;
await Promise.all(cookies.map((c) => healthLoop(c, healthUntil, health)));
agent.destroy();
if (timeline) {
  // Per 100 ms of wall clock (epoch ms): requests started, the slowest "next" and the slowest outcome.
  const buckets = new Map<number, { n: number; next: number; outcome: number }>();
  for (const [at, ms, kind] of timeline) {
    const key = Math.floor(at / 100) * 100;
    const b = buckets.get(key) ?? { n: 0, next: 0, outcome: 0 };
    b.n += 1;
    if (kind === 'n') b.next = Math.max(b.next, ms);
    else b.outcome = Math.max(b.outcome, ms);
    buckets.set(key, b);
  }
  for (const [key, b] of [...buckets.entries()].sort(([a], [c]) => a - c)) {
    process.stderr.write(`timeline ${key} ${b.n} ${b.next.toFixed(1)} ${b.outcome.toFixed(1)}\n`);
  }
}
process.stdout.write(
  `${JSON.stringify({
    agents: cookies.length,
    thinkMs,
    seconds: Math.round(elapsed * 10) / 10,
    next: summary(next),
    outcome: summary(outcome),
    health: summary(health),
    nextPerSecond: Math.round(next.length / elapsed),
    requestsPerSecond: Math.round((next.length + outcome.length) / elapsed),
    empty,
    errors,
    doubleHandOuts,
  })}\n`,
);
