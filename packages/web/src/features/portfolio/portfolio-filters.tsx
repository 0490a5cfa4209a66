import { Button, Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AGE_BUCKETS, COLLECTABILITIES, type Creditor, DEBTOR_KINDS, includes } from '../../app/api/types.ts';
import { useDebouncedText } from '../../app/ui/use-debounced-text.ts';
import type { PortfolioSearch } from './search.ts';

export type FilterPatch = Partial<
  Pick<PortfolioSearch, 'q' | 'creditorId' | 'collectability' | 'ageBucket' | 'debtorKind'>
>;

type PortfolioFiltersProps = {
  readonly search: PortfolioSearch;
  readonly creditors: readonly Creditor[];
  readonly onChange: (patch: FilterPatch) => void;
  readonly onReset: () => void;
};

export function PortfolioFilters({ search, creditors, onChange, onReset }: PortfolioFiltersProps) {
  const { t } = useTranslation();
  const [text, setText] = useDebouncedText(search.q, (q) => onChange({ q }));
  const hasFilters = Boolean(
    search.q || search.creditorId || search.collectability || search.ageBucket || search.debtorKind,
  );

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        label={t('portfolio.filters.search')}
        placeholder={t('portfolio.filters.searchPlaceholder')}
        type="search"
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        w={260}
      />
      <Select
        label={t('portfolio.filters.collectability')}
        placeholder={t('portfolio.filters.all')}
        clearable
        value={search.collectability ?? null}
        onChange={(value) =>
          onChange({ collectability: includes(COLLECTABILITIES, value) ? value : undefined })
        }
        data={COLLECTABILITIES.map((value) => ({ value, label: t(`collectability.${value}`) }))}
        w={180}
      />
      <Select
        label={t('portfolio.filters.ageBucket')}
        placeholder={t('portfolio.filters.all')}
        clearable
        value={search.ageBucket ?? null}
        onChange={(value) => onChange({ ageBucket: includes(AGE_BUCKETS, value) ? value : undefined })}
        data={AGE_BUCKETS.map((value) => ({ value, label: t(`ageBucket.${value}`) }))}
        w={160}
      />
      <Select
        label={t('portfolio.filters.debtorKind')}
        placeholder={t('portfolio.filters.all')}
        clearable
        value={search.debtorKind ?? null}
        onChange={(value) => onChange({ debtorKind: includes(DEBTOR_KINDS, value) ? value : undefined })}
        data={DEBTOR_KINDS.map((value) => ({ value, label: t(`debtorKind.${value}`) }))}
        w={160}
      />
      {creditors.length > 1 && (
        <Select
          label={t('portfolio.filters.creditor')}
          placeholder={t('portfolio.filters.all')}
          clearable
          searchable
          value={search.creditorId ?? null}
          onChange={(value) => onChange({ creditorId: value ?? undefined })}
          data={creditors.map((creditor) => ({ value: creditor.id, label: creditor.name }))}
          w={220}
        />
      )}
      {hasFilters && (
        <Button variant="subtle" onClick={onReset}>
          {t('portfolio.filters.reset')}
        </Button>
      )}
    </Group>
  );
}
