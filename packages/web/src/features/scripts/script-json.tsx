import { Button, Code, Group, JsonInput, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScriptDefinition } from './draft.ts';

type ScriptJsonProps = {
  readonly definition: ScriptDefinition;
  readonly readOnly: boolean;
  /** A JSON that has a script's shape goes back into the form (the save there sends it to the server). */
  readonly onApply: (definition: ScriptDefinition) => void;
};

/** Reads a typed JSON as a script's shape: a start and an object of nodes, each with what it says. */
export function parseScriptJson(text: string): ScriptDefinition | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { start, nodes } = value as { start?: unknown; nodes?: unknown };
  if (typeof start !== 'string' || typeof nodes !== 'object' || nodes === null || Array.isArray(nodes))
    return null;
  const ok = Object.values(nodes).every(
    (node) =>
      typeof node === 'object' &&
      node !== null &&
      typeof (node as { say?: unknown }).say === 'string' &&
      ((node as { answers?: unknown }).answers === undefined ||
        Array.isArray((node as { answers?: unknown }).answers)) &&
      ((node as { arguments?: unknown }).arguments === undefined ||
        Array.isArray((node as { arguments?: unknown }).arguments)),
  );
  return ok ? (value as ScriptDefinition) : null;
}

/** The escape hatch: the script as JSON, to read, or to paste and take back into the form. */
export function ScriptJson({ definition, readOnly, onApply }: ScriptJsonProps) {
  const { t } = useTranslation();
  const pretty = JSON.stringify(definition, null, 2);
  const [text, setText] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('scripts.json.hint')}
        </Text>
        {!readOnly && text === null && (
          <Button variant="light" onClick={() => setText(pretty)}>
            {t('scripts.json.edit')}
          </Button>
        )}
      </Group>
      {text === null ? (
        <Code block style={{ maxHeight: 600, overflow: 'auto' }} data-testid="script-json">
          {pretty}
        </Code>
      ) : (
        <Stack gap="sm">
          <JsonInput
            label={t('scripts.json.label')}
            value={text}
            onChange={(next) => {
              setText(next);
              setInvalid(false);
            }}
            autosize
            minRows={16}
            maxRows={40}
            spellCheck={false}
            error={invalid ? t('scripts.json.invalid') : undefined}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setText(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              onClick={() => {
                const parsed = parseScriptJson(text);
                if (parsed) onApply(parsed);
                else setInvalid(true);
              }}
            >
              {t('scripts.json.apply')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
