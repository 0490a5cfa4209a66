import { Button, Group, Pill } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  DRILL_KEYS,
  type DrillSearch,
  type DUE_BUCKETS,
  type PAYMENT_CHANNELS,
  type PLAN_FILTERS,
  type PROMISE_FILTERS,
} from './search.ts';

type Valued = (typeof PROMISE_FILTERS | typeof PLAN_FILTERS | typeof PAYMENT_CHANNELS)[number];

type DrillChipsProps = {
  readonly search: DrillSearch;
  readonly onRemove: (patch: Partial<Record<keyof DrillSearch, undefined>>) => void;
};

/** The filters a dashboard figure opened the list with, each one removable: the reader sees why a case is here. */
export function DrillChips({ search, onRemove }: DrillChipsProps) {
  const { t } = useTranslation();
  const active = DRILL_KEYS.filter((key) => search[key] !== undefined);
  if (active.length === 0) return null;
  const chipValue = (key: (typeof DRILL_KEYS)[number]) => {
    const value = search[key];
    if (value === true) return '';
    if (key === 'dueBucket') return t(`dashboard.ageing.${value as (typeof DUE_BUCKETS)[number]}`);
    if (key === 'promise' || key === 'plan' || key === 'paidChannel' || key === 'madeChannel')
      return t(`drill.values.${value as Valued}`);
    return String(value);
  };
  return (
    <Group gap="xs" data-testid="drill-chips" wrap="wrap">
      {active.map((key) => (
        <Pill
          key={key}
          withRemoveButton
          onRemove={() => onRemove({ [key]: undefined })}
          data-testid={`drill-${key}`}
        >
          {t(`drill.chips.${key}`, { value: chipValue(key) })}
        </Pill>
      ))}
      {active.length > 1 && (
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => onRemove(Object.fromEntries(active.map((key) => [key, undefined])))}
        >
          {t('drill.clear')}
        </Button>
      )}
    </Group>
  );
}
