import { describe, expect, it } from 'vitest';
import { PROFILE_WINDOWS } from '../compliance/profiles.ts';
import { type CallScoreInput, callScore } from './call-score.ts';
import { DISPOSITION_RULES, DISPOSITIONS, isDisposition } from './dispositions.ts';
import { isNonPaymentReason, NON_PAYMENT_REASON_LABELS, NON_PAYMENT_REASONS } from './reasons.ts';

const base: CallScoreInput = {
  outstandingMinor: 5_000,
  currency: 'EUR',
  ageDays: 10,
  brokenPromises: 0,
  keptPromises: 0,
  rightPartyContacts: 0,
  attempts: 0,
  localWeekday: 2,
  localMinutes: 10 * 60,
  preferred: PROFILE_WINDOWS.standard,
};
const points = (over: Partial<CallScoreInput>, key?: string) => {
  const s = callScore({ ...base, ...over });
  return key ? s.parts.find((p) => p.key === key)?.points : s.priority;
};

describe('callScore', () => {
  it('is the sum of its explained parts, integers, in a fixed order', () => {
    const s = callScore(base);
    expect(s.parts.map((p) => p.key)).toEqual(['amount', 'age', 'promises', 'contact', 'hour']);
    expect(s.priority).toBe(s.parts.reduce((a, p) => a + p.points, 0));
    for (const p of s.parts) {
      expect(Number.isInteger(p.points)).toBe(true);
      expect(p.detail.fr).not.toBe('');
      expect(p.detail.en).not.toBe('');
    }
    // 50 € → log2(50) = 5 → 15; 10 days → 1; prior 1/2 → 10; in hours → 10.
    expect(s.parts.map((p) => p.points)).toEqual([15, 1, 0, 10, 10]);
    expect(s.parts[0]?.detail.en).toContain('50.00');
  });

  it.each([
    ['a larger balance', { outstandingMinor: 500_000 }, 'amount'],
    ['an older debt', { ageDays: 200 }, 'age'],
    ['broken promises', { brokenPromises: 2 }, 'promises'],
    ['a debtor who answers', { rightPartyContacts: 3, attempts: 4 }, 'contact'],
  ] as const)('%s comes first', (_name, over, key) => {
    expect(points(over, key)).toBeGreaterThan(points({}, key) ?? 0);
    expect(points(over)).toBeGreaterThan(points({}) ?? 0);
  });

  it('kept promises and unanswered attempts lower it; caps hold', () => {
    expect(points({ keptPromises: 1 })).toBeLessThan(points({}) ?? 0);
    expect(points({ attempts: 8 }, 'contact')).toBe(2);
    expect(points({ outstandingMinor: 10 ** 15 }, 'amount')).toBe(40);
    expect(points({ ageDays: 10_000 }, 'age')).toBe(40);
    expect(points({ brokenPromises: 9 }, 'promises')).toBe(20);
    expect(points({ outstandingMinor: 0, ageDays: 0, attempts: 100, keptPromises: 5, localMinutes: 0 })).toBe(
      0,
    );
  });

  it('words the history as a person would say it, with no call or promise yet and with some', () => {
    const detail = (over: Partial<CallScoreInput>, key: string) =>
      callScore({ ...base, ...over }).parts.find((p) => p.key === key)?.detail;
    expect(detail({}, 'contact')?.fr).toBe(
      'jamais appelé : une chance sur deux de joindre le débiteur, a priori',
    );
    expect(detail({ rightPartyContacts: 1, attempts: 3 }, 'contact')).toEqual({
      fr: 'débiteur joint 1 fois sur 3 appels',
      en: 'debtor reached 1 time in 3 calls',
    });
    expect(detail({}, 'promises')).toEqual({ fr: 'aucune promesse passée', en: 'no past promise' });
    expect(detail({ brokenPromises: 2, keptPromises: 1 }, 'promises')).toEqual({
      fr: 'promesses passées : 2 non tenues, 1 tenue',
      en: 'past promises: 2 broken, 1 kept',
    });
  });

  it("gives the hour points only inside the profile's best hours", () => {
    const active = PROFILE_WINDOWS.active;
    expect(points({ preferred: active, localMinutes: 12 * 60 + 30 }, 'hour')).toBe(10);
    expect(points({ preferred: active, localMinutes: 10 * 60 }, 'hour')).toBe(0);
    expect(points({ preferred: active, localWeekday: 6, localMinutes: 9 * 60 }, 'hour')).toBe(10);
    expect(points({ preferred: active, localWeekday: 7, localMinutes: 9 * 60 }, 'hour')).toBe(0);
  });
});

describe('dispositions and reasons', () => {
  it('every disposition has both labels and exactly the needs its meaning asks', () => {
    for (const code of DISPOSITIONS) {
      const rule = DISPOSITION_RULES[code];
      expect(rule.label.fr && rule.label.en).toBeTruthy();
      expect(isDisposition(code)).toBe(true);
    }
    expect(DISPOSITION_RULES.callback_requested.needs.callback).toBe(true);
    expect(DISPOSITION_RULES.promise.needs.promise).toBe(true);
    expect(DISPOSITION_RULES.dispute.needs.dispute).toBe(true);
    expect(DISPOSITION_RULES.payment_plan).toMatchObject({
      rightParty: true,
      needs: { plan: true, promise: false },
      event: 'conversation',
    });
    expect(DISPOSITION_RULES.no_answer).toMatchObject({ rightParty: false, event: 'call_unanswered' });
    expect(DISPOSITION_RULES.wrong_number.event).toBe('wrong_number');
    expect(DISPOSITIONS.filter((d) => DISPOSITION_RULES[d].rightParty)).toEqual([
      'right_party_contact',
      'promise',
      'payment_plan',
      'payment_taken',
      'dispute',
      'hardship',
      'refusal',
      'callback_requested',
    ]);
    expect(isDisposition('answered')).toBe(false);
  });

  it('every reason has both labels', () => {
    expect(NON_PAYMENT_REASONS).toHaveLength(7);
    for (const code of NON_PAYMENT_REASONS) {
      expect(NON_PAYMENT_REASON_LABELS[code].fr && NON_PAYMENT_REASON_LABELS[code].en).toBeTruthy();
      expect(isNonPaymentReason(code)).toBe(true);
    }
  });
});
