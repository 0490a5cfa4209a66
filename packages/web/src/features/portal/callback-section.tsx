import { Alert, Button, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import type { SectionProps } from './api.ts';
import { askCallback, slotsQuery } from './api.ts';
import { portalErrorText } from './portal-frame.tsx';
import { groupSlots, slotLabel } from './slots.ts';

/** A time to be called back, among those the law allows in the debtor's zone this week. */
export function CallbackSection({ linkKey }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const slots = useQuery(slotsQuery(linkKey));
  const [at, setAt] = useState<string | null>(null);
  const ask = useMutation({
    mutationFn: () => askCallback(linkKey, at ?? ''),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['portal', linkKey] }),
  });
  if (slots.isError) {
    return (
      <Alert color="orange" role="alert">
        {portalErrorText(slots.error, t('portal.error'))}
      </Alert>
    );
  }
  const timeZone = slots.data?.timeZone ?? 'Europe/Paris';
  const groups = groupSlots(slots.data?.slots ?? [], format.language, timeZone);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (at) ask.mutate();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('portal.callback.intro')}</Text>
        {slots.data && groups.length === 0 ? (
          <Text size="sm">{t('portal.callback.none')}</Text>
        ) : (
          <Select
            label={t('portal.callback.slot')}
            data={groups}
            value={at}
            onChange={setAt}
            disabled={!slots.data}
            searchable
            maxDropdownHeight={280}
            size="md"
          />
        )}
        {ask.isError && (
          <Alert color="orange" role="alert">
            {portalErrorText(ask.error, t('portal.error'))}
          </Alert>
        )}
        {ask.isSuccess && (
          <Alert color="teal" role="status">
            {t('portal.callback.done', { at: slotLabel(ask.data.at, format.language, timeZone) })}
          </Alert>
        )}
        <Button type="submit" size="md" variant="light" loading={ask.isPending} disabled={!at}>
          {t('portal.callback.submit')}
        </Button>
      </Stack>
    </form>
  );
}
