import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type AgeBucket, ageBucketOf } from '../api/types.ts';
import { AgeBucketBadge } from './badges.tsx';

/** "42 jours de retard" with its ageing bucket badge; "Non échu" when nothing is due yet. */
export function DaysPastDue({
  days,
  bucket,
}: {
  readonly days: number | null;
  readonly bucket?: AgeBucket | null;
}) {
  const { t } = useTranslation();
  const shownBucket = bucket ?? ageBucketOf(days);
  return (
    <Group gap={6} wrap="nowrap">
      <AgeBucketBadge value={shownBucket} />
      {days !== null && days > 0 && (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('age.daysPastDue', { count: days })}
        </Text>
      )}
      {days !== null && days <= 0 && (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {days === 0 ? t('age.dueToday') : t('age.dueIn', { count: -days })}
        </Text>
      )}
    </Group>
  );
}
