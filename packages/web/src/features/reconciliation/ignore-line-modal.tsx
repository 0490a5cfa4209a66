import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLineActions } from './use-line-actions.ts';

/** A person sets a line aside (an internal transfer, a refund…), saying why: nothing is booked. */
export function IgnoreLineModal({
  lineId,
  opened,
  onClose,
}: {
  readonly lineId: string;
  readonly opened: boolean;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const { ignore } = useLineActions(lineId, onClose);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length >= 2) ignore.mutate(reason.trim());
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('reconciliation.ignoreTitle')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={t('reconciliation.ignoreReason')}
            description={t('reconciliation.ignoreHint')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('reconciliation.cancel')}
            </Button>
            <Button type="submit" loading={ignore.isPending} disabled={reason.trim().length < 2}>
              {t('reconciliation.ignore')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
