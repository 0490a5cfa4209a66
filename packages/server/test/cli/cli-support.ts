import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { type DatabaseHandle, type Dialect, openDatabase } from '../../src/db/database.ts';
import { testDialects, testPostgresUrl } from '../support/databases.ts';

export const cliMain = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

export type CliRun = { readonly code: number; readonly stdout: string; readonly stderr: string };

/** The environment of a CLI child: no locale (so French by default), no inherited Relance settings. */
export function cliEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
  return env;
}

/** Runs `node src/cli/main.ts …args` as a person would, and waits for it to end. */
export function runCli(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cliMain, ...args],
      { cwd: options.cwd, env: options.env ?? cliEnv(), maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Starts a long-running command (serve, start) and resolves once stdout shows a URL. */
export function startCli(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<{
  readonly child: ChildProcess;
  readonly url: string;
  output(): string;
  stop(): Promise<number>;
}> {
  const child = spawn(process.execPath, [cliMain, ...args], {
    cwd: options.cwd,
    env: options.env ?? cliEnv(),
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 90 s\n${stdout}\n${stderr}`)), 90_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)\s*$/m.exec(stdout);
      if (match?.[1] && /Ctrl\+C/.test(stdout)) {
        clearTimeout(timer);
        resolve({
          child,
          url: match[1],
          output: () => stdout,
          stop: async () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before serving\n${stdout}\n${stderr}`));
    });
  });
}

export type CliDatabase = {
  readonly dialect: Dialect;
  /** What to pass to --db. */
  readonly url: string;
  /** A temp folder to run in (data/ and error files land here). */
  readonly dir: string;
  /** A direct connection to look at what the CLI wrote. */
  open(): DatabaseHandle;
};

/**
 * A fresh, empty database for CLI runs: a SQLite file in a temp folder, or a new PostgreSQL schema
 * reached through the URL's `options=-c search_path=…` (node-postgres passes it to the server).
 */
export async function makeCliDatabase(dialect: Dialect): Promise<CliDatabase & { drop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'relance-cli-'));
  if (dialect === 'sqlite') {
    const url = `sqlite:${join(dir, 'relance.db')}`;
    return {
      dialect,
      url,
      dir,
      open: () => openDatabase(url),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `cli_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const separator = testPostgresUrl.includes('?') ? '&' : '?';
  const url = `${testPostgresUrl}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    dialect,
    url,
    dir,
    open: () => openDatabase(url, { poolSize: 2 }),
    drop: async () => {
      const c = new pg.Client({ connectionString: testPostgresUrl });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs a suite once per engine, each with its own empty database. */
export function describeEachCliDatabase(
  name: string,
  body: (ctx: { readonly db: CliDatabase }) => void,
): void {
  describe.each(testDialects)(`${name} [%s]`, (dialect) => {
    const ctx = {} as { db: CliDatabase & { drop(): Promise<void> } };
    beforeAll(async () => {
      ctx.db = await makeCliDatabase(dialect);
    });
    afterAll(async () => {
      await ctx.db?.drop();
    });
    body(ctx);
  });
}

/** `relance --db <url> …args`, run in the database's temp folder. */
export function relance(db: CliDatabase, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<CliRun> {
  return runCli(['--db', db.url, ...args], { cwd: db.dir, ...(env ? { env } : {}) });
}
