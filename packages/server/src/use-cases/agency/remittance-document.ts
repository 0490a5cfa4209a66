import { formatDate, type Language } from '@relance/core';
import type { Selectable, Transaction } from 'kysely';
import { type RemittanceDocument, renderRemittance } from '../../channels/letters/render-remittance.ts';
import type { Database, Db } from '../../db/schema.ts';
import type { RemittancesTable } from '../../db/schema-agency.ts';
import { longDate } from '../templates/case-variables.ts';
import { addressLines, creditorDetailsSchema, tenantIdentitySchema } from '../templates/identity-schemas.ts';
import type { RemittanceLine } from './statement-lines.ts';

type Reader = Db | Transaction<Database>;

/** The statement's reference, as printed and as its file is named: the client's ref and the period. */
export function remittanceReference(
  creditorRef: string,
  period: string,
  currency: string,
  creditorCurrency: string,
) {
  return `${creditorRef}-${period}${currency === creditorCurrency ? '' : `-${currency}`}`;
}

/** The statement's PDF in a language, from the stored statement and its lines (nothing is recomputed). */
export async function renderRemittanceFile(
  db: Reader,
  row: Selectable<RemittancesTable>,
  lines: readonly RemittanceLine[],
  language: Language,
): Promise<{ readonly fileName: string; readonly content: Uint8Array }> {
  const { tenant, creditor, mandate, identity } = await loadParties(db, row);
  const agency = identity ? tenantIdentitySchema.safeParse(JSON.parse(identity.value)) : null;
  const details = creditor.details ? creditorDetailsSchema.safeParse(JSON.parse(creditor.details)) : null;
  const a = agency?.success ? agency.data : null;
  const c = details?.success ? details.data : null;
  const reference = remittanceReference(creditor.ref, row.period, row.currency, creditor.currency);
  const document: RemittanceDocument = {
    language,
    reference,
    agency: {
      name: a?.legalName ?? tenant.name,
      lines: [
        ...(addressLines(a?.address ?? null) ?? []),
        ...[a?.registration, a?.email, a?.phone].filter(
          (l): l is string => typeof l === 'string' && l !== '',
        ),
      ],
      iban: a?.iban ?? null,
    },
    client: {
      name: creditor.name,
      ref: creditor.ref,
      lines: addressLines(c?.address ?? null) ?? [],
    },
    periodStart: row.period_start,
    periodEnd: row.period_end,
    issuedOn: (row.issued_at ?? row.created_at).slice(0, 10),
    mandateSignedOn: mandate?.signed_on ?? null,
    currency: row.currency,
    feeSettlement: row.fee_settlement,
    vatRate: mandate?.vat_rate ?? '0',
    lines: lines.map((l) => ({
      bookedOn: l.bookedOn,
      receiptNumber: l.receiptNumber,
      debtorName: l.debtorName,
      reversal: l.entry === 'reversal',
      collectedMinor: l.collectedMinor,
      commissionMinor: l.commissionMinor,
      vatMinor: l.vatMinor,
      netMinor: l.netMinor,
    })),
    paymentCount: Number(row.payment_count),
    collectedMinor: Number(row.collected_minor),
    commissionMinor: Number(row.commission_minor),
    vatMinor: Number(row.vat_minor),
    netMinor: Number(row.net_minor),
    invoicedMinor: Number(row.invoiced_minor),
    dueOn: row.due_on,
    longDate: (iso) => longDate(iso, language),
    shortDate: (iso) => formatDate(iso, language),
  };
  const name = language === 'fr' ? 'releve' : 'statement';
  return { fileName: `${name}-${reference}.pdf`, content: await renderRemittance(document) };
}

/** What the statement prints of the agency, the client and the mandate. */
async function loadParties(db: Reader, row: Selectable<RemittancesTable>) {
  const [tenant, creditor, mandate, identity] = await Promise.all([
    db.selectFrom('tenants').select('name').where('tenant_id', '=', row.tenant_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('creditors')
      .select(['ref', 'name', 'details', 'currency'])
      .where('tenant_id', '=', row.tenant_id)
      .where('creditor_id', '=', row.creditor_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('mandates')
      .select(['signed_on', 'vat_rate'])
      .where('tenant_id', '=', row.tenant_id)
      .where('creditor_id', '=', row.creditor_id)
      .executeTakeFirst(),
    db
      .selectFrom('tenant_settings')
      .select('value')
      .where('tenant_id', '=', row.tenant_id)
      .where('key', '=', 'identity')
      .executeTakeFirst(),
  ]);
  return { tenant, creditor, mandate, identity };
}
