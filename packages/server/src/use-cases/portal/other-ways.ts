import type { Language } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { loadTemplateVariables } from '../templates/case-variables.ts';

/** How else to pay or reach the creditor, printed on a link that no longer opens the case. */
export type OtherWays = {
  readonly beneficiary: string;
  readonly iban: string | null;
  readonly bic: string | null;
  /** The RF reference, grouped by four, to quote with a transfer. */
  readonly reference: string;
  readonly phone: string | null;
  readonly email: string | null;
};

/**
 * The same bank details and reference the letters print (the collector's account for an agency, else the
 * creditor's), and the collector's phone and e-mail, else the creditor's.
 */
export async function otherWaysToPay(
  trx: Transaction<Database>,
  tenantId: string,
  caseId: string,
  language: Language,
  today: string,
): Promise<OtherWays> {
  const v = await loadTemplateVariables(trx, tenantId, caseId, { language, today });
  return {
    beneficiary: v.payment.beneficiary,
    iban: v.payment.ibanText,
    bic: v.payment.bic,
    reference: v.payment.referenceText,
    phone: v.collector.phone ?? v.creditor.phone,
    email: v.collector.email ?? v.creditor.email,
  };
}
