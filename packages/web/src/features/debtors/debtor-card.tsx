import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale, isLanguage } from '../../app/i18n/languages.ts';
import { DebtorKindBadge } from '../../app/ui/badges.tsx';
import type { DebtorDetail } from './api.ts';

function Field({
  label,
  action,
  children,
}: {
  readonly label: string;
  readonly action?: ReactNode;
  readonly children: ReactNode;
}) {
  const title = (
    <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
      {label}
    </Text>
  );
  return (
    <Stack gap={0}>
      {action ? (
        <Group gap="xs" align="center">
          {title}
          {action}
        </Group>
      ) : (
        title
      )}
      <Text size="sm" component="div">
        {children ?? '—'}
      </Text>
    </Stack>
  );
}

function languageName(code: string | null, uiLanguage: string): string | null {
  if (!code) return null;
  try {
    const locale = intlLocale(isLanguage(uiLanguage) ? uiLanguage : 'fr');
    return new Intl.DisplayNames(locale, { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function DebtorCard({
  debtor,
  title,
  tagsAction,
}: {
  readonly debtor: DebtorDetail;
  readonly title?: string;
  /** Shown beside the tags' label (the debtor page puts its editor there). */
  readonly tagsAction?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="debtor-card-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {title ?? t('debtor.title')}
            </Text>
            <Title order={3} fz="lg" id="debtor-card-title">
              {debtor.name}
            </Title>
          </Stack>
          <DebtorKindBadge value={debtor.kind} />
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="xs">
          <Field label={t('debtor.ref')}>{debtor.ref}</Field>
          {debtor.kind === 'business' && (
            <>
              <Field label={t('debtor.siren')}>{debtor.siren}</Field>
              <Field label={t('debtor.siret')}>{debtor.siret}</Field>
              <Field label={t('debtor.vatNumber')}>{debtor.vatNumber}</Field>
            </>
          )}
          <Field label={t('debtor.language')}>{languageName(debtor.language, i18n.language)}</Field>
          <Field label={t('debtor.timeZone')}>{debtor.timeZone}</Field>
        </SimpleGrid>
        <Field label={t('debtor.tags')} action={tagsAction}>
          {debtor.tags.length > 0 ? (
            <Group gap={4} mt={2} data-testid="debtor-tags">
              {debtor.tags.map((tag) => (
                <Badge key={tag} variant="default" tt="none" size="sm">
                  {tag}
                </Badge>
              ))}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('debtor.noTags')}
            </Text>
          )}
        </Field>
      </Stack>
    </Paper>
  );
}
