import type { ContactConsent, ContactKind, ContactValidity, Db } from '../../db/schema.ts';

export type ContactView = {
  readonly id: string;
  readonly kind: ContactKind;
  readonly value: string;
  readonly label: string | null;
  readonly validity: ContactValidity;
  readonly consent: ContactConsent;
  readonly addressLine1: string | null;
  readonly addressLine2: string | null;
  readonly postalCode: string | null;
  readonly city: string | null;
  readonly country: string | null;
  readonly raw: string | null;
  readonly source: string;
  readonly updatedAt: string;
};

/** A debtor's contacts: e-mails, then phones, then postal addresses. */
export async function loadContacts(db: Db, tenantId: string, debtorId: string): Promise<ContactView[]> {
  const rows = await db
    .selectFrom('contacts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('debtor_id', '=', debtorId)
    .orderBy('kind')
    .orderBy('created_at')
    .orderBy('contact_id')
    .execute();
  return rows.map((r) => ({
    id: r.contact_id,
    kind: r.kind,
    value: r.value,
    label: r.label,
    validity: r.validity,
    consent: r.consent,
    addressLine1: r.address_line1,
    addressLine2: r.address_line2,
    postalCode: r.postal_code,
    city: r.city,
    country: r.country,
    raw: r.raw,
    source: r.source,
    updatedAt: r.updated_at,
  }));
}
