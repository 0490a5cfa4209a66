import { expect, it } from 'vitest';
import { describeReason } from './reasons.ts';

it('says a callback the debtor asked for with its local date and time, in French and English', () => {
  const reason = {
    code: 'callback_requested',
    params: {
      callbackAt: '2026-03-17T09:30:00.000Z',
      on: '2026-03-17',
      at: '10:30',
      timeZone: 'Europe/Paris',
    },
  } as const;
  expect(describeReason(reason, 'fr')).toBe('Rappel demandé par le débiteur pour le 17/03/2026 à 10:30.');
  expect(describeReason(reason, 'en')).toBe('Callback requested by the debtor for 17 Mar 2026 at 10:30.');
  expect(describeReason({ code: 'callback_requested', params: {} }, 'en')).toBe(
    'Callback requested by the debtor.',
  );
});
