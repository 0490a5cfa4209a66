import {
  Button,
  Group,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { includes } from '../../app/api/types.ts';
import { BACKLOG_RULES, PROFILES, type StrategyDefinition } from './definition.ts';
import type { ErrorAt } from './issues.ts';
import { ReactionsFields } from './reactions-fields.tsx';
import { StepCard } from './step-card.tsx';
import {
  insertStep,
  moveIndex,
  moveStep,
  newStep,
  removeIndex,
  removeStep,
  renameStepKey,
  updateStep,
} from './step-list.ts';

/** A new step's name until the supervisor writes one; a strategy carries both languages whatever the UI's. */
const NEW_STEP_NAME = { fr: 'Nouvelle étape', en: 'New step' } as const;

type StrategyFormProps = {
  readonly definition: StrategyDefinition;
  readonly readOnly: boolean;
  readonly errorAt: ErrorAt;
  readonly onChange: (definition: StrategyDefinition) => void;
  /** Steps added, removed or moved: paths of earlier issues no longer point at the same fields. */
  readonly onReorder: () => void;
  /** The paths that carry an issue: a step with one is shown open. */
  readonly issuePaths: readonly string[];
};

function hasIssueIn(paths: readonly string[], at: string): boolean {
  return paths.some((path) => path === at || path.startsWith(`${at}.`) || path.startsWith(`${at}[`));
}

export function StrategyForm({
  definition,
  readOnly,
  errorAt,
  onChange,
  onReorder,
  issuePaths,
}: StrategyFormProps) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const toggle = (index: number) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(index)) next.add(index);
      return next;
    });
  const steps = definition.steps;
  const setSteps = (next: StrategyDefinition['steps'], reordered: boolean) => {
    onChange({ ...definition, steps: next });
    if (reordered) onReorder();
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-labelledby="general-title">
        <Title order={2} fz="lg" mb="sm" id="general-title">
          {t('editor.general')}
        </Title>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('editor.nameFr')}
              value={definition.name.fr}
              readOnly={readOnly}
              lang="fr"
              onChange={(event) =>
                onChange({ ...definition, name: { ...definition.name, fr: event.currentTarget.value } })
              }
              error={errorAt('name.fr')}
            />
            <TextInput
              label={t('editor.nameEn')}
              value={definition.name.en}
              readOnly={readOnly}
              lang="en"
              onChange={(event) =>
                onChange({ ...definition, name: { ...definition.name, en: event.currentTarget.value } })
              }
              error={errorAt('name.en')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('editor.profile')}
              description={t('editor.profileHint')}
              data={PROFILES.map((value) => ({ value, label: t(`strategies.profileLabel.${value}`) }))}
              value={definition.profile}
              allowDeselect={false}
              disabled={readOnly}
              onChange={(value) => {
                if (includes(PROFILES, value)) onChange({ ...definition, profile: value });
              }}
              error={errorAt('profile')}
            />
            <Radio.Group
              label={t('editor.backlog')}
              value={definition.backlog}
              onChange={(value) => {
                if (includes(BACKLOG_RULES, value)) onChange({ ...definition, backlog: value });
              }}
              error={errorAt('backlog')}
            >
              <Stack gap={6} mt={6}>
                {BACKLOG_RULES.map((rule) => (
                  <Radio
                    key={rule}
                    value={rule}
                    label={t(`strategies.backlog.${rule}`)}
                    description={t(`strategies.backlogHint.${rule}`)}
                    disabled={readOnly}
                  />
                ))}
              </Stack>
            </Radio.Group>
          </SimpleGrid>
        </Stack>
      </Paper>

      <Stack gap="sm" component="section" aria-labelledby="steps-title">
        <Group justify="space-between" align="flex-end">
          <Stack gap={0}>
            <Title order={2} fz="lg" id="steps-title">
              {t('editor.steps.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('editor.steps.hint')}
            </Text>
          </Stack>
          {!readOnly && (
            <Button
              variant="light"
              onClick={() => setSteps(insertStep(steps, newStep(steps, NEW_STEP_NAME)), true)}
            >
              {t('editor.steps.add')}
            </Button>
          )}
        </Group>
        {errorAt('steps') && (
          <Text size="sm" c="red.7" role="alert">
            {errorAt('steps')}
          </Text>
        )}
        <Stack gap="sm" component="ol" aria-label={t('editor.steps.listLabel')} p={0} m={0}>
          {steps.map((step, index) => (
            <StepCard
              // biome-ignore lint/suspicious/noArrayIndexKey: a step's key is edited in the card itself
              key={index}
              step={step}
              index={index}
              count={steps.length}
              readOnly={readOnly}
              errorAt={errorAt}
              onChange={(next) => setSteps(updateStep(steps, index, next), false)}
              onKeyChange={(key) => onChange(renameStepKey(definition, index, key))}
              onMove={(delta) => {
                setSteps(moveStep(steps, index, delta), true);
                setExpanded((current) => moveIndex(current, index, delta, steps.length));
              }}
              onRemove={() => {
                setSteps(removeStep(steps, index), true);
                setExpanded((current) => removeIndex(current, index));
              }}
              open={expanded.has(index) || hasIssueIn(issuePaths, `steps[${index}]`)}
              onToggle={() => toggle(index)}
            />
          ))}
        </Stack>
      </Stack>

      <ReactionsFields
        definition={definition}
        readOnly={readOnly}
        errorAt={errorAt}
        onChange={(reactions) => onChange({ ...definition, reactions })}
      />
    </Stack>
  );
}
