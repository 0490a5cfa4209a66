import {
  describeLineReason,
  describeMatchReason,
  type LineReason,
  type MatchLocale,
  type MatchRule,
} from '@relance/core';
import type { Selectable, Transaction } from 'kysely';
import type { Database, Db } from '../../../db/schema.ts';
import type { StatementLinesTable, StatementMatchStatus } from '../../../db/schema-payments.ts';
import { candidatesOf } from './line-payment.ts';
import { chunks } from './match-lookup.ts';

type Line = Selectable<StatementLinesTable>;

/** A case a line may pay, as a person sees it: who, what is owed, and why it is proposed. */
export type CandidateView = {
  readonly caseId: string;
  readonly debtorName: string | null;
  readonly outstandingMinor: number | null;
  readonly currency: string | null;
  readonly confidence: number;
  readonly rule: MatchRule;
  readonly reason: string;
  readonly claimIds: readonly string[];
};

/** A statement line for the reconciliation queue, its reasons in the reader's language. */
export type StatementLineView = {
  readonly lineId: string;
  readonly importId: string;
  readonly bookingDate: string | null;
  readonly valueDate: string | null;
  readonly amountMinor: number;
  readonly currency: string;
  readonly direction: 'credit' | 'debit';
  readonly reversal: boolean;
  readonly payerName: string | null;
  readonly payerAccount: string | null;
  readonly remittance: string | null;
  readonly endToEndId: string | null;
  readonly creditorReference: string | null;
  readonly returnReason: string | null;
  readonly status: StatementMatchStatus;
  readonly caseId: string | null;
  readonly confidence: number | null;
  readonly reasonCode: string | null;
  readonly reason: string | null;
  readonly candidates: readonly CandidateView[];
  readonly paymentId: string | null;
  readonly resolvedBy: string | null;
  readonly resolvedAt: string | null;
};

/** Lines as a person reads them; the candidates' cases (debtor, what is owed) read for all lines at once. */
export async function viewLines(
  db: Db | Transaction<Database>,
  tenantId: string,
  lines: readonly Line[],
  locale: MatchLocale,
): Promise<readonly StatementLineView[]> {
  const ids = [...new Set(lines.flatMap((l) => candidatesOf(l).map((c) => c.caseId)))];
  const cases = new Map<string, { name: string; outstanding: number; currency: string }>();
  for (const part of chunks(ids)) {
    const rows = await db
      .selectFrom('cases as c')
      .innerJoin('debtors as d', (j) =>
        j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
      )
      .select(['c.case_id', 'c.outstanding_minor', 'c.currency', 'd.name'])
      .where('c.tenant_id', '=', tenantId)
      .where('c.case_id', 'in', part)
      .execute();
    for (const r of rows)
      cases.set(r.case_id, { name: r.name, outstanding: Number(r.outstanding_minor), currency: r.currency });
  }
  return lines.map((line) => {
    const reason = line.match_reason === null ? null : (JSON.parse(line.match_reason) as LineReason);
    return {
      lineId: line.line_id,
      importId: line.statement_import_id,
      bookingDate: line.booking_date,
      valueDate: line.value_date,
      amountMinor: Number(line.amount_minor),
      currency: line.currency,
      direction: line.direction,
      reversal: Number(line.reversal) === 1,
      payerName: line.payer_name,
      payerAccount: line.payer_account,
      remittance: line.remittance,
      endToEndId: line.end_to_end_id,
      creditorReference: line.creditor_reference,
      returnReason: line.return_reason,
      status: line.match_status,
      caseId: line.case_id,
      confidence: line.confidence === null ? null : Number(line.confidence),
      reasonCode: reason?.code ?? null,
      reason: reason === null ? null : describeLineReason(reason, locale),
      candidates: candidatesOf(line).map((c) => {
        const kase = cases.get(c.caseId);
        return {
          caseId: c.caseId,
          debtorName: kase?.name ?? null,
          outstandingMinor: kase?.outstanding ?? null,
          currency: kase?.currency ?? null,
          confidence: c.confidence,
          rule: c.rule,
          reason: describeMatchReason(c.reason, locale),
          claimIds: c.claimIds,
        };
      }),
      paymentId: line.payment_id,
      resolvedBy: line.resolved_by,
      resolvedAt: line.resolved_at,
    };
  });
}
