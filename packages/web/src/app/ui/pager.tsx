import { Group, Pagination, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type PagerProps = {
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  readonly pageSizes?: readonly number[];
  readonly onPage: (page: number) => void;
  readonly onPageSize?: (pageSize: number) => void;
};

export function Pager({ page, pageSize, total, pageSizes, onPage, onPageSize }: PagerProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <Text size="sm" c="dimmed">
        {t('pager.range', { first, last, count: total })}
      </Text>
      <Group gap="sm">
        {pageSizes && onPageSize && (
          <Select
            aria-label={t('pager.pageSize')}
            size="xs"
            w={90}
            value={String(pageSize)}
            allowDeselect={false}
            onChange={(value) => value && onPageSize(Number(value))}
            data={pageSizes.map((size) => String(size))}
          />
        )}
        {pages > 1 && (
          <Pagination
            size="sm"
            total={pages}
            value={Math.min(page, pages)}
            onChange={onPage}
            getControlProps={(control) => ({
              'aria-label':
                control === 'previous' ? t('pager.previous') : control === 'next' ? t('pager.next') : control,
            })}
            getItemProps={(item) => ({ 'aria-label': t('pager.page', { page: item }) })}
          />
        )}
      </Group>
    </Group>
  );
}
