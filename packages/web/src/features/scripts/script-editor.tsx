import { Alert, Button, Group, List, Paper, Stack, Tabs, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { errorMessage } from '../../app/query-client.ts';
import { variablesQuery } from '../templates/api.ts';
import { dispositionsQuery } from '../workspace/api.ts';
import type { Labels } from './answer-fields.tsx';
import { type ScriptDetail, type ScriptLanguage, saveScript, scriptIssuesOf } from './api.ts';
import {
  addNode,
  changeKind,
  fromDraft,
  idProblems,
  removeNode,
  type ScriptDraft,
  toCallScript,
  toDraft,
  updateNode,
} from './draft.ts';
import { NodeCard } from './node-card.tsx';
import { NO_ISSUES, type PlacedIssues, placeIssues } from './script-issues.ts';
import { ScriptJson } from './script-json.tsx';
import { ScriptMeta, type ScriptMetaValue } from './script-meta.tsx';
import { ScriptPreview } from './script-preview.tsx';
import { ScriptVersions } from './script-versions.tsx';

type ScriptEditorProps = {
  readonly scriptKey: string;
  readonly language: ScriptLanguage;
  /** What the editor starts from: the script's latest version, or the shipped one for a new key. */
  readonly base: ScriptDetail;
  /** A key not saved yet: the first save makes its version 1. */
  readonly fresh: boolean;
  readonly readOnly: boolean;
  readonly onSaved: (version: number) => void;
};

type Tab = 'form' | 'preview' | 'json' | 'versions';

function useLabels(): Labels {
  const { language } = useFormat();
  const catalogue = useQuery(dispositionsQuery);
  return {
    reason: (code) => catalogue.data?.reasons.find((r) => r.code === code)?.label[language] ?? code,
    disposition: (code) => catalogue.data?.dispositions.find((d) => d.code === code)?.label[language] ?? code,
  };
}

/** The script as a form the supervisor edits; saving makes a new version, the server's mistakes land on the nodes. */
export function ScriptEditor({ scriptKey, language, base, fresh, readOnly, onSaved }: ScriptEditorProps) {
  const { t } = useTranslation();
  const { language: uiLanguage } = useFormat();
  const queryClient = useQueryClient();
  const labels = useLabels();
  const variables = useQuery(variablesQuery);
  const initial = useMemo(() => toDraft(base.definition), [base]);
  const initialMeta: ScriptMetaValue = {
    title: base.title,
    strategyKey: base.strategyKey ?? '',
    stepKey: base.stepKey ?? '',
  };
  const [draft, setDraft] = useState<ScriptDraft>(initial);
  const [meta, setMeta] = useState<ScriptMetaValue>(initialMeta);
  const [tab, setTab] = useState<Tab>('form');
  const [placed, setPlaced] = useState<PlacedIssues>(NO_ISSUES);
  const [restored, setRestored] = useState<number | null>(null);
  const dirty =
    fresh ||
    JSON.stringify(fromDraft(draft)) !== JSON.stringify(fromDraft(initial)) ||
    JSON.stringify(meta) !== JSON.stringify(initialMeta);
  const problems = idProblems(draft);

  const save = useMutation({
    mutationFn: (definition: unknown) =>
      saveScript(scriptKey, {
        language,
        title: meta.title.trim(),
        strategyKey: meta.strategyKey || null,
        stepKey: meta.strategyKey && meta.stepKey ? meta.stepKey : null,
        definition,
      }),
    meta: { silent: true },
    onMutate: () => setPlaced(NO_ISSUES),
    onSuccess: async (result) => {
      onSaved(result.version);
      await queryClient.invalidateQueries({ queryKey: ['call-scripts'] });
    },
    onError: (error) => {
      const issues = scriptIssuesOf(error);
      if (issues) setPlaced(placeIssues(draft, issues));
    },
  });
  const otherError = save.isError && !scriptIssuesOf(save.error) ? errorMessage(save.error) : null;
  const total = placed.unplaced.length + placed.byNode.size + placed.byAnswer.size;
  const edit = (next: ScriptDraft) => {
    setDraft(next);
    setRestored(null);
  };
  const targets = draft.nodes.map((node) => ({ key: node.key, id: node.id }));

  return (
    <Stack gap="md">
      <ScriptMeta value={meta} readOnly={readOnly} onChange={setMeta} />
      {total > 0 && (
        <Alert color="red" role="alert" title={t('scripts.issuesTitle')} data-testid="script-issues">
          {placed.unplaced.length < total && <Text size="sm">{t('scripts.issuesBeside')}</Text>}
          {placed.unplaced.length > 0 && (
            <List size="sm" mt={4}>
              {placed.unplaced.map((issue, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: two issues may share a node and a code
                <List.Item key={index}>{issue.message[uiLanguage]}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      {otherError && (
        <Alert color="red" role="alert" title={t('errors.title')}>
          {otherError}
        </Alert>
      )}
      {restored !== null && (
        <Alert color="blue" role="status">
          {t('scripts.versions.restored', { version: restored })}
        </Alert>
      )}
      <Tabs value={tab} onChange={(value) => setTab((value as Tab | null) ?? 'form')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="form">{t('scripts.tabs.form')}</Tabs.Tab>
          <Tabs.Tab value="preview">{t('scripts.tabs.preview')}</Tabs.Tab>
          <Tabs.Tab value="json">{t('scripts.tabs.json')}</Tabs.Tab>
          {!fresh && <Tabs.Tab value="versions">{t('scripts.tabs.versions')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="form" pt="md">
          <Stack gap="md">
            {draft.nodes.map((node) => (
              <NodeCard
                key={node.key}
                node={node}
                isStart={draft.start === node.key}
                targets={targets}
                variables={variables.data?.items ?? []}
                labels={labels}
                readOnly={readOnly}
                idProblem={problems.get(node.key)}
                issues={placed.byNode.get(node.key) ?? []}
                answerIssues={(index) => placed.byAnswer.get(`${node.key}:${index}`) ?? []}
                onChange={(change) => edit(updateNode(draft, node.key, change))}
                onKind={(kind) => edit(changeKind(draft, node.key, kind))}
                onStart={() => edit({ ...draft, start: node.key })}
                onRemove={() => edit(removeNode(draft, node.key))}
              />
            ))}
            {!readOnly && (
              <Group gap="xs">
                <Button variant="light" onClick={() => edit(addNode(draft, 'question'))}>
                  {t('scripts.addNode')}
                </Button>
                <Button variant="subtle" onClick={() => edit(addNode(draft, 'end'))}>
                  {t('scripts.addEnd')}
                </Button>
              </Group>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="md">
          <ScriptPreview
            script={toCallScript(draft, { key: scriptKey, title: meta.title })}
            labels={labels}
          />
        </Tabs.Panel>
        <Tabs.Panel value="json" pt="md">
          <ScriptJson
            definition={fromDraft(draft)}
            readOnly={readOnly}
            onApply={(definition) => {
              edit(toDraft(definition));
              setPlaced(NO_ISSUES);
              setTab('form');
            }}
          />
        </Tabs.Panel>
        {!fresh && (
          <Tabs.Panel value="versions" pt="md">
            <ScriptVersions
              scriptKey={scriptKey}
              language={language}
              versions={base.versions}
              current={base.version}
              readOnly={readOnly}
              onRestore={(version, detail) => {
                setDraft(toDraft(detail.definition));
                setMeta({
                  title: detail.title,
                  strategyKey: detail.strategyKey ?? '',
                  stepKey: detail.stepKey ?? '',
                });
                setPlaced(NO_ISSUES);
                setRestored(version);
                setTab('form');
              }}
            />
          </Tabs.Panel>
        )}
      </Tabs>
      {!readOnly && (
        <Paper
          withBorder
          p="sm"
          shadow="sm"
          style={{ position: 'sticky', bottom: 'var(--mantine-spacing-md)', zIndex: 10 }}
        >
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c={dirty ? 'orange.8' : 'dimmed'} role="status">
              {dirty
                ? t('scripts.unsaved')
                : base.version === 0
                  ? t('scripts.shipped')
                  : t('scripts.version', { version: base.version })}
            </Text>
            <Group gap="sm">
              <Button
                variant="default"
                disabled={!dirty || save.isPending || fresh}
                onClick={() => {
                  setDraft(initial);
                  setMeta(initialMeta);
                  setPlaced(NO_ISSUES);
                  setRestored(null);
                }}
              >
                {t('scripts.discard')}
              </Button>
              <Button
                disabled={!dirty || problems.size > 0 || meta.title.trim() === ''}
                loading={save.isPending}
                onClick={() => save.mutate(fromDraft(draft))}
              >
                {t('scripts.save')}
              </Button>
            </Group>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
