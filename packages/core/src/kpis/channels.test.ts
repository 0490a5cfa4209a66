import { describe, expect, it } from 'vitest';
import { channelResponses, type ResponsePair, type SentAction } from './channels.ts';
import { percent } from './ratio.ts';

const action = (actionId: string, channel: SentAction['channel'], sentOn: string): SentAction => ({
  actionId,
  channel,
  sentOn,
});
const pair = (actionId: string, responseId: string, kind: ResponsePair['kind'], respondedOn: string) => ({
  actionId,
  responseId,
  kind,
  respondedOn,
});

// Case A: an e-mail on 1 March, an SMS on 4 March, a payment on 5 March (follows both).
// Case B: an e-mail on 1 March, a promise on 20 March (outside a 14-day window).
// Case C: a letter on 2 March, a dispute on 3 March and an inbound reply on 6 March.
// Case D: an SMS on 10 March, nothing.
const actions = [
  action('a-email', 'email', '2026-03-01'),
  action('a-sms', 'sms', '2026-03-04'),
  action('b-email', 'email', '2026-03-01'),
  action('c-letter', 'letter', '2026-03-02'),
  action('d-sms', 'sms', '2026-03-10'),
];
const responses = [
  pair('a-email', 'pay-1', 'payment', '2026-03-05'),
  pair('a-sms', 'pay-1', 'payment', '2026-03-05'),
  pair('b-email', 'prom-1', 'promise', '2026-03-20'), // 19 days after: out of the window
  pair('c-letter', 'disp-1', 'dispute', '2026-03-03'),
  pair('c-letter', 'in-1', 'inbound', '2026-03-06'),
];

describe('channelResponses', () => {
  it("credits every action followed by a response in its window ('every')", () => {
    const report = channelResponses({ actions, responses, windowDays: 14 });
    expect(report.channels.map((c) => [c.channel, c.sent, c.responded, percent(c.rate)])).toEqual([
      ['email', 2, 1, '50.0'], // a-email responded, b-email's promise came too late
      ['sms', 2, 1, '50.0'], // a-sms responded, d-sms did not
      ['letter', 1, 1, '100.0'],
    ]);
    // the letter counts once as responded, under two kinds
    expect(report.channels[2]!.byKind).toEqual({ payment: 0, promise: 0, dispute: 1, inbound: 1 });
    // total: 3 of 5 actions = 60 %
    expect(report.total.responded).toBe(3);
    expect(percent(report.total.rate)).toBe('60.0');
  });

  it("gives a response to the latest action only ('last')", () => {
    const report = channelResponses({ actions, responses, windowDays: 14, attribution: 'last' });
    // pay-1 goes to the SMS of 4 March, not the e-mail of 1 March
    expect(report.channels.map((c) => [c.channel, c.responded])).toEqual([
      ['email', 0],
      ['sms', 1],
      ['letter', 1],
    ]);
    expect(percent(report.total.rate)).toBe('40.0'); // 2 / 5
  });

  it('widens with the window and ignores responses before the action', () => {
    // a 19-day window reaches b-email's promise (1 March + 19 = 20 March, the last day counts)
    expect(channelResponses({ actions, responses, windowDays: 19 }).channels[0]!.responded).toBe(2);
    const early = channelResponses({
      actions: [action('x', 'email', '2026-03-10')],
      responses: [pair('x', 'p', 'payment', '2026-03-09')],
      windowDays: 14,
    });
    expect(early.total.responded).toBe(0);
  });

  it('refuses a response to an unknown action and a duplicated action', () => {
    expect(() =>
      channelResponses({ actions, responses: [pair('zzz', 'p', 'payment', '2026-03-05')], windowDays: 7 }),
    ).toThrow(/not given/);
    expect(() =>
      channelResponses({ actions: [actions[0]!, actions[0]!], responses: [], windowDays: 7 }),
    ).toThrow(/twice/);
  });
});
