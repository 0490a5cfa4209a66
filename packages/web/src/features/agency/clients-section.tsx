import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { creditorsQuery } from '../../app/api/creditors.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { errorMessage } from '../../app/query-client.ts';
import { EmptyState, ErrorState, LoadingState } from '../../app/ui/states.tsx';
import {
  closePeriod,
  type Mandate,
  type MandateTerms,
  mandatesQuery,
  markPaid,
  placementsQuery,
  remittancePdfUrl,
  remittancesQuery,
  sendAgain,
} from './api.ts';
import { MandateEditor } from './mandate-editor.tsx';
import { unitsText } from './mandate-values.ts';

function commissionText(terms: MandateTerms, t: TFunction) {
  const c = terms.commission;
  if (c.kind === 'flat') return t('agency.mandate.flatText', { rate: c.rate });
  if (c.kind === 'age')
    return c.bands.map((b) => t('agency.mandate.ageText', { from: b.fromDays, rate: b.rate })).join(' · ');
  return c.bands
    .map((b) => t('agency.mandate.amountText', { from: unitsText(b.fromMinor), rate: b.rate }))
    .join(' · ');
}

/** The agency's clients: each one's mandate (view, edit), placements and remittance statements. */
export function ClientsSection({ today, canEdit }: { readonly today: string; readonly canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const mandates = useQuery(mandatesQuery);
  const creditors = useQuery(creditorsQuery);
  const [editing, setEditing] = useState<{ id: string; name: string; terms: MandateTerms | null } | null>(
    null,
  );
  const [newClient, setNewClient] = useState<string | null>(null);
  if (mandates.isPending) return <LoadingState />;
  if (mandates.isError) return <ErrorState error={mandates.error} onRetry={() => void mandates.refetch()} />;
  const without = (creditors.data ?? []).filter((c) => !mandates.data.some((m) => m.creditor.id === c.id));
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="agency-mandates-title"
      data-testid="agency-mandates"
    >
      <Stack gap="sm">
        <Title order={2} fz="lg" id="agency-mandates-title">
          {t('agency.mandates')}
        </Title>
        {mandates.data.length === 0 ? (
          <EmptyState title={t('agency.noMandate')} />
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('agency.client')}</Table.Th>
                  <Table.Th>{t('agency.mandate.commission')}</Table.Th>
                  <Table.Th>{t('agency.mandate.feeSettlement')}</Table.Th>
                  <Table.Th>{t('agency.mandate.strategies')}</Table.Th>
                  <Table.Th>{t('agency.mandate.planLimits')}</Table.Th>
                  <Table.Th>{t('agency.mandate.remittance')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {mandates.data.map((m: Mandate) => (
                  <Table.Tr key={m.creditor.id} data-testid={`mandate-${m.creditor.ref}`}>
                    <Table.Td>
                      <Text fw={500}>{m.creditor.name}</Text>
                      <Text size="xs" c="dimmed">
                        {t('agency.mandate.version', {
                          version: m.version,
                          date: format.date(m.terms.signedOn),
                        })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {commissionText(m.terms, t)}
                      <Text size="xs" c="dimmed">
                        {t('agency.mandate.vatText', { rate: m.terms.vatRate })}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`agency.mandate.fee.${m.terms.feeSettlement}`)}</Table.Td>
                    <Table.Td>{m.terms.allowedStrategies.join(', ')}</Table.Td>
                    <Table.Td data-testid="plan-limits">
                      {t('agency.mandate.limitsText', {
                        count: m.terms.planLimits.maxInstalments,
                        min: format.money(m.terms.planLimits.minInstalmentMinor, 'EUR'),
                      })}
                    </Table.Td>
                    <Table.Td>
                      {t(`agency.mandate.freq.${m.terms.remittance.frequency}`)} +{' '}
                      {t('agency.mandate.days', { count: m.terms.remittance.delayDays })}
                    </Table.Td>
                    <Table.Td>
                      {canEdit && (
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() =>
                            setEditing({ id: m.creditor.id, name: m.creditor.name, terms: m.terms })
                          }
                        >
                          {t('agency.mandate.edit')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {canEdit && without.length > 0 && (
          <Group align="flex-end">
            <Select
              label={t('agency.mandate.newFor')}
              w={320}
              value={newClient}
              onChange={setNewClient}
              data={without.map((c) => ({ value: c.id, label: `${c.name} (${c.ref})` }))}
            />
            <Button
              variant="default"
              disabled={!newClient}
              onClick={() => {
                const c = without.find((x) => x.id === newClient);
                if (c) setEditing({ id: c.id, name: c.name, terms: null });
              }}
            >
              {t('agency.mandate.add')}
            </Button>
          </Group>
        )}
      </Stack>
      {editing && (
        <MandateEditor
          creditor={editing}
          terms={editing.terms}
          today={today}
          onClose={() => setEditing(null)}
        />
      )}
    </Paper>
  );
}

export function PlacementsSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const placements = useQuery(placementsQuery);
  if (placements.isPending) return <LoadingState />;
  if (placements.isError)
    return <ErrorState error={placements.error} onRetry={() => void placements.refetch()} />;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="agency-placements-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="lg" id="agency-placements-title">
            {t('agency.placements')}
          </Title>
          <Anchor href="/imports" size="sm">
            {t('agency.place')}
          </Anchor>
        </Group>
        {placements.data.length === 0 ? (
          <EmptyState title={t('agency.noPlacement')} hint={t('agency.placeHint')} />
        ) : (
          <Table striped data-testid="agency-placements">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('agency.placedOn')}</Table.Th>
                <Table.Th>{t('agency.client')}</Table.Th>
                <Table.Th>{t('agency.label')}</Table.Th>
                <Table.Th ta="right">{t('agency.claims')}</Table.Th>
                <Table.Th ta="right">{t('agency.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {placements.data.map((p) => (
                <Table.Tr key={p.placementId}>
                  <Table.Td>{format.date(p.placedOn)}</Table.Td>
                  <Table.Td>{p.creditor.name}</Table.Td>
                  <Table.Td>{p.label}</Table.Td>
                  <Table.Td ta="right">{format.integer(p.claimCount)}</Table.Td>
                  <Table.Td ta="right">{format.money(p.amountMinor, p.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

/** The statements of what is remitted to each client: close a period, the PDF, mark paid, send the e-mail again. */
export function RemittancesSection({ canEdit }: { readonly canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const remittances = useQuery(remittancesQuery);
  const [period, setPeriod] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['agency', 'remittances'] });
  const onError = (error: unknown) => notifications.show({ color: 'red', message: errorMessage(error) });
  const close = useMutation({
    mutationFn: () => closePeriod(period.trim()),
    onSuccess: async (answer) => {
      notifications.show({
        color: 'green',
        message: t('agency.closed', { count: answer.statements.length }),
      });
      await refresh();
    },
    onError,
  });
  const paid = useMutation({ mutationFn: markPaid, onSuccess: refresh, onError });
  const email = useMutation({
    mutationFn: sendAgain,
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('agency.emailQueued') });
      await refresh();
    },
    onError,
  });
  if (remittances.isPending) return <LoadingState />;
  if (remittances.isError)
    return <ErrorState error={remittances.error} onRetry={() => void remittances.refetch()} />;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="agency-remittances-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="agency-remittances-title">
          {t('agency.remittances')}
        </Title>
        {canEdit && (
          <Group align="flex-end">
            <TextInput
              label={t('agency.period')}
              description={t('agency.periodHint')}
              placeholder="2026-10"
              value={period}
              onChange={(e) => setPeriod(e.currentTarget.value)}
            />
            <Button onClick={() => close.mutate()} loading={close.isPending} disabled={period.trim() === ''}>
              {t('agency.close')}
            </Button>
          </Group>
        )}
        {remittances.data.length === 0 ? (
          <EmptyState title={t('agency.noRemittance')} />
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table striped data-testid="agency-remittances">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('agency.period')}</Table.Th>
                  <Table.Th>{t('agency.client')}</Table.Th>
                  <Table.Th ta="right">{t('agency.collected')}</Table.Th>
                  <Table.Th ta="right">{t('agency.commission')}</Table.Th>
                  <Table.Th ta="right">{t('agency.net')}</Table.Th>
                  <Table.Th>{t('agency.dueOn')}</Table.Th>
                  <Table.Th>{t('agency.status')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {remittances.data.map((r) => (
                  <Table.Tr key={r.remittanceId} data-testid={`remittance-${r.creditor.ref}-${r.period}`}>
                    <Table.Td>{r.period}</Table.Td>
                    <Table.Td>{r.creditor.name}</Table.Td>
                    <Table.Td ta="right">{format.money(r.collectedMinor, r.currency)}</Table.Td>
                    <Table.Td ta="right">{format.money(r.commissionMinor + r.vatMinor, r.currency)}</Table.Td>
                    <Table.Td ta="right" data-testid="remittance-net">
                      {format.money(r.netMinor, r.currency)}
                    </Table.Td>
                    <Table.Td>{format.date(r.dueOn)}</Table.Td>
                    <Table.Td>
                      <Badge color={r.status === 'paid' ? 'green' : 'blue'} variant="light">
                        {t(`agency.remittanceStatus.${r.status}`)}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {t(`agency.emailStatus.${r.email.status}`, { defaultValue: r.email.status })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Anchor
                          href={remittancePdfUrl(r.remittanceId, format.language)}
                          target="_blank"
                          size="sm"
                        >
                          PDF
                        </Anchor>
                        {canEdit && r.status === 'issued' && (
                          <Button
                            size="compact-xs"
                            variant="light"
                            onClick={() => paid.mutate(r.remittanceId)}
                          >
                            {t('agency.markPaid')}
                          </Button>
                        )}
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => email.mutate(r.remittanceId)}
                        >
                          {t('agency.sendEmail')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
