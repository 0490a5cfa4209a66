import { Alert, Anchor, Badge, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { canManageStrategies, canReadStrategies, sessionQuery } from '../../app/session.ts';
import { AnchorLink } from '../../app/ui/router-links.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { usePageTitle } from '../../app/ui/use-page-title.ts';
import { strategiesQuery } from './api.ts';
import { StrategyEditor } from './strategy-editor.tsx';

const route = getRouteApi('/_app/strategies/$key');

export function StrategyPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { key } = route.useParams();
  const { data: user } = useQuery(sessionQuery);
  const allowed = canReadStrategies(user);
  const query = useQuery({ ...strategiesQuery, enabled: allowed });
  const item = query.data?.items.find((strategy) => strategy.key === key);
  // Remembered with its key: the page stays mounted when another strategy is opened.
  const [saved, setSaved] = useState<{ key: string; version: number } | null>(null);
  usePageTitle(item ? item.definition.name[format.language] : t('strategies.title'));

  if (!allowed) {
    return (
      <Alert color="gray" title={t('strategies.forbiddenTitle')}>
        {t('strategies.forbidden')}
      </Alert>
    );
  }
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!item) return <EmptyState title={t('editor.notFound')} />;

  const name = item.definition.name[format.language];
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <AnchorLink to="/strategies" size="sm">
          {t('nav.strategies')}
        </AnchorLink>
        <Anchor component="span" size="sm" c="dimmed" underline="never">
          {name}
        </Anchor>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={1} fz={26}>
            {name}
          </Title>
          <Text c="dimmed">
            <Text span ff="monospace">
              {item.key}
            </Text>
            {item.definition.description && ` · ${item.definition.description[format.language]}`}
          </Text>
        </Stack>
        <Group gap="xs">
          <Badge variant="light" tt="none" size="lg" data-testid="strategy-version">
            {t('editor.inUse', { version: item.version })}
          </Badge>
          <Badge variant="default" tt="none" size="lg">
            {t('portfolio.totals.cases', { count: item.caseCount })}
          </Badge>
        </Group>
      </Group>
      {saved !== null && saved.key === item.key && (
        <Alert
          color="teal"
          role="status"
          title={t('editor.saved', { version: saved.version })}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setSaved(null)}
          data-testid="strategy-saved"
        >
          {t('editor.savedHint')}
        </Alert>
      )}
      {!canManageStrategies(user) && (
        <Alert color="gray" variant="light">
          {t('editor.readOnly')}
        </Alert>
      )}
      <StrategyEditor
        // A new version resets the draft to what the server now holds.
        key={`${item.key}:${item.version}`}
        item={item}
        readOnly={!canManageStrategies(user)}
        onSaved={(key, version) => setSaved({ key, version })}
        onEdit={() => setSaved(null)}
      />
    </Stack>
  );
}
