import { Alert, Button, Group, List, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlacedErrors } from './field-errors.ts';

type SaveBarProps = {
  readonly saving: boolean;
  readonly saved: boolean;
  readonly refused: PlacedErrors | null;
  readonly savedMessage: string;
};

/** The verdict of the last save (saved, or refused: the objections no field shows are listed) and the button. */
export function SaveBar({ saving, saved, refused, savedMessage }: SaveBarProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {refused && (
        <Alert color="red" title={t('settings.refused')} role="alert" data-testid="settings-refused">
          {refused.other.length > 0 && (
            <List size="sm" spacing={2}>
              {refused.other.map((message) => (
                <List.Item key={message}>{message}</List.Item>
              ))}
            </List>
          )}
          {Object.keys(refused.byField).length > 0 && t('settings.refusedBeside')}
        </Alert>
      )}
      {saved && (
        <Alert color="green" role="status" data-testid="settings-saved">
          {savedMessage}
        </Alert>
      )}
      <Group>
        <Button type="submit" loading={saving}>
          {t('settings.save')}
        </Button>
      </Group>
    </Stack>
  );
}
