import { describe, expect, it } from 'vitest';
import { type AttemptCount, paymentFunnel } from './funnel.ts';
import { percent } from './ratio.ts';

const row = (
  channel: AttemptCount['channel'],
  status: AttemptCount['status'],
  attempts: number,
  inputErrors = 0,
  attemptsWithInputErrors = 0,
): AttemptCount => ({ channel, status, attempts, inputErrors, attemptsWithInputErrors });

describe('paymentFunnel', () => {
  it('counts each channel and the total', () => {
    const funnel = paymentFunnel([
      row('ivr', 'succeeded', 30, 12, 8),
      row('ivr', 'abandoned', 15, 20, 9),
      row('ivr', 'failed', 5),
      row('portal', 'succeeded', 80, 3, 3),
      row('portal', 'abandoned', 12),
      row('portal', 'failed', 6, 2, 1),
      row('portal', 'started', 2),
      row('portal', 'succeeded', 10), // a second row for the same group adds up
    ]);
    expect(funnel.channels.map((c) => c.channel)).toEqual(['portal', 'ivr']);
    const [portal, ivr] = funnel.channels;
    // portal: 80 + 12 + 6 + 2 + 10 = 110 started, 90 completed → 81.8 %
    expect(portal).toMatchObject({ started: 110, completed: 90, abandoned: 12, failed: 6, open: 2 });
    expect(percent(portal!.conversion)).toBe('81.8');
    // 12 / 110 = 10.9 %; 4 attempts with errors / 110 = 3.6 %
    expect(percent(portal!.abandonment)).toBe('10.9');
    expect(percent(portal!.inputErrorRate)).toBe('3.6');
    // ivr: 50 started, 30 completed = 60 %; 17 / 50 attempts with errors = 34 %; 32 errors keyed
    expect(ivr).toMatchObject({ started: 50, completed: 30, inputErrors: 32, attemptsWithInputErrors: 17 });
    expect(percent(ivr!.conversion)).toBe('60.0');
    expect(percent(ivr!.inputErrorRate)).toBe('34.0');
    expect(percent(ivr!.failure)).toBe('10.0');
    // total: 160 started, 120 completed = 75 %
    expect(funnel.total).toMatchObject({ started: 160, completed: 120, abandoned: 27, failed: 11, open: 2 });
    expect(percent(funnel.total.conversion)).toBe('75.0');
  });

  it('has no rate without attempts and refuses impossible counts', () => {
    expect(percent(paymentFunnel([]).total.conversion)).toBeNull();
    expect(() => paymentFunnel([row('ivr', 'failed', 1, 0, 1)])).toThrow(/input error/);
    expect(() => paymentFunnel([row('fax' as AttemptCount['channel'], 'failed', 1)])).toThrow(/channel/);
    expect(() => paymentFunnel([row('ivr', 'lost' as AttemptCount['status'], 1)])).toThrow(/status/);
  });
});
