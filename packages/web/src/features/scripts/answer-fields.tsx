import { ActionIcon, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScriptIssue } from './api.ts';
import { type AnswerDraft, SCRIPT_ACTIONS, SCRIPT_REASONS, SUGGESTED_DISPOSITIONS } from './draft.ts';
import { IssueLines } from './issue-lines.tsx';

export type Labels = {
  readonly reason: (code: string) => string;
  readonly disposition: (code: string) => string;
};

type AnswerFieldsProps = {
  readonly answer: AnswerDraft;
  readonly index: number;
  /** The nodes an answer may lead to: draft key and id. */
  readonly targets: readonly { readonly key: string; readonly id: string }[];
  readonly labels: Labels;
  readonly readOnly: boolean;
  readonly issues: readonly ScriptIssue[];
  readonly onChange: (answer: AnswerDraft) => void;
  readonly onRemove: () => void;
};

/** One answer of a node: its words, the node it leads to (or the end of the call), and what it qualifies. */
export function AnswerFields(props: AnswerFieldsProps) {
  const { t } = useTranslation();
  const { answer, labels, readOnly } = props;
  const set = (change: Partial<AnswerDraft>) => props.onChange({ ...answer, ...change });
  const none = { value: '', label: t('scripts.answer.none') };
  const missing = answer.next.startsWith('missing:') ? answer.next.slice('missing:'.length) : null;
  const n = props.index + 1;
  return (
    <Paper withBorder p="xs" bg="gray.0" data-answer={props.index}>
      <Stack gap={6}>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={t('scripts.answer.label', { n })}
            value={answer.label}
            readOnly={readOnly}
            onChange={(event) => set({ label: event.currentTarget.value })}
          />
          {!readOnly && (
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('scripts.answer.remove', { n })}
              onClick={props.onRemove}
            >
              ×
            </ActionIcon>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs">
          <NativeSelect
            label={t('scripts.answer.next')}
            value={answer.next}
            disabled={readOnly}
            onChange={(event) => set({ next: event.currentTarget.value })}
            data={[
              { value: '', label: t('scripts.answer.endsCall') },
              ...props.targets.map((target) => ({ value: target.key, label: target.id || '…' })),
              ...(missing
                ? [{ value: answer.next, label: t('scripts.answer.missing', { id: missing }) }]
                : []),
            ]}
          />
          <NativeSelect
            label={t('scripts.answer.reason')}
            value={answer.reason}
            disabled={readOnly}
            onChange={(event) => set({ reason: event.currentTarget.value })}
            data={[none, ...SCRIPT_REASONS.map((code) => ({ value: code, label: labels.reason(code) }))]}
          />
          <NativeSelect
            label={t('scripts.answer.suggest')}
            value={answer.suggest}
            disabled={readOnly}
            onChange={(event) => set({ suggest: event.currentTarget.value })}
            data={[
              none,
              ...SUGGESTED_DISPOSITIONS.map((code) => ({ value: code, label: labels.disposition(code) })),
            ]}
          />
          <NativeSelect
            label={t('scripts.answer.action')}
            value={answer.action}
            disabled={readOnly}
            onChange={(event) => set({ action: event.currentTarget.value })}
            data={[
              none,
              ...SCRIPT_ACTIONS.map((code) => ({ value: code, label: t(`scripts.actions.${code}`) })),
            ]}
          />
        </SimpleGrid>
        {props.issues.length > 0 && <IssueLines issues={props.issues} />}
        {answer.next === '' && answer.label.trim() !== '' && (
          <Text size="xs" c="dimmed">
            {t('scripts.answer.endsHint')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
