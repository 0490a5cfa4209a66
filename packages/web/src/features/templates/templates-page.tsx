import { Alert, Badge, Paper, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canManageStrategies, canReadStrategies, sessionQuery } from '../../app/session.ts';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { type TemplateId, templatesQuery } from './api.ts';
import { TemplateEditor } from './template-editor.tsx';

const same = (a: TemplateId | null, b: TemplateId) =>
  a !== null && a.key === b.key && a.channel === b.channel && a.language === b.language;

export function TemplatesPage() {
  const { t } = useTranslation();
  const { data: user } = useQuery(sessionQuery);
  const allowed = canReadStrategies(user);
  const list = useQuery({ ...templatesQuery, enabled: allowed });
  const [selected, setSelected] = useState<TemplateId | null>(null);

  const header = <PageHeader title={t('templates.title')} subtitle={t('templates.subtitle')} />;
  if (!allowed) {
    return (
      <Stack gap="lg">
        {header}
        <Alert color="gray">{t('templates.forbidden')}</Alert>
      </Stack>
    );
  }
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <Stack gap="lg">
      {header}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={640} mah={320}>
          <Table aria-label={t('templates.tableLabel')} highlightOnHover stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('templates.columns.key')}</Table.Th>
                <Table.Th>{t('templates.columns.channel')}</Table.Th>
                <Table.Th>{t('templates.columns.language')}</Table.Th>
                <Table.Th>{t('templates.columns.version')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((item) => (
                <Table.Tr
                  key={`${item.key}/${item.channel}/${item.language}`}
                  bg={same(selected, item) ? 'blue.0' : undefined}
                  data-template={`${item.key}/${item.channel}/${item.language}`}
                >
                  <Table.Td>
                    <UnstyledButton onClick={() => setSelected(item)} ff="monospace" fz="sm" c="blue.8">
                      {item.key}
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td>{t(`templates.channel.${item.channel}`)}</Table.Td>
                  <Table.Td>{item.language.toUpperCase()}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={item.source === 'tenant' ? 'blue' : 'gray'} tt="none">
                      {item.version === null
                        ? t('templates.shipped')
                        : t('templates.version', { version: item.version })}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {selected ? (
        <TemplateEditor
          key={`${selected.key}/${selected.channel}/${selected.language}`}
          id={selected}
          canEdit={canManageStrategies(user)}
        />
      ) : (
        <Text c="dimmed">{t('templates.pick')}</Text>
      )}
    </Stack>
  );
}
