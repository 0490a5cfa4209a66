import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import { appendAudit } from '../access/audit.ts';
import { appendEvidence, type EvidenceKind } from '../evidence/journal.ts';

/** What the journal and the audit call the debtor acting on their own page. */
export const DEBTOR = 'debtor';

/**
 * The debtor, for the use cases written for a person of the tenant (plans): the rights of an agent on this one
 * case (the portal's access check already holds it to the case), `system:debtor` in the audit.
 */
export function debtorActor(tenantId: string): Actor {
  return { tenantId, kind: 'system', id: DEBTOR, role: 'agent', creditorId: null };
}

/** One debtor action written twice, in the caller's transaction: the audit row, then the evidence entry. */
export async function journalDebtorAction(
  trx: Transaction<Database>,
  entry: {
    readonly tenantId: string;
    readonly caseId: string;
    readonly at: string;
    readonly kind: EvidenceKind;
    readonly action: string;
    readonly entityKind: string;
    readonly entityId: string;
    readonly payload: Readonly<Record<string, unknown>>;
    readonly actionId?: string | null;
    readonly document?: { readonly documentId: string; readonly sha256: string } | null;
  },
): Promise<void> {
  await appendAudit(trx, {
    tenantId: entry.tenantId,
    at: entry.at,
    actor: debtorActor(entry.tenantId),
    action: entry.action,
    entityKind: entry.entityKind,
    entityId: entry.entityId,
    data: { caseId: entry.caseId, ...entry.payload },
  });
  // Last: the journal's head stays locked (per tenant) from here to the commit.
  await appendEvidence(trx, {
    tenantId: entry.tenantId,
    caseId: entry.caseId,
    actionId: entry.actionId ?? null,
    at: entry.at,
    kind: entry.kind,
    actor: DEBTOR,
    payload: entry.payload,
    document: entry.document ?? null,
  });
}
