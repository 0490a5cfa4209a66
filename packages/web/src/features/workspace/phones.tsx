import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../app/api/types.ts';

/** `tel:` wants the digits and a leading +, nothing else (softphones and SIP clients take it as is). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/**
 * The debtor's phones as click-to-call links. A number found wrong stays listed, struck through: the agent
 * flags it by recording the "wrong number" outcome, which marks it invalid.
 */
export function PhoneList({
  contacts,
  called,
}: {
  readonly contacts: readonly Contact[];
  readonly called: string | null;
}) {
  const { t } = useTranslation();
  const phones = contacts.filter((contact) => contact.kind === 'phone' && contact.value);
  const emails = contacts.filter((contact) => contact.kind === 'email' && contact.value);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="phones-title">
      <Title order={2} fz="md" mb="xs" id="phones-title">
        {t('workspace.contacts.title')}
      </Title>
      <Stack gap={6}>
        {phones.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('workspace.contacts.noPhone')}
          </Text>
        )}
        {phones.map((contact) => {
          const value = contact.value ?? '';
          const invalid = contact.validity === 'invalid';
          return (
            <Group key={contact.id} gap="xs" wrap="nowrap" data-phone={value}>
              <Anchor
                href={telHref(value)}
                td={invalid ? 'line-through' : undefined}
                c={invalid ? 'dimmed' : undefined}
              >
                {value}
              </Anchor>
              {contact.label && (
                <Text size="xs" c="dimmed">
                  {contact.label}
                </Text>
              )}
              {value === called && (
                <Badge size="xs" variant="light" tt="none">
                  {t('workspace.contacts.queued')}
                </Badge>
              )}
              {invalid && (
                <Badge size="xs" color="red" variant="light" tt="none">
                  {t('workspace.contacts.wrongNumber')}
                </Badge>
              )}
            </Group>
          );
        })}
        {emails.map((contact) => (
          <Anchor key={contact.id} href={`mailto:${contact.value ?? ''}`} size="sm">
            {contact.value}
          </Anchor>
        ))}
      </Stack>
    </Paper>
  );
}
