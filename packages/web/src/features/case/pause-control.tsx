import { Alert, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate, shiftIsoDate } from '../../app/format/dates.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { errorMessage } from '../../app/query-client.ts';
import { usePhoneScreen } from '../workspace/phone-screen.ts';
import type { CaseEventInput } from './engine-api.ts';

/** The server takes a pause's end from tomorrow to a year and a day ahead (`MAX_PAUSE_DAYS`). */
const MAX_PAUSE_DAYS = 366;

type PauseControlProps = {
  readonly saving: boolean;
  readonly error: unknown;
  readonly onPause: (event: CaseEventInput) => void;
};

/**
 * "Pause collection" as a menu: with no end, for a week, two weeks, a month, or until a chosen day (a dialog
 * with a date). A dated pause ends by itself on that day, and the ladder carries on from its step.
 */
export function PauseControl({ saving, error, onPause }: PauseControlProps) {
  const { t } = useTranslation();
  const [choosing, setChoosing] = useState(false);
  const today = localIsoDate();
  const pause = (until?: string) => onPause({ kind: 'pause', on: today, ...(until ? { until } : {}) });
  return (
    <>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button variant="default" size="xs" loading={saving}>
            {t('engine.pause')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown maw={320}>
          <Menu.Label style={{ whiteSpace: 'normal' }}>{t('engine.pauseMenu.hint')}</Menu.Label>
          <Menu.Item onClick={() => pause()}>{t('engine.pauseMenu.open')}</Menu.Item>
          <Menu.Item onClick={() => pause(shiftIsoDate(today, { days: 7 }))}>
            {t('engine.pauseMenu.week')}
          </Menu.Item>
          <Menu.Item onClick={() => pause(shiftIsoDate(today, { days: 14 }))}>
            {t('engine.pauseMenu.twoWeeks')}
          </Menu.Item>
          <Menu.Item onClick={() => pause(shiftIsoDate(today, { months: 1 }))}>
            {t('engine.pauseMenu.month')}
          </Menu.Item>
          <Menu.Item onClick={() => setChoosing(true)}>{t('engine.pauseMenu.until')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {choosing && (
        <PauseUntilModal
          today={today}
          saving={saving}
          error={error}
          onClose={() => setChoosing(false)}
          onSubmit={(until) => {
            pause(until);
            setChoosing(false);
          }}
        />
      )}
    </>
  );
}

function PauseUntilModal({
  today,
  saving,
  error,
  onClose,
  onSubmit,
}: {
  readonly today: string;
  readonly saving: boolean;
  readonly error: unknown;
  readonly onClose: () => void;
  readonly onSubmit: (until: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const phone = usePhoneScreen();
  const earliest = shiftIsoDate(today, { days: 1 });
  const latest = shiftIsoDate(today, { days: MAX_PAUSE_DAYS });
  const [until, setUntil] = useState(shiftIsoDate(today, { days: 14 }));
  const [checked, setChecked] = useState(false);
  const invalid = !/^\d{4}-\d{2}-\d{2}$/.test(until) || until < earliest || until > latest;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!invalid) onSubmit(until);
  };
  return (
    <Modal opened onClose={onClose} title={t('engine.pauseUntil.title')} fullScreen={phone}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('engine.pauseUntil.description')}</Text>
          <TextInput
            type="date"
            label={t('engine.pauseUntil.date')}
            value={until}
            min={earliest}
            max={latest}
            onChange={(event) => setUntil(event.currentTarget.value)}
            error={
              checked && invalid ? t('engine.pauseUntil.invalid', { latest: format.date(latest) }) : undefined
            }
            data-autofocus
          />
          {error ? <Alert color="red">{errorMessage(error)}</Alert> : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('engine.pauseUntil.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('engine.pauseUntil.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
