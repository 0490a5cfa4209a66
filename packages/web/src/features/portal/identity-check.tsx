import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client.ts';
import { checkIdentity, type PortalEntry } from './api.ts';
import { portalErrorText } from './portal-frame.tsx';

/** Before any detail: who the creditor is, that a balance is open, and the light identity check. */
export function IdentityCheck({ linkKey, entry }: { readonly linkKey: string; readonly entry: PortalEntry }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState('');
  const errorId = useId();
  const check = useMutation({
    mutationFn: () => checkIdentity(linkKey, answer),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['portal', linkKey] }),
    // The fifth wrong answer locks the link: the page then says how else to pay.
    onError: (error) => {
      if (isApiError(error) && error.status === 403) {
        void queryClient.invalidateQueries({ queryKey: ['portal', linkKey] });
      }
    },
  });
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('portal.check.hello')}
      </Title>
      <Text>{t('portal.check.intro', { creditor: entry.creditorName })}</Text>
      <Text>{t('portal.check.why')}</Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (answer.trim() !== '') check.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('portal.check.label')}
            description={t('portal.check.hint')}
            value={answer}
            onChange={(event) => setAnswer(event.currentTarget.value)}
            autoComplete="postal-code"
            size="md"
            required
            aria-describedby={check.isError ? errorId : undefined}
            data-autofocus
          />
          {check.isError && (
            <Alert color="orange" role="alert" id={errorId}>
              {portalErrorText(check.error, t('portal.error'))}
            </Alert>
          )}
          {!check.isError && entry.attemptsLeft < 5 && (
            <Text size="sm">{t('portal.check.attemptsLeft', { count: entry.attemptsLeft })}</Text>
          )}
          <Button type="submit" size="md" loading={check.isPending}>
            {t('portal.check.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
