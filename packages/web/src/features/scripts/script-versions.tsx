import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { notifyError } from '../../app/query-client.ts';
import { type ScriptDetail, type ScriptLanguage, type ScriptVersion, scriptQuery } from './api.ts';

type ScriptVersionsProps = {
  readonly scriptKey: string;
  readonly language: ScriptLanguage;
  readonly versions: readonly ScriptVersion[];
  readonly current: number;
  readonly readOnly: boolean;
  readonly onRestore: (version: number, detail: ScriptDetail) => void;
};

/** Every saved version, newest first; one can be loaded back into the form (saving it makes a new version). */
export function ScriptVersions({
  scriptKey,
  language,
  versions,
  current,
  readOnly,
  onRestore,
}: ScriptVersionsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [loading, setLoading] = useState<number | null>(null);
  const load = async (version: number) => {
    setLoading(version);
    try {
      onRestore(version, await queryClient.fetchQuery(scriptQuery(scriptKey, language, version)));
    } catch (error) {
      notifyError(error);
    } finally {
      setLoading(null);
    }
  };
  if (versions.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('scripts.versions.none')}
      </Text>
    );
  }
  return (
    <Paper withBorder p="md">
      <Table.ScrollContainer minWidth={480}>
        <Table aria-label={t('scripts.versions.label')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('scripts.versions.version')}</Table.Th>
              <Table.Th>{t('scripts.versions.title')}</Table.Th>
              <Table.Th>{t('scripts.versions.date')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...versions]
              .sort((a, b) => b.version - a.version)
              .map((item) => (
                <Table.Tr key={item.version} data-version={item.version}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm">{t('scripts.version', { version: item.version })}</Text>
                      {item.version === current && (
                        <Badge color="teal" variant="light" tt="none">
                          {t('scripts.versions.inUse')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{item.title}</Table.Td>
                  <Table.Td>{format.dateTime(item.createdAt)}</Table.Td>
                  <Table.Td>
                    {!readOnly && item.version !== current && (
                      <Button
                        size="compact-sm"
                        variant="light"
                        loading={loading === item.version}
                        onClick={() => void load(item.version)}
                      >
                        {t('scripts.versions.load')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
