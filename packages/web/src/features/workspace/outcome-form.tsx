import {
  Alert,
  Button,
  Group,
  Kbd,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type RefObject, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { errorMessage } from '../../app/query-client.ts';
import type { DispositionCatalogue, OutcomeInput } from './api.ts';
import { defaultCallback, localInputToIso } from './datetime.ts';

export type Linked = { readonly promiseId?: string; readonly planId?: string; readonly disputeId?: string };

type OutcomeFormProps = {
  readonly catalogue: DispositionCatalogue | undefined;
  /** The disposition the script suggests, preselected until the agent picks another. */
  readonly suggested: string | null;
  readonly reason: string | null;
  readonly linked: Linked;
  readonly saving: boolean;
  readonly error: unknown;
  readonly selectRef: RefObject<HTMLSelectElement | null>;
  readonly onSubmit: (input: Omit<OutcomeInput, 'taskId' | 'phone' | 'scriptAnswers'>) => void;
};

/** What came of the call: the disposition, and what it needs (reason, callback instant, the agreement made). */
export function OutcomeForm(props: OutcomeFormProps) {
  const { t } = useTranslation();
  const { language } = useFormat();
  const dispositions = props.catalogue?.dispositions ?? [];
  const reasons = props.catalogue?.reasons ?? [];
  const [disposition, setDisposition] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [callbackAt, setCallbackAt] = useState(defaultCallback);
  const [checked, setChecked] = useState(false);

  useEffect(() => {
    if (props.suggested) setDisposition(props.suggested);
  }, [props.suggested]);
  useEffect(() => {
    if (props.reason) setReason(props.reason);
  }, [props.reason]);

  const rule = dispositions.find((item) => item.code === disposition);
  const needs = rule?.needs;
  const callbackIso = localInputToIso(callbackAt);
  const missing = {
    disposition: !rule,
    reason: Boolean(needs?.reason) && !reason,
    callback: Boolean(needs?.callback) && (!callbackIso || Date.parse(callbackIso) <= Date.now()),
    promise: Boolean(needs?.promise) && !props.linked.promiseId,
    plan: Boolean(needs?.plan) && !props.linked.planId,
    dispute: Boolean(needs?.dispute) && !props.linked.disputeId,
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.values(missing).some(Boolean) || !rule) return;
    props.onSubmit({
      disposition: rule.code,
      ...(reason && (needs?.reason || rule.rightParty) ? { reason } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(needs?.callback && callbackIso ? { callbackAt: callbackIso } : {}),
      ...(props.linked.promiseId ? { promiseId: props.linked.promiseId } : {}),
      ...(props.linked.planId ? { planId: props.linked.planId } : {}),
      ...(props.linked.disputeId ? { disputeId: props.linked.disputeId } : {}),
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="outcome-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="md" id="outcome-title">
          {t('workspace.outcome.title')}
        </Title>
        <Kbd size="xs">O</Kbd>
      </Group>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NativeSelect
            ref={props.selectRef}
            label={t('workspace.outcome.disposition')}
            value={disposition}
            onChange={(event) => setDisposition(event.currentTarget.value)}
            data={[
              { value: '', label: t('workspace.outcome.choose') },
              ...dispositions.map((item) => ({ value: item.code, label: item.label[language] })),
            ]}
            error={checked && missing.disposition ? t('workspace.outcome.dispositionMissing') : undefined}
          />
          {(needs?.reason || rule?.rightParty) && (
            <NativeSelect
              label={t('workspace.outcome.reason')}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              data={[
                { value: '', label: t('workspace.outcome.choose') },
                ...reasons.map((item) => ({ value: item.code, label: item.label[language] })),
              ]}
              error={checked && missing.reason ? t('workspace.outcome.reasonMissing') : undefined}
            />
          )}
          {needs?.callback && (
            <TextInput
              type="datetime-local"
              label={t('workspace.outcome.callbackAt')}
              value={callbackAt}
              onChange={(event) => setCallbackAt(event.currentTarget.value)}
              error={checked && missing.callback ? t('workspace.outcome.callbackInvalid') : undefined}
            />
          )}
          {checked && missing.promise && (
            <Text size="sm" c="red.8">
              {t('workspace.outcome.promiseMissing')}
            </Text>
          )}
          {checked && missing.plan && (
            <Text size="sm" c="red.8">
              {t('workspace.outcome.planMissing')}
            </Text>
          )}
          {checked && missing.dispute && (
            <Text size="sm" c="red.8">
              {t('workspace.outcome.disputeMissing')}
            </Text>
          )}
          <Textarea
            label={t('workspace.outcome.note')}
            value={note}
            autosize
            minRows={2}
            maxLength={2000}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          {props.error !== null && props.error !== undefined && (
            <Alert color="red" role="alert">
              {errorMessage(props.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={props.saving}>
              {t('workspace.outcome.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
