import { Alert, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { canManageStrategies, canReadStrategies, sessionQuery } from '../../app/session.ts';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { AnchorLink } from '../../app/ui/router-links.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { type StrategySummary, strategiesQuery } from './api.ts';
import { AssignmentRulesView } from './assignment-rules.tsx';

function StrategiesTable({ items }: { readonly items: readonly StrategySummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const right = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table aria-label={t('strategies.tableLabel')} verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('strategies.columns.name')}</Table.Th>
            <Table.Th>{t('strategies.columns.version')}</Table.Th>
            <Table.Th>{t('strategies.columns.profile')}</Table.Th>
            <Table.Th>{t('strategies.columns.backlog')}</Table.Th>
            <Table.Th style={right}>{t('strategies.columns.steps')}</Table.Th>
            <Table.Th style={right}>{t('strategies.columns.cases')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const { definition } = item;
            return (
              <Table.Tr key={item.key} data-strategy={item.key} style={{ verticalAlign: 'top' }}>
                <Table.Td>
                  <Stack gap={0}>
                    <AnchorLink to="/strategies/$key" params={{ key: item.key }} fw={500} size="sm">
                      {definition.name[format.language]}
                    </AnchorLink>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {item.key}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Badge variant="default" tt="none">
                    {t('strategies.version', { version: item.version })}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`strategies.profileLabel.${definition.profile}`)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" title={t(`strategies.backlogHint.${definition.backlog}`)}>
                    {t(`strategies.backlog.${definition.backlog}`)}
                  </Text>
                </Table.Td>
                <Table.Td style={right}>{format.integer(definition.steps.length)}</Table.Td>
                <Table.Td style={right}>{format.integer(item.caseCount)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function StrategiesPage() {
  const { t } = useTranslation();
  const { data: user } = useQuery(sessionQuery);
  const allowed = canReadStrategies(user);
  const query = useQuery({ ...strategiesQuery, enabled: allowed });

  if (!allowed) {
    return (
      <Stack gap="lg">
        <PageHeader title={t('strategies.title')} subtitle={t('strategies.subtitle')} />
        <Alert color="gray" title={t('strategies.forbiddenTitle')}>
          {t('strategies.forbidden')}
        </Alert>
      </Stack>
    );
  }

  const data = query.data;
  return (
    <Stack gap="lg">
      <PageHeader title={t('strategies.title')} subtitle={t('strategies.subtitle')} />
      {query.isPending && <LoadingState />}
      {query.isError && !data && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {data && (
        <>
          <Paper withBorder p="md" component="section" aria-labelledby="strategies-title">
            <Title order={2} fz="lg" mb="sm" id="strategies-title">
              {t('strategies.listTitle')}
            </Title>
            {data.items.length === 0 ? (
              <EmptyState title={t('strategies.empty')} />
            ) : (
              <StrategiesTable items={data.items} />
            )}
          </Paper>
          <AssignmentRulesView book={data} canEdit={canManageStrategies(user)} />
        </>
      )}
    </Stack>
  );
}
