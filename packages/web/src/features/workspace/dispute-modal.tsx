import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../app/format/dates.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { errorMessage } from '../../app/query-client.ts';
import type { Claim } from '../case/api.ts';
import type { DisputeInput } from './api.ts';

/** The reasons of a dispute, as the server knows them (disputes/dispute-texts.ts). */
export const DISPUTE_REASONS = [
  'amount_wrong',
  'not_received',
  'quality',
  'already_paid',
  'contract_misunderstanding',
  'other',
] as const;

/** Thirty days from today: the deadline the form proposes for the creditor's answer. */
function inThirtyDays(): string {
  const date = new Date();
  date.setDate(date.getDate() + 30);
  return localIsoDate(date);
}

type DisputeModalProps = {
  readonly claims: readonly Claim[];
  readonly saving: boolean;
  readonly error: unknown;
  readonly onClose: () => void;
  readonly onSubmit: (input: DisputeInput) => void;
};

/** The claims the debtor contests leave the ladder at once; the others go on. */
export function DisputeModal({ claims, saving, error, onClose, onSubmit }: DisputeModalProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const open = claims.filter((claim) => claim.status === 'open' && claim.outstandingMinor > 0);
  const [selected, setSelected] = useState<readonly string[]>([]);
  const [reason, setReason] = useState<string>(DISPUTE_REASONS[0]);
  const [description, setDescription] = useState('');
  const [deadlineOn, setDeadlineOn] = useState(inThirtyDays);
  const [checked, setChecked] = useState(false);
  const noClaim = selected.length === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (noClaim) return;
    onSubmit({
      reason,
      claims: selected.map((claimId) => ({ claimId })),
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(deadlineOn ? { deadlineOn } : {}),
    });
  };

  return (
    <Modal opened onClose={onClose} title={t('workspace.dispute.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Checkbox.Group
            label={t('workspace.dispute.claims')}
            value={[...selected]}
            onChange={setSelected}
            error={checked && noClaim ? t('workspace.dispute.noClaim') : undefined}
          >
            <Stack gap={6} mt={6}>
              {open.map((claim) => (
                <Checkbox
                  key={claim.id}
                  value={claim.id}
                  label={t('workspace.dispute.claim', {
                    invoice: claim.invoiceNumber,
                    amount: format.money(claim.outstandingMinor, claim.currency),
                    date: format.date(claim.dueDate),
                  })}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          {open.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('workspace.dispute.nothingOpen')}
            </Text>
          )}
          <NativeSelect
            label={t('workspace.dispute.reason')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            data={DISPUTE_REASONS.map((value) => ({ value, label: t(`workspace.dispute.reasons.${value}`) }))}
          />
          <Textarea
            label={t('workspace.dispute.description')}
            value={description}
            autosize
            minRows={2}
            maxLength={2000}
            onChange={(event) => setDescription(event.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('workspace.dispute.deadline')}
            value={deadlineOn}
            min={localIsoDate()}
            onChange={(event) => setDeadlineOn(event.currentTarget.value)}
          />
          {error !== null && error !== undefined && (
            <Alert color="red" role="alert">
              {errorMessage(error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={saving}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('workspace.dispute.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
