import { Button, Group, Kbd, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type WorkspaceForm = 'promise' | 'plan' | 'dispute' | 'callback' | 'paymentLink';

/** The keys of the workspace, shown where they are used (and listed under the header). */
export const SHORTCUTS: Readonly<Record<WorkspaceForm | 'next' | 'outcome', string>> = {
  next: 'N',
  outcome: 'O',
  promise: 'P',
  plan: 'E',
  dispute: 'D',
  callback: 'R',
  paymentLink: 'L',
};

const FORMS: readonly WorkspaceForm[] = ['promise', 'plan', 'dispute', 'callback', 'paymentLink'];

/** What the agent can agree with the debtor (or send them) during the call, each with its key. */
export function ActionBar({ onOpen }: { readonly onOpen: (form: WorkspaceForm) => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" component="section" aria-label={t('workspace.actions.label')}>
      <Group gap="xs">
        {FORMS.map((form) => (
          <Button
            key={form}
            variant="light"
            size="sm"
            onClick={() => onOpen(form)}
            rightSection={<Kbd size="xs">{SHORTCUTS[form]}</Kbd>}
          >
            {t(`workspace.actions.${form}`)}
          </Button>
        ))}
      </Group>
    </Paper>
  );
}

/** "N next case · O outcome · …": the keys, for the agent who has not learnt them yet. */
export function ShortcutLegend() {
  const { t } = useTranslation();
  return (
    // Keys are for a keyboard: a phone or a tablet held upright has none, and the legend only takes room.
    <Group gap="md" aria-label={t('workspace.shortcuts.label')} role="note" visibleFrom="sm">
      {(Object.keys(SHORTCUTS) as (keyof typeof SHORTCUTS)[]).map((key) => (
        <Text key={key} size="xs" c="dimmed">
          <Kbd size="xs">{SHORTCUTS[key]}</Kbd> {t(`workspace.shortcuts.${key}`)}
        </Text>
      ))}
    </Group>
  );
}
