import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/query-client.ts';
import { simulateIvrStep } from './ivr-api.ts';
import { readTwiml, type TwimlTurn } from './ivr-twiml-read.ts';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;
/** The built-in IVR's test card: any other number is declined. */
const TEST_CARD = '4242424242424242';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Plays the debtor on the built-in IVR (demo): the same webhooks as Twilio would call, signed by the server
 * with the tenant's built-in token. `<Pay>` is played here: the card digits stay in the browser, only the
 * progress (which field) and the result (success or declined) are sent — as Twilio does.
 */
export function IvrSimulator({ code, onClose }: { readonly code: string; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const [callSid] = useState(() => `SIM${crypto.randomUUID().replaceAll('-', '')}`);
  const [turn, setTurn] = useState<TwimlTurn | null>(null);
  const [keys, setKeys] = useState('');
  const [card, setCard] = useState({ number: TEST_CARD, expiry: '12/30', cvc: '123' });
  const step = useMutation({
    mutationFn: async (request: {
      step: string;
      query?: Record<string, string>;
      fields?: Record<string, string>;
    }) =>
      readTwiml(
        await simulateIvrStep({
          step: request.step,
          query: request.query ?? {},
          fields: { CallSid: callSid, From: '+33600000000', ...request.fields },
        }),
      ),
    meta: { silent: true },
    onSuccess: (next) => setTurn(next),
  });
  const ended = turn !== null && (turn.hangup || turn.next === null);
  const next = turn?.next ?? null;

  const send = (digits: string) => {
    if (next?.kind !== 'gather') return;
    setKeys('');
    step.mutate({ step: next.step, query: next.query, fields: { Digits: digits } });
  };
  const pay = useMutation({
    mutationFn: async () => {
      if (!next || !turn?.pay) return;
      for (const capture of ['payment-card-number', 'expiration-date', 'security-code']) {
        await simulateIvrStep({
          step: turn.pay.statusStep,
          query: next.query,
          fields: { CallSid: callSid, Capture: capture },
        });
        await pause(800);
      }
      const accepted = card.number.replace(/\D/g, '') === TEST_CARD;
      const fields: Record<string, string> = accepted
        ? { Result: 'success', PaymentConfirmationCode: `SIM-${callSid.slice(3, 11)}` }
        : { Result: 'payment-connector-error', PaymentError: 'card_declined' };
      step.mutate({ step: next.step, query: next.query, fields });
    },
  });
  const hangUp = () => {
    if (!ended && turn) step.mutate({ step: 'status', fields: { CallStatus: 'completed' } });
    onClose();
  };

  return (
    <Paper withBorder p="sm" data-testid="ivr-simulator">
      <Stack gap="xs">
        <Title order={5}>{t('ivr.simulator.title')}</Title>
        <Text size="xs" c="dimmed">
          {t('ivr.simulator.hint')}
        </Text>
        {turn === null ? (
          <Group>
            <Button onClick={() => step.mutate({ step: 'voice' })} loading={step.isPending}>
              {t('ivr.simulator.call')}
            </Button>
            <Text size="sm">{code}</Text>
          </Group>
        ) : (
          <Stack gap={4} aria-live="polite">
            <Text size="sm" fw={500}>
              {t('ivr.simulator.said')}
            </Text>
            {turn.said.map((sentence) => (
              <Text key={sentence} size="sm">
                {sentence}
              </Text>
            ))}
            {ended && (
              <Text size="sm" c="dimmed">
                {t('ivr.simulator.ended')}
              </Text>
            )}
          </Stack>
        )}
        {next?.kind === 'gather' && (
          <Stack gap={4}>
            <TextInput
              label={t('ivr.simulator.keys')}
              value={keys}
              onChange={(event) => setKeys(event.currentTarget.value.replace(/[^0-9*]/g, ''))}
              placeholder={code}
            />
            <SimpleGrid cols={3} spacing={4} maw={220}>
              {KEYS.map((key) => (
                <Button
                  key={key}
                  variant="default"
                  size="xs"
                  disabled={step.isPending}
                  onClick={() => (key === '#' ? send(keys) : setKeys(`${keys}${key}`))}
                >
                  {key}
                </Button>
              ))}
            </SimpleGrid>
            <Group>
              <Button size="xs" onClick={() => send(keys)} loading={step.isPending}>
                {t('ivr.simulator.send')}
              </Button>
              <Button size="xs" variant="subtle" onClick={() => setKeys('')}>
                {t('ivr.simulator.clear')}
              </Button>
            </Group>
          </Stack>
        )}
        {next?.kind === 'pay' && turn?.pay && (
          <Stack gap={4}>
            <TextInput
              label={t('ivr.simulator.card')}
              value={card.number}
              onChange={(event) => setCard({ ...card, number: event.currentTarget.value })}
              autoComplete="off"
            />
            <Group grow>
              <TextInput
                label={t('ivr.simulator.expiry')}
                value={card.expiry}
                onChange={(event) => setCard({ ...card, expiry: event.currentTarget.value })}
              />
              <TextInput
                label={t('ivr.simulator.cvc')}
                value={card.cvc}
                onChange={(event) => setCard({ ...card, cvc: event.currentTarget.value })}
              />
            </Group>
            <Button onClick={() => pay.mutate()} loading={pay.isPending || step.isPending}>
              {t('ivr.simulator.pay', { amount: `${turn.pay.amount} ${turn.pay.currency}` })}
            </Button>
          </Stack>
        )}
        {(step.error ?? pay.error) && (
          <Alert color="red" role="alert">
            {errorMessage(step.error ?? pay.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" size="xs" onClick={hangUp}>
            {t('ivr.simulator.hangup')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
