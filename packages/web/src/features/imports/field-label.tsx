import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { includes } from '../../app/api/types.ts';
import { KNOWN_FIELDS, type Requirements } from './fields.ts';

export function useFieldName(): (field: string) => string {
  const { t } = useTranslation();
  return (field) => (includes(KNOWN_FIELDS, field) ? t(`imports.fields.${field}`) : field);
}

export function FieldLabel({
  field,
  requirements,
}: {
  readonly field: string;
  readonly requirements: Requirements;
}) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  const alternatives = requirements[field];
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
