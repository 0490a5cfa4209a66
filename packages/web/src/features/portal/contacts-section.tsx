import { Alert, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SectionProps } from './api.ts';
import { setOptOut } from './api.ts';
import { portalErrorText } from './portal-frame.tsx';

/** One switch per e-mail address and phone number: off stops our messages there (and calls, for a phone). */
export function ContactsSection({ linkKey, view }: SectionProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (input: { readonly contactId: string; readonly optedOut: boolean }) =>
      setOptOut(linkKey, input.contactId, input.optedOut),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['portal', linkKey] }),
  });
  if (view.contacts.length === 0) return <Text size="sm">{t('portal.contacts.none')}</Text>;
  return (
    <Stack gap="sm">
      <Text size="sm">{t('portal.contacts.intro')}</Text>
      {view.contacts.map((c) => (
        <Switch
          key={c.id}
          size="md"
          checked={!c.optedOut}
          disabled={change.isPending}
          onChange={(event) => change.mutate({ contactId: c.id, optedOut: !event.currentTarget.checked })}
          label={t(c.kind === 'email' ? 'portal.contacts.email' : 'portal.contacts.phone', {
            value: c.masked,
          })}
        />
      ))}
      {change.isError && (
        <Alert color="orange" role="alert">
          {portalErrorText(change.error, t('portal.error'))}
        </Alert>
      )}
      {change.isSuccess && (
        <Text size="sm" role="status">
          {t('portal.contacts.saved')}
        </Text>
      )}
    </Stack>
  );
}
