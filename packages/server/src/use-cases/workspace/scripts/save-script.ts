import { checkScript, DomainError, type ScriptDefinition } from '@relance/core';
import { newId } from '../../../db/ids.ts';
import type { Locale } from '../../../db/schema.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { appendAudit } from '../../access/audit.ts';
import { requirePermission } from '../../access/permissions.ts';
import { isUniqueViolation } from '../../access/unique-violation.ts';

export type ScriptInput = {
  readonly language: Locale;
  readonly title: string;
  readonly strategyKey?: string | null | undefined;
  readonly stepKey?: string | null | undefined;
  readonly definition: ScriptDefinition;
};

/**
 * Saves a new version of a call script (supervisors and admins): checked first — every mistake located at
 * its node, in French and English (`script_invalid`, 400) — then kept beside the earlier versions, audited.
 */
export async function saveScript(
  deps: Deps,
  actor: Actor,
  key: string,
  input: ScriptInput,
): Promise<{ readonly key: string; readonly language: Locale; readonly version: number }> {
  requirePermission(actor, 'strategies:write');
  const issues = checkScript(input.definition);
  if (issues.length > 0) {
    throw new DomainError('invalid_input', issues.map((i) => i.message.en).join(' '), {
      reason: 'script_invalid',
      issues,
    });
  }
  if (input.stepKey && !input.strategyKey) {
    throw new DomainError('invalid_input', 'A step belongs to a strategy: give the strategy too.', {
      reason: 'script_step_without_strategy',
    });
  }
  const now = deps.clock.now();
  try {
    return await deps.database.db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom('call_scripts')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('tenant_id', '=', actor.tenantId)
        .where('key', '=', key)
        .where('language', '=', input.language)
        .executeTakeFirst();
      const version = Number(last?.v ?? 0) + 1;
      const scriptId = newId();
      await trx
        .insertInto('call_scripts')
        .values({
          tenant_id: actor.tenantId,
          script_id: scriptId,
          key,
          language: input.language,
          version,
          strategy_key: input.strategyKey ?? null,
          step_key: input.stepKey ?? null,
          title: input.title,
          definition: JSON.stringify(input.definition),
          created_by: actor.id,
          created_at: now,
        })
        .execute();
      await appendAudit(trx, {
        tenantId: actor.tenantId,
        at: now,
        actor,
        action: 'call_script.save',
        entityKind: 'call_script',
        entityId: scriptId,
        data: {
          key,
          language: input.language,
          version,
          strategyKey: input.strategyKey ?? null,
          stepKey: input.stepKey ?? null,
        },
      });
      return { key, language: input.language, version };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError('conflict', 'Someone saved this script at the same time: reload it.', {
        reason: 'script_saved_meanwhile',
      });
    }
    throw error;
  }
}
