import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  type DatabaseIntrospector,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  sql,
  type TableMetadata,
} from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { migrationProvider } from './migrations/index.ts';
import type { Database, Db } from './schema.ts';
import { cachingStatements } from './statement-cache.ts';

export type Dialect = 'sqlite' | 'postgres';

/** The raw driver, for the few hot paths (bulk import) that bypass the query builder. */
export type RawDriver =
  | { readonly kind: 'sqlite'; readonly sqlite: BetterSqlite3.Database }
  | { readonly kind: 'postgres'; readonly pool: pg.Pool };

export type DatabaseHandle = {
  readonly db: Db;
  readonly dialect: Dialect;
  /** The URL without any password, safe to print. */
  readonly displayUrl: string;
  readonly raw: RawDriver;
  close(): Promise<void>;
};

export type OpenOptions = {
  /** PostgreSQL only: the schema to work in (tests use a fresh one per suite). */
  readonly schema?: string;
  readonly poolSize?: number;
};

// int8 and numeric come back from pg as strings; money in minor units fits a JS number up to 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/**
 * Opens the database named by a URL: `sqlite:data/relance.db`, `sqlite::memory:`,
 * or `postgres://user@host:5432/name`. Does not migrate; call `migrateToLatest`.
 */
export function openDatabase(url: string, options: OpenOptions = {}): DatabaseHandle {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(url, options);
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length));
  throw new Error(
    `Unsupported database URL "${redact(url)}": use sqlite:<file> (e.g. sqlite:data/relance.db) or postgres://…`,
  );
}

function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    displayUrl: `sqlite:${file}`,
    raw: { kind: 'sqlite', sqlite },
    close: () => db.destroy(),
  };
}

/** How long a pooled PostgreSQL connection may stay idle before the pool closes it. */
const IDLE_CONNECTION_MS = 10 * 60_000;

function openPostgres(url: string, options: OpenOptions): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // A pooled connection is kept while it is used at least once in ten minutes (pg's default closes it after
    // ten idle seconds): a new one costs a backend's start, its catalog caches and every prepared statement
    // again — under a fluctuating load that was a second of slow requests every ten or so (issue #5).
    idleTimeoutMillis: IDLE_CONNECTION_MS,
    // Idle connections do not keep a process alive (a CLI command that is done exits).
    allowExitOnIdle: true,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  pool.on('connect', prepareStatements);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    displayUrl: redact(url),
    raw: { kind: 'postgres', pool },
    close: () => db.destroy(),
  };
}

/** Statements with more parameters than this (bulk inserts, long IN lists) are not kept prepared. */
const MAX_PREPARED_PARAMETERS = 100;

/**
 * The query builder's statements run as named prepared statements on each pooled connection (decision 0015):
 * PostgreSQL parses and plans a statement once per connection instead of at every call — for the joins of
 * "next case" or the session lookup, planning cost more than running them. The name is the text's digest,
 * so one text is one statement. Statements without parameters (DDL, migrations, several commands at once)
 * and bulk ones (over `MAX_PREPARED_PARAMETERS`) go as before; so do the raw driver's own calls (they pass
 * a callback or a cursor).
 */
function prepareStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const prepared = (...args: unknown[]): unknown => {
    const [text, values] = args;
    if (
      args.length === 2 &&
      typeof text === 'string' &&
      Array.isArray(values) &&
      values.length > 0 &&
      values.length <= MAX_PREPARED_PARAMETERS
    ) {
      const name = `r${createHash('sha1').update(text).digest('hex').slice(0, 30)}`;
      return query({ name, text, values });
    }
    return query(...args);
  };
  (client as { query: unknown }).query = prepared;
}

/**
 * Applies the pending migrations; returns the names applied. On PostgreSQL the migrator is told the
 * schema the connection works in: otherwise Kysely finds its bookkeeping tables in any schema of the
 * database (another app's, a parallel test's) and skips creating ours.
 */
export async function migrateToLatest(db: Db): Promise<readonly string[]> {
  const migrator = await migratorOf(db);
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * The migrator of `db`. On PostgreSQL it works in the connection's schema and looks for its bookkeeping
 * tables there alone: Kysely's own introspection lists the tables of every schema of the database, testing
 * each schema's privilege by its name, and fails ("schema … does not exist") when another schema is dropped
 * meanwhile — another application's, or a parallel test's.
 */
export async function migratorOf(db: Db): Promise<Migrator> {
  const schema = await currentPostgresSchema(db);
  return new Migrator({
    db: schema === null ? db : withSchemaIntrospection(db, schema),
    provider: migrationProvider,
    // Migrations written side by side land in any order (0002 after 0003 was applied somewhere): each is
    // independent of the others' order, so a database applies the ones it lacks instead of refusing.
    allowUnorderedMigrations: true,
    ...(schema === null ? {} : { migrationTableSchema: schema }),
  });
}

async function currentPostgresSchema(db: Db): Promise<string | null> {
  const adapter = db.getExecutor().adapter;
  if (!(adapter instanceof PostgresAdapter)) return null;
  const result = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  return result.rows[0]?.schema ?? null;
}

/** `db`, whose introspection sees the tables of `schema` only (all the migrator asks of it). */
function withSchemaIntrospection(db: Db, schema: string): Db {
  const getTables = async (): Promise<TableMetadata[]> => {
    const result = await sql<{ name: string; kind: string }>`select c.relname as name, c.relkind as kind
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ${schema} and c.relkind in ('r', 'v', 'p', 'f')`.execute(db);
    return result.rows.map((r) => ({
      name: r.name,
      isView: r.kind === 'v',
      isForeign: r.kind === 'f',
      schema,
      columns: [],
    }));
  };
  const introspection: DatabaseIntrospector = {
    getSchemas: () => db.introspection.getSchemas(),
    getTables,
  };
  // Kysely keeps its state in private fields: every other member is the instance's own, bound to it.
  return new Proxy(db, {
    get(target, key) {
      if (key === 'introspection') return introspection;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
