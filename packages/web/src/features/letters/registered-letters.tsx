import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  List,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../app/format/dates.ts';
import { useFormat } from '../../app/format/use-format.ts';
import {
  documentUrl,
  importTracking,
  type PostalItem,
  postalItemsQuery,
  TRACKED_STATUSES,
  type TrackedStatus,
  type TrackingImport,
  updatePostalItem,
  uploadProof,
} from './api.ts';

const STATUS_COLORS = {
  to_print: 'gray',
  printed: 'blue',
  posted: 'indigo',
  delivered: 'teal',
  returned: 'red',
  unclaimed: 'orange',
} as const;

function EditTracking({ item, onClose }: { readonly item: PostalItem; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [tracking, setTracking] = useState(item.trackingNumber ?? '');
  const [status, setStatus] = useState<TrackedStatus | null>(
    (TRACKED_STATUSES as readonly string[]).includes(item.status) ? (item.status as TrackedStatus) : null,
  );
  const [on, setOn] = useState(item.statusOn ?? localIsoDate());
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['postal-items'] });
  const save = useMutation({
    mutationFn: () =>
      updatePostalItem(item.itemId, {
        trackingNumber: tracking.trim() === '' ? null : tracking.trim(),
        ...(status ? { status, on } : {}),
      }),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  const proof = useMutation({
    mutationFn: (file: File) => uploadProof(item.itemId, file),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('letters.registered.proofSaved') });
      await refresh();
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('letters.registered.editTitle', { reference: item.reference })}>
      <form onSubmit={onSubmit}>
        <Stack gap="sm">
          <TextInput
            label={t('letters.registered.trackingNumber')}
            value={tracking}
            onChange={(e) => setTracking(e.currentTarget.value)}
          />
          <Select
            label={t('letters.registered.status')}
            data={TRACKED_STATUSES.map((s) => ({ value: s, label: t(`letters.status.${s}`) }))}
            value={status}
            onChange={(value) => setStatus(value as TrackedStatus | null)}
            clearable
          />
          <TextInput
            type="date"
            label={t('letters.registered.on')}
            value={on}
            onChange={(e) => setOn(e.currentTarget.value)}
          />
          <Group justify="space-between">
            <FileButton
              onChange={(file) => file && proof.mutate(file)}
              accept="application/pdf,image/png,image/jpeg"
            >
              {(props) => (
                <Button variant="default" loading={proof.isPending} {...props}>
                  {t('letters.registered.uploadProof')}
                </Button>
              )}
            </FileButton>
            <Button type="submit" loading={save.isPending}>
              {t('letters.registered.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ImportTracking() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState('');
  const [result, setResult] = useState<TrackingImport | null>(null);
  const run = useMutation({
    mutationFn: () => importTracking(csv),
    onSuccess: async (answer) => {
      setResult(answer);
      await queryClient.invalidateQueries({ queryKey: ['postal-items'] });
    },
  });
  const language = i18n.language === 'en' ? 'en' : 'fr';
  return (
    <Stack gap="xs">
      <Textarea
        label={t('letters.import.label')}
        description={t('letters.import.hint')}
        autosize
        minRows={3}
        value={csv}
        onChange={(e) => setCsv(e.currentTarget.value)}
        styles={{ input: { fontFamily: 'monospace' } }}
      />
      <Group>
        <FileButton onChange={(file) => void file?.text().then(setCsv)} accept=".csv,text/csv,text/plain">
          {(props) => (
            <Button variant="default" {...props}>
              {t('letters.import.file')}
            </Button>
          )}
        </FileButton>
        <Button onClick={() => run.mutate()} loading={run.isPending} disabled={csv.trim() === ''}>
          {t('letters.import.apply')}
        </Button>
      </Group>
      {result && (
        <Alert color={result.rejected.length > 0 ? 'orange' : 'teal'}>
          {t('letters.import.result', {
            applied: result.applied,
            unchanged: result.unchanged,
            rejected: result.rejected.length,
          })}
          {result.rejected.length > 0 && (
            <List size="sm" mt="xs">
              {result.rejected.map((r) => (
                <List.Item key={r.line}>
                  {t('letters.import.line', { line: r.line })} {r.message[language]}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Stack>
  );
}

/** Registered letters and formal notices once printed: tracking number, what happened, the proof. */
export function RegisteredLetters({ canEdit }: { readonly canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const all = useQuery(postalItemsQuery());
  const [editing, setEditing] = useState<PostalItem | null>(null);
  const items = (all.data?.items ?? []).filter((i) => i.kind !== 'letter' && i.status !== 'to_print');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="registered-title">
      <Title order={2} fz="lg" id="registered-title" mb="sm">
        {t('letters.registered.title')}
      </Title>
      {items.length === 0 ? (
        <Alert color="gray">{t('letters.registered.empty')}</Alert>
      ) : (
        <Table striped aria-label={t('letters.registered.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('letters.columns.reference')}</Table.Th>
              <Table.Th>{t('letters.columns.debtor')}</Table.Th>
              <Table.Th>{t('letters.registered.trackingNumber')}</Table.Th>
              <Table.Th>{t('letters.registered.status')}</Table.Th>
              <Table.Th>{t('letters.registered.proof')}</Table.Th>
              {canEdit && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.itemId}>
                <Table.Td>
                  <Anchor href={documentUrl(item.documentId)}>{item.reference}</Anchor>
                </Table.Td>
                <Table.Td>{item.debtorName}</Table.Td>
                <Table.Td>{item.trackingNumber ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLORS[item.status]} variant="light" tt="none">
                    {t(`letters.status.${item.status}`)}
                  </Badge>{' '}
                  {format.date(item.statusOn)}
                </Table.Td>
                <Table.Td>
                  {item.proofDocumentId ? (
                    <Anchor href={documentUrl(item.proofDocumentId)}>
                      {t('letters.registered.proofLink')}
                    </Anchor>
                  ) : (
                    t('letters.registered.noProof')
                  )}
                </Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Button size="xs" variant="default" onClick={() => setEditing(item)}>
                      {t('letters.registered.edit')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canEdit && (
        <Stack mt="md">
          <ImportTracking />
        </Stack>
      )}
      {editing && <EditTracking item={editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}
