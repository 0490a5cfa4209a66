import { DomainError } from '@relance/core';
import type { Db } from '../../db/schema.ts';

export type CaseFile = {
  readonly caseId: string;
  readonly currency: string;
  readonly outstandingMinor: number;
  readonly paymentReference: string | null;
  readonly tenant: { readonly name: string; readonly kind: string };
  readonly creditor: { readonly name: string; readonly ref: string; readonly siren: string | null };
  readonly debtor: {
    readonly name: string;
    readonly ref: string;
    readonly kind: string;
    readonly siren: string | null;
    readonly contacts: readonly string[];
  };
  readonly claims: readonly {
    readonly invoiceNumber: string;
    readonly issueDate: string | null;
    readonly dueDate: string;
    readonly amountMinor: number;
    readonly outstandingMinor: number;
    readonly currency: string;
    readonly status: string;
  }[];
  /** The case's documents that no journal entry points at (claim documents added by hand…). */
  readonly looseDocuments: readonly {
    readonly documentId: string;
    readonly kind: string;
    readonly fileName: string;
    readonly mediaType: string;
    readonly createdAt: string;
    readonly sha256: string;
  }[];
};

/** Who and what the case is about: the parties, the claims, the documents kept outside the journal. */
export async function loadCaseFile(db: Db, tenantId: string, caseId: string): Promise<CaseFile> {
  const row = await db
    .selectFrom('cases as c')
    .innerJoin('tenants as t', 't.tenant_id', 'c.tenant_id')
    .innerJoin('creditors as cr', (j) =>
      j.onRef('cr.tenant_id', '=', 'c.tenant_id').onRef('cr.creditor_id', '=', 'c.creditor_id'),
    )
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .select([
      'c.currency',
      'c.outstanding_minor',
      'c.payment_reference',
      'c.debtor_id',
      't.name as tenant_name',
      't.kind as tenant_kind',
      'cr.name as creditor_name',
      'cr.ref as creditor_ref',
      'cr.siren as creditor_siren',
      'd.name as debtor_name',
      'd.ref as debtor_ref',
      'd.kind as debtor_kind',
      'd.siren as debtor_siren',
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
  const [contacts, claims, documents, referenced] = await Promise.all([
    db
      .selectFrom('contacts')
      .select(['kind', 'value'])
      .where('tenant_id', '=', tenantId)
      .where('debtor_id', '=', row.debtor_id)
      .orderBy('kind')
      .orderBy('value')
      .execute(),
    db
      .selectFrom('claims')
      .select([
        'invoice_number',
        'issue_date',
        'due_date',
        'amount_minor',
        'outstanding_minor',
        'currency',
        'status',
      ])
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .orderBy('due_date')
      .orderBy('invoice_number')
      .execute(),
    db
      .selectFrom('documents')
      .select(['document_id', 'kind', 'file_name', 'media_type', 'created_at', 'sha256'])
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .orderBy('document_id')
      .execute(),
    db
      .selectFrom('evidence')
      .select('document_id')
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('document_id', 'is not', null)
      .execute(),
  ]);
  const inJournal = new Set(referenced.map((r) => r.document_id));
  return {
    caseId,
    currency: row.currency,
    outstandingMinor: Number(row.outstanding_minor),
    paymentReference: row.payment_reference,
    tenant: { name: row.tenant_name, kind: row.tenant_kind },
    creditor: { name: row.creditor_name, ref: row.creditor_ref, siren: row.creditor_siren },
    debtor: {
      name: row.debtor_name,
      ref: row.debtor_ref,
      kind: row.debtor_kind,
      siren: row.debtor_siren,
      contacts: contacts.map((c) => `${c.kind}: ${c.value}`),
    },
    claims: claims.map((c) => ({
      invoiceNumber: c.invoice_number,
      issueDate: c.issue_date,
      dueDate: c.due_date,
      amountMinor: Number(c.amount_minor),
      outstandingMinor: Number(c.outstanding_minor),
      currency: c.currency,
      status: c.status,
    })),
    looseDocuments: documents
      .filter((d) => !inJournal.has(d.document_id))
      .map((d) => ({
        documentId: d.document_id,
        kind: d.kind,
        fileName: d.file_name,
        mediaType: d.media_type,
        createdAt: d.created_at,
        sha256: d.sha256,
      })),
  };
}
