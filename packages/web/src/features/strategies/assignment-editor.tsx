import {
  ActionIcon,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEBTOR_KINDS, includes } from '../../app/api/types.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { errorMessage } from '../../app/query-client.ts';
import { type StrategyBook, saveAssignment } from './api.ts';
import { ruleSentence, ruleText } from './assignment-text.ts';
import { conditionSentence } from './condition-text.ts';
import { type AssignmentRule, type AssignmentRules, type Condition, PROFILES } from './definition.ts';
import { AmountField } from './form-fields.tsx';
import {
  assignmentFieldPaths,
  type ErrorAt,
  placeIssues,
  type StrategyIssue,
  strategyIssuesOf,
} from './issues.ts';
import { IssuesAlert } from './issues-alert.tsx';
import { isEmptyCondition, mergeCondition, moveItem, removeItem } from './step-list.ts';

type RuleFieldsProps = {
  readonly rule: AssignmentRule;
  readonly index: number;
  readonly count: number;
  readonly book: StrategyBook;
  readonly errorAt: ErrorAt;
  readonly onChange: (rule: AssignmentRule) => void;
  readonly onMove: (delta: -1 | 1) => void;
  readonly onRemove: () => void;
};

function RuleFields({ rule, index, count, book, errorAt, onChange, onMove, onRemove }: RuleFieldsProps) {
  const { t } = useTranslation();
  const { language } = useFormat();
  const at = `rules[${index}]`;
  const n = index + 1;
  const setWhen = (patch: Partial<Condition>) =>
    onChange({ ...rule, when: mergeCondition(rule.when, patch) ?? {} });
  const { debtorKind: _kind, profile: _profile, amount: _amount, ...others } = rule.when;
  const strategies = book.items.map((item) => ({ value: item.key, label: item.definition.name[language] }));

  return (
    <Paper withBorder p="sm" component="li" style={{ listStyle: 'none' }} data-rule={index}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs" wrap="nowrap">
            <Badge circle size="lg" aria-hidden>
              {n}
            </Badge>
            <Text size="sm" fw={500}>
              {ruleSentence(ruleText(rule, book.items, t, language))}
            </Text>
          </Group>
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="default"
              aria-label={t('strategies.assignment.moveUp', { n })}
              title={t('strategies.assignment.moveUp', { n })}
              disabled={index === 0}
              onClick={() => onMove(-1)}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="default"
              aria-label={t('strategies.assignment.moveDown', { n })}
              title={t('strategies.assignment.moveDown', { n })}
              disabled={index === count - 1}
              onClick={() => onMove(1)}
            >
              ↓
            </ActionIcon>
            <ActionIcon
              variant="light"
              color="red"
              aria-label={t('strategies.assignment.remove', { n })}
              title={t('strategies.assignment.remove', { n })}
              onClick={onRemove}
            >
              ✕
            </ActionIcon>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('strategies.assignment.name')}
            value={rule.name ?? ''}
            onChange={(event) => {
              const name = event.currentTarget.value;
              const { name: _old, ...rest } = rule;
              onChange(name ? { ...rest, name } : rest);
            }}
            error={errorAt(`${at}.name`)}
          />
          <Select
            label={t('strategies.assignment.strategy')}
            data={strategies}
            value={rule.strategy}
            allowDeselect={false}
            onChange={(strategy) => strategy && onChange({ ...rule, strategy })}
            error={errorAt(`${at}.strategy`)}
          />
          <Select
            label={t('editor.steps.debtorKind')}
            data={[
              { value: '', label: t('editor.steps.anyKind') },
              ...DEBTOR_KINDS.map((value) => ({ value, label: t(`debtorKind.${value}`) })),
            ]}
            value={rule.when.debtorKind ?? ''}
            allowDeselect={false}
            onChange={(value) => setWhen({ debtorKind: includes(DEBTOR_KINDS, value) ? value : undefined })}
            error={errorAt(`${at}.when.debtorKind`)}
          />
          <MultiSelect
            label={t('strategies.assignment.profile')}
            placeholder={rule.when.profile?.length ? undefined : t('strategies.assignment.anyProfile')}
            data={PROFILES.map((value) => ({ value, label: t(`strategies.profile.${value}`) }))}
            value={[...(rule.when.profile ?? [])]}
            onChange={(values) => setWhen({ profile: values.filter((value) => includes(PROFILES, value)) })}
            error={errorAt(`${at}.when.profile`)}
          />
          <AmountField
            label={t('editor.steps.amountMin')}
            value={rule.when.amount?.min}
            onChange={(min) => setWhen({ amount: { ...rule.when.amount, min } })}
            error={errorAt(`${at}.when.amount.min`)}
          />
          <AmountField
            label={t('editor.steps.amountMax')}
            value={rule.when.amount?.max}
            onChange={(max) => setWhen({ amount: { ...rule.when.amount, max } })}
            error={errorAt(`${at}.when.amount.max`)}
          />
        </SimpleGrid>
        {!isEmptyCondition(others) && (
          <Text size="xs" c="dimmed">
            {t('editor.steps.summary', { text: conditionSentence(others, t, language) })}
          </Text>
        )}
        {(errorAt(at) || errorAt(`${at}.when`)) && (
          <Text size="sm" c="red.7" role="alert">
            {[errorAt(at), errorAt(`${at}.when`)].filter(Boolean).join(' ')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The assignment rules as a form: order, segment and strategy of each rule, and the default. */
export function AssignmentEditor({
  book,
  onClose,
}: {
  readonly book: StrategyBook;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useFormat();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<AssignmentRules>(book.assignment);
  const [issues, setIssues] = useState<readonly StrategyIssue[]>([]);
  const placed = useMemo(() => placeIssues(issues, assignmentFieldPaths(draft)), [issues, draft]);
  const errorAt: ErrorAt = (path) =>
    placed.byPath
      .get(path)
      ?.map((issue) => issue.message[language])
      .join(' ');
  const save = useMutation({
    mutationFn: saveAssignment,
    meta: { silent: true },
    onMutate: () => setIssues([]),
    onSuccess: async ({ version }) => {
      notifications.show({
        color: 'teal',
        title: t('strategies.assignment.saved', { version }),
        message: t('strategies.assignment.savedHint'),
      });
      await queryClient.invalidateQueries({ queryKey: ['strategies'] });
      onClose();
    },
    onError: (error) => setIssues(strategyIssuesOf(error) ?? []),
  });
  const setRules = (rules: readonly AssignmentRule[], reordered: boolean) => {
    setDraft({ ...draft, rules });
    if (reordered) setIssues([]);
  };

  return (
    <Stack gap="sm">
      <IssuesAlert total={issues.length} listed={placed.unplaced} />
      {save.isError && issues.length === 0 && (
        <Text size="sm" c="red.7" role="alert">
          {errorMessage(save.error)}
        </Text>
      )}
      <Stack gap="xs" component="ol" p={0} m={0} aria-label={t('strategies.assignment.listLabel')}>
        {draft.rules.map((rule, index) => (
          <RuleFields
            // biome-ignore lint/suspicious/noArrayIndexKey: rules are positional (first match wins)
            key={index}
            rule={rule}
            index={index}
            count={draft.rules.length}
            book={book}
            errorAt={errorAt}
            onChange={(next) =>
              setRules(
                draft.rules.map((r, i) => (i === index ? next : r)),
                false,
              )
            }
            onMove={(delta) => setRules(moveItem(draft.rules, index, delta), true)}
            onRemove={() => setRules(removeItem(draft.rules, index), true)}
          />
        ))}
      </Stack>
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() => setRules([...draft.rules, { when: {}, strategy: draft.defaultStrategy }], false)}
        >
          {t('strategies.assignment.add')}
        </Button>
      </Group>
      <Select
        label={t('strategies.assignment.defaultStrategy')}
        description={t('strategies.assignment.defaultHint')}
        data={book.items.map((item) => ({ value: item.key, label: item.definition.name[language] }))}
        value={draft.defaultStrategy}
        allowDeselect={false}
        onChange={(defaultStrategy) => defaultStrategy && setDraft({ ...draft, defaultStrategy })}
        error={errorAt('defaultStrategy')}
        maw={360}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={save.isPending}>
          {t('common.cancel')}
        </Button>
        <Button loading={save.isPending} onClick={() => save.mutate(draft)}>
          {t('strategies.assignment.save')}
        </Button>
      </Group>
    </Stack>
  );
}
