import { Paper, Radio, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACTION_CHANNELS, includes } from '../../app/api/types.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { useChannelName } from '../../app/ui/engine.tsx';
import type { Reactions, StrategyDefinition } from './definition.ts';
import { IntegerField, MONOSPACE_INPUT } from './form-fields.tsx';
import type { ErrorAt } from './issues.ts';

type ReactionsFieldsProps = {
  readonly definition: StrategyDefinition;
  readonly readOnly: boolean;
  readonly errorAt: ErrorAt;
  readonly onChange: (reactions: Reactions) => void;
};

/** The reactions a supervisor tunes most: promises, broken promises, unanswered calls, replies. */
export function ReactionsFields({ definition, readOnly, errorAt, onChange }: ReactionsFieldsProps) {
  const { t } = useTranslation();
  const { language } = useFormat();
  const channelName = useChannelName();
  const reactions = definition.reactions;
  const broken = reactions.brokenPromise;
  const stepOptions = definition.steps.map((step) => ({
    value: step.key,
    label: `${step.name[language] || step.key} (${step.key})`,
  }));
  const set = (patch: Partial<Reactions>) => onChange({ ...reactions, ...patch });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="reactions-title">
      <Title order={2} fz="lg" id="reactions-title">
        {t('editor.reactions.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('editor.reactions.hint')}
      </Text>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <IntegerField
            label={t('editor.reactions.promiseGrace')}
            description={t('editor.reactions.promiseGraceHint')}
            value={reactions.promise.graceDays}
            min={0}
            max={365}
            readOnly={readOnly}
            onChange={(graceDays) => set({ promise: { ...reactions.promise, graceDays } })}
            error={errorAt('reactions.promise.graceDays')}
          />
          <IntegerField
            label={t('editor.reactions.repliedPause')}
            value={reactions.debtorReplied.pauseDays}
            min={0}
            max={365}
            readOnly={readOnly}
            onChange={(pauseDays) => set({ debtorReplied: { pauseDays } })}
            error={errorAt('reactions.debtorReplied.pauseDays')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Radio.Group
            label={t('editor.reactions.brokenPromise')}
            value={broken.mode}
            onChange={(mode) => {
              if (mode === 'resume') set({ brokenPromise: { mode: 'resume' } });
              else set({ brokenPromise: { mode: 'jump', toStep: definition.steps.at(-1)?.key ?? '' } });
            }}
            error={errorAt('reactions.brokenPromise')}
          >
            <Stack gap={6} mt={6}>
              <Radio value="resume" label={t('editor.reactions.brokenResume')} disabled={readOnly} />
              <Radio value="jump" label={t('editor.reactions.brokenJump')} disabled={readOnly} />
            </Stack>
          </Radio.Group>
          {broken.mode === 'jump' && (
            <Select
              label={t('editor.reactions.jumpTo')}
              data={stepOptions}
              value={stepOptions.some((option) => option.value === broken.toStep) ? broken.toStep : null}
              allowDeselect={false}
              disabled={readOnly}
              onChange={(toStep) => {
                if (toStep) set({ brokenPromise: { mode: 'jump', toStep } });
              }}
              error={errorAt('reactions.brokenPromise.toStep')}
            />
          )}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <IntegerField
            label={t('editor.reactions.unansweredCount')}
            value={reactions.unansweredCalls.count}
            min={1}
            max={50}
            readOnly={readOnly}
            onChange={(count) => set({ unansweredCalls: { ...reactions.unansweredCalls, count } })}
            error={errorAt('reactions.unansweredCalls.count')}
          />
          <Select
            label={t('editor.reactions.switchChannel')}
            data={ACTION_CHANNELS.map((value) => ({ value, label: channelName(value) }))}
            value={reactions.unansweredCalls.switchTo.channel}
            allowDeselect={false}
            disabled={readOnly}
            onChange={(channel) => {
              if (includes(ACTION_CHANNELS, channel)) {
                set({
                  unansweredCalls: {
                    ...reactions.unansweredCalls,
                    switchTo: { ...reactions.unansweredCalls.switchTo, channel },
                  },
                });
              }
            }}
            error={errorAt('reactions.unansweredCalls.switchTo.channel')}
          />
          <TextInput
            label={t('editor.reactions.switchTemplate')}
            value={reactions.unansweredCalls.switchTo.template}
            readOnly={readOnly}
            styles={MONOSPACE_INPUT}
            onChange={(event) =>
              set({
                unansweredCalls: {
                  ...reactions.unansweredCalls,
                  switchTo: { ...reactions.unansweredCalls.switchTo, template: event.currentTarget.value },
                },
              })
            }
            error={errorAt('reactions.unansweredCalls.switchTo.template')}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('editor.reactions.others')}
        </Text>
      </Stack>
    </Paper>
  );
}
