import { mkdirSync } from 'node:fs';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { Config } from './config.ts';
import { type DatabaseHandle, migrateToLatest, openDatabase } from './db/database.ts';
import { migrationProvider } from './db/migrations/index.ts';
import { type Clock, systemClock } from './shared/clock.ts';
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
    migrations = await migrate(database);
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
  const deps: Deps = { database, clock: options.clock ?? systemClock, dataDir: config.dataDir };
  return { deps, config, migrations, close: () => database.close() };
}

/**
 * On PostgreSQL, Kysely's migrator looks for its own tables in every schema unless told which one:
 * with another schema of the same database already migrated (another app, or a parallel test), it
 * would skip creating them in ours. So it is told: the schema the connection works in.
 * TODO: move into db/database.ts `migrateToLatest` (owned there) and call that again.
 */
async function migrate(database: DatabaseHandle): Promise<readonly string[]> {
  if (database.dialect === 'sqlite') return migrateToLatest(database.db);
  const current = await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db);
  const migrationTableSchema = current.rows[0]?.schema;
  const migrator = new Migrator({
    db: database.db,
    provider: migrationProvider,
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
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
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const urlHost = shownHost.includes(':') ? `[${shownHost}]` : shownHost;
  return { url: `http://${urlHost}:${port}/`, port, close: () => app.close() };
}
