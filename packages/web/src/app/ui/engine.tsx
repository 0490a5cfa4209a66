import { Badge, type MantineColor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACTION_CHANNELS, CASE_STAGES, type CaseStage, includes, type NextAction } from '../api/types.ts';
import { useFormat } from '../format/use-format.ts';

/** "Lettre recommandée" for 'registered_letter'; an unknown channel is shown as the API names it. */
export function useChannelName(): (channel: string) => string {
  const { t } = useTranslation();
  return (channel) => (includes(ACTION_CHANNELS, channel) ? t(`channel.${channel}`) : channel);
}

/** What the next action is, without its date: "Lettre recommandée", "E-mail + SMS", "Fin de la pause". */
export function useNextActionWhat(): (next: NextAction) => string {
  const { t } = useTranslation();
  const channelName = useChannelName();
  const { language } = useFormat();
  return (next) => {
    if (next.kind !== 'step') return t(`nextAction.${next.kind}`);
    if (next.channels.length > 0) return next.channels.map(channelName).join(' + ');
    return next.stepName ? next.stepName[language] : (next.stepKey ?? t('nextAction.step'));
  };
}

const STAGE_COLORS: Readonly<Record<CaseStage, MantineColor>> = {
  new: 'gray',
  pre_due: 'blue',
  active: 'indigo',
  paused: 'yellow',
  promise: 'teal',
  plan: 'cyan',
  held: 'orange',
  completed: 'green',
  exhausted: 'grape',
};

export function StageBadge({ stage }: { readonly stage: string }) {
  const { t } = useTranslation();
  const known = includes(CASE_STAGES, stage);
  return (
    <Badge color={known ? STAGE_COLORS[stage] : 'gray'} variant="light" tt="none" data-stage={stage}>
      {known ? t(`stage.${stage}`) : stage}
    </Badge>
  );
}

/** A table cell's summary: the date and the channels of the next action, or the stage when none is planned. */
export function NextActionCell({
  next,
  stage,
}: {
  readonly next: NextAction | null;
  readonly stage: string;
}) {
  const format = useFormat();
  const what = useNextActionWhat();
  if (!next) return <StageBadge stage={stage} />;
  return (
    <Stack gap={0} data-next-action={next.on}>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {format.date(next.on)}
      </Text>
      <Text size="xs" c="dimmed">
        {what(next)}
      </Text>
    </Stack>
  );
}

const ACTION_STATUSES = [
  'planned',
  'review',
  'blocked',
  'approved',
  'queued',
  'sent',
  'delivered',
  'done',
  'failed',
  'cancelled',
  'skipped',
] as const;

const ACTION_STATUS_COLORS: Readonly<Record<(typeof ACTION_STATUSES)[number], MantineColor>> = {
  planned: 'blue',
  review: 'orange',
  blocked: 'red',
  approved: 'teal',
  queued: 'indigo',
  sent: 'green',
  delivered: 'green',
  done: 'green',
  failed: 'red',
  cancelled: 'gray',
  skipped: 'gray',
};

/** The state of a planned action: "Prévue", "À relire", "Bloquée"… */
export function ActionStatusBadge({ status }: { readonly status: string }) {
  const { t } = useTranslation();
  const known = includes(ACTION_STATUSES, status);
  return (
    <Badge
      color={known ? ACTION_STATUS_COLORS[status] : 'gray'}
      variant="light"
      tt="none"
      data-status={status}
    >
      {known ? t(`actionStatus.${status}`) : status}
    </Badge>
  );
}
