import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { strategiesQuery } from '../strategies/api.ts';

export type ScriptMetaValue = {
  readonly title: string;
  /** '' when the script is not tied to a strategy (or to one of its steps). */
  readonly strategyKey: string;
  readonly stepKey: string;
};

type ScriptMetaProps = {
  readonly value: ScriptMetaValue;
  readonly readOnly: boolean;
  readonly onChange: (value: ScriptMetaValue) => void;
};

/** The script's title, and the strategy step it is for (none: any case without a more precise script). */
export function ScriptMeta({ value, readOnly, onChange }: ScriptMetaProps) {
  const { t } = useTranslation();
  const { language } = useFormat();
  const strategies = useQuery(strategiesQuery);
  const strategy = strategies.data?.items.find((item) => item.key === value.strategyKey);
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      <TextInput
        label={t('scripts.meta.title')}
        value={value.title}
        readOnly={readOnly}
        required
        maxLength={200}
        onChange={(event) => onChange({ ...value, title: event.currentTarget.value })}
        error={value.title.trim() === '' ? t('scripts.meta.titleMissing') : undefined}
      />
      <NativeSelect
        label={t('scripts.meta.strategy')}
        value={value.strategyKey}
        disabled={readOnly}
        onChange={(event) => onChange({ ...value, strategyKey: event.currentTarget.value, stepKey: '' })}
        data={[
          { value: '', label: t('scripts.meta.anyStrategy') },
          ...(strategies.data?.items ?? []).map((item) => ({
            value: item.key,
            label: item.definition.name[language],
          })),
          // A strategy the list does not have (removed since): kept as saved.
          ...(value.strategyKey && !strategy && strategies.data
            ? [{ value: value.strategyKey, label: value.strategyKey }]
            : []),
        ]}
      />
      <NativeSelect
        label={t('scripts.meta.step')}
        value={value.stepKey}
        disabled={readOnly || value.strategyKey === ''}
        onChange={(event) => onChange({ ...value, stepKey: event.currentTarget.value })}
        data={[
          { value: '', label: t('scripts.meta.anyStep') },
          ...(strategy?.definition.steps ?? []).map((step) => ({
            value: step.key,
            label: step.name[language],
          })),
          ...(value.stepKey && !strategy?.definition.steps.some((s) => s.key === value.stepKey)
            ? [{ value: value.stepKey, label: value.stepKey }]
            : []),
        ]}
      />
    </SimpleGrid>
  );
}
