import { DomainError } from '@relance/core';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { findVisibleCase } from './case-evidence.ts';
import { appendEvidence } from './journal.ts';

export const maxNoteLength = 5000;

/**
 * An agent's note on a case (what the debtor said on the phone, a visit, a promise made orally), kept in
 * the evidence journal with its author: anyone of the tenant who may see the case may write one.
 */
export async function addAgentNote(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: { readonly text: string },
): Promise<{ readonly seq: number; readonly entryId: string; readonly hash: string; readonly at: string }> {
  const db = deps.database.db;
  const found = await findVisibleCase(db, actor, caseId);
  const text = input.text.trim();
  if (text === '' || text.length > maxNoteLength) {
    throw new DomainError('invalid_input', 'A note needs between 1 and 5000 characters.', {
      reason: 'note_length',
      maxLength: maxNoteLength,
    });
  }
  const author = await authorName(deps, actor);
  const at = deps.clock.now();
  return db.transaction().execute(async (trx) => {
    const appended = await appendEvidence(trx, {
      tenantId: found.tenantId,
      caseId,
      at,
      kind: 'agent_note',
      actor: actor.kind === 'user' ? `user:${actor.id}` : `${actor.kind}:${actor.id}`,
      payload: { text, author },
    });
    await appendAudit(trx, {
      tenantId: found.tenantId,
      at,
      actor,
      action: 'case.note',
      entityKind: 'case',
      entityId: caseId,
      data: { seq: appended.seq, entryId: appended.entryId },
    });
    return { ...appended, at };
  });
}

async function authorName(deps: Deps, actor: Actor): Promise<string> {
  const db = deps.database.db;
  if (actor.kind === 'user') {
    const user = await db
      .selectFrom('users')
      .select('display_name')
      .where('tenant_id', '=', actor.tenantId)
      .where('user_id', '=', actor.id)
      .executeTakeFirst();
    if (user) return user.display_name;
  }
  if (actor.kind === 'api_key') {
    const key = await db
      .selectFrom('api_keys')
      .select('name')
      .where('tenant_id', '=', actor.tenantId)
      .where('api_key_id', '=', actor.id)
      .executeTakeFirst();
    if (key) return key.name;
  }
  return actor.id;
}
