/**
 * The processes of the webhooks benchmark (bench/webhooks.ts): the HTTP server alone in its process
 * (bench/next-case-server.ts, optionally with the webhook queue inside), the queue processes beside it
 * (bench/webhooks-queue.ts), and the wait until the queue has booked every event.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../packages/server/src/db/database.ts';

const here = import.meta.dirname;

export function startServer(
  args: readonly string[],
  withQueue: boolean,
): Promise<{ port: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [join(here, 'next-case-server.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, RELANCE_BENCH_WEBHOOK_QUEUE: withQueue ? '1' : '0' },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /listening (\d+)/.exec(out);
      if (match) {
        const stop = () => new Promise<void>((done) => child.on('exit', () => done()).kill('SIGTERM'));
        resolve({ port: Number(match[1]), stop });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

/** The queue processes, started before the first webhook; `stop` waits for each one's totals. */
export function startQueues(args: readonly string[], queues: number) {
  const children = Array.from({ length: queues }, () =>
    spawn(process.execPath, [join(here, 'webhooks-queue.ts'), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const outputs = children.map(
    (child) =>
      new Promise<{ processed: number; ignored: number; errors: number }>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
        });
        child.on('exit', (code) =>
          code === 0 ? resolve(JSON.parse(out.trim())) : reject(new Error(`queue exited with ${code}`)),
        );
      }),
  );
  return {
    async stop() {
      for (const child of children) child.kill('SIGTERM');
      const all = await Promise.all(outputs);
      return all.reduce(
        (a, b) => ({
          processed: a.processed + b.processed,
          ignored: a.ignored + b.ignored,
          errors: a.errors + b.errors,
        }),
        { processed: 0, ignored: 0, errors: 0 },
      );
    },
  };
}

/** Waits until no event of the tenant is pending; the seconds since `from`. */
export async function drained(handle: DatabaseHandle, tenantId: string, from: number): Promise<number> {
  for (;;) {
    const row = await sql<{
      n: number | string;
    }>`select count(*) as n from webhook_events where tenant_id = ${tenantId} and result = 'pending'`.execute(
      handle.db,
    );
    if (Number(row.rows[0]?.n ?? 0) === 0) return (performance.now() - from) / 1000;
    await new Promise((r) => setTimeout(r, 50));
  }
}
