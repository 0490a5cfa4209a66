import { DomainError } from '@relance/core';
import { Temporal } from 'temporal-polyfill';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { DEFAULT_SCHEDULE, type RunSchedule } from '../../worker/scheduler.ts';
import { appendAudit } from '../access/audit.ts';
import { requirePermission } from '../access/permissions.ts';

const SETTING = 'run_schedule';

/** When the tenant's daily run starts: a local time in the tenant's IANA zone (06:00 Paris by default). */
export async function getRunSchedule(deps: Deps, actor: Actor): Promise<RunSchedule> {
  requirePermission(actor, 'strategies:read');
  const row = await deps.database.db
    .selectFrom('tenant_settings')
    .select('value')
    .where('tenant_id', '=', actor.tenantId)
    .where('key', '=', SETTING)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as RunSchedule) : DEFAULT_SCHEDULE;
}

export async function setRunSchedule(deps: Deps, actor: Actor, input: RunSchedule): Promise<RunSchedule> {
  requirePermission(actor, 'runs:run');
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(input.time)) {
    throw new DomainError('invalid_input', `"${input.time}" is not a time of day (HH:MM).`, {
      reason: 'invalid_time',
      field: 'time',
    });
  }
  try {
    Temporal.Now.zonedDateTimeISO(input.timeZone);
  } catch {
    throw new DomainError(
      'invalid_input',
      `"${input.timeZone}" is not an IANA time zone (e.g. Europe/Paris).`,
      {
        reason: 'invalid_time_zone',
        field: 'timeZone',
      },
    );
  }
  const now = deps.clock.now();
  const value = JSON.stringify({ time: input.time, timeZone: input.timeZone });
  await deps.database.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('tenant_settings')
      .values({
        tenant_id: actor.tenantId,
        key: SETTING,
        value,
        version: 1,
        updated_by: actor.id,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'key']).doUpdateSet({ value, updated_by: actor.id, updated_at: now }),
      )
      .execute();
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'run_schedule.set',
      entityKind: 'settings',
      entityId: SETTING,
      data: { ...input },
    });
  });
  return { time: input.time, timeZone: input.timeZone };
}
