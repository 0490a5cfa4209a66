import type { DatabaseHandle } from '../../../src/db/database.ts';
import { newId } from '../../../src/db/ids.ts';
import type { DebtorKind, Role } from '../../../src/db/schema.ts';
import type { Actor } from '../../../src/shared/actor.ts';
import { fixedClock } from '../../../src/shared/clock.ts';
import type { Deps } from '../../../src/shared/deps.ts';
import { authenticateSession } from '../../../src/use-cases/access/authenticate-session.ts';
import { randomToken, sha256Hex } from '../../../src/use-cases/access/tokens.ts';

/** Monday 16 March 2026, 11:00 in Paris. */
export const now = '2026-03-16T10:00:00.000Z';

export type TaskSpec = {
  readonly priority?: number;
  readonly windowStart?: string;
  readonly windowEnd?: string;
  readonly segment?: string | null;
  readonly language?: string | null;
  readonly team?: string | null;
  readonly pinnedTo?: string | null;
};

/** A tenant with a creditor, and helpers to add agents, cases and open call tasks straight into the tables. */
export async function queueWorld(handle: DatabaseHandle) {
  const db = handle.db;
  const tenantId = newId();
  const creditorId = newId();
  await db
    .insertInto('tenants')
    .values({ tenant_id: tenantId, name: 'Queue', kind: 'agency', locale: 'fr', created_at: now })
    .execute();
  await db
    .insertInto('creditors')
    .values({
      tenant_id: tenantId,
      creditor_id: creditorId,
      ref: 'ACME',
      name: 'ACME',
      siren: null,
      is_professional: 1,
      country: 'FR',
      currency: 'EUR',
      created_at: now,
      updated_at: now,
    })
    .execute();
  const depsAt = (instant: string): Deps => ({
    database: handle,
    clock: fixedClock(instant),
    dataDir: '/tmp',
  });
  let n = 0;
  const user = async (
    role: Role = 'agent',
    routing: { team?: string | null; skills?: readonly string[] } = {},
  ): Promise<Actor> => {
    const id = newId();
    n++;
    await db
      .insertInto('users')
      .values({
        tenant_id: tenantId,
        user_id: id,
        email: `${role}${n}-${id}@queue.example`,
        display_name: `${role} ${n}`,
        role,
        creditor_id: null,
        password_hash: 'x',
        locale: 'fr',
        created_at: now,
        team: routing.team ?? null,
        skills: JSON.stringify(routing.skills ?? []),
      })
      .execute();
    return { tenantId, kind: 'user', id, role, creditorId: null };
  };
  /** The user's actor as a request signed in with a session builds it (routing included), read now. */
  const signedIn = async (user: Actor): Promise<Actor> => {
    const token = randomToken(32);
    await db
      .insertInto('sessions')
      .values({
        tenant_id: tenantId,
        session_id: sha256Hex(token),
        user_id: user.id,
        created_at: now,
        expires_at: '2026-04-15T10:00:00.000Z',
      })
      .execute();
    const actor = await authenticateSession(depsAt(now), token);
    if (!actor) throw new Error('the session does not authenticate');
    return actor;
  };
  const addCase = async (
    spec: { kind?: DebtorKind; name?: string; phone?: string; tags?: readonly string[] } = {},
  ) => {
    const debtorId = newId();
    const caseId = newId();
    await db
      .insertInto('debtors')
      .values({
        tenant_id: tenantId,
        debtor_id: debtorId,
        creditor_id: creditorId,
        ref: `D-${debtorId}`,
        kind: spec.kind ?? 'business',
        name: spec.name ?? `Debtor ${debtorId.slice(-4)}`,
        siren: null,
        language: 'fr',
        time_zone: 'Europe/Paris',
        tags: JSON.stringify(spec.tags ?? []),
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('contacts')
      .values({
        tenant_id: tenantId,
        contact_id: newId(),
        debtor_id: debtorId,
        kind: 'phone',
        value: spec.phone ?? '+33612345678',
        validity: 'valid',
        consent: 'unknown',
        source: 'test',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('cases')
      .values({
        tenant_id: tenantId,
        case_id: caseId,
        creditor_id: creditorId,
        debtor_id: debtorId,
        currency: 'EUR',
        status: 'open',
        outstanding_minor: 500_00,
        disputed_minor: 0,
        claim_count: 1,
        open_claim_count: 1,
        oldest_due_date: '2026-01-15',
        earliest_prescription_end: null,
        opened_at: now,
        updated_at: now,
        strategy_key: null,
        progress: null,
        next_action_text: null,
        last_run_on: null,
        notes_text: null,
        accrued_on: null,
        payment_reference: null,
      })
      .execute();
    return { caseId, debtorId };
  };
  const addTask = async (caseId: string, spec: TaskSpec = {}): Promise<string> => {
    const actionId = newId();
    const taskId = newId();
    await db
      .insertInto('actions')
      .values({
        tenant_id: tenantId,
        action_id: actionId,
        case_id: caseId,
        action_key: `test:0:${actionId}:0`,
        run_id: null,
        planned_on: now.slice(0, 10),
        scheduled_at: spec.windowStart ?? '2026-03-16T08:00:00.000Z',
        channel: 'call_task',
        template: 'cordial-call',
        language: 'fr',
        purpose: 'reminder',
        status: 'sent',
        strategy_key: null,
        strategy_version: null,
        step_key: null,
        reason: '{}',
        gate: '{}',
        amounts: null,
        created_at: now,
      })
      .execute();
    await db
      .insertInto('call_tasks')
      .values({
        tenant_id: tenantId,
        task_id: taskId,
        action_id: actionId,
        case_id: caseId,
        kind: 'agent_call',
        phone: '+33612345678',
        window_start: spec.windowStart ?? '2026-03-16T08:00:00.000Z',
        window_end: spec.windowEnd ?? '2026-03-16T17:00:00.000Z',
        priority: spec.priority ?? 10,
        status: 'open',
        script: null,
        assigned_to: null,
        outcome: null,
        created_at: now,
        updated_at: now,
        segment: spec.segment === undefined ? 'b2b' : spec.segment,
        language: spec.language === undefined ? 'fr' : spec.language,
        team: spec.team ?? null,
        pinned_to: spec.pinnedTo ?? null,
        locked_by: null,
        locked_until: null,
        score_parts: JSON.stringify([
          { key: 'amount', points: spec.priority ?? 10, detail: { fr: 'x', en: 'x' } },
        ]),
      })
      .execute();
    return taskId;
  };
  /** Closes every open task of the tenant, so that each test starts from an empty queue. */
  const clear = async () => {
    await db
      .updateTable('call_tasks')
      .set({ status: 'cancelled' })
      .where('tenant_id', '=', tenantId)
      .execute();
    await db.deleteFrom('case_locks').where('tenant_id', '=', tenantId).execute();
  };
  return { tenantId, creditorId, deps: depsAt(now), depsAt, user, signedIn, addCase, addTask, clear };
}
