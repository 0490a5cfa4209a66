import { DomainError } from '@relance/core';
import type { DebtorKind, Locale } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { claimWithPartiesColumns, scopedClaims } from './claim-rows.ts';
import {
  assessClaimView,
  type ClaimAssessment,
  type ClaimView,
  contactFacts,
  toClaimView,
} from './claim-view.ts';
import { type ContactView, loadContacts } from './contact-view.ts';
import { readScope } from './scope.ts';

export type ClaimDetail = ClaimView & {
  readonly debtor: {
    readonly id: string;
    readonly ref: string;
    readonly name: string;
    readonly kind: DebtorKind;
    readonly contacts: readonly ContactView[];
  };
  readonly creditor: { readonly id: string; readonly ref: string; readonly name: string };
  readonly assessment: ClaimAssessment;
};

/** One claim with its parties and the core's assessment for today, in the caller's language. */
export async function getClaim(
  deps: Deps,
  actor: Actor,
  input: { readonly claimId: string; readonly locale: Locale },
): Promise<ClaimDetail> {
  const scope = readScope(actor);
  const db = deps.database.db;
  const row = await scopedClaims(db, scope)
    .select(claimWithPartiesColumns)
    .where('cl.claim_id', '=', input.claimId)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Claim not found.', { reason: 'claim_not_found' });
  const claim = toClaimView(row);
  const contacts = await loadContacts(db, scope.tenantId, claim.debtorId);
  const { assessment } = assessClaimView(claim, contactFacts(contacts), deps.clock.today(), input.locale);
  return {
    ...claim,
    debtor: {
      id: row.debtor_id,
      ref: row.debtor_ref,
      name: row.debtor_name,
      kind: row.debtor_kind,
      contacts,
    },
    creditor: { id: row.creditor_id, ref: row.creditor_ref, name: row.creditor_name },
    assessment,
  };
}
