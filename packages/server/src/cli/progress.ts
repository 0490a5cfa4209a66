import cliProgress from 'cli-progress';
import type { Cli } from './context.ts';

export type Progress = {
  /** `done` out of `total` (bytes of a file, or rows), with the rows read so far. */
  update(done: number, total: number, rows: number): void;
  stop(): void;
};

const plainEveryMs = 2_000;

/**
 * A progress bar on stderr when it is a terminal; plain lines every 2 seconds on stderr otherwise
 * (CI logs, pipes), and nothing at all with --json unless stderr is a terminal. Never on stdout,
 * which carries the result.
 */
export function startProgress(cli: Cli, label: string): Progress {
  if (process.stderr.isTTY) return barProgress(cli, label);
  if (cli.json) return { update: () => {}, stop: () => {} };
  return plainProgress(cli, label);
}

function barProgress(cli: Cli, label: string): Progress {
  const bar = new cliProgress.SingleBar(
    { format: cli.msg.import.bar, stream: process.stderr, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (done, total, rows) => {
      const payload = { label, rows: cli.count(rows) };
      if (!started) {
        bar.start(Math.max(total, 1), done, payload);
        started = true;
        return;
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(done, payload);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

function plainProgress(cli: Cli, label: string): Progress {
  let last = 0;
  let lastRows = -1;
  let current = { done: 0, total: 0, rows: 0 };
  const print = (): void => {
    const { done, total, rows } = current;
    const percent = total > 0 ? String(Math.min(100, Math.floor((done / total) * 100))) : '';
    process.stderr.write(`${label} — ${cli.msg.import.progress(cli.count(rows), percent)}\n`);
    lastRows = rows;
  };
  return {
    update: (done, total, rows) => {
      current = { done, total, rows };
      const now = Date.now();
      if (now - last >= plainEveryMs) {
        last = now;
        print();
      }
    },
    stop: () => {
      if (current.rows !== lastRows && current.rows > 0) print();
    },
  };
}
