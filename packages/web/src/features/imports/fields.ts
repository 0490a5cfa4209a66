/** The import fields the UI has names for; any other field the API sends is shown as is. */
export const KNOWN_FIELDS = [
  'invoice_number',
  'issue_date',
  'due_date',
  'amount',
  'outstanding',
  'currency',
  'debtor_ref',
  'debtor_name',
  'debtor_kind',
  'siren',
  'siret',
  'vat_number',
  'email',
  'phone',
  'mobile',
  'address_line1',
  'address_line2',
  'postal_code',
  'city',
  'country',
  'language',
  'tags',
  'disputed',
  'dispute_reason',
  'settled_date',
  'external_ref',
  'description',
] as const;

/** What an import needs, as the server sends it with the preview: requirement → fields meeting it. */
export type Requirements = Readonly<Record<string, readonly string[]>>;

/** The requirements no mapped column meets. */
export function missingRequirements(
  mapping: Readonly<Record<string, string | null>>,
  requirements: Requirements,
): string[] {
  return Object.entries(requirements)
    .filter(([, fields]) => !fields.some((field) => mapping[field]))
    .map(([requirement]) => requirement);
}
