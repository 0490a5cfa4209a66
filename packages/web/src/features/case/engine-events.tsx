import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { EmptyState } from '../../app/ui/states.tsx';
import type { EngineEvent } from './engine-api.ts';
import { newestFirst, pauseEndOf, promiseOf } from './engine-state.ts';

const EVENT_KINDS = [
  'payment',
  'promise',
  'promise_broken',
  'plan',
  'plan_cancelled',
  'dispute',
  'debtor_replied',
  'call_unanswered',
  'conversation',
  'email_bounce',
  'wrong_number',
  'pause',
  'resume',
] as const;

function isEventKind(kind: string): kind is (typeof EVENT_KINDS)[number] {
  return (EVENT_KINDS as readonly string[]).includes(kind);
}

function amountOf(data: unknown): number | null {
  if (typeof data !== 'object' || data === null) return null;
  const { amountMinor } = data as Record<string, unknown>;
  return typeof amountMinor === 'number' ? amountMinor : null;
}

/** What was recorded on the case, newest first, and whether a run has taken it into account yet. */
export function EngineEvents({
  events,
  currency,
}: {
  readonly events: readonly EngineEvent[];
  readonly currency: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const detail = (event: EngineEvent): string | null => {
    const promise = event.kind === 'promise' ? promiseOf(event.data) : null;
    if (promise) {
      return t('engine.events.promiseDetail', {
        amount: format.money(promise.amountMinor, currency),
        date: format.date(promise.dueOn),
      });
    }
    const until = event.kind === 'pause' ? pauseEndOf({ events: [event] }) : null;
    if (until) return t('engine.events.pauseUntil', { date: format.date(until) });
    const amount = event.kind === 'payment' ? amountOf(event.data) : null;
    return amount === null ? null : format.money(amount, currency);
  };

  return (
    <Stack gap={6}>
      <Title order={3} fz="md" id="engine-events-title">
        {t('engine.events.title')}
      </Title>
      {events.length === 0 ? (
        <EmptyState title={t('engine.events.empty')} />
      ) : (
        <List spacing={4} size="sm" listStyleType="none" aria-labelledby="engine-events-title">
          {[...events].sort(newestFirst).map((event) => (
            <List.Item key={event.id} data-event={event.kind}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {format.date(event.on)}
                </Text>
                <Text size="sm" fw={500}>
                  {isEventKind(event.kind) ? t(`engine.events.kind.${event.kind}`) : event.kind}
                </Text>
                {detail(event) && <Text size="sm">{detail(event)}</Text>}
                <Badge size="sm" variant="light" color={event.applied ? 'teal' : 'yellow'} tt="none">
                  {event.applied ? t('engine.events.applied') : t('engine.events.pending')}
                </Badge>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
