import { addDays, addYears } from '@relance/core';
import { newId } from '../../src/db/ids.ts';
import type { ClaimStatus, ContactKind, ContactValidity, Db, DebtorKind, Role } from '../../src/db/schema.ts';
import { hashPassword } from '../../src/use-cases/access/password.ts';
import { now, password, today } from './support.ts';

/** Test data written straight into the tables: two tenants can hold the very same shapes. */

type ClaimSpec = {
  readonly invoice: string;
  /** Days from today: -45 is 45 days past due. */
  readonly dueIn: number;
  readonly amountMinor: number;
  readonly outstandingMinor?: number;
  readonly status?: ClaimStatus;
  /** Days from today for the end of limitation; by default 5 years after the due date. */
  readonly prescriptionEndIn?: number;
};

type DebtorSpec = {
  readonly ref: string;
  readonly name: string;
  readonly kind: DebtorKind;
  readonly siren?: string;
  readonly contacts?: readonly { kind: ContactKind; value: string; validity?: ContactValidity }[];
  readonly claims: readonly ClaimSpec[];
};

export type SeededDebtor = {
  readonly debtorId: string;
  readonly caseId: string;
  readonly claimIds: readonly string[];
};

export type SeededTenant = {
  readonly tenantId: string;
  readonly label: string;
  readonly creditors: { readonly acme: string; readonly beta: string };
  readonly users: Readonly<Record<Role, { readonly id: string; readonly email: string }>>;
  readonly debtors: Readonly<Record<string, SeededDebtor>>;
  readonly importId: string;
};

/** The same small portfolio in every tenant, so that two tenants have data of identical shapes. */
export const portfolio: Readonly<Record<'acme' | 'beta', readonly DebtorSpec[]>> = {
  acme: [
    {
      ref: 'D1',
      name: 'Boulangerie Dupont',
      kind: 'business',
      siren: '123456782',
      contacts: [
        { kind: 'email', value: 'compta@dupont.example' },
        { kind: 'postal', value: '1 rue de la Paix, 75002 Paris' },
      ],
      claims: [{ invoice: 'F-1001', dueIn: -45, amountMinor: 1200_00 }],
    },
    {
      ref: 'D2',
      name: 'Jean Martin',
      kind: 'consumer',
      claims: [{ invoice: 'F-2001', dueIn: -900, amountMinor: 300_00, prescriptionEndIn: -100 }],
    },
    {
      ref: 'D3',
      name: 'Café Lumière',
      kind: 'business',
      contacts: [{ kind: 'email', value: 'bad@@lumiere', validity: 'invalid' }],
      claims: [{ invoice: 'F-3001', dueIn: 10, amountMinor: 450_00 }],
    },
    {
      ref: 'D4',
      name: 'Zoé Payée',
      kind: 'consumer',
      claims: [{ invoice: 'F-4001', dueIn: -200, amountMinor: 80_00, outstandingMinor: 0, status: 'paid' }],
    },
    {
      ref: 'D5',
      name: 'Mixte SAS',
      kind: 'business',
      contacts: [{ kind: 'phone', value: '+33612345678' }],
      claims: [
        { invoice: 'M-1', dueIn: -800, amountMinor: 100_00, prescriptionEndIn: -30 },
        { invoice: 'M-2', dueIn: 20, amountMinor: 200_00 },
        { invoice: 'M-3', dueIn: -70, amountMinor: 300_00, status: 'disputed' },
        { invoice: 'M-4', dueIn: -10, amountMinor: 400_00 },
      ],
    },
    {
      ref: 'D6',
      name: 'Litige Total SARL',
      kind: 'business',
      claims: [{ invoice: 'L-1', dueIn: -70, amountMinor: 700_00, status: 'disputed' }],
    },
  ],
  beta: [
    {
      ref: 'B1',
      name: 'Beta Client SARL',
      kind: 'business',
      siren: '987654321',
      claims: [{ invoice: 'B-1', dueIn: -100, amountMinor: 9000_00 }],
    },
  ],
};

