import type { Transaction } from 'kysely';
import type { ContactKind, Database, DisputeStatus, InstalmentStatus } from '../../db/schema.ts';
import type { PortalAccess } from './portal-access.ts';

export type PortalContact = {
  readonly id: string;
  readonly kind: Extract<ContactKind, 'email' | 'phone'>;
  /** Partly hidden: enough for the debtor to recognise it, not to learn it. */
  readonly masked: string;
  readonly optedOut: boolean;
};

/** What the debtor already agreed or asked on this case, and how they may be reached. */
export type PortalAgreements = {
  readonly promise: {
    readonly id: string;
    readonly schedule: readonly { readonly dueOn: string; readonly amountMinor: number }[];
    readonly madeOn: string;
  } | null;
  readonly plan: {
    readonly id: string;
    readonly totalMinor: number;
    readonly agreedOn: string;
    readonly instalments: readonly {
      readonly seq: number;
      readonly dueOn: string;
      readonly amountMinor: number;
      readonly status: InstalmentStatus;
      readonly paidMinor: number;
    }[];
  } | null;
  readonly disputes: readonly {
    readonly id: string;
    readonly status: DisputeStatus;
    readonly reason: string;
    readonly amountMinor: number;
    readonly invoiceNumbers: readonly string[];
    readonly documentCount: number;
    readonly openedOn: string;
  }[];
  /** The call the debtor asked for and that has not happened yet. */
  readonly callback: { readonly at: string } | null;
  readonly contacts: readonly PortalContact[];
  readonly payments: readonly {
    readonly amountMinor: number;
    readonly receivedOn: string;
    readonly method: string;
  }[];
};

export async function portalAgreements(
  trx: Transaction<Database>,
  access: PortalAccess,
  now: string,
): Promise<PortalAgreements> {
  const { tenantId, caseId } = access;
  const [promise, plan, disputes, callback, contacts, payments] = await Promise.all([
    trx
      .selectFrom('promises')
      .select(['promise_id', 'schedule', 'made_on'])
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('status', '=', 'open')
      .executeTakeFirst(),
    trx
      .selectFrom('payment_plans')
      .select(['plan_id', 'total_minor', 'agreed_on'])
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('status', '=', 'active')
      .executeTakeFirst(),
    openDisputes(trx, access),
    trx
      .selectFrom('actions')
      .select('scheduled_at')
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('action_key', 'like', 'callback:portal-%')
      .where('status', '=', 'planned')
      .where('scheduled_at', '>', now)
      .orderBy('scheduled_at')
      .executeTakeFirst(),
    portalContacts(trx, access),
    trx
      .selectFrom('payments')
      .select(['amount_minor', 'received_on', 'method'])
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('status', '=', 'booked')
      .orderBy('received_on', 'desc')
      .orderBy('recorded_at', 'desc')
      .limit(20)
      .execute(),
  ]);
  const instalments = plan
    ? await trx
        .selectFrom('plan_instalments')
        .select(['seq', 'due_on', 'amount_minor', 'status', 'paid_minor'])
        .where('tenant_id', '=', tenantId)
        .where('plan_id', '=', plan.plan_id)
        .orderBy('seq')
        .execute()
    : [];
  return {
    promise: promise
      ? {
          id: promise.promise_id,
          schedule: JSON.parse(promise.schedule) as { dueOn: string; amountMinor: number }[],
          madeOn: promise.made_on,
        }
      : null,
    plan: plan
      ? {
          id: plan.plan_id,
          totalMinor: Number(plan.total_minor),
          agreedOn: plan.agreed_on,
          instalments: instalments.map((i) => ({
            seq: i.seq,
            dueOn: i.due_on,
            amountMinor: Number(i.amount_minor),
            status: i.status,
            paidMinor: Number(i.paid_minor),
          })),
        }
      : null,
    disputes,
    callback: callback?.scheduled_at ? { at: callback.scheduled_at } : null,
    contacts,
    payments: payments.map((p) => ({
      amountMinor: Number(p.amount_minor),
      receivedOn: p.received_on,
      method: p.method,
    })),
  };
}

async function openDisputes(trx: Transaction<Database>, access: PortalAccess) {
  const rows = await trx
    .selectFrom('disputes')
    .select(['dispute_id', 'status', 'reason', 'amount_minor', 'created_at'])
    .where('tenant_id', '=', access.tenantId)
    .where('case_id', '=', access.caseId)
    .where('status', '=', 'open')
    .orderBy('created_at', 'desc')
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.dispute_id);
  const [claims, documents] = await Promise.all([
    trx
      .selectFrom('dispute_claims as dc')
      .innerJoin('claims as c', (j) =>
        j.onRef('c.tenant_id', '=', 'dc.tenant_id').onRef('c.claim_id', '=', 'dc.claim_id'),
      )
      .select(['dc.dispute_id', 'c.invoice_number'])
      .where('dc.tenant_id', '=', access.tenantId)
      .where('dc.dispute_id', 'in', ids)
      .orderBy('c.invoice_number')
      .execute(),
    trx
      .selectFrom('dispute_documents')
      .select('dispute_id')
      .where('tenant_id', '=', access.tenantId)
      .where('dispute_id', 'in', ids)
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.dispute_id,
    status: r.status,
    reason: r.reason,
    amountMinor: Number(r.amount_minor),
    invoiceNumbers: claims.filter((c) => c.dispute_id === r.dispute_id).map((c) => c.invoice_number),
    documentCount: documents.filter((d) => d.dispute_id === r.dispute_id).length,
    openedOn: r.created_at.slice(0, 10),
  }));
}

/** The debtor's e-mail addresses and phone numbers that are not known to be wrong, partly hidden. */
export async function portalContacts(
  trx: Transaction<Database>,
  access: PortalAccess,
): Promise<PortalContact[]> {
  const rows = await trx
    .selectFrom('contacts as ct')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 'ct.tenant_id').onRef('c.debtor_id', '=', 'ct.debtor_id'),
    )
    .select(['ct.contact_id', 'ct.kind', 'ct.value', 'ct.opted_out_at'])
    .where('c.tenant_id', '=', access.tenantId)
    .where('c.case_id', '=', access.caseId)
    .where('ct.kind', 'in', ['email', 'phone'])
    .where('ct.validity', '!=', 'invalid')
    .orderBy('ct.kind')
    .orderBy('ct.created_at')
    .orderBy('ct.contact_id')
    .execute();
  return rows.map((r) => ({
    id: r.contact_id,
    kind: r.kind === 'email' ? 'email' : 'phone',
    masked: r.kind === 'email' ? maskEmail(r.value) : maskPhone(r.value),
    optedOut: r.opted_out_at !== null,
  }));
}

/** "j•••@exemple.fr": the first letter and the domain. */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return '•••';
  return `${value.slice(0, 1)}•••${value.slice(at)}`;
}

/** "•• •• •• 56 78": the last four digits. */
export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  const last = digits.slice(-4);
  return `•• •• •• ${last.slice(0, 2)} ${last.slice(2)}`;
}
