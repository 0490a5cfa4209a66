import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgeBucket, Collectability, DebtorKind } from '../api/types.ts';

const COLLECTABILITY_COLORS: Readonly<Record<Collectability, MantineColor>> = {
  collectable: 'teal',
  pre_due: 'blue',
  blocked: 'red',
  settled: 'gray',
};

export function CollectabilityBadge({ value }: { readonly value: Collectability }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLLECTABILITY_COLORS[value]} variant="light" data-collectability={value}>
      {t(`collectability.${value}`)}
    </Badge>
  );
}

const AGE_COLORS: Readonly<Record<AgeBucket, MantineColor>> = {
  not_due: 'gray',
  '0-30': 'lime',
  '31-60': 'yellow',
  '61-90': 'orange',
  '91-180': 'red',
  '181-365': 'red',
  '365+': 'grape',
};

export function AgeBucketBadge({ value }: { readonly value: AgeBucket }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={AGE_COLORS[value]}
      variant={value === '181-365' || value === '365+' ? 'filled' : 'light'}
      tt="none"
      data-age-bucket={value}
    >
      {t(`ageBucket.${value}`)}
    </Badge>
  );
}

export function DebtorKindBadge({ value }: { readonly value: DebtorKind }) {
  const { t } = useTranslation();
  return (
    <Badge color={value === 'business' ? 'indigo' : 'cyan'} variant="outline" tt="none">
      {t(`debtorKind.${value}`)}
    </Badge>
  );
}
