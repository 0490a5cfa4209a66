import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../app/ui/states.tsx';
import type { CallScript, ScriptAnswerOption } from './api.ts';
import type { ScriptWalk } from './script-walk.ts';

type ScriptPanelProps = {
  /** null: no script fits this case. */
  readonly script: CallScript | null | undefined;
  readonly pending: boolean;
  readonly error: unknown;
  readonly walk: ScriptWalk;
  readonly onAnswer: (option: ScriptAnswerOption) => void;
  readonly onBack: () => void;
  readonly onRestart: () => void;
  readonly reasonLabel: (code: string) => string;
};

/** The script beside the case: the question to ask, its arguments, the answers as buttons, the path so far. */
export function ScriptPanel(props: ScriptPanelProps) {
  const { t } = useTranslation();
  const { script, walk } = props;
  const node = script && walk.nodeId ? script.nodes[walk.nodeId] : undefined;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="script-title" data-testid="script-panel">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="md" id="script-title">
          {script ? script.title : t('workspace.script.title')}
        </Title>
        {script && (
          <Group gap={4}>
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={props.onBack}
              disabled={walk.trail.length === 0}
            >
              {t('workspace.script.back')}
            </Button>
            <Button size="compact-xs" variant="subtle" onClick={props.onRestart}>
              {t('workspace.script.restart')}
            </Button>
          </Group>
        )}
      </Group>
      {props.pending && <LoadingState />}
      {props.error !== null && props.error !== undefined && <ErrorState error={props.error} />}
      {script === null && (
        <Text size="sm" c="dimmed">
          {t('workspace.script.none')}
        </Text>
      )}
      {script && (
        <Stack gap="sm">
          {node ? (
            <Stack gap="xs" data-node={walk.nodeId}>
              <Text fw={600} data-testid="script-say">
                {node.say}
              </Text>
              {node.arguments && node.arguments.length > 0 && (
                <List size="sm" spacing={2} aria-label={t('workspace.script.arguments')}>
                  {node.arguments.map((argument) => (
                    <List.Item key={argument}>{argument}</List.Item>
                  ))}
                </List>
              )}
              <Group gap="xs">
                {(node.answers ?? []).map((option) => (
                  <Button key={option.label} size="xs" variant="light" onClick={() => props.onAnswer(option)}>
                    {option.label}
                  </Button>
                ))}
              </Group>
            </Stack>
          ) : (
            <Alert color="teal" variant="light" data-testid="script-done">
              {t('workspace.script.done')}
            </Alert>
          )}
          {walk.answers.length > 0 && (
            <Stack gap={2}>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                {t('workspace.script.path')}
              </Text>
              <List size="xs" spacing={0} data-testid="script-path">
                {walk.answers.map((entry, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the path is positional, a question may repeat
                  <List.Item key={index}>
                    {entry.question} →{' '}
                    <Text span fw={600} size="xs">
                      {entry.answer}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
          {walk.reason && (
            <Text size="sm" data-testid="script-reason">
              {t('workspace.script.reason', { reason: props.reasonLabel(walk.reason) })}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}
