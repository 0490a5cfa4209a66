import { Alert, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { creditorsQuery } from '../../app/api/creditors.ts';
import { errorMessage } from '../../app/query-client.ts';
import { sessionQuery } from '../../app/session.ts';
import { type ImportPreview, type ImportResult, previewImport, runImport } from './api.ts';
import { missingRequirements } from './fields.ts';
import { FileDrop } from './file-drop.tsx';
import { ImportResultView } from './import-result.tsx';
import { type Mapping, MappingPreview } from './mapping-preview.tsx';

function mappedColumns(mapping: Mapping): Record<string, string> {
  const columns: Record<string, string> = {};
  for (const [field, header] of Object.entries(mapping)) if (header) columns[field] = header;
  return columns;
}

export function NewImport() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const creditors = useQuery(creditorsQuery);
  const { data: user } = useQuery(sessionQuery);
  const [chosenCreditor, setChosenCreditor] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dropError, setDropError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [result, setResult] = useState<ImportResult | null>(null);
  const [placement, setPlacement] = useState('');

  const creditorList = creditors.data ?? [];
  const ownCreditor = creditorList.find((c) => c.id === user?.creditor?.id);
  const onlyCreditor = creditorList.length === 1 ? creditorList[0] : undefined;
  const creditorRef = chosenCreditor ?? ownCreditor?.ref ?? onlyCreditor?.ref ?? null;

  const previewMutation = useMutation({
    mutationFn: previewImport,
    meta: { silent: true },
    onSuccess: (next) => {
      setPreview(next);
      const fields = next.fields ?? Object.keys(next.mapping);
      setMapping(Object.fromEntries(fields.map((field) => [field, next.mapping[field] ?? null])));
    },
  });
  const runMutation = useMutation({
    mutationFn: runImport,
    onSuccess: (next) => {
      setResult(next);
      void queryClient.invalidateQueries({ queryKey: ['imports'] });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      void queryClient.invalidateQueries({ queryKey: ['debtors'] });
    },
  });

  const missing = preview ? missingRequirements(mapping, preview.requirements) : [];
  const canRun = Boolean(preview && file && creditorRef && missing.length === 0 && !runMutation.isPending);

  const reset = () => {
    setFile(null);
    setPreview(null);
    setMapping({});
    setResult(null);
    setDropError(null);
    previewMutation.reset();
    runMutation.reset();
  };

  if (result) return <ImportResultView result={result} onAgain={reset} />;

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap="md">
          <Title order={2} fz="lg">
            {t('imports.new.title')}
          </Title>
          {user?.creditor ? (
            <Text size="sm" data-testid="import-own-creditor">
              {t('creditorPortal.imports.forCreditor', { name: user.creditor.name, ref: user.creditor.ref })}
            </Text>
          ) : (
            <Select
              label={t('imports.new.creditor')}
              placeholder={t('imports.new.creditorPlaceholder')}
              required
              searchable
              w={360}
              maw="100%"
              value={creditorRef}
              onChange={setChosenCreditor}
              disabled={Boolean(user?.creditor) || creditorList.length === 1}
              data={creditorList.map((creditor) => ({
                value: creditor.ref,
                label: `${creditor.name} (${creditor.ref})`,
              }))}
            />
          )}
          {user?.tenant.kind === 'agency' && !user.creditor && (
            <TextInput
              label={t('agency.placementLabel')}
              description={t('agency.placementHint')}
              w={360}
              maw="100%"
              value={placement}
              onChange={(event) => setPlacement(event.currentTarget.value)}
            />
          )}
          <FileDrop
            file={file}
            loading={previewMutation.isPending}
            onFile={(next) => {
              setFile(next);
              setDropError(null);
              setPreview(null);
              previewMutation.mutate(next);
            }}
            onReject={setDropError}
          />
          {(dropError || previewMutation.isError) && (
            <Alert color="red" role="alert" title={t('imports.drop.errorTitle')}>
              {dropError ?? errorMessage(previewMutation.error)}
            </Alert>
          )}
        </Stack>
      </Paper>
      {preview && (
        <>
          <MappingPreview
            preview={preview}
            mapping={mapping}
            missing={new Set(missing)}
            onChange={(field, header) => setMapping((current) => ({ ...current, [field]: header }))}
          />
          <Group justify="space-between" wrap="wrap">
            <Text
              size="sm"
              c={missing.length > 0 ? 'red.7' : 'dimmed'}
              role={missing.length > 0 ? 'alert' : undefined}
            >
              {missing.length > 0
                ? t('imports.new.missing', { count: missing.length })
                : !creditorRef
                  ? t('imports.new.chooseCreditor')
                  : t('imports.new.ready')}
            </Text>
            <Group>
              <Button variant="default" onClick={reset}>
                {t('common.cancel')}
              </Button>
              <Button
                disabled={!canRun}
                loading={runMutation.isPending}
                onClick={() => {
                  if (!file || !creditorRef || !preview) return;
                  runMutation.mutate({
                    file,
                    creditorRef,
                    columns: mappedColumns(mapping),
                    dateOrder: preview.dateOrder,
                    decimalSeparator: preview.decimalSeparator,
                    placement: placement.trim() || undefined,
                  });
                }}
              >
                {t('imports.new.run')}
              </Button>
            </Group>
          </Group>
        </>
      )}
    </Stack>
  );
}
