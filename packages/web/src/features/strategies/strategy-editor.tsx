import { Alert, Button, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { errorMessage } from '../../app/query-client.ts';
import { type StrategySummary, saveStrategy } from './api.ts';
import type { StrategyDefinition } from './definition.ts';
import { formFieldPaths, placeIssues, type StrategyIssue, strategyIssuesOf } from './issues.ts';
import { IssuesAlert } from './issues-alert.tsx';
import { StrategyForm } from './strategy-form.tsx';
import { StrategyJson } from './strategy-json.tsx';
import { VersionHistory } from './version-history.tsx';

type StrategyEditorProps = {
  readonly item: StrategySummary;
  readonly readOnly: boolean;
  readonly onSaved: (key: string, version: number) => void;
  readonly onEdit: () => void;
};

type Tab = 'form' | 'json' | 'history';

/** The strategy as a draft the supervisor edits, saved as a new version; the server's issues land on the fields. */
export function StrategyEditor({ item, readOnly, onSaved, onEdit }: StrategyEditorProps) {
  const { t } = useTranslation();
  const { language } = useFormat();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [tab, setTab] = useState<Tab>('form');
  const [draft, setDraft] = useState<StrategyDefinition>(item.definition);
  const [issues, setIssues] = useState<readonly StrategyIssue[]>([]);
  const [restored, setRestored] = useState<number | null>(null);
  const dirty = useMemo(() => JSON.stringify(draft) !== JSON.stringify(item.definition), [draft, item]);

  const save = useMutation({
    mutationFn: saveStrategy,
    meta: { silent: true },
    onMutate: () => setIssues([]),
    onSuccess: async (result) => {
      onSaved(result.key, result.version);
      await queryClient.invalidateQueries({ queryKey: ['strategies'] });
      // A JSON with another key is another strategy: show that one.
      if (result.key !== item.key) await navigate({ to: '/strategies/$key', params: { key: result.key } });
    },
    onError: (error) => setIssues(strategyIssuesOf(error) ?? []),
  });

  const placed = useMemo(
    () => placeIssues(issues, tab === 'form' ? formFieldPaths(draft) : new Set()),
    [issues, draft, tab],
  );
  const errorAt = (path: string) => {
    const found = placed.byPath.get(path);
    return found && found.length > 0 ? found.map((issue) => issue.message[language]).join(' ') : undefined;
  };
  const edit = (next: StrategyDefinition) => {
    setDraft(next);
    onEdit();
  };
  const otherError = save.isError && issues.length === 0 ? errorMessage(save.error) : null;

  return (
    <Stack gap="md">
      <IssuesAlert total={issues.length} listed={placed.unplaced} />
      {otherError && (
        <Alert color="red" role="alert" title={t('errors.title')}>
          {otherError}
        </Alert>
      )}
      {restored !== null && (
        <Alert
          color="blue"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setRestored(null)}
        >
          {t('editor.history.restored', { version: restored })}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(value) => setTab(value === 'json' || value === 'history' ? value : 'form')}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="form">{t('editor.tabs.form')}</Tabs.Tab>
          <Tabs.Tab value="json">{t('editor.tabs.json')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('editor.tabs.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="form" pt="md">
          <StrategyForm
            definition={draft}
            readOnly={readOnly}
            errorAt={errorAt}
            onChange={edit}
            onReorder={() => setIssues([])}
            issuePaths={[...placed.byPath.keys()]}
          />
        </Tabs.Panel>
        <Tabs.Panel value="json" pt="md">
          <StrategyJson
            definition={draft}
            readOnly={readOnly}
            saving={save.isPending}
            onSave={(value) => save.mutate(value)}
          />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <VersionHistory
            strategyKey={item.key}
            currentVersion={item.version}
            readOnly={readOnly}
            onRestore={(version, definition) => {
              edit(definition);
              setIssues([]);
              setRestored(version);
              setTab('form');
            }}
          />
        </Tabs.Panel>
      </Tabs>
      {!readOnly && tab === 'form' && (
        <Paper
          withBorder
          p="sm"
          shadow="sm"
          style={{ position: 'sticky', bottom: 'var(--mantine-spacing-md)', zIndex: 10 }}
        >
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c={dirty ? 'orange.8' : 'dimmed'} role="status">
              {dirty ? t('editor.unsaved') : t('editor.inUse', { version: item.version })}
            </Text>
            <Group gap="sm">
              <Button
                variant="default"
                disabled={!dirty || save.isPending}
                onClick={() => {
                  setDraft(item.definition);
                  setIssues([]);
                  setRestored(null);
                }}
              >
                {t('editor.discard')}
              </Button>
              <Button disabled={!dirty} loading={save.isPending} onClick={() => save.mutate(draft)}>
                {t('editor.save')}
              </Button>
            </Group>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
