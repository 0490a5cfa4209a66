import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACTION_CHANNELS, DEBTOR_KINDS, includes } from '../../app/api/types.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { useChannelName } from '../../app/ui/engine.tsx';
import { conditionSentence } from './condition-text.ts';
import type { Step } from './definition.ts';
import { AmountField, MONOSPACE_INPUT } from './form-fields.tsx';
import type { ErrorAt } from './issues.ts';
import { addAction, isEmptyCondition, patchCondition, removeAction, updateAction } from './step-list.ts';

type StepPartProps = {
  readonly step: Step;
  readonly index: number;
  readonly readOnly: boolean;
  readonly errorAt: ErrorAt;
  readonly onChange: (step: Step) => void;
};

/** The conditions this form does not edit (tags, age, profile…), kept as they are and summed up. */
function otherConditions(step: Step) {
  const { debtorKind: _kind, amount: _amount, ...rest } = step.when ?? {};
  return isEmptyCondition(rest) ? null : rest;
}

export function StepActions({ step, index, readOnly, errorAt, onChange }: StepPartProps) {
  const { t } = useTranslation();
  const channelName = useChannelName();
  const at = `steps[${index}]`;
  const channels = ACTION_CHANNELS.map((value) => ({ value, label: channelName(value) }));
  return (
    <Fieldset legend={t('editor.steps.actions')} variant="unstyled">
      <Stack gap="xs">
        {step.actions.map((action, n) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: actions are positional and have no key of their own
          <Group key={n} gap="xs" align="flex-start" wrap="nowrap">
            <Select
              aria-label={t('editor.steps.channelOf', { n: n + 1 })}
              placeholder={t('editor.steps.channel')}
              data={channels}
              value={action.channel}
              allowDeselect={false}
              disabled={readOnly}
              onChange={(value) => {
                if (includes(ACTION_CHANNELS, value)) onChange(updateAction(step, n, { channel: value }));
              }}
              error={errorAt(`${at}.actions[${n}].channel`)}
              w={240}
            />
            <TextInput
              aria-label={t('editor.steps.templateOf', { n: n + 1 })}
              placeholder={t('editor.steps.template')}
              value={action.template}
              readOnly={readOnly}
              onChange={(event) => onChange(updateAction(step, n, { template: event.currentTarget.value }))}
              error={errorAt(`${at}.actions[${n}].template`)}
              styles={MONOSPACE_INPUT}
              style={{ flex: 1 }}
            />
            {action.channel === 'agency_handover' && (
              <TagsInput
                aria-label={t('agency.handoverAgencies')}
                placeholder={t('agency.handoverAgencies')}
                value={[...(action.agencies ?? [])]}
                readOnly={readOnly}
                onChange={(value) =>
                  onChange(updateAction(step, n, { agencies: value.length > 0 ? value : undefined }))
                }
                error={errorAt(`${at}.actions[${n}].agencies`)}
                w={240}
              />
            )}
            {!readOnly && (
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('editor.steps.removeAction', { n: n + 1 })}
                title={t('editor.steps.removeAction', { n: n + 1 })}
                onClick={() => onChange(removeAction(step, n))}
              >
                ✕
              </ActionIcon>
            )}
          </Group>
        ))}
        {errorAt(`${at}.actions`) && (
          <Text size="sm" c="red.7" role="alert">
            {errorAt(`${at}.actions`)}
          </Text>
        )}
        {!readOnly && (
          <Group>
            <Button variant="subtle" size="xs" onClick={() => onChange(addAction(step))}>
              {t('editor.steps.addAction')}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}

export function StepConditions({ step, index, readOnly, errorAt, onChange }: StepPartProps) {
  const { t } = useTranslation();
  const { language } = useFormat();
  const at = `steps[${index}].when`;
  const others = otherConditions(step);
  return (
    <Fieldset legend={t('editor.steps.conditions')} variant="unstyled">
      <Text size="xs" c="dimmed" mb={6}>
        {t('editor.steps.conditionsHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label={t('editor.steps.debtorKind')}
          data={[
            { value: '', label: t('editor.steps.anyKind') },
            ...DEBTOR_KINDS.map((value) => ({ value, label: t(`debtorKind.${value}`) })),
          ]}
          value={step.when?.debtorKind ?? ''}
          allowDeselect={false}
          disabled={readOnly}
          onChange={(value) =>
            onChange(patchCondition(step, { debtorKind: includes(DEBTOR_KINDS, value) ? value : undefined }))
          }
          error={errorAt(`${at}.debtorKind`)}
        />
        <AmountField
          label={t('editor.steps.amountMin')}
          description={t('editor.steps.amountHint')}
          value={step.when?.amount?.min}
          readOnly={readOnly}
          onChange={(min) => onChange(patchCondition(step, { amount: { ...step.when?.amount, min } }))}
          error={errorAt(`${at}.amount.min`)}
        />
        <AmountField
          label={t('editor.steps.amountMax')}
          description={t('editor.steps.amountHint')}
          value={step.when?.amount?.max}
          readOnly={readOnly}
          onChange={(max) => onChange(patchCondition(step, { amount: { ...step.when?.amount, max } }))}
          error={errorAt(`${at}.amount.max`)}
        />
      </SimpleGrid>
      {others && (
        <Text size="xs" c="dimmed" mt={6}>
          {t('editor.steps.summary', { text: conditionSentence(others, t, language) })}
        </Text>
      )}
      {errorAt(at) && (
        <Text size="sm" c="red.7" role="alert" mt={6}>
          {errorAt(at)}
        </Text>
      )}
    </Fieldset>
  );
}
