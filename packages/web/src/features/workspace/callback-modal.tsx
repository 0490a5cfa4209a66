import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/query-client.ts';
import { defaultCallback, localInputToIso } from './datetime.ts';
import { usePhoneScreen } from './phone-screen.ts';

type CallbackModalProps = {
  readonly saving: boolean;
  readonly error: unknown;
  readonly onClose: () => void;
  readonly onSubmit: (callback: { readonly callbackAt: string; readonly note?: string }) => void;
};

/** "Call me back Thursday at 2 pm": the case comes back to the queue at that time (the server checks the hours). */
export function CallbackModal({ saving, error, onClose, onSubmit }: CallbackModalProps) {
  const { t } = useTranslation();
  const phone = usePhoneScreen();
  const [at, setAt] = useState(defaultCallback);
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  const iso = localInputToIso(at);
  const invalid = !iso || Date.parse(iso) <= Date.now();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (invalid || !iso) return;
    onSubmit({ callbackAt: iso, ...(note.trim() ? { note: note.trim() } : {}) });
  };

  return (
    <Modal opened onClose={onClose} title={t('workspace.callback.title')} fullScreen={phone}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            type="datetime-local"
            label={t('workspace.callback.at')}
            value={at}
            onChange={(event) => setAt(event.currentTarget.value)}
            error={checked && invalid ? t('workspace.outcome.callbackInvalid') : undefined}
            data-autofocus
          />
          <Textarea
            label={t('workspace.outcome.note')}
            value={note}
            autosize
            minRows={2}
            maxLength={2000}
            onChange={(event) => setNote(event.currentTarget.value)}
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
              {t('workspace.callback.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
