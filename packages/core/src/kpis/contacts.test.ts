import { describe, expect, it } from 'vitest';
import type { Disposition } from '../workspace/dispositions.ts';
import { contactRates, reachesPerson } from './contacts.ts';
import { percent } from './ratio.ts';

describe('contactRates', () => {
  it('measures a day of calls', () => {
    const rates = contactRates([
      { disposition: 'no_answer', calls: 40 },
      { disposition: 'voicemail', calls: 25 },
      { disposition: 'busy', calls: 5 },
      { disposition: 'wrong_number', calls: 4 },
      { disposition: 'third_party', calls: 6 },
      { disposition: 'right_party_contact', calls: 8 },
      { disposition: 'promise', calls: 7 },
      { disposition: 'payment_taken', calls: 3 },
      { disposition: 'dispute', calls: 2 },
      { disposition: 'no_answer', calls: 10 }, // another group of the same disposition adds up
    ]);
    // calls: 40 + 25 + 5 + 4 + 6 + 8 + 7 + 3 + 2 + 10 = 110
    // reached: 4 + 6 + 8 + 7 + 3 + 2 = 30; right party: 8 + 7 + 3 + 2 = 20
    expect(rates).toMatchObject({ calls: 110, reached: 30, rightParty: 20 });
    expect(rates.byDisposition.no_answer).toBe(50);
    expect(percent(rates.rightPartyRate)).toBe('18.2'); // 20 / 110 = 18.18 %
    expect(percent(rates.rightPartyShareOfReached)).toBe('66.7'); // 20 / 30
    expect(percent(rates.reachRate)).toBe('27.3'); // 30 / 110 = 27.27 %
  });

  it('knows who answered', () => {
    expect(reachesPerson('voicemail')).toBe(false);
    expect(reachesPerson('deceased')).toBe(true);
    expect(reachesPerson('callback_requested')).toBe(true);
    expect(percent(contactRates([]).rightPartyRate)).toBeNull();
    expect(() => contactRates([{ disposition: 'fax' as Disposition, calls: 1 }])).toThrow(/disposition/);
  });
});
