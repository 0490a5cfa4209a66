import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { errorMessage } from '../../app/query-client.ts';
import { AnchorLink } from '../../app/ui/router-links.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../app/ui/states.tsx';
import {
  type Handover,
  type OutsideAgency,
  openHandoversQuery,
  outsideAgenciesQuery,
  recallHandover,
} from './api.ts';
import { OutsideAgencyEditor, useToggleAgency } from './outside-agency-editor.tsx';

/**
 * The outside agencies the tenant hands cases to (supervisors and administrators): registered, edited,
 * deactivated and reactivated; and the cases still with them, each of which can be recalled.
 */
export function OutsideAgenciesSection() {
  const { t } = useTranslation();
  const agencies = useQuery(outsideAgenciesQuery);
  const toggle = useToggleAgency();
  const format = useFormat();
  const decimal = (rate: string) => (format.language === 'fr' ? rate.replace('.', ',') : rate);
  const [editing, setEditing] = useState<OutsideAgency | 'new' | null>(null);
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="outside-agencies-title"
      data-testid="outside-agencies"
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="lg" id="outside-agencies-title">
            {t('agency.outside.title')}
          </Title>
          <Button variant="default" size="xs" onClick={() => setEditing('new')}>
            {t('agency.outside.add')}
          </Button>
        </Group>
        {agencies.isPending && <LoadingState />}
        {agencies.isError && <ErrorState error={agencies.error} onRetry={() => void agencies.refetch()} />}
        {agencies.data?.length === 0 && <EmptyState title={t('agency.compare.none')} />}
        {agencies.data && agencies.data.length > 0 && (
          <Table.ScrollContainer minWidth={800}>
            <Table striped data-testid="outside-agency-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('agency.outside.name')}</Table.Th>
                  <Table.Th>{t('agency.outside.contact')}</Table.Th>
                  <Table.Th ta="right">{t('agency.outside.commission')}</Table.Th>
                  <Table.Th ta="right">{t('agency.outside.share')}</Table.Th>
                  <Table.Th>{t('agency.outside.status')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {agencies.data.map((a) => (
                  <Table.Tr key={a.agencyId} data-testid={`outside-agency-${a.key}`}>
                    <Table.Td>
                      <Text fw={500} data-testid="agency-name">
                        {a.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {a.key}
                        {a.legalId && ` · ${a.legalId}`}
                      </Text>
                    </Table.Td>
                    <Table.Td data-testid="agency-email">{a.email ?? '—'}</Table.Td>
                    <Table.Td ta="right" data-testid="agency-commission">
                      {t('agency.outside.rateText', {
                        rate: decimal(a.commissionRate),
                        vat: decimal(a.vatRate),
                      })}
                    </Table.Td>
                    <Table.Td ta="right">{a.share}</Table.Td>
                    <Table.Td>
                      <Badge color={a.active ? 'teal' : 'gray'} variant="light" data-testid="agency-status">
                        {t(a.active ? 'agency.outside.active' : 'agency.outside.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button size="xs" variant="light" onClick={() => setEditing(a)}>
                          {t('agency.outside.edit')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color={a.active ? 'red' : 'teal'}
                          loading={toggle.isPending && toggle.variables?.agencyId === a.agencyId}
                          onClick={() => toggle.mutate(a)}
                        >
                          {t(a.active ? 'agency.outside.deactivate' : 'agency.outside.reactivate')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Text size="xs" c="dimmed">
          {t('agency.outside.inactiveHint')}
        </Text>
        <HandoversTable agencies={agencies.data ?? []} />
      </Stack>
      {editing && (
        <OutsideAgencyEditor agency={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Paper>
  );
}

/** The cases still with an agency; a recall takes one back today (what the agency collected stays its own). */
function HandoversTable({ agencies }: { readonly agencies: readonly OutsideAgency[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const handovers = useQuery(openHandoversQuery);
  const [recalling, setRecalling] = useState<Handover | null>(null);
  const nameOf = (agencyId: string) => agencies.find((a) => a.agencyId === agencyId)?.name ?? '—';
  const recall = useMutation({
    mutationFn: (handover: Handover) => recallHandover(handover.handoverId),
    onSuccess: async (_, handover) => {
      notifications.show({
        color: 'green',
        message: t('agency.outside.recalled', { debtor: handover.debtorName }),
      });
      setRecalling(null);
      await queryClient.invalidateQueries({ queryKey: ['agency'] });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  if (handovers.isPending) return <LoadingState />;
  if (handovers.isError)
    return <ErrorState error={handovers.error} onRetry={() => void handovers.refetch()} />;
  return (
    <Stack gap="xs">
      <Title order={3} fz="md">
        {t('agency.outside.handovers', { count: handovers.data.length })}
      </Title>
      {handovers.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('agency.outside.noHandover')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={700} mah={420}>
          <Table striped stickyHeader data-testid="agency-handovers">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('agency.outside.debtor')}</Table.Th>
                <Table.Th>{t('agency.compare.agency')}</Table.Th>
                <Table.Th>{t('agency.outside.handedOn')}</Table.Th>
                <Table.Th ta="right">{t('agency.outside.handedAmount')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {handovers.data.map((h) => (
                <Table.Tr key={h.handoverId} data-testid={`handover-${h.handoverId}`}>
                  <Table.Td>
                    <AnchorLink to="/cases/$caseId" params={{ caseId: h.caseId }} size="sm">
                      {h.debtorName}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{nameOf(h.agencyId)}</Table.Td>
                  <Table.Td>{format.date(h.handedOn)}</Table.Td>
                  <Table.Td ta="right">{format.money(h.amountMinor, h.currency)}</Table.Td>
                  <Table.Td ta="right">
                    <Button size="xs" variant="light" color="orange" onClick={() => setRecalling(h)}>
                      {t('agency.outside.recall')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {recalling && (
        <Modal opened onClose={() => setRecalling(null)} title={t('agency.outside.recallTitle')}>
          <Stack gap="sm">
            <Text size="sm">
              {t('agency.outside.recallText', {
                debtor: recalling.debtorName,
                agency: nameOf(recalling.agencyId),
              })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRecalling(null)}>
                {t('agency.cancel')}
              </Button>
              <Button color="orange" loading={recall.isPending} onClick={() => recall.mutate(recalling)}>
                {t('agency.outside.recallConfirm')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}
