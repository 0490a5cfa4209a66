import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Modal,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api/client.ts';
import { localIsoDate } from '../../app/format/dates.ts';
import { parseMoneyInput } from '../../app/format/money.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { errorMessage } from '../../app/query-client.ts';
import {
  agreementUrl,
  PLAN_FREQUENCIES,
  PLAN_KINDS,
  type PlanInput,
  type PlanKind,
  type PlanView,
  previewPlan,
} from './api.ts';
import { usePhoneScreen } from './phone-screen.ts';

const numeric = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;

type PlanModalProps = {
  readonly caseId: string;
  readonly currency: string;
  readonly saving: boolean;
  readonly error: unknown;
  readonly created: PlanView | null;
  readonly onClose: () => void;
  readonly onSubmit: (input: PlanInput) => void;
};

/** The plan as the form describes it; null while the down payment does not parse. */
function planInput(
  kind: PlanKind,
  count: number,
  firstDueOn: string,
  frequency: string,
  down: number | null,
): PlanInput | null {
  if (down === null) return null;
  if (kind === 'full_now') return { kind };
  if (kind === 'scheduled') return { kind, firstDueOn };
  return { kind, count, firstDueOn, frequency, ...(down > 0 ? { downPaymentMinor: down } : {}) };
}

/**
 * Payment in full now, on a later date, or in instalments: every change asks the server for the exact
 * schedule and the creditor's limits it breaks, so the agent proposes only what can be signed.
 */
export function PlanModal({ caseId, currency, saving, error, created, onClose, onSubmit }: PlanModalProps) {
  const { t } = useTranslation();
  const phone = usePhoneScreen();
  const format = useFormat();
  const [kind, setKind] = useState<PlanKind>('instalments');
  const [count, setCount] = useState(3);
  const [firstDueOn, setFirstDueOn] = useState(localIsoDate());
  const [frequency, setFrequency] = useState<string>('monthly');
  const [downPayment, setDownPayment] = useState('');
  const down = downPayment.trim() === '' ? 0 : parseMoneyInput(downPayment, currency);
  const input = planInput(kind, count, firstDueOn, frequency, down);
  const [debounced] = useDebouncedValue(input, 250);
  const preview = useQuery({
    queryKey: ['case', caseId, 'plan-preview', debounced],
    // A refused preview (400) is shown beside the form, not as the app's error toast on every keystroke.
    queryFn: ({ signal }) =>
      previewPlan(caseId, debounced as PlanInput, signal).then(
        (data) => ({ data, refusal: null }),
        (cause: unknown) => {
          if (isApiError(cause) && cause.status >= 400 && cause.status < 500)
            return { data: null, refusal: cause };
          throw cause;
        },
      ),
    enabled: debounced !== null && created === null,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const shown = preview.data?.data ?? null;
  const refusal = preview.data?.refusal ?? (preview.isError ? preview.error : null);
  const violations = shown?.violations ?? [];
  const fresh = JSON.stringify(debounced) === JSON.stringify(input) && !preview.isFetching;
  const canCreate = input !== null && fresh && shown !== null && refusal === null && violations.length === 0;

  return (
    <Modal opened onClose={onClose} title={t('workspace.plan.title')} size="xl" fullScreen={phone}>
      {created ? (
        <Stack gap="sm" data-testid="plan-created">
          <Alert color="teal" variant="light">
            {t('workspace.plan.created', {
              count: created.instalments.filter((line) => line.seq > 0).length,
            })}
          </Alert>
          <Anchor href={agreementUrl(created.id)} target="_blank" data-testid="plan-pdf">
            {t('workspace.plan.pdf')}
          </Anchor>
          {created.agreementActionId && (
            <Text size="sm" c="dimmed">
              {t('workspace.plan.sent')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <SegmentedControl
            value={kind}
            onChange={(value) => setKind(value as PlanKind)}
            data={PLAN_KINDS.map((value) => ({ value, label: t(`workspace.plan.kind.${value}`) }))}
            aria-label={t('workspace.plan.kindLabel')}
          />
          <Group grow align="flex-start">
            {kind === 'instalments' && (
              <NumberInput
                label={t('workspace.plan.count')}
                value={count}
                min={2}
                max={60}
                allowDecimal={false}
                onChange={(value) => setCount(typeof value === 'number' ? value : Number(value) || 2)}
              />
            )}
            {kind !== 'full_now' && (
              <TextInput
                type="date"
                label={t('workspace.plan.firstDueOn')}
                value={firstDueOn}
                min={localIsoDate()}
                onChange={(event) => setFirstDueOn(event.currentTarget.value)}
              />
            )}
            {kind === 'instalments' && (
              <NativeSelect
                label={t('workspace.plan.frequency')}
                value={frequency}
                onChange={(event) => setFrequency(event.currentTarget.value)}
                data={PLAN_FREQUENCIES.map((value) => ({
                  value,
                  label: t(`workspace.plan.frequencies.${value}`),
                }))}
              />
            )}
            {kind === 'instalments' && (
              <TextInput
                label={t('workspace.plan.downPayment', { currency })}
                value={downPayment}
                inputMode="decimal"
                onChange={(event) => setDownPayment(event.currentTarget.value)}
                error={down === null ? t('engine.promise.amountInvalid') : undefined}
              />
            )}
          </Group>
          {refusal !== null && (
            <Alert color="red" role="alert">
              {errorMessage(refusal)}
            </Alert>
          )}
          {shown && (
            <Stack gap="xs" data-testid="plan-preview" style={{ opacity: fresh ? 1 : 0.6 }}>
              {shown.totalMinor !== undefined && (
                <Text size="sm" fw={600}>
                  {t('workspace.plan.total', {
                    amount: format.money(shown.totalMinor, shown.currency ?? currency),
                  })}
                </Text>
              )}
              <Table aria-label={t('workspace.plan.scheduleLabel')} verticalSpacing={4} maw={480}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('workspace.plan.seq')}</Table.Th>
                    <Table.Th>{t('workspace.plan.dueOn')}</Table.Th>
                    <Table.Th style={numeric}>{t('workspace.plan.amount')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.instalments.map((line) => (
                    <Table.Tr key={line.seq} data-seq={line.seq}>
                      <Table.Td>{line.seq === 0 ? t('workspace.plan.down') : line.seq}</Table.Td>
                      <Table.Td>{format.date(line.dueOn)}</Table.Td>
                      <Table.Td style={numeric}>
                        {format.money(line.amountMinor, shown.currency ?? currency)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {violations.length > 0 && (
                <Alert color="orange" title={t('workspace.plan.violations')} data-testid="plan-violations">
                  <List size="sm">
                    {violations.map((violation) => (
                      <List.Item key={violation.code} data-code={violation.code}>
                        {violation.message}
                      </List.Item>
                    ))}
                  </List>
                </Alert>
              )}
            </Stack>
          )}
          {error !== null && error !== undefined && (
            <Alert color="red" role="alert">
              {errorMessage(error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={saving}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={saving}
              disabled={!canCreate}
              onClick={() => {
                if (input) onSubmit(input);
              }}
            >
              {t('workspace.plan.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
