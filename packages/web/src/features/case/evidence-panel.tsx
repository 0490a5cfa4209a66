import {
  Anchor,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  ThemeIcon,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatZonedDateTime } from '../../app/format/dates.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { errorMessage } from '../../app/query-client.ts';
import { ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { addNote, caseEvidenceQuery, documentUrl, evidenceFileUrl, kindMark } from './evidence-api.ts';

const maxNote = 5000;

/** Who wrote an entry, for a person: the journal keeps `system`, `dispatcher`, `user:<id>`, `provider:<name>`… */
function actorLabel(actor: string, t: TFunction): string {
  const [kind, rest] = actor.split(/:(.*)/s, 2);
  switch (kind) {
    case 'system':
      return t('evidence.actor.system');
    case 'dispatcher':
      return t('evidence.actor.dispatcher');
    case 'user':
      return t('evidence.actor.user');
    case 'api_key':
      return t('evidence.actor.apiKey');
    case 'provider':
      return t('evidence.actor.provider', { name: rest ?? '' });
    default:
      return actor;
  }
}

/** The link to an entry's document says what it is (the files are named by their ids). */
function documentLabel(mediaType: string, t: TFunction): string {
  if (mediaType === 'message/rfc822') return t('evidence.files.email');
  if (mediaType === 'application/pdf') return t('evidence.files.pdf');
  if (mediaType.startsWith('text/')) return t('evidence.files.text');
  if (mediaType.startsWith('image/')) return t('evidence.files.image');
  return t('evidence.files.other');
}

/** "Evidence": every contact and result kept in the journal, a note to add, and the evidence file to download. */
export function EvidencePanel({ caseId }: { readonly caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const query = useQuery(caseEvidenceQuery(caseId));
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: (text: string) => addNote(caseId, text),
    // Its own message below, not the app's as well.
    meta: { silent: true },
    onSuccess: () => {
      setNote('');
      notifications.show({ color: 'teal', message: t('evidence.noteSaved') });
      void queryClient.invalidateQueries({ queryKey: ['case', caseId, 'evidence'] });
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(error) }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = note.trim();
    if (text !== '' && text.length <= maxNote) save.mutate(text);
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="evidence-title">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} fz="lg" id="evidence-title">
          {t('evidence.title')}
        </Title>
        <Button
          component="a"
          href={evidenceFileUrl(caseId, format.language)}
          download
          variant="light"
          // In the workspace's narrow column the label wraps instead of being cut.
          h="auto"
          py={6}
          maw="100%"
          styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
        >
          {t('evidence.export')}
        </Button>
      </Group>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('evidence.empty')}
        </Text>
      ) : (
        <Timeline bulletSize={24} lineWidth={2} aria-label={t('evidence.timeline')}>
          {query.data.map((entry) => (
            <Timeline.Item
              key={entry.entryId}
              bullet={
                <ThemeIcon size={22} radius="xl" variant="light" aria-hidden>
                  {kindMark(entry.kind)}
                </ThemeIcon>
              }
              title={entry.kindName}
            >
              <Text size="xs" c="dimmed">
                {t('evidence.meta', {
                  at: formatZonedDateTime(entry.at, format.language),
                  actor: actorLabel(entry.actor, t),
                  seq: entry.seq,
                })}
              </Text>
              {entry.summary !== '' && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {entry.summary}
                </Text>
              )}
              {entry.document && (
                <Anchor
                  href={documentUrl(entry.document.documentId)}
                  download
                  size="sm"
                  title={entry.document.fileName}
                >
                  {documentLabel(entry.document.mediaType, t)}
                </Anchor>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      <form onSubmit={submit}>
        <Stack gap="xs" mt="md">
          <Textarea
            label={t('evidence.noteLabel')}
            placeholder={t('evidence.notePlaceholder')}
            value={note}
            autosize
            minRows={2}
            maxLength={maxNote}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={note.trim() === ''}>
              {t('evidence.addNote')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
