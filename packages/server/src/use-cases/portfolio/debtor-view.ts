import type { Db, DebtorKind, Locale } from '../../db/schema.ts';
import type { Scope } from './scope.ts';

export type DebtorView = {
  readonly id: string;
  readonly ref: string;
  readonly kind: DebtorKind;
  readonly name: string;
  readonly siren: string | null;
  readonly siret: string | null;
  readonly vatNumber: string | null;
  readonly language: Locale;
  readonly timeZone: string;
  readonly tags: readonly string[];
  readonly creditor: { readonly id: string; readonly ref: string; readonly name: string };
  readonly createdAt: string;
  readonly updatedAt: string;
};

/** The scoped debtors joined with their creditor. */
export function scopedDebtors(db: Db, scope: Scope) {
  let query = db
    .selectFrom('debtors as d')
    .innerJoin('creditors as cr', (j) =>
      j.onRef('cr.tenant_id', '=', 'd.tenant_id').onRef('cr.creditor_id', '=', 'd.creditor_id'),
    )
    .where('d.tenant_id', '=', scope.tenantId);
  if (scope.creditorId !== null) query = query.where('d.creditor_id', '=', scope.creditorId);
  return query;
}

export const debtorColumns = [
  'd.debtor_id',
  'd.ref',
  'd.kind',
  'd.name',
  'd.siren',
  'd.siret',
  'd.vat_number',
  'd.language',
  'd.time_zone',
  'd.tags',
  'd.created_at',
  'd.updated_at',
  'cr.creditor_id',
  'cr.ref as creditor_ref',
  'cr.name as creditor_name',
] as const;

type DebtorRow = {
  readonly debtor_id: string;
  readonly ref: string;
  readonly kind: DebtorKind;
  readonly name: string;
  readonly siren: string | null;
  readonly siret: string | null;
  readonly vat_number: string | null;
  readonly language: Locale;
  readonly time_zone: string;
  readonly tags: string;
  readonly created_at: string;
  readonly updated_at: string;
  readonly creditor_id: string;
  readonly creditor_ref: string;
  readonly creditor_name: string;
};

export function toDebtorView(row: DebtorRow): DebtorView {
  return {
    id: row.debtor_id,
    ref: row.ref,
    kind: row.kind,
    name: row.name,
    siren: row.siren,
    siret: row.siret,
    vatNumber: row.vat_number,
    language: row.language,
    timeZone: row.time_zone,
    tags: parseTags(row.tags),
    creditor: { id: row.creditor_id, ref: row.creditor_ref, name: row.creditor_name },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function parseTags(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/** One debtor the scope may see, or undefined. */
export async function findDebtor(db: Db, scope: Scope, debtorId: string): Promise<DebtorView | undefined> {
  const row = await scopedDebtors(db, scope)
    .select(debtorColumns)
    .where('d.debtor_id', '=', debtorId)
    .executeTakeFirst();
  return row ? toDebtorView(row) : undefined;
}
