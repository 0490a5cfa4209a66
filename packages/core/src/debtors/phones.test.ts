import { describe, expect, it } from 'vitest';
import type { PhoneKind } from './phones.ts';
import { normalizePhone } from './phones.ts';

type Case = { text: string; country?: string; e164: string; kind: PhoneKind };

describe('normalizePhone', () => {
  const accepted: Case[] = [
    { text: '06 12 34 56 78', e164: '+33612345678', kind: 'mobile' },
    { text: '07.12.34.56.78', e164: '+33712345678', kind: 'mobile' },
    { text: '06-12-34-56-78', e164: '+33612345678', kind: 'mobile' },
    { text: '0612345678', e164: '+33612345678', kind: 'mobile' },
    { text: '612345678', e164: '+33612345678', kind: 'mobile' }, // leading zero lost by a spreadsheet
    { text: '01 23 45 67 89', e164: '+33123456789', kind: 'landline' },
    { text: '05 56 00 00 00', e164: '+33556000000', kind: 'landline' },
    { text: '09 70 00 00 00', e164: '+33970000000', kind: 'other' },
    { text: '08 00 00 00 00', e164: '+33800000000', kind: 'other' },
    { text: '+33 6 12 34 56 78', e164: '+33612345678', kind: 'mobile' },
    { text: '+33 (0)6 12 34 56 78', e164: '+33612345678', kind: 'mobile' },
    { text: '+33 0 6 12 34 56 78', e164: '+33612345678', kind: 'mobile' },
    { text: '(0)6 12 34 56 78', e164: '+33612345678', kind: 'mobile' },
    { text: '0033612345678', e164: '+33612345678', kind: 'mobile' },
    { text: '0033 1 23 45 67 89', e164: '+33123456789', kind: 'landline' },
    // Overseas departments share the national plan but have their own country codes.
    { text: '0590 12 34 56', e164: '+590590123456', kind: 'landline' },
    { text: '0690 12 34 56', e164: '+590690123456', kind: 'mobile' },
    { text: '0594 12 34 56', e164: '+594594123456', kind: 'landline' },
    { text: '0694 12 34 56', e164: '+594694123456', kind: 'mobile' },
    { text: '0596 12 34 56', e164: '+596596123456', kind: 'landline' },
    { text: '0696 12 34 56', e164: '+596696123456', kind: 'mobile' },
    { text: '0262 12 34 56', e164: '+262262123456', kind: 'landline' },
    { text: '0692 12 34 56', e164: '+262692123456', kind: 'mobile' },
    { text: '0693 12 34 56', e164: '+262693123456', kind: 'mobile' },
    { text: '0269 12 34 56', e164: '+262269123456', kind: 'landline' },
    { text: '0639 12 34 56', e164: '+262639123456', kind: 'mobile' },
    { text: '+590 690 12 34 56', e164: '+590690123456', kind: 'mobile' },
    { text: '+262 (0)692 12 34 56', e164: '+262692123456', kind: 'mobile' },
    { text: '+33 6 92 12 34 56', e164: '+262692123456', kind: 'mobile' },
    { text: '0692 12 34 56', country: 'RE', e164: '+262692123456', kind: 'mobile' },
    { text: '+590 123 456 789', e164: '+590123456789', kind: 'other' },
    // Foreign numbers written internationally are kept as digits.
    { text: '+32 470 12 34 56', e164: '+32470123456', kind: 'other' },
    { text: '+44 20 7946 0958', e164: '+442079460958', kind: 'other' },
    { text: '+1 (415) 555-2671', e164: '+14155552671', kind: 'other' },
    { text: '0041 44 668 18 00', e164: '+41446681800', kind: 'other' },
    // National numbers of a few neighbouring countries.
    { text: '0470 12 34 56', country: 'BE', e164: '+32470123456', kind: 'other' },
    { text: '020 7946 0958', country: 'GB', e164: '+442079460958', kind: 'other' },
    { text: '06 1234 5678', country: 'it', e164: '+390612345678', kind: 'other' },
  ];
  it.each(accepted)('$text ($country) → $e164 $kind', ({ text, country, e164, kind }) => {
    expect(normalizePhone(text, country)).toEqual({ e164, kind });
  });

  const refused: { text: string; country?: string }[] = [
    { text: '' },
    { text: 'n/a' },
    { text: '06 12 34 56' },
    { text: '06 12 34 56 78 9' },
    { text: '01 23' },
    { text: '06 12 34 56 78 ext 12' },
    { text: '+33 6 12 34 56' },
    { text: '+33 6 12 34 56 78 90' },
    { text: '+123' },
    { text: '+1234567890123456' },
    { text: '+590 12345' },
    { text: '+33 6 12 34 56 78 +33' },
    { text: '0612345678', country: 'ZZ' },
  ];
  it.each(refused)('$text ($country) → null', ({ text, country }) => {
    expect(normalizePhone(text, country)).toBeNull();
  });
});
