import { mkdirSync } from 'node:fs';
import type { Config } from './config.ts';
import { startBackgroundCheckpoints } from './db/background-checkpoints.ts';
import { migrateToLatest, openDatabase } from './db/database.ts';
import { type Clock, startedClock, systemClock } from './shared/clock.ts';
import type { Deps } from './shared/deps.ts';

/** The dependencies built once, shared by the HTTP server, the worker and the CLI. */
export type Composition = {
  readonly deps: Deps;
  readonly config: Config;
  /** Migrations applied by this start (empty when the database was already up to date). */
  readonly migrations: readonly string[];
  close(): Promise<void>;
};

export type ComposeOptions = {
  readonly clock?: Clock;
};

/** Opens the database named by the config, brings its schema up to date and makes the data folder. */
export async function compose(config: Config, options: ComposeOptions = {}): Promise<Composition> {
  mkdirSync(config.dataDir, { recursive: true });
  const database = openDatabase(config.databaseUrl);
  let migrations: readonly string[];
  try {
    migrations = await migrateToLatest(database.db);
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
  const clock = options.clock ?? (config.clockStart !== null ? startedClock(config.clockStart) : systemClock);
  const deps: Deps = { database, clock, dataDir: config.dataDir };
  return { deps, config, migrations, close: () => database.close() };
}

export type RunningServer = {
  /** Where a browser reaches it, e.g. http://127.0.0.1:3000/ */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
};

/**
 * Starts the HTTP API (and the web app when it is built) on the configured host and port.
 * Fastify is loaded here, lazily, so that the other commands of the CLI start fast.
 */
export async function startServer(composition: Composition): Promise<RunningServer> {
  const { buildHttpServer } = await import('./http/server.ts');
  const { config } = composition;
  const app = await buildHttpServer(composition.deps, config.webDist ? { webDist: config.webDist } : {});
  await app.listen({ port: config.port, host: config.host });
  // On a SQLite file, requests' commits no longer wait for a checkpoint: a thread of its own does them.
  const checkpoints = startBackgroundCheckpoints(composition.deps.database);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const urlHost = shownHost.includes(':') ? `[${shownHost}]` : shownHost;
  return {
    url: `http://${urlHost}:${port}/`,
    port,
    close: async () => {
      await app.close();
      await checkpoints?.stop();
    },
  };
}
