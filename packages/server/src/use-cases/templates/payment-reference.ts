import { randomInt } from 'node:crypto';
import { DomainError, makeRfReference } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/schema.ts';

type Writer = Db | Transaction<Database>;

/**
 * 12 digits (10^12 bodies per tenant; a collision is drawn again and the unique index still catches a race):
 * digits only, so that the reference can be keyed on a phone — the payment IVR asks for the 14 digits after
 * "RF" (check digits included). A reference given before, with letters, stays good for bank transfers and links;
 * its case reaches the IVR through an agent's transfer code.
 */
const ALPHABET = '0123456789';
const BODY_LENGTH = 12;

/**
 * The case's ISO 11649 reference (RF…), given at first use and stable after. A body already used by
 * another case of the tenant is drawn again (checked first, since a failed insert would abort a PostgreSQL
 * transaction); the unique index `cases_payment_reference_unique` stays the guard against a race.
 */
export async function ensurePaymentReference(trx: Writer, tenantId: string, caseId: string): Promise<string> {
  const current = await referenceOf(trx, tenantId, caseId);
  if (current) return current;
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = makeRfReference(randomBody());
    const taken = await trx
      .selectFrom('cases')
      .select('case_id')
      .where('tenant_id', '=', tenantId)
      .where('payment_reference', '=', candidate)
      .executeTakeFirst();
    if (taken) continue;
    await trx
      .updateTable('cases')
      .set({ payment_reference: candidate })
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('payment_reference', 'is', null)
      .execute();
    const stored = await referenceOf(trx, tenantId, caseId);
    if (stored) return stored;
  }
  throw new DomainError('conflict', 'Could not give the case a payment reference.', { caseId });
}

async function referenceOf(trx: Writer, tenantId: string, caseId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('cases')
    .select('payment_reference')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
  return row.payment_reference;
}

function randomBody(): string {
  let body = '';
  for (let i = 0; i < BODY_LENGTH; i++) body += ALPHABET[randomInt(ALPHABET.length)];
  return body;
}
