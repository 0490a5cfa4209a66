import { describe, expect, it } from 'vitest';
import type { EngineEvent } from './engine-api.ts';
import { isPausedByHand, pauseEndOf, promiseOf } from './engine-state.ts';

const event = (kind: string, on: string, id: string, applied = false): EngineEvent => ({
  id,
  kind,
  on,
  data: {},
  applied,
});

describe('isPausedByHand', () => {
  it('follows the engine when nothing was recorded', () => {
    expect(isPausedByHand({ events: [], progress: null })).toBe(false);
    expect(isPausedByHand({ events: [], progress: { pausedManually: true } })).toBe(true);
  });

  it('follows the latest pause or resume, applied or not', () => {
    const events = [event('promise', '2026-03-10', '5'), event('pause', '2026-03-09', '3', true)];
    expect(isPausedByHand({ events, progress: { pausedManually: false } })).toBe(true);
    const resumed = [event('resume', '2026-03-11', '6'), ...events];
    expect(isPausedByHand({ events: resumed, progress: { pausedManually: true } })).toBe(false);
  });

  it('orders two events of the same day by their time-ordered ids', () => {
    const sameDay = [event('pause', '2026-03-11', '0190-a'), event('resume', '2026-03-11', '0190-b')];
    expect(isPausedByHand({ events: sameDay, progress: null })).toBe(false);
    expect(isPausedByHand({ events: [...sameDay].reverse(), progress: null })).toBe(false);
  });
});

describe('a pause until a date', () => {
  it('reads its end from the latest pause, and is over once that day has come', () => {
    const dated = { ...event('pause', '2026-03-16', '7', true), data: { until: '2026-03-30' } };
    const engine = { events: [dated, event('resume', '2026-03-10', '4', true)], progress: null };
    expect(pauseEndOf(engine)).toBe('2026-03-30');
    expect(isPausedByHand(engine, '2026-03-29')).toBe(true);
    expect(isPausedByHand(engine, '2026-03-30')).toBe(false);
    expect(pauseEndOf({ events: [event('resume', '2026-03-17', '8'), dated] })).toBeNull();
    expect(pauseEndOf({ events: [event('pause', '2026-03-17', '8')] })).toBeNull();
  });
});

describe('promiseOf', () => {
  it('reads the promised date and amount', () => {
    expect(promiseOf({ dueOn: '2026-04-12', amountMinor: 15000, baselineMinor: 20000 })).toEqual({
      dueOn: '2026-04-12',
      amountMinor: 15000,
    });
    expect(promiseOf({ dueOn: '2026-04-12' })).toBeNull();
    expect(promiseOf(null)).toBeNull();
  });
});
