import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { includes } from '../../app/api/types.ts';

/** The import fields the UI has names for; any other field the API sends is shown as is. */
export const KNOWN_FIELDS = [
  'creditorRef',
  'debtorRef',
  'debtorName',
  'debtorKind',
  'siren',
  'siret',
  'vatNumber',
  'email',
  'phone',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
  'country',
  'language',
  'invoiceNumber',
  'issueDate',
  'dueDate',
  'amount',
  'outstanding',
  'currency',
  'status',
  'externalRef',
  'description',
  'tags',
] as const;

export function useFieldName(): (field: string) => string {
  const { t } = useTranslation();
  return (field) => (includes(KNOWN_FIELDS, field) ? t(`imports.fields.${field}`) : field);
}

export function FieldLabel({ field, required }: { readonly field: string; readonly required: boolean }) {
  const fieldName = useFieldName();
  return (
    <Text size="sm" fw={required ? 600 : 400}>
      {fieldName(field)}
      {required && (
        <Text span c="red" aria-hidden>
          {' '}
          *
        </Text>
      )}
    </Text>
  );
}
