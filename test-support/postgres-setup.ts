import pg from 'pg';

/** Storage tests run on SQLite and PostgreSQL both: say clearly, once, when PostgreSQL is not there. */
export async function setup(): Promise<void> {
  const url = process.env.RELANCE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (e) {
    throw new Error(
      `PostgreSQL is not reachable at ${url} (${(e as Error).message}). Every storage test runs on SQLite and PostgreSQL: ` +
        'start PostgreSQL or set RELANCE_TEST_POSTGRES_URL.',
    );
  } finally {
    await client.end().catch(() => {});
  }
}
