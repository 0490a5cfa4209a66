import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '@relance/core';

/** Everything the server, the worker and the CLI read from the environment, read once, here. */
export type Config = {
  /** `sqlite:<absolute file>` or `postgres://…`. */
  readonly databaseUrl: string;
  readonly port: number;
  readonly host: string;
  /** Absolute folder for uploads, import error files and generated documents. */
  readonly dataDir: string;
  /** The built web app (`packages/web/dist`), or null when it has not been built. */
  readonly webDist: string | null;
  /**
   * The instant the server's clock starts from (it then runs at real speed), or null for the real time:
   * a demo or a browser test shown "Tuesday 10:00" whatever the hour, when calls are allowed.
   */
  readonly clockStart: string | null;
};

/** What the command line may set; it wins over the environment. */
export type ConfigOverrides = {
  readonly databaseUrl?: string | undefined;
  readonly port?: number | string | undefined;
  readonly host?: string | undefined;
  readonly dataDir?: string | undefined;
  /** Relative paths are taken from here; the current directory by default. */
  readonly cwd?: string | undefined;
};

export type Env = Readonly<Record<string, string | undefined>>;

export const defaultDatabaseUrl = 'sqlite:data/relance.db';
export const defaultPort = 3000;
export const defaultHost = '127.0.0.1';

const builtWebApp = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * Reads the settings: command-line overrides, then the environment, then the defaults.
 *
 * | setting     | variable                      | default                     |
 * |-------------|-------------------------------|-----------------------------|
 * | databaseUrl | RELANCE_DATABASE_URL          | sqlite:data/relance.db      |
 * | port        | PORT, then RELANCE_PORT       | 3000                        |
 * | host        | RELANCE_HOST                  | 127.0.0.1                   |
 * | dataDir     | RELANCE_DATA_DIR              | data                        |
 * | webDist     | RELANCE_WEB_DIST              | packages/web/dist if built  |
 * | clockStart  | RELANCE_CLOCK                 | the real time               |
 *
 * Relative SQLite files and folders are resolved against the current directory (the repository
 * root under `npm start`), so the printed paths are the real ones.
 */
export function loadConfig(env: Env, overrides: ConfigOverrides = {}): Config {
  const cwd = overrides.cwd ?? process.cwd();
  const databaseUrl = resolveDatabaseUrl(
    nonEmpty(overrides.databaseUrl) ?? nonEmpty(env.RELANCE_DATABASE_URL) ?? defaultDatabaseUrl,
    cwd,
  );
  const port = parsePort(overrides.port ?? nonEmpty(env.PORT) ?? nonEmpty(env.RELANCE_PORT) ?? defaultPort);
  const host = nonEmpty(overrides.host) ?? nonEmpty(env.RELANCE_HOST) ?? defaultHost;
  const dataDir = resolve(cwd, nonEmpty(overrides.dataDir) ?? nonEmpty(env.RELANCE_DATA_DIR) ?? 'data');
  const webDistSetting = nonEmpty(env.RELANCE_WEB_DIST);
  const webDistCandidate = webDistSetting ? resolve(cwd, webDistSetting) : builtWebApp;
  const webDist = existsSync(resolve(webDistCandidate, 'index.html')) ? webDistCandidate : null;
  const clockStart = parseClockStart(nonEmpty(env.RELANCE_CLOCK));
  return { databaseUrl, port, host, dataDir, webDist, clockStart };
}

function parseClockStart(value: string | undefined): string | null {
  if (value === undefined) return null;
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) || Number.isNaN(ms)) {
    throw new DomainError(
      'invalid_input',
      `Invalid RELANCE_CLOCK "${value}": expected an ISO instant such as 2026-11-24T10:00:00+01:00.`,
      { reason: 'invalid_clock', value },
    );
  }
  return new Date(ms).toISOString();
}

function resolveDatabaseUrl(url: string, cwd: string): string {
  if (!url.startsWith('sqlite:')) return url;
  const file = url.slice('sqlite:'.length);
  if (file === ':memory:' || isAbsolute(file)) return url;
  return `sqlite:${resolve(cwd, file)}`;
}

function parsePort(value: number | string): number {
  const port = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new DomainError('invalid_input', `Invalid port "${value}": expected a number from 0 to 65535.`, {
      setting: 'port',
      value: String(value),
    });
  }
  return port;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
