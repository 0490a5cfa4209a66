import {
  ActionIcon,
  Badge,
  Button,
  Collapse,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { includes } from '../../app/api/types.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { useChannelName } from '../../app/ui/engine.tsx';
import { conditionSentence } from './condition-text.ts';
import { type Step, TIMING_ANCHORS } from './definition.ts';
import { IntegerField, MONOSPACE_INPUT } from './form-fields.tsx';
import type { ErrorAt } from './issues.ts';
import { isEmptyCondition } from './step-list.ts';
import { StepActions, StepConditions } from './step-parts.tsx';
import { timingText } from './step-text.ts';

type StepCardProps = {
  readonly step: Step;
  readonly index: number;
  readonly count: number;
  readonly readOnly: boolean;
  readonly errorAt: ErrorAt;
  readonly onChange: (step: Step) => void;
  readonly onKeyChange: (key: string) => void;
  readonly onMove: (delta: -1 | 1) => void;
  readonly onRemove: () => void;
  /** The fields are shown (the summary line always is). */
  readonly open: boolean;
  readonly onToggle: () => void;
};

/** One rung of the ladder: its name, when it falls due, what it sends, whether a person reviews it, for whom. */
export function StepCard(props: StepCardProps) {
  const { step, index, count, readOnly, errorAt, onChange, onKeyChange, onMove, onRemove, open, onToggle } =
    props;
  const { t } = useTranslation();
  const { language } = useFormat();
  const channelName = useChannelName();
  const bodyId = `step-${index}-fields`;
  const at = `steps[${index}]`;
  const n = index + 1;
  const titleId = `step-${index}-title`;
  const summary = isEmptyCondition(step.when) ? null : conditionSentence(step.when, t, language);

  return (
    <Paper
      withBorder
      p="md"
      component="li"
      aria-labelledby={titleId}
      data-step={step.key}
      style={{ listStyle: 'none', borderColor: errorAt(at) ? 'var(--mantine-color-red-5)' : undefined }}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <Badge variant="filled" size="lg" circle aria-hidden>
              {n}
            </Badge>
            <Stack gap={0}>
              <Title order={3} fz="md" id={titleId}>
                <VisuallyHidden>{t('editor.steps.number', { n })} · </VisuallyHidden>
                {step.name[language] || step.key}
              </Title>
              <Text size="sm" c="dimmed">
                {[
                  timingText(step.at, t),
                  step.actions.map((action) => channelName(action.channel)).join(' + '),
                  summary,
                  step.review ? t('editor.steps.review') : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Stack>
          </Group>
          <Group gap={4} wrap="nowrap">
            <Button
              size="xs"
              variant={open ? 'default' : 'light'}
              aria-expanded={open}
              aria-controls={bodyId}
              aria-label={
                open
                  ? t('editor.steps.collapse', { n })
                  : t(readOnly ? 'editor.steps.show' : 'editor.steps.edit', { n })
              }
              onClick={onToggle}
            >
              {open
                ? t('editor.steps.collapseShort')
                : t(readOnly ? 'editor.steps.showShort' : 'editor.steps.editShort')}
            </Button>
            {!readOnly && (
              <>
                <ActionIcon
                  variant="default"
                  aria-label={t('editor.steps.moveUp', { n })}
                  title={t('editor.steps.moveUp', { n })}
                  disabled={index === 0}
                  onClick={() => onMove(-1)}
                >
                  ↑
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  aria-label={t('editor.steps.moveDown', { n })}
                  title={t('editor.steps.moveDown', { n })}
                  disabled={index === count - 1}
                  onClick={() => onMove(1)}
                >
                  ↓
                </ActionIcon>
                <ActionIcon
                  variant="light"
                  color="red"
                  aria-label={t('editor.steps.remove', { n })}
                  title={t('editor.steps.remove', { n })}
                  onClick={onRemove}
                >
                  ✕
                </ActionIcon>
              </>
            )}
          </Group>
        </Group>
        {errorAt(at) && (
          <Text size="sm" c="red.7" role="alert">
            {errorAt(at)}
          </Text>
        )}
        <Collapse expanded={open} id={bodyId} keepMounted={false}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                label={t('editor.steps.key')}
                description={t('editor.steps.keyHint')}
                value={step.key}
                readOnly={readOnly}
                styles={MONOSPACE_INPUT}
                onChange={(event) => onKeyChange(event.currentTarget.value)}
                error={errorAt(`${at}.key`)}
              />
              <TextInput
                label={t('editor.nameFr')}
                value={step.name.fr}
                readOnly={readOnly}
                onChange={(event) =>
                  onChange({ ...step, name: { ...step.name, fr: event.currentTarget.value } })
                }
                error={errorAt(`${at}.name.fr`)}
                lang="fr"
              />
              <TextInput
                label={t('editor.nameEn')}
                value={step.name.en}
                readOnly={readOnly}
                onChange={(event) =>
                  onChange({ ...step, name: { ...step.name, en: event.currentTarget.value } })
                }
                error={errorAt(`${at}.name.en`)}
                lang="en"
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <IntegerField
                label={t('editor.steps.days')}
                description={t(`editor.steps.daysHint.${step.at.after}`)}
                value={step.at.days}
                readOnly={readOnly}
                min={-365}
                max={3650}
                onChange={(days) => onChange({ ...step, at: { ...step.at, days } })}
                error={errorAt(`${at}.at.days`)}
              />
              <Select
                label={t('editor.steps.anchor')}
                description={timingText(step.at, t)}
                data={TIMING_ANCHORS.map((value) => ({ value, label: t(`editor.steps.anchors.${value}`) }))}
                value={step.at.after}
                allowDeselect={false}
                disabled={readOnly}
                onChange={(value) => {
                  if (includes(TIMING_ANCHORS, value))
                    onChange({ ...step, at: { ...step.at, after: value } });
                }}
                error={errorAt(`${at}.at.after`)}
              />
              <Switch
                label={t('editor.steps.review')}
                description={t('editor.steps.reviewHint')}
                checked={step.review === true}
                disabled={readOnly}
                onChange={(event) => {
                  const { review: _review, ...rest } = step;
                  onChange(event.currentTarget.checked ? { ...rest, review: true } : rest);
                }}
                error={errorAt(`${at}.review`)}
                mt="lg"
              />
            </SimpleGrid>
            <StepActions
              step={step}
              index={index}
              readOnly={readOnly}
              errorAt={errorAt}
              onChange={onChange}
            />
            <StepConditions
              step={step}
              index={index}
              readOnly={readOnly}
              errorAt={errorAt}
              onChange={onChange}
            />
          </Stack>
        </Collapse>
      </Stack>
    </Paper>
  );
}
