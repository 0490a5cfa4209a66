import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client.ts';
import { LanguageSwitch } from '../../app/layout/language-switch.tsx';
import { errorMessage } from '../../app/query-client.ts';
import { sessionQuery } from '../../app/session.ts';
import { usePageTitle } from '../../app/ui/use-page-title.ts';
import { signIn } from './api.ts';

const route = getRouteApi('/sign-in');

export function SignInPage() {
  const { t } = useTranslation();
  const { redirect } = route.useSearch();
  usePageTitle(t('signIn.title'));
  const router = useRouter();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const mutation = useMutation({
    mutationFn: signIn,
    meta: { silent: true },
    onSuccess: async () => {
      await queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 });
      if (redirect) router.history.push(redirect);
      else await router.navigate({ to: '/portfolio' });
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate({ email: email.trim(), password });
  };

  const failure = mutation.error;
  const failureText =
    failure && isApiError(failure) && (failure.status === 401 || failure.status === 400)
      ? t('signIn.failed')
      : failure
        ? errorMessage(failure)
        : null;

  return (
    <Box mih="100vh" bg="gray.1">
      <Group justify="flex-end" p="md">
        <LanguageSwitch />
      </Group>
      <Center pt={40} px="md">
        <Paper withBorder shadow="sm" p="xl" radius="md" w={400} maw="100%">
          <form onSubmit={onSubmit} noValidate aria-labelledby="sign-in-title">
            <Stack gap="md">
              <div>
                <Title order={2} c="indigo.8">
                  Relance
                </Title>
                <Text id="sign-in-title" size="lg" fw={500} mt={4}>
                  {t('signIn.title')}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('signIn.subtitle')}
                </Text>
              </div>
              {failureText && (
                <Alert color="red" role="alert" title={t('signIn.failedTitle')}>
                  {failureText}
                </Alert>
              )}
              <TextInput
                label={t('signIn.email')}
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
              />
              <PasswordInput
                label={t('signIn.password')}
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
              />
              <Button type="submit" loading={mutation.isPending} disabled={!email || !password} fullWidth>
                {t('signIn.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
