/**
 * Where a benchmark server's time goes on PostgreSQL: with `RELANCE_BENCH_PROFILE=1`, `next-case-server.ts`
 * imports this module, which times every statement the `pg` client sends (from the call to its answer: the
 * wait for the server, planning and execution, and the commit's flush for a `commit`) and, when the server
 * is stopped, prints on stderr the server's event-loop delay (p50, p99, max) and the thirty statement texts that took the most time in all: count, mean ms,
 * max ms, the text's first 110 characters. A diagnostic, not a figure to publish.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';

// The server's own stalls (a long garbage collection, a blocking call) show as event-loop delay.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

const stats = new Map<string, { n: number; total: number; max: number }>();
const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as { query: unknown }).query = function timed(this: unknown, ...args: unknown[]) {
  const first = args[0] as string | { text?: string } | undefined;
  const text = (typeof first === 'string' ? first : (first?.text ?? '?')).replace(/\s+/g, ' ').slice(0, 110);
  const started = performance.now();
  const result = original.apply(this, args) as Promise<unknown> | undefined;
  if (!result || typeof result.then !== 'function') return result;
  return result.then((answer) => {
    const ms = performance.now() - started;
    const s = stats.get(text) ?? { n: 0, total: 0, max: 0 };
    s.n += 1;
    s.total += ms;
    s.max = Math.max(s.max, ms);
    stats.set(text, s);
    return answer;
  });
};

process.on('SIGTERM', () => {
  const ms = (ns: number) => (ns / 1e6).toFixed(1);
  process.stderr.write(
    `event loop delay: p50 ${ms(loopDelay.percentile(50))} ms, p99 ${ms(loopDelay.percentile(99))} ms, max ${ms(loopDelay.max)} ms\n`,
  );
  const rows = [...stats.entries()].sort((a, b) => b[1].total - a[1].total).slice(0, 30);
  for (const [text, s] of rows) {
    process.stderr.write(`${s.n}\t${(s.total / s.n).toFixed(2)}\t${s.max.toFixed(1)}\t${text}\n`);
  }
});
