import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import type { Variable } from '../templates/api.ts';
import { snippetFor } from '../templates/snippet.ts';
import { AnswerFields, type Labels } from './answer-fields.tsx';
import type { ScriptIssue } from './api.ts';
import {
  type AnswerDraft,
  emptyAnswer,
  NODE_KINDS,
  type NodeDraft,
  type NodeKind,
  variablesIn,
} from './draft.ts';
import { IssueLines } from './issue-lines.tsx';

type NodeCardProps = {
  readonly node: NodeDraft;
  readonly isStart: boolean;
  readonly targets: readonly { readonly key: string; readonly id: string }[];
  readonly variables: readonly Variable[];
  readonly labels: Labels;
  readonly readOnly: boolean;
  readonly idProblem: 'empty' | 'duplicate' | undefined;
  readonly issues: readonly ScriptIssue[];
  readonly answerIssues: (index: number) => readonly ScriptIssue[];
  readonly onChange: (change: Partial<Omit<NodeDraft, 'key' | 'kind'>>) => void;
  readonly onKind: (kind: NodeKind) => void;
  readonly onStart: () => void;
  readonly onRemove: () => void;
};

/** One step of the script as a form: its id and kind, what the agent says, the arguments, the answers. */
export function NodeCard(props: NodeCardProps) {
  const { t } = useTranslation();
  const { language } = useFormat();
  const { node, readOnly } = props;
  const sayRef = useRef<HTMLTextAreaElement | null>(null);
  // A list's item fields are named alone inside {{#each}}: "claims[].number" makes "claims" and "number" known.
  const known = new Set(props.variables.flatMap((v) => v.path.split('[].')));
  const used = variablesIn(node.say);

  const insert = (path: string | null) => {
    const variable = props.variables.find((v) => v.path === path);
    if (!variable) return;
    const snippet = snippetFor(variable);
    const area = sayRef.current;
    const at = area?.selectionStart ?? node.say.length;
    const end = area?.selectionEnd ?? at;
    props.onChange({ say: node.say.slice(0, at) + snippet + node.say.slice(end) });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(at + snippet.length, at + snippet.length);
    });
  };
  const setAnswer = (index: number, answer: AnswerDraft) =>
    props.onChange({ answers: node.answers.map((a, i) => (i === index ? answer : a)) });
  const setArgument = (index: number, text: string) =>
    props.onChange({ arguments: node.arguments.map((a, i) => (i === index ? text : a)) });

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-label={t('scripts.node.label', { id: node.id })}
      data-node-id={node.id}
      style={props.issues.length > 0 ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
          <Group align="flex-end" gap="xs" wrap="wrap">
            <TextInput
              label={t('scripts.node.id')}
              value={node.id}
              readOnly={readOnly}
              w={200}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              onChange={(event) => props.onChange({ id: event.currentTarget.value })}
              error={props.idProblem ? t(`scripts.node.idProblem.${props.idProblem}`) : undefined}
            />
            <SegmentedControl
              value={node.kind}
              disabled={readOnly}
              size="xs"
              onChange={(value) => props.onKind(value as NodeKind)}
              data={NODE_KINDS.map((kind) => ({ value: kind, label: t(`scripts.kind.${kind}`) }))}
              aria-label={t('scripts.node.kind')}
            />
          </Group>
          <Group gap="xs">
            {props.isStart ? (
              <Badge variant="light" tt="none">
                {t('scripts.node.start')}
              </Badge>
            ) : (
              !readOnly && (
                <Button size="compact-sm" variant="subtle" onClick={props.onStart}>
                  {t('scripts.node.makeStart')}
                </Button>
              )
            )}
            {!readOnly && (
              <Button size="compact-sm" variant="subtle" color="red" onClick={props.onRemove}>
                {t('scripts.node.remove')}
              </Button>
            )}
          </Group>
        </Group>
        {props.issues.length > 0 && <IssueLines issues={props.issues} />}
        <Textarea
          ref={sayRef}
          label={t('scripts.node.say')}
          value={node.say}
          readOnly={readOnly}
          autosize
          minRows={2}
          onChange={(event) => props.onChange({ say: event.currentTarget.value })}
        />
        <Group gap="xs" align="flex-start" wrap="wrap">
          {!readOnly && (
            <Select
              size="xs"
              w={260}
              placeholder={t('scripts.node.insertVariable')}
              aria-label={t('scripts.node.insertVariable')}
              searchable
              value={null}
              onChange={insert}
              data={props.variables.map((v) => ({
                value: v.path,
                label: `${v.path} — ${v.description[language]}`,
              }))}
            />
          )}
          {used.length > 0 && (
            <Group gap={4} wrap="wrap" style={{ flex: 1 }}>
              <Text span size="xs" c="dimmed">
                {t('scripts.node.uses')}
              </Text>
              {used.map((path) => (
                <Badge
                  key={path}
                  size="xs"
                  variant="outline"
                  tt="none"
                  color={
                    known.size === 0 || known.has(path) || known.has(path.split('.')[0] ?? '')
                      ? 'gray'
                      : 'red'
                  }
                >
                  {path}
                </Badge>
              ))}
            </Group>
          )}
        </Group>
        {node.kind !== 'question' && (
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('scripts.node.arguments')}
            </Text>
            {node.arguments.map((text, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: arguments are positional texts
              <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
                <Textarea
                  style={{ flex: 1 }}
                  aria-label={t('scripts.node.argument', { n: index + 1 })}
                  value={text}
                  readOnly={readOnly}
                  autosize
                  minRows={1}
                  onChange={(event) => setArgument(index, event.currentTarget.value)}
                />
                {!readOnly && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t('scripts.node.removeArgument', { n: index + 1 })}
                    onClick={() =>
                      props.onChange({ arguments: node.arguments.filter((_, i) => i !== index) })
                    }
                  >
                    ×
                  </ActionIcon>
                )}
              </Group>
            ))}
            {!readOnly && (
              <Button
                size="compact-sm"
                variant="light"
                w="fit-content"
                onClick={() => props.onChange({ arguments: [...node.arguments, ''] })}
              >
                {t('scripts.node.addArgument')}
              </Button>
            )}
          </Stack>
        )}
        {node.kind !== 'end' && (
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('scripts.node.answers')}
            </Text>
            {node.answers.map((answer, index) => (
              <AnswerFields
                // biome-ignore lint/suspicious/noArrayIndexKey: answers are positional, as the server's issues name them
                key={index}
                answer={answer}
                index={index}
                targets={props.targets}
                labels={props.labels}
                readOnly={readOnly}
                issues={props.answerIssues(index)}
                onChange={(next) => setAnswer(index, next)}
                onRemove={() => props.onChange({ answers: node.answers.filter((_, i) => i !== index) })}
              />
            ))}
            {!readOnly && (
              <Button
                size="compact-sm"
                variant="light"
                w="fit-content"
                onClick={() => props.onChange({ answers: [...node.answers, emptyAnswer()] })}
              >
                {t('scripts.node.addAnswer')}
              </Button>
            )}
          </Stack>
        )}
        {node.kind === 'end' && (
          <Text size="sm" c="dimmed">
            {t('scripts.node.endHint')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
