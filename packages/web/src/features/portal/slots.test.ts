import { expect, it } from 'vitest';
import { groupSlots, slotLabel } from './slots.ts';

it('says a callback time in words, in the debtor’s zone', () => {
  expect(slotLabel('2026-03-03T12:00:00.000Z', 'fr', 'Europe/Paris')).toBe('mardi 3 mars à 13:00');
  expect(slotLabel('2026-03-03T12:00:00.000Z', 'en', 'Europe/Paris')).toBe('Tuesday 3 March at 13:00');
});

it('groups the slots by the day they fall on in that zone', () => {
  const groups = groupSlots(
    ['2026-03-02T16:30:00.000Z', '2026-03-02T23:30:00.000Z', '2026-03-03T07:00:00.000Z'],
    'en',
    'Europe/Paris',
  );
  expect(groups.map((g) => [g.group, g.items.map((i) => i.label)])).toEqual([
    ['Monday 2 March', ['Monday 2 March — 17:30']],
    ['Tuesday 3 March', ['Tuesday 3 March — 00:30', 'Tuesday 3 March — 08:00']],
  ]);
});