/** A tenant with two creditors, one user per role (client → ACME), the portfolio above and one import. */
export async function seedTenant(db: Db, label: string): Promise<SeededTenant> {
  const tenantId = newId();
  await db
    .insertInto('tenants')
    .values({ tenant_id: tenantId, name: `Tenant ${label}`, kind: 'agency', locale: 'fr', created_at: now })
    .execute();
  const creditors = { acme: newId(), beta: newId() };
  for (const [ref, id] of [
    ['ACME', creditors.acme],
    ['BETA', creditors.beta],
  ] as const) {
    await db
      .insertInto('creditors')
      .values({
        tenant_id: tenantId,
        creditor_id: id,
        ref,
        name: `${ref} ${label}`,
        siren: null,
        is_professional: 1,
        country: 'FR',
        currency: 'EUR',
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  const passwordHash = await hashPassword(password);
  const users = {} as Record<Role, { id: string; email: string }>;
  for (const role of ['admin', 'supervisor', 'agent', 'client'] as const) {
    const id = newId();
    const email = `${role}@${label.toLowerCase()}.example`;
    users[role] = { id, email };
    await db
      .insertInto('users')
      .values({
        tenant_id: tenantId,
        user_id: id,
        email,
        display_name: `${role} ${label}`,
        role,
        creditor_id: role === 'client' ? creditors.acme : null,
        password_hash: passwordHash,
        locale: 'fr',
        created_at: now,
      })
      .execute();
  }
  const importId = newId();
  const debtors: Record<string, SeededDebtor> = {};
  for (const [key, specs] of Object.entries(portfolio)) {
    const creditorId = creditors[key as 'acme' | 'beta'];
    for (const spec of specs) debtors[spec.ref] = await seedDebtor(db, tenantId, creditorId, spec, importId);
  }
  await seedImport(db, tenantId, creditors.acme, importId);
  return { tenantId, label, creditors, users, debtors, importId };
}

async function seedDebtor(
  db: Db,
  tenantId: string,
  creditorId: string,
  spec: DebtorSpec,
  importId: string,
): Promise<SeededDebtor> {
  const debtorId = newId();
  const caseId = newId();
  await db
    .insertInto('debtors')
    .values({
      tenant_id: tenantId,
      debtor_id: debtorId,
      creditor_id: creditorId,
      ref: spec.ref,
      kind: spec.kind,
      name: spec.name,
      siren: spec.siren ?? null,
      language: 'fr',
      time_zone: 'Europe/Paris',
      tags: '[]',
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const c of spec.contacts ?? []) {
    await db
      .insertInto('contacts')
      .values({
        tenant_id: tenantId,
        contact_id: newId(),
        debtor_id: debtorId,
        kind: c.kind,
        value: c.value,
        validity: c.validity ?? 'valid',
        consent: 'unknown',
        source: 'test',
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  const claims = spec.claims.map((c) => {
    const dueDate = addDays(today, c.dueIn);
    const status = c.status ?? 'open';
    return {
      tenant_id: tenantId,
      claim_id: newId(),
      creditor_id: creditorId,
      debtor_id: debtorId,
      case_id: caseId,
      invoice_number: c.invoice,
      issue_date: addDays(dueDate, -30),
      due_date: dueDate,
      amount_minor: c.amountMinor,
      outstanding_minor: c.outstandingMinor ?? c.amountMinor,
      currency: 'EUR',
      status,
      prescription_basis: spec.kind === 'consumer' ? 'consumer_2y' : 'commercial_5y',
      prescription_end:
        c.prescriptionEndIn === undefined ? addYears(dueDate, 5) : addDays(today, c.prescriptionEndIn),
      import_id: importId,
      content_hash: newId(),
      created_at: now,
      updated_at: now,
    };
  });
  const open = claims.filter((c) => c.status === 'open' || c.status === 'disputed');
  const undisputed = open.filter((c) => c.status === 'open');
  const min = (values: string[]) => (values.length === 0 ? null : values.sort()[0]!);
  await db
    .insertInto('cases')
    .values({
      tenant_id: tenantId,
      case_id: caseId,
      creditor_id: creditorId,
      debtor_id: debtorId,
      currency: 'EUR',
      status: open.length > 0 ? 'open' : 'closed',
      outstanding_minor: open.reduce((s, c) => s + c.outstanding_minor, 0),
      disputed_minor: open
        .filter((c) => c.status === 'disputed')
        .reduce((s, c) => s + c.outstanding_minor, 0),
      claim_count: claims.length,
      open_claim_count: open.length,
      oldest_due_date: min(open.map((c) => c.due_date)),
      earliest_prescription_end: min(undisputed.map((c) => c.prescription_end)),
      opened_at: now,
      updated_at: now,
    })
    .execute();
  for (const claim of claims) await db.insertInto('claims').values(claim).execute();
  return { debtorId, caseId, claimIds: claims.map((c) => c.claim_id) };
}

async function seedImport(db: Db, tenantId: string, creditorId: string, importId: string): Promise<void> {
  await db
    .insertInto('imports')
    .values({
      tenant_id: tenantId,
      import_id: importId,
      creditor_id: creditorId,
      file_name: 'créances mars.csv',
      format: 'csv',
      status: 'completed',
      mapping: '{"invoiceNumber":"Facture"}',
      total_rows: 12,
      inserted: 10,
      updated: 0,
      unchanged: 0,
      rejected: 2,
      created_by: null,
      started_at: now,
      finished_at: now,
    })
    .execute();
  for (const [row, column, reason] of [
    [3, 'dueDate', 'invalid_date'],
    [7, 'amount', 'invalid_amount'],
  ] as const) {
    await db
      .insertInto('import_rejections')
      .values({
        tenant_id: tenantId,
        import_id: importId,
        row_number: row,
        column_name: column,
        reason,
        message: `Ligne ${row} : ${reason}`,
        raw: `x;y;"z ${row}"`,
      })
      .execute();
  }
}
