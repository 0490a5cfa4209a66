import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { notifyError } from '../../app/query-client.ts';
import { ErrorState, LoadingState } from '../../app/ui/states.tsx';
import {
  caseChoicesQuery,
  previewTemplate,
  saveTemplate,
  type TemplateId,
  type TemplateIssue,
  templateQuery,
  variablesQuery,
} from './api.ts';
import { snippetFor } from './snippet.ts';

function hasIssues(error: unknown): boolean {
  return isApiError(error) && Array.isArray((error.details as { issues?: unknown } | undefined)?.issues);
}

function IssuesList({ issues }: { readonly issues: readonly TemplateIssue[] }) {
  const { t } = useTranslation();
  const { language } = useFormat();
  if (issues.length === 0) return null;
  const errors = issues.some((i) => i.severity === 'error');
  return (
    <Alert
      color={errors ? 'red' : 'yellow'}
      title={t(errors ? 'templates.issuesTitle' : 'templates.warningsTitle')}
    >
      <Stack gap={4} data-testid="template-issues">
        {issues.map((issue) => (
          <Text key={`${issue.field}-${issue.line}-${issue.column}-${issue.code}`} size="sm">
            <Text span ff="monospace" fw={600}>
              {t(`templates.field.${issue.field}`)} {issue.line}:{issue.column}
            </Text>{' '}
            {issue.message[language]}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

export function TemplateEditor({ id, canEdit }: { readonly id: TemplateId; readonly canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const detail = useQuery(templateQuery(id));
  const variables = useQuery(variablesQuery);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [caseSearch, setCaseSearch] = useState('');
  const [caseId, setCaseId] = useState<string | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [debouncedSearch] = useDebouncedValue(caseSearch, 300);
  const cases = useQuery({ ...caseChoicesQuery(debouncedSearch), placeholderData: keepPreviousData });

  useEffect(() => {
    if (!detail.data) return;
    setSubject(detail.data.subject ?? '');
    setBody(detail.data.body);
  }, [detail.data]);

  const [debounced] = useDebouncedValue({ subject, body, caseId }, 400);
  const isEmail = id.channel === 'email';
  const preview = useQuery({
    queryKey: ['template-preview', id, debounced],
    queryFn: ({ signal }) =>
      previewTemplate(
        {
          ...id,
          subject: isEmail ? debounced.subject : null,
          body: debounced.body,
          caseId: debounced.caseId,
        },
        signal,
      ),
    enabled: debounced.body !== '',
    placeholderData: keepPreviousData,
  });

  const save = useMutation({
    mutationFn: () => saveTemplate(id, { subject: isEmail ? subject : null, body }),
    // A refused template is told beside the text, line:column and all; any other failure as usual.
    meta: { silent: true },
    onError: (error) => {
      if (!hasIssues(error)) notifyError(error);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['templates'] });
    },
  });

  // An edit makes the last save's verdict (refused here, or saved) stale: it goes until the next save.
  const resetSave = save.reset;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each edit of the text, not on its values
  useEffect(() => resetSave(), [subject, body, resetSave]);

  const insert = (path: string | null) => {
    const variable = variables.data?.items.find((v) => v.path === path);
    if (!variable) return;
    const snippet = snippetFor(variable);
    const area = bodyRef.current;
    const at = area?.selectionStart ?? body.length;
    const end = area?.selectionEnd ?? at;
    setBody(body.slice(0, at) + snippet + body.slice(end));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(at + snippet.length, at + snippet.length);
    });
  };

  if (detail.isPending) return <LoadingState />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;

  const saveIssues =
    save.error && isApiError(save.error)
      ? ((save.error.details as { issues?: TemplateIssue[] } | undefined)?.issues ?? [])
      : [];
  const rendered = preview.data?.rendered;

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} fz="lg" ff="monospace">
              {id.key} · {t(`templates.channel.${id.channel}`)} · {id.language.toUpperCase()}
            </Title>
            <Badge variant="light" color={detail.data.source === 'tenant' ? 'blue' : 'gray'}>
              {detail.data.version === null
                ? t('templates.shipped')
                : t('templates.version', { version: detail.data.version })}
            </Badge>
          </Group>
          {isEmail && (
            <TextInput
              label={t('templates.subject')}
              value={subject}
              onChange={(e) => setSubject(e.currentTarget.value)}
              readOnly={!canEdit}
              ff="monospace"
            />
          )}
          <Select
            label={t('templates.insertVariable')}
            placeholder={t('templates.insertVariableHint')}
            searchable
            clearable
            value={null}
            onChange={insert}
            disabled={!canEdit}
            data={(variables.data?.items ?? []).map((v) => ({
              value: v.path,
              label: `${v.path} — ${v.description[format.language]}`,
            }))}
            data-testid="variable-picker"
          />
          <Textarea
            ref={bodyRef}
            label={t('templates.body')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            readOnly={!canEdit}
            autosize
            minRows={12}
            maxRows={30}
            styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
            data-testid="template-body"
          />
          <IssuesList issues={saveIssues} />
          {save.isSuccess && (
            <Alert color="green">{t('templates.saved', { version: save.data.version })}</Alert>
          )}
          {canEdit && (
            <Group>
              <Button onClick={() => save.mutate()} loading={save.isPending}>
                {t('templates.save')}
              </Button>
              {detail.data.shipped && (
                <Button
                  variant="default"
                  onClick={() => {
                    setSubject(detail.data.shipped?.subject ?? '');
                    setBody(detail.data.shipped?.body ?? '');
                  }}
                >
                  {t('templates.restoreShipped')}
                </Button>
              )}
            </Group>
          )}
          {detail.data.versions.length > 0 && (
            <Paper withBorder p="sm">
              <Text fw={600} size="sm" mb="xs">
                {t('templates.versions')}
              </Text>
              <Table>
                <Table.Tbody>
                  {detail.data.versions.map((v) => (
                    <Table.Tr key={v.version}>
                      <Table.Td>{t('templates.version', { version: v.version })}</Table.Td>
                      <Table.Td>{format.dateTime(v.createdAt)}</Table.Td>
                      <Table.Td>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => {
                            setSubject(v.subject ?? '');
                            setBody(v.body);
                          }}
                        >
                          {t('templates.load')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <Stack gap="sm">
          <Select
            label={t('templates.previewCase')}
            placeholder={t('templates.previewSample')}
            searchable
            clearable
            searchValue={caseSearch}
            onSearchChange={setCaseSearch}
            value={caseId}
            onChange={setCaseId}
            filter={({ options }) => options}
            data={(cases.data?.items ?? []).map((c) => ({
              value: c.id,
              label: `${c.debtor.name} (${c.debtor.ref}) — ${c.creditor.name}`,
            }))}
            data-testid="preview-case"
          />
          {preview.isError && <ErrorState error={preview.error} />}
          {preview.data && <IssuesList issues={preview.data.issues} />}
          {rendered && (
            <Paper withBorder p="sm" data-testid="template-preview">
              {preview.data?.sample && (
                <Text size="xs" c="dimmed" mb="xs">
                  {t('templates.sampleNote')}
                </Text>
              )}
              {rendered.subject !== null && (
                <Text fw={600} mb="xs" data-testid="preview-subject">
                  {rendered.subject}
                </Text>
              )}
              <Tabs defaultValue={rendered.html ? 'html' : 'text'}>
                <Tabs.List>
                  {rendered.html && <Tabs.Tab value="html">HTML</Tabs.Tab>}
                  <Tabs.Tab value="text">{t('templates.text')}</Tabs.Tab>
                </Tabs.List>
                {rendered.html && (
                  <Tabs.Panel value="html" pt="xs">
                    <iframe
                      title={t('templates.htmlPreview')}
                      sandbox=""
                      srcDoc={rendered.html}
                      style={{ width: '100%', minHeight: 420, border: 0, background: 'white' }}
                    />
                  </Tabs.Panel>
                )}
                <Tabs.Panel value="text" pt="xs">
                  <Text
                    component="pre"
                    size="sm"
                    style={{ whiteSpace: 'pre-wrap' }}
                    data-testid="preview-text"
                  >
                    {rendered.text}
                  </Text>
                </Tabs.Panel>
              </Tabs>
            </Paper>
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
