import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/db/database.ts';
import type { Db } from '../../src/db/schema.ts';
import { buildHttpServer } from '../../src/http/server.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import type { Deps } from '../../src/shared/deps.ts';

/** Every HTTP test runs on this day (Europe/Paris): 2026-03-16. */
export const now = '2026-03-16T10:00:00.000Z';
export const today = '2026-03-16';
export const password = 'correct horse battery staple';

export function testDeps(handle: DatabaseHandle): Deps {
  return { database: handle, clock: fixedClock(now), dataDir: mkdtempSync(join(tmpdir(), 'relance-http-')) };
}

export async function testServer(handle: DatabaseHandle): Promise<{ app: FastifyInstance; deps: Deps }> {
  const deps = testDeps(handle);
  return { app: await buildHttpServer(deps), deps };
}

/** Signs in and returns the cookie header to send with later requests. */
export async function signInAs(app: FastifyInstance, email: string): Promise<{ cookie: string }> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in failed for ${email}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'relance_session');
  if (!cookie) throw new Error('no session cookie');
  return { cookie: `relance_session=${cookie.value}` };
}

/** Every id a tenant owns, from every table: what another tenant must never see. */
export async function idsOfTenant(db: Db, tenantId: string): Promise<Set<string>> {
  const ids = new Set<string>([tenantId]);
  const add = (rows: readonly Record<string, unknown>[]) => {
    for (const row of rows)
      for (const v of Object.values(row)) if (typeof v === 'string' && v !== '') ids.add(v);
  };
  add(await db.selectFrom('users').select(['user_id', 'email']).where('tenant_id', '=', tenantId).execute());
  add(
    await db
      .selectFrom('creditors')
      .select(['creditor_id', 'name'])
      .where('tenant_id', '=', tenantId)
      .execute(),
  );
  add(await db.selectFrom('debtors').select('debtor_id').where('tenant_id', '=', tenantId).execute());
  add(await db.selectFrom('contacts').select('contact_id').where('tenant_id', '=', tenantId).execute());
  add(await db.selectFrom('cases').select('case_id').where('tenant_id', '=', tenantId).execute());
  add(
    await db
      .selectFrom('claims')
      .select(['claim_id', 'content_hash'])
      .where('tenant_id', '=', tenantId)
      .execute(),
  );
  add(await db.selectFrom('imports').select('import_id').where('tenant_id', '=', tenantId).execute());
  add(await db.selectFrom('actions').select('action_id').where('tenant_id', '=', tenantId).execute());
  add(await db.selectFrom('runs').select('run_id').where('tenant_id', '=', tenantId).execute());
  add(await db.selectFrom('strategies').select('strategy_id').where('tenant_id', '=', tenantId).execute());
  add(
    await db
      .selectFrom('api_keys')
      .select(['api_key_id', 'token_prefix'])
      .where('tenant_id', '=', tenantId)
      .execute(),
  );
  add(await db.selectFrom('sessions').select('session_id').where('tenant_id', '=', tenantId).execute());
  add(await db.selectFrom('documents').select('document_id').where('tenant_id', '=', tenantId).execute());
  add(
    await db.selectFrom('evidence').select(['entry_id', 'hash']).where('tenant_id', '=', tenantId).execute(),
  );
  add(await db.selectFrom('tenants').select('name').where('tenant_id', '=', tenantId).execute());
  return ids;
}
