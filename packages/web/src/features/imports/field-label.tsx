import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { includes } from '../../app/api/types.ts';

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
  'disputed',
  'dispute_reason',
  'settled_date',
  'external_ref',
  'description',
] as const;

/**
 * What an import needs, as the server checks it: each requirement is met by any one of its fields
 * (an amount or an outstanding balance; a debtor name or a customer reference).
 */
export const REQUIREMENTS: Readonly<Record<string, readonly string[]>> = {
  invoice_number: ['invoice_number'],
  due_date: ['due_date'],
  amount: ['amount', 'outstanding'],
  debtor_name: ['debtor_name', 'debtor_ref'],
};

/** The requirements no mapped column meets. */
export function missingRequirements(mapping: Readonly<Record<string, string | null>>): string[] {
  return Object.entries(REQUIREMENTS)
    .filter(([, fields]) => !fields.some((field) => mapping[field]))
    .map(([requirement]) => requirement);
}

export function useFieldName(): (field: string) => string {
  const { t } = useTranslation();
  return (field) => (includes(KNOWN_FIELDS, field) ? t(`imports.fields.${field}`) : field);
}

export function FieldLabel({ field }: { readonly field: string }) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  const alternatives = REQUIREMENTS[field];
  const required = alternatives !== undefined;
  const other = alternatives?.find((candidate) => candidate !== field);
  return (
    <Text size="sm" fw={required ? 600 : 400}>
      {fieldName(field)}
      {required && (
        <Text span c="red" aria-hidden>
          {' '}
          *
        </Text>
      )}
      {other && (
        <Text span size="xs" c="dimmed" fw={400}>
          {' '}
          ({t('imports.new.orField', { field: fieldName(other) })})
        </Text>
      )}
    </Text>
  );
}
