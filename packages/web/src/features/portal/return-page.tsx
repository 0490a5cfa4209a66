import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { attemptQuery, cancelAttempt, entryQuery, type PortalAttempt } from './api.ts';
import { PortalFrame, PortalLoading, PortalProviders } from './portal-frame.tsx';

/** How long the page waits for the provider's confirmation before saying it is slow. */
const PATIENCE_MS = 45_000;

/** `/pay/<key>/return`: where the card page sends the debtor back — paid, refused or cancelled, said kindly. */
export function PortalReturnPage() {
  return (
    <PortalProviders>
      <ReturnView />
    </PortalProviders>
  );
}

function ReturnView() {
  const { key } = useParams({ from: '/pay/$key/return' });
  const { attempt, outcome } = useSearch({ from: '/pay/$key/return' });
  const { i18n } = useTranslation();
  const entry = useQuery(entryQuery(key, i18n.language));
  return (
    <PortalFrame creditorName={entry.data?.creditorName ?? null}>
      {attempt ? (
        <AttemptOutcome linkKey={key} attemptId={attempt} cancelled={outcome === 'cancel'} />
      ) : (
        <Back linkKey={key} />
      )}
    </PortalFrame>
  );
}

function AttemptOutcome({
  linkKey,
  attemptId,
  cancelled,
}: {
  readonly linkKey: string;
  readonly attemptId: string;
  readonly cancelled: boolean;
}) {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), PATIENCE_MS);
    return () => clearTimeout(timer);
  }, []);
  const cancel = useMutation({ mutationFn: () => cancelAttempt(linkKey, attemptId) });
  const { mutate } = cancel;
  useEffect(() => {
    if (cancelled) mutate();
  }, [cancelled, mutate]);
  const status = useQuery({
    ...attemptQuery(linkKey, attemptId),
    enabled: !cancelled,
    refetchInterval: (query) => (!slow && waiting(query.state.data) ? 1_500 : false),
  });
  if (cancelled) return <Outcome kind="cancelled" attempt={cancel.data ?? null} linkKey={linkKey} />;
  const data = status.data;
  if (!data || waiting(data)) {
    return slow ? <Outcome kind="slow" attempt={data ?? null} linkKey={linkKey} /> : <Waiting />;
  }
  const kind = data.status === 'succeeded' ? 'success' : data.status === 'failed' ? 'failed' : 'cancelled';
  return <Outcome kind={kind} attempt={data} linkKey={linkKey} />;
}

/** Not ended yet, or paid at the provider but not booked yet: the page asks again. */
function waiting(attempt: PortalAttempt | undefined): boolean {
  return !attempt || attempt.status === 'started' || (attempt.status === 'succeeded' && !attempt.paid);
}

function Waiting() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <PortalLoading />
      <Text ta="center">{t('portal.return.waiting')}</Text>
    </Stack>
  );
}

function Outcome({
  kind,
  attempt,
  linkKey,
}: {
  readonly kind: 'success' | 'failed' | 'cancelled' | 'slow';
  readonly attempt: PortalAttempt | null;
  readonly linkKey: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const amount = attempt ? format.money(attempt.amountMinor, attempt.currency) : '';
  const title = {
    success: t('portal.return.successTitle'),
    failed: t('portal.return.failedTitle'),
    cancelled: t('portal.return.cancelledTitle'),
    slow: t('portal.return.waiting'),
  }[kind];
  const text = {
    success: t('portal.return.success', { amount }),
    failed: t('portal.return.failed'),
    cancelled: t('portal.return.cancelled'),
    slow: t('portal.return.slow'),
  }[kind];
  return (
    <Stack gap="md" data-testid="portal-return" data-outcome={kind}>
      <Alert
        color={kind === 'success' ? 'teal' : 'orange'}
        role="status"
        title={
          <Title order={1} size="h3">
            {title}
          </Title>
        }
      >
        {text}
      </Alert>
      <Back linkKey={linkKey} />
    </Stack>
  );
}

function Back({ linkKey }: { readonly linkKey: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (
    <Button
      size="md"
      onClick={() => {
        void queryClient.invalidateQueries({ queryKey: ['portal', linkKey] });
        void navigate({ to: '/pay/$key', params: { key: linkKey } });
      }}
    >
      {t('portal.return.back')}
    </Button>
  );
}
