import { Button, Code, Group, JsonInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StrategyDefinition } from './definition.ts';
import { parseStrategyJson } from './json-text.ts';

type StrategyJsonProps = {
  readonly definition: StrategyDefinition;
  readonly readOnly: boolean;
  readonly saving: boolean;
  /** Sends the JSON as typed: the server checks it and answers with its issues. */
  readonly onSave: (value: unknown) => void;
};

export function StrategyJson({ definition, readOnly, saving, onSave }: StrategyJsonProps) {
  const { t } = useTranslation();
  const pretty = JSON.stringify(definition, null, 2);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<'invalid' | 'notObject' | null>(null);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="json-title">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Stack gap={0}>
          <Title order={2} fz="lg" id="json-title">
            {t('editor.json.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('editor.json.hint')}
          </Text>
        </Stack>
        {!readOnly && text === null && (
          <Button variant="light" onClick={() => setText(pretty)}>
            {t('editor.json.edit')}
          </Button>
        )}
      </Group>
      {text === null ? (
        <Code block aria-label={t('editor.json.label')} style={{ maxHeight: 600, overflow: 'auto' }}>
          {pretty}
        </Code>
      ) : (
        <Stack gap="sm">
          <JsonInput
            label={t('editor.json.label')}
            value={text}
            onChange={(next) => {
              setText(next);
              setError(null);
            }}
            autosize
            minRows={16}
            maxRows={40}
            formatOnBlur
            spellCheck={false}
            error={error ? t(`editor.json.${error}`) : undefined}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          />
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                setText(null);
                setError(null);
              }}
            >
              {t('common.cancel')}
            </Button>
            <Button
              loading={saving}
              onClick={() => {
                const parsed = parseStrategyJson(text);
                if (parsed.ok) onSave(parsed.value);
                else setError(parsed.error);
              }}
            >
              {t('editor.json.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
