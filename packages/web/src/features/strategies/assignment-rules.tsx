import { Badge, Button, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { AnchorLink } from '../../app/ui/router-links.tsx';
import type { StrategyBook } from './api.ts';
import { AssignmentEditor } from './assignment-editor.tsx';
import { type RuleText, ruleText, strategyName } from './assignment-text.ts';

function RuleLine({ text, strategyKey }: { readonly text: RuleText; readonly strategyKey: string }) {
  return (
    <Text size="sm" component="span">
      {text.who} →{' '}
      {text.known ? (
        <AnchorLink to="/strategies/$key" params={{ key: strategyKey }} size="sm" fw={500}>
          {text.strategy}
        </AnchorLink>
      ) : (
        <Text span size="sm" c="red.7">
          {text.strategy}
        </Text>
      )}
    </Text>
  );
}

/** The assignment rules in order, each as "segment → strategy", then the default. */
export function AssignmentRulesView({
  book,
  canEdit,
}: {
  readonly book: StrategyBook;
  readonly canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const { language } = useFormat();
  const { rules, defaultStrategy } = book.assignment;
  const fallback = strategyName(defaultStrategy, book.items, t, language);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assignment-title">
      <Group justify="space-between" align="flex-start" mb="xs" wrap="wrap">
        <Stack gap={2}>
          <Title order={2} fz="lg" id="assignment-title">
            {t('strategies.assignment.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('strategies.assignment.hint')}
          </Text>
        </Stack>
        <Group gap="xs">
          <Badge variant="light" tt="none">
            {t('strategies.assignment.firstMatch')}
          </Badge>
          <Badge variant="default" tt="none">
            {t('strategies.assignment.version', { version: book.assignmentVersion })}
          </Badge>
          {canEdit && !editing && (
            <Button size="xs" variant="light" onClick={() => setEditing(true)}>
              {t('strategies.assignment.edit')}
            </Button>
          )}
        </Group>
      </Group>
      {editing ? (
        <AssignmentEditor book={book} onClose={() => setEditing(false)} />
      ) : (
        <List
          type="ordered"
          spacing="xs"
          listStyleType="none"
          aria-label={t('strategies.assignment.listLabel')}
          data-testid="assignment-rules"
        >
          {rules.map((rule, index) => {
            const text = ruleText(rule, book.items, t, language);
            return (
              <List.Item
                // biome-ignore lint/suspicious/noArrayIndexKey: rules are positional (first match wins)
                key={index}
                icon={
                  <ThemeIcon size={22} radius="xl" variant="light">
                    <Text size="xs" fw={700}>
                      {index + 1}
                    </Text>
                  </ThemeIcon>
                }
              >
                <Stack gap={0}>
                  <RuleLine text={text} strategyKey={rule.strategy} />
                  {rule.name && (
                    <Text size="xs" c="dimmed">
                      {rule.name}
                    </Text>
                  )}
                </Stack>
              </List.Item>
            );
          })}
          <List.Item
            icon={
              <ThemeIcon size={22} radius="xl" variant="default">
                <Text size="xs" fw={700}>
                  …
                </Text>
              </ThemeIcon>
            }
          >
            <Stack gap={0}>
              <RuleLine
                text={{
                  who: t('strategies.assignment.defaultRule'),
                  strategy: fallback.name,
                  known: fallback.known,
                }}
                strategyKey={defaultStrategy}
              />
              <Text size="xs" c="dimmed">
                {t('strategies.assignment.otherwise')}
              </Text>
            </Stack>
          </List.Item>
        </List>
      )}
    </Paper>
  );
}
