import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Contact, includes } from '../../app/api/types.ts';

const VALIDITIES = ['valid', 'invalid', 'unverified'] as const;
const CONSENTS = ['granted', 'withdrawn', 'unknown'] as const;
const VALIDITY_COLORS = { valid: 'teal', invalid: 'red', unverified: 'yellow' } as const;
const CONSENT_COLORS = { granted: 'teal', withdrawn: 'red', unknown: 'gray' } as const;

function consentValue(consent: Contact['consent']): string | null {
  if (consent === true) return 'granted';
  if (consent === false) return 'withdrawn';
  return consent;
}

function ValidityBadge({ value }: { readonly value: string | null }) {
  const { t } = useTranslation();
  if (!value) return null;
  const known = includes(VALIDITIES, value) ? value : null;
  return (
    <Badge size="sm" variant="light" tt="none" color={known ? VALIDITY_COLORS[known] : 'gray'}>
      {known ? t(`contacts.validity.${known}`) : value}
    </Badge>
  );
}

function ConsentBadge({ value }: { readonly value: string | null }) {
  const { t } = useTranslation();
  if (!value) return null;
  const known = includes(CONSENTS, value) ? value : null;
  return (
    <Badge size="sm" variant="outline" tt="none" color={known ? CONSENT_COLORS[known] : 'gray'}>
      {known ? t(`contacts.consent.${known}`) : value}
    </Badge>
  );
}

function contactText(contact: Contact): string {
  if (contact.kind !== 'postal') return contact.value ?? '—';
  const cityLine = [contact.postalCode, contact.city].filter(Boolean).join(' ');
  const parts = [contact.addressLine1 ?? contact.value, cityLine, contact.country].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : '—';
}

export function ContactsList({ contacts }: { readonly contacts: readonly Contact[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="contacts-title">
      <Title order={3} fz="md" mb="sm" id="contacts-title">
        {t('contacts.title')}
      </Title>
      {contacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('contacts.empty')}
        </Text>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {contacts.map((contact) => (
            <li key={contact.id}>
              {/* On a narrow screen the badges go under the value rather than squeeze it. */}
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <Stack gap={0} style={{ minWidth: 0, flex: '1 1 12rem' }}>
                  <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                    {t(`contacts.kind.${contact.kind}`)}
                    {contact.label ? ` · ${contact.label}` : ''}
                  </Text>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {contactText(contact)}
                  </Text>
                </Stack>
                <Group gap={4} wrap="nowrap">
                  <ValidityBadge value={contact.validity} />
                  <ConsentBadge value={consentValue(contact.consent)} />
                </Group>
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
