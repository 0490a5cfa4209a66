import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { canManageStrategies, canReadStrategies, sessionQuery } from '../../app/session.ts';
import { PageHeader } from '../../app/ui/page-header.tsx';
import { AnchorLink } from '../../app/ui/router-links.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { usePageTitle } from '../../app/ui/use-page-title.ts';
import { isScriptKey, type ScriptLanguage, type ScriptSummary, scriptQuery, scriptsQuery } from './api.ts';
import { ScriptEditor } from './script-editor.tsx';

const route = getRouteApi('/_app/scripts');

/** Call scripts (issue #5): supervisors write them as forms, agents read them; the workspace walks them. */
export function ScriptsPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const { data: user } = useQuery(sessionQuery);
  if (!canReadStrategies(user)) {
    return (
      <Stack gap="lg">
        <PageHeader title={t('scripts.title')} subtitle={t('scripts.subtitle')} />
        <Alert color="gray">{t('scripts.forbidden')}</Alert>
      </Stack>
    );
  }
  const canEdit = canManageStrategies(user);
  if (search.key) {
    return (
      <ScriptView
        key={`${search.key}:${search.language ?? 'fr'}`}
        scriptKey={search.key}
        language={search.language ?? 'fr'}
        fresh={search.fresh ?? false}
        canEdit={canEdit}
      />
    );
  }
  return <ScriptList canEdit={canEdit} />;
}

function ScriptList({ canEdit }: { readonly canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useQuery(scriptsQuery);
  return (
    <Stack gap="md">
      <PageHeader title={t('scripts.title')} subtitle={t('scripts.subtitle')} />
      {!canEdit && (
        <Alert color="gray" variant="light">
          {t('scripts.readOnly')}
        </Alert>
      )}
      {canEdit && <NewScript existing={query.data ?? []} />}
      {query.isPending && <LoadingState />}
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={t('scripts.tableLabel')} verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('scripts.columns.script')}</Table.Th>
                  <Table.Th>{t('scripts.columns.language')}</Table.Th>
                  <Table.Th>{t('scripts.columns.version')}</Table.Th>
                  <Table.Th>{t('scripts.columns.for')}</Table.Th>
                  <Table.Th>{t('scripts.columns.saved')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.map((item) => (
                  <Table.Tr key={`${item.key}:${item.language}`} data-script={`${item.key}:${item.language}`}>
                    <Table.Td>
                      <Stack gap={0}>
                        <AnchorLink
                          to="/scripts"
                          search={{ key: item.key, language: item.language }}
                          fw={500}
                          size="sm"
                        >
                          {item.title}
                        </AnchorLink>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {item.key}
                        </Text>
                      </Stack>
                    </Table.Td>
                    <Table.Td>{item.language.toUpperCase()}</Table.Td>
                    <Table.Td>
                      <VersionBadge item={item} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {item.strategyKey
                          ? [item.strategyKey, item.stepKey].filter(Boolean).join(' · ')
                          : t('scripts.anyCase')}
                      </Text>
                    </Table.Td>
                    <Table.Td>{item.createdAt ? format.dateTime(item.createdAt) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}

function VersionBadge({ item }: { readonly item: Pick<ScriptSummary, 'version'> }) {
  const { t } = useTranslation();
  return (
    <Badge variant={item.version === 0 ? 'default' : 'light'} tt="none">
      {item.version === 0 ? t('scripts.shipped') : t('scripts.version', { version: item.version })}
    </Badge>
  );
}

/** A new script: a key and a language; it starts as a copy of the shipped script, to edit. */
function NewScript({ existing }: { readonly existing: readonly ScriptSummary[] }) {
  const { t } = useTranslation();
  const navigate = route.useNavigate();
  const [key, setKey] = useState('');
  const [language, setLanguage] = useState<ScriptLanguage>('fr');
  const [checked, setChecked] = useState(false);
  const valid = isScriptKey(key.trim());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!valid) return;
    const taken = existing.some((item) => item.key === key.trim() && item.language === language);
    void navigate({ search: { key: key.trim(), language, ...(taken ? {} : { fresh: true }) } });
  };
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={t('scripts.new.title')}
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('scripts.new.key')}
          description={t('scripts.new.keyHint')}
          value={key}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          onChange={(event) => setKey(event.currentTarget.value)}
          error={checked && !valid ? t('scripts.new.keyInvalid') : undefined}
        />
        <NativeSelect
          label={t('scripts.columns.language')}
          value={language}
          onChange={(event) => setLanguage(event.currentTarget.value === 'en' ? 'en' : 'fr')}
          data={[
            { value: 'fr', label: 'Français' },
            { value: 'en', label: 'English' },
          ]}
        />
        <Button type="submit">{t('scripts.new.create')}</Button>
      </Group>
    </Paper>
  );
}

type ScriptViewProps = {
  readonly scriptKey: string;
  readonly language: ScriptLanguage;
  readonly fresh: boolean;
  readonly canEdit: boolean;
};

function ScriptView({ scriptKey, language, fresh, canEdit }: ScriptViewProps) {
  const { t } = useTranslation();
  const navigate = route.useNavigate();
  const detail = useQuery({ ...scriptQuery(scriptKey, language), enabled: !fresh, retry: false });
  // A new key starts from the shipped script of its language.
  const shipped = useQuery({ ...scriptQuery('default', language), enabled: fresh });
  const [saved, setSaved] = useState<number | null>(null);
  usePageTitle(`${t('scripts.title')} · ${scriptKey}`);
  const query = fresh ? shipped : detail;
  const base =
    fresh && shipped.data ? { ...shipped.data, key: scriptKey, title: '', versions: [] } : detail.data;

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <AnchorLink to="/scripts" size="sm">
          {t('scripts.title')}
        </AnchorLink>
        <Anchor component="span" size="sm" c="dimmed" underline="never" ff="monospace">
          {scriptKey} · {language.toUpperCase()}
        </Anchor>
      </Breadcrumbs>
      {!canEdit && (
        <Alert color="gray" variant="light">
          {t('scripts.readOnly')}
        </Alert>
      )}
      {saved !== null && (
        <Alert
          color="teal"
          role="status"
          title={t('scripts.saved', { version: saved })}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setSaved(null)}
          data-testid="script-saved"
        >
          {t('scripts.savedHint')}
        </Alert>
      )}
      {query.isPending && <LoadingState />}
      {query.isError &&
        (isApiError(query.error) && query.error.status === 404 ? (
          <EmptyState title={t('scripts.notFound')} />
        ) : (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ))}
      {base && (
        <ScriptEditor
          // A new version resets the draft to what the server now holds.
          key={`${base.version}:${fresh ? 'fresh' : 'saved'}`}
          scriptKey={scriptKey}
          language={language}
          base={base}
          fresh={fresh}
          readOnly={!canEdit}
          onSaved={(version) => {
            setSaved(version);
            if (fresh) void navigate({ search: { key: scriptKey, language } });
          }}
        />
      )}
    </Stack>
  );
}
