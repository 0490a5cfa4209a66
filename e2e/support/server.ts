import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repoRoot = new URL('../../', import.meta.url).pathname;

export type DemoAccount = { readonly email: string; readonly role: string; readonly password: string };

export type RunningRelance = {
  readonly url: string;
  readonly accounts: readonly DemoAccount[];
  readonly tenantName: string;
  /** The `--db` value, for a CLI command run beside the server (e.g. `relance dispatch --once`). */
  readonly database: string;
  /** RELANCE_DATA_DIR of the server (documents, the demo mailbox), for such a command too. */
  readonly dataDir: string;
  stop(): Promise<void>;
};

type StartDocument = {
  readonly url: string;
  readonly demo?: { readonly name: string; readonly accounts: readonly DemoAccount[] };
};

function isStartDocument(value: unknown): value is StartDocument {
  return typeof value === 'object' && value !== null && typeof (value as { url?: unknown }).url === 'string';
}

/**
 * Starts the real server as the CLI does (`relance start --json`) on a fresh temporary SQLite
 * database, seeded with the demo tenant and portfolio, on a port the system picks; resolves with
 * the JSON document it prints (URL and demo accounts).
 */
export async function startRelance(options: {
  readonly webDist: string;
  readonly size?: number;
  /** Run the demo's day at start (RELANCE_DEMO_RUN on); the journeys that run it themselves leave it off. */
  readonly demoRun?: boolean;
  /** false: no in-process dispatcher (RELANCE_DISPATCH=off), the journey sends with `relance dispatch --once`. */
  readonly dispatch?: boolean;
  /** RELANCE_CLOCK: the server's clock starts at this instant (e.g. a weekday morning, when calls are allowed). */
  readonly clock?: string;
}): Promise<RunningRelance> {
  const dir = mkdtempSync(join(tmpdir(), 'relance-e2e-'));
  const database = `sqlite:${join(dir, 'relance.db')}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      'packages/server/src/cli/main.ts',
      'start',
      '--json',
      '--lang',
      'fr',
      '--db',
      database,
      '--port',
      '0',
      '--size',
      String(options.size ?? 120),
    ],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        RELANCE_DATA_DIR: join(dir, 'data'),
        // The journeys preview and run the day themselves unless asked: no run at start, none by the schedule.
        RELANCE_DEMO_RUN: options.demoRun ? 'on' : 'off',
        ...(options.dispatch === false ? { RELANCE_DISPATCH: 'off' } : {}),
        ...(options.clock ? { RELANCE_CLOCK: options.clock } : {}),
        RELANCE_SCHEDULE: 'off',
        RELANCE_WEB_DIST: options.webDist,
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );

  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const document = await new Promise<StartDocument>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`relance start timed out.\n${stderr}`)), 150_000);
    const tryParse = () => {
      try {
        const value: unknown = JSON.parse(stdout);
        if (isStartDocument(value)) {
          clearTimeout(timeout);
          resolve(value);
        }
      } catch {
        // Not the whole document yet.
      }
    };
    child.stdout?.on('data', tryParse);
    void exited.then((code) => {
      clearTimeout(timeout);
      reject(new Error(`relance start exited with ${code}.\n${stderr}\n${stdout}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });

  if (!document.demo) {
    await stop();
    throw new Error(`relance start did not set up the demo tenant:\n${stdout}`);
  }
  return {
    url: document.url.replace(/\/$/, ''),
    accounts: document.demo.accounts,
    tenantName: document.demo.name,
    database,
    dataDir: join(dir, 'data'),
    stop,
  };
}
