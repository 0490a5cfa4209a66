import { Alert, Button, Collapse, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { canManageSettings, sessionQuery } from '../../app/session.ts';
import type { CaseInterest, InterestRegime, InvoiceInterest } from './engine-api.ts';
import {
  feesLabel,
  hasFees,
  type InterestLine,
  interestSituation,
  missingRateText,
  reasonNote,
  regimeText,
} from './interest-view.ts';

const numeric = { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

function AmountsTable({
  regime,
  lines,
  currency,
}: {
  readonly regime: InterestRegime;
  readonly lines: readonly InterestLine[];
  readonly currency: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table aria-label={t('engine.interest.amountsLabel')} verticalSpacing={4} maw={760}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('engine.interest.kind')}</Table.Th>
          <Table.Th style={numeric}>{t('engine.interest.law')}</Table.Th>
          <Table.Th style={numeric}>{t('engine.interest.claimed')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line) => (
          <Table.Tr
            key={line.kind}
            data-line={line.kind}
            data-claim={line.claim}
            style={{ verticalAlign: 'top' }}
          >
            <Table.Td>
              <Text size="sm">
                {line.kind === 'interest' ? t('engine.interest.interestLine') : feesLabel(regime, t)}
              </Text>
              {line.claim !== 'in_full' && (
                <Text size="xs" c="orange.8">
                  {t(`engine.interest.claim.${line.claim}`)}
                </Text>
              )}
            </Table.Td>
            <Table.Td style={numeric}>{format.money(line.lawMinor, currency)}</Table.Td>
            <Table.Td style={numeric} fw={600}>
              {format.money(line.claimedMinor, currency)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function InvoicesTable({
  regime,
  claims,
  currency,
}: {
  readonly regime: InterestRegime;
  readonly claims: readonly InvoiceInterest[];
  readonly currency: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [opened, toggle] = useDisclosure(false);
  const bodyId = useId();
  const fees = hasFees(regime);
  return (
    <Stack gap={4} align="flex-start">
      <Button
        variant="subtle"
        size="compact-sm"
        aria-expanded={opened}
        aria-controls={bodyId}
        onClick={toggle.toggle}
      >
        {opened
          ? t('engine.interest.details.hide')
          : t('engine.interest.details.show', { count: claims.length })}
      </Button>
      <Collapse expanded={opened} id={bodyId} keepMounted={false} w="100%">
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={t('engine.interest.details.tableLabel')} verticalSpacing={4} striped maw={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('engine.interest.details.invoice')}</Table.Th>
                <Table.Th>{t('engine.interest.details.from')}</Table.Th>
                <Table.Th style={numeric}>{t('engine.interest.details.days')}</Table.Th>
                <Table.Th style={numeric}>{t('engine.interest.details.interest')}</Table.Th>
                {fees && <Table.Th style={numeric}>{t('engine.interest.details.fees')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {claims.map((claim, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: an invoice number may repeat across creditors' files
                <Table.Tr key={`${claim.invoiceNumber}-${index}`}>
                  <Table.Td ff="monospace">{claim.invoiceNumber}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(claim.from)}</Table.Td>
                  <Table.Td style={numeric}>{format.integer(claim.days)}</Table.Td>
                  <Table.Td style={numeric}>{format.money(claim.interestMinor, currency)}</Table.Td>
                  {fees && <Table.Td style={numeric}>{format.money(claim.feesMinor, currency)}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Collapse>
    </Stack>
  );
}

/**
 * Late interest and fixed compensation of a case as the law gives them and as they are claimed. A rate the
 * tables lack is a warning, never an amount of zero.
 */
export function InterestBlock({
  interest,
  currency,
}: {
  readonly interest: CaseInterest;
  readonly currency: string;
}) {
  const { t } = useTranslation();
  const { data: user } = useQuery(sessionQuery);
  const situation = interestSituation(interest);
  const regime = situation.kind === 'no_regime' ? null : situation.regime;
  const note = reasonNote(interest.reason, t);
  return (
    <Stack gap={6} component="section" aria-labelledby="interest-title" data-testid="interest-block">
      <Title order={3} fz="md" id="interest-title">
        {t('engine.interest.title')}
      </Title>
      {regime && (
        <Group gap={6} align="baseline">
          <Text size="sm" c="dimmed">
            {t('engine.interest.regimeLabel')}
          </Text>
          <Text size="sm" data-regime={regime}>
            {regimeText(regime, t)}
          </Text>
        </Group>
      )}
      {note && (
        <Text size="sm" data-reason={interest.reason}>
          {note}
        </Text>
      )}
      {situation.kind === 'missing_rate' && (
        <Alert color="yellow" title={t('engine.interest.missing.title')} data-testid="interest-missing-rate">
          <Text size="sm">{missingRateText(situation.missing, t)}</Text>
          {canManageSettings(user) && (
            <Text size="sm" mt="xs">
              <Link to="/settings" search={{ tab: 'rates' }} data-testid="interest-enter-rate">
                {t('engine.interest.missing.enter')}
              </Link>
            </Text>
          )}
        </Alert>
      )}
      {situation.kind === 'nothing_late' && (
        <Text size="sm" c="dimmed">
          {t('engine.interest.nothingLate')}
        </Text>
      )}
      {situation.kind === 'amounts' && (
        <>
          <AmountsTable regime={situation.regime} lines={situation.lines} currency={currency} />
          <InvoicesTable regime={situation.regime} claims={interest.claims} currency={currency} />
        </>
      )}
    </Stack>
  );
}
