import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallScript } from '../workspace/api.ts';
import { ScriptPanel } from '../workspace/script-panel.tsx';
import { answer, back, type ScriptWalk, startWalk } from '../workspace/script-walk.ts';
import type { Labels } from './answer-fields.tsx';

/**
 * The script walked as an agent walks it in the workspace (the same panel, the same steps): the texts as
 * written, their {{variables}} filled in only on a real case. An answer's form or suggestion is named instead.
 */
export function ScriptPreview({ script, labels }: { readonly script: CallScript; readonly labels: Labels }) {
  const { t } = useTranslation();
  const [walk, setWalk] = useState<ScriptWalk>(() => startWalk(script));
  const [opened, setOpened] = useState<string | null>(null);
  const known = walk.nodeId === null || script.nodes[walk.nodeId] !== undefined;
  return (
    <Stack gap="sm" data-testid="script-preview">
      <Text size="sm" c="dimmed">
        {t('scripts.preview.hint')}
      </Text>
      {!known && (
        <Alert color="orange" variant="light">
          {t('scripts.preview.missing', { id: walk.nodeId })}
        </Alert>
      )}
      <ScriptPanel
        script={script}
        pending={false}
        error={null}
        walk={walk}
        onAnswer={(option) => {
          setWalk(answer(walk, script, option));
          setOpened(option.action ?? null);
        }}
        onBack={() => {
          setWalk(back(walk));
          setOpened(null);
        }}
        onRestart={() => {
          setWalk(startWalk(script));
          setOpened(null);
        }}
        reasonLabel={labels.reason}
      />
      <Group gap="xs">
        {walk.suggest && (
          <Badge variant="light" tt="none" data-testid="preview-suggest">
            {t('scripts.preview.suggest', { disposition: labels.disposition(walk.suggest) })}
          </Badge>
        )}
        {opened && (
          <Badge variant="light" color="grape" tt="none" data-testid="preview-action">
            {t('scripts.preview.action', {
              action: t(`scripts.actions.${opened}`, { defaultValue: opened }),
            })}
          </Badge>
        )}
      </Group>
    </Stack>
  );
}
