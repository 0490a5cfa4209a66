import {
  Alert,
  Button,
  Checkbox,
  FileInput,
  Group,
  List,
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
import { parseMoneyInput } from '../../app/format/money.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { errorMessage } from '../../app/query-client.ts';
import type { Claim } from '../case/api.ts';
import type { DisputeInput, UploadFailure } from './dispute-api.ts';
import { fileProblems, MAX_DISPUTE_DOCUMENTS } from './dispute-files.ts';
import { usePhoneScreen } from './phone-screen.ts';

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

/** What is left to dispute on a claim: its outstanding less what another dispute already covers. */
export function disputable(claim: Claim): number {
  return claim.status === 'open' ? claim.outstandingMinor - (claim.disputedMinor ?? 0) : 0;
}

type DisputeModalProps = {
  readonly claims: readonly Claim[];
  readonly saving: boolean;
  readonly error: unknown;
  /** After the dispute was opened: the documents the server refused (the modal stays to say which). */
  readonly failures: readonly UploadFailure[] | null;
  readonly onClose: () => void;
  readonly onSubmit: (input: DisputeInput, files: readonly File[]) => void;
};

/** The claims the debtor contests — whole, or part of one — leave the ladder at once; the others go on. */
export function DisputeModal(props: DisputeModalProps) {
  const { t } = useTranslation();
  const phone = usePhoneScreen();
  return (
    <Modal opened onClose={props.onClose} title={t('workspace.dispute.title')} size="lg" fullScreen={phone}>
      {props.failures ? (
        <UploadReport failures={props.failures} onClose={props.onClose} />
      ) : (
        <DisputeForm {...props} />
      )}
    </Modal>
  );
}

function UploadReport({
  failures,
  onClose,
}: {
  readonly failures: readonly UploadFailure[];
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Alert color="orange" role="alert" title={t('workspace.dispute.documents.notKept')}>
        <Text size="sm">{t('workspace.dispute.documents.openedAnyway')}</Text>
        <List size="sm" mt="xs" data-testid="dispute-upload-failures">
          {failures.map((failure) => (
            <List.Item key={failure.name}>
              <Text span fw={600} size="sm">
                {failure.name}
              </Text>{' '}
              — {errorMessage(failure.error)}
            </List.Item>
          ))}
        </List>
      </Alert>
      <Group justify="flex-end">
        <Button onClick={onClose}>{t('common.close')}</Button>
      </Group>
    </Stack>
  );
}

function DisputeForm({ claims, saving, error, onClose, onSubmit }: DisputeModalProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const open = claims.filter((claim) => disputable(claim) > 0);
  const [selected, setSelected] = useState<readonly string[]>([]);
  const [amounts, setAmounts] = useState<Readonly<Record<string, string>>>({});
  const [reason, setReason] = useState<string>(DISPUTE_REASONS[0]);
  const [description, setDescription] = useState('');
  const [deadlineOn, setDeadlineOn] = useState(inThirtyDays);
  const [files, setFiles] = useState<File[]>([]);
  const [checked, setChecked] = useState(false);
  const noClaim = selected.length === 0;
  const problems = fileProblems(files);
  const tooMany = files.length > MAX_DISPUTE_DOCUMENTS;

  const amountOf = (claim: Claim): { minor?: number; invalid: boolean } => {
    const text = (amounts[claim.id] ?? '').trim();
    if (text === '') return { invalid: false };
    const minor = parseMoneyInput(text, claim.currency);
    return minor === null || minor <= 0 || minor > disputable(claim)
      ? { invalid: true }
      : { minor, invalid: false };
  };
  const chosen = open.filter((claim) => selected.includes(claim.id));
  const badAmount = chosen.some((claim) => amountOf(claim).invalid);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (noClaim || badAmount || problems.length > 0 || tooMany) return;
    onSubmit(
      {
        reason,
        claims: chosen.map((claim) => {
          const { minor } = amountOf(claim);
          return minor === undefined ? { claimId: claim.id } : { claimId: claim.id, amountMinor: minor };
        }),
        ...(description.trim() ? { description: description.trim() } : {}),
        ...(deadlineOn ? { deadlineOn } : {}),
      },
      files,
    );
  };

  const fileError =
    problems.length > 0
      ? problems.map((p) => t(`workspace.dispute.documents.${p.problem}`, { name: p.name })).join(' ')
      : tooMany
        ? t('workspace.dispute.documents.tooMany', { count: MAX_DISPUTE_DOCUMENTS })
        : undefined;

  return (
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
                  amount: format.money(disputable(claim), claim.currency),
                  date: format.date(claim.dueDate),
                })}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        {chosen.map((claim) => (
          <TextInput
            key={claim.id}
            label={t('workspace.dispute.amount', { invoice: claim.invoiceNumber })}
            description={t('workspace.dispute.amountHint', {
              amount: format.money(disputable(claim), claim.currency),
            })}
            placeholder={format.money(disputable(claim), claim.currency)}
            inputMode="decimal"
            value={amounts[claim.id] ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setAmounts((current) => ({ ...current, [claim.id]: value }));
            }}
            error={checked && amountOf(claim).invalid ? t('workspace.dispute.amountInvalid') : undefined}
          />
        ))}
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
        <FileInput
          multiple
          clearable
          label={t('workspace.dispute.documents.label')}
          description={t('workspace.dispute.documents.hint')}
          placeholder={t('workspace.dispute.documents.placeholder')}
          value={files}
          onChange={setFiles}
          error={fileError}
          data-testid="dispute-documents"
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
  );
}
