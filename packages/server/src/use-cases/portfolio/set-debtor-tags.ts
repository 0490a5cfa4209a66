import { DomainError } from '@relance/core';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { requirePermission } from '../access/permissions.ts';
import { type DebtorDetail, getDebtor } from './get-debtor.ts';

export const MAX_TAG_LENGTH = 40;
export const MAX_TAGS = 20;

/**
 * A debtor's tags as they are kept: trimmed, lower-cased, without duplicates, sorted. Throws `invalid_input`
 * naming the first tag that is empty, longer than 40 characters or holds a separator an import splits on
 * (`,` `;` `|`), or when more than 20 remain.
 */
export function normaliseTags(tags: readonly string[]): string[] {
  const kept = new Set<string>();
  for (const [index, raw] of tags.entries()) {
    const tag = raw.normalize('NFC').trim().toLowerCase();
    if (tag === '') {
      throw new DomainError('invalid_input', `Tag ${index + 1} is empty.`, {
        reason: 'debtor_tag_invalid',
        field: 'tags',
        tag: raw,
        position: index + 1,
        problem: 'empty',
      });
    }
    if (/[,;|\n]/.test(tag)) {
      // An import splits its tags cell on these: a tag holding one would not come back whole.
      throw new DomainError('invalid_input', `The tag "${raw.trim()}" contains a separator (, ; |).`, {
        reason: 'debtor_tag_invalid',
        field: 'tags',
        tag: raw,
        position: index + 1,
        problem: 'separator',
      });
    }
    if ([...tag].length > MAX_TAG_LENGTH) {
      throw new DomainError(
        'invalid_input',
        `The tag "${raw.trim()}" is longer than ${MAX_TAG_LENGTH} characters.`,
        {
          reason: 'debtor_tag_invalid',
          field: 'tags',
          tag: raw,
          position: index + 1,
          problem: 'too_long',
          maxLength: MAX_TAG_LENGTH,
        },
      );
    }
    kept.add(tag);
  }
  if (kept.size > MAX_TAGS) {
    throw new DomainError('invalid_input', `A debtor can have at most ${MAX_TAGS} tags.`, {
      reason: 'debtor_tags_too_many',
      field: 'tags',
      count: kept.size,
      max: MAX_TAGS,
    });
  }
  return [...kept].sort();
}

/**
 * Sets a debtor's tags (the contact profile: 'senior', 'active'/'actif'; and what assignment rules may test).
 * Staff who record what happens on a case may (as they flag a wrong number), never a client. The debtor's open
 * cases are queued for today's run at the latest so that what it plans next follows the new contact hours (an
 * action already in the outbox keeps its instant; the call queue reads the tags live); their strategy stays
 * (assignment is sticky). Change, queueing and audit entry (with the previous tags) are
 * one transaction.
 */
export async function setDebtorTags(
  deps: Deps,
  actor: Actor,
  debtorId: string,
  input: { readonly tags: readonly string[] },
): Promise<DebtorDetail> {
  requirePermission(actor, 'cases:act');
  const tags = normaliseTags(input.tags);
  const now = deps.clock.now();
  const today = deps.clock.today();
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('debtors')
      .select('tags')
      .where('tenant_id', '=', actor.tenantId)
      .where('debtor_id', '=', debtorId)
      .executeTakeFirst();
    if (!before) throw new DomainError('not_found', 'Debtor not found.', { reason: 'debtor_not_found' });
    await trx
      .updateTable('debtors')
      .set({ tags: JSON.stringify(tags), updated_at: now })
      .where('tenant_id', '=', actor.tenantId)
      .where('debtor_id', '=', debtorId)
      .execute();
    // The run looks at the open cases again today: what it plans next follows the new hours.
    const requeued = await trx
      .updateTable('cases')
      .set({ next_run_on: today })
      .where('tenant_id', '=', actor.tenantId)
      .where('debtor_id', '=', debtorId)
      .where('status', '=', 'open')
      .where((eb) => eb.or([eb('next_run_on', 'is', null), eb('next_run_on', '>', today)]))
      .executeTakeFirst();
    await appendAudit(trx, {
      tenantId: actor.tenantId,
      at: now,
      actor,
      action: 'debtor.tags_set',
      entityKind: 'debtor',
      entityId: debtorId,
      data: { before: parseStored(before.tags), after: tags, requeuedCases: Number(requeued.numUpdatedRows) },
    });
  });
  return getDebtor(deps, actor, debtorId);
}

function parseStored(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
