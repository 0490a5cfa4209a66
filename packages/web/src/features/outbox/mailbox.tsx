import { Badge, Group, Paper, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { EmptyState, ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { mailboxMessageQuery, mailboxQuery } from './api.ts';

/** `"Transports Faure SAS" <a@b.fr>` as a person writes it: Transports Faure SAS <a@b.fr>. */
function readableAddress(header: string | null): string {
  return (header ?? '').replace(/"((?:[^"\\]|\\.)*)"/g, (_quoted, name: string) =>
    name.replace(/\\(.)/g, '$1'),
  );
}

/** One message as received by the demo mailbox: its HTML in a sandboxed frame (no script, no network), or its text. */
function MessageView({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useQuery(mailboxMessageQuery(id));
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const message = query.data[0];
  if (!message) return <EmptyState title={t('outbox.mailbox.gone')} />;
  return (
    <Stack gap="xs" data-testid="mailbox-message">
      <Text size="sm">
        <b>{t('outbox.mailbox.from')}</b> {readableAddress(message.from)}
      </Text>
      <Text size="sm">
        <b>{t('outbox.mailbox.to')}</b> {readableAddress(message.to)}
      </Text>
      <Text size="sm">
        <b>{t('outbox.mailbox.subject')}</b> {message.subject}
      </Text>
      <Text size="sm" c="dimmed">
        {format.dateTime(message.date)}
      </Text>
      {(message.attachments ?? []).length > 0 && (
        <Group gap={6}>
          {(message.attachments ?? []).map((a) => (
            <Badge key={`${a.fileName}-${a.size}`} variant="light">
              {a.fileName ?? a.contentType}
            </Badge>
          ))}
        </Group>
      )}
      {message.html ? (
        <iframe
          title={message.subject ?? t('outbox.mailbox.title')}
          sandbox=""
          srcDoc={message.html}
          style={{
            width: '100%',
            minHeight: 420,
            border: '1px solid var(--mantine-color-gray-3)',
            background: 'white',
          }}
        />
      ) : (
        <Text component="pre" size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {message.text}
        </Text>
      )}
    </Stack>
  );
}

/** The demo mailbox: the e-mails the dispatcher really sent to the local SMTP server of `npm start`. */
export function Mailbox() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useQuery(mailboxQuery);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="mailbox-title">
      <Title order={2} fz="lg" id="mailbox-title" mb={4}>
        {t('outbox.mailbox.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('outbox.mailbox.hint')}
      </Text>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <EmptyState title={t('outbox.mailbox.empty')} />
      ) : (
        <Stack gap="md">
          <Table striped aria-label={t('outbox.mailbox.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('outbox.mailbox.date')}</Table.Th>
                <Table.Th>{t('outbox.mailbox.columns.to')}</Table.Th>
                <Table.Th>{t('outbox.mailbox.columns.subject')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((m) => (
                <Table.Tr key={m.id} bg={open === m.id ? 'blue.0' : undefined}>
                  <Table.Td>{format.dateTime(m.date)}</Table.Td>
                  <Table.Td>{readableAddress(m.to)}</Table.Td>
                  <Table.Td>
                    <UnstyledButton
                      onClick={() => setOpen(m.id)}
                      aria-pressed={open === m.id}
                      fz="sm"
                      c="blue.8"
                    >
                      {m.subject ?? '—'}
                    </UnstyledButton>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {open && <MessageView id={open} />}
        </Stack>
      )}
    </Paper>
  );
}
