import { describe, expect, it } from 'vitest';
import { B2B_LADDER } from './library.ts';
import { planCase } from './plan.ts';
import type { CaseFacts } from './plan-types.ts';
import type { CaseEvent, CaseProgress } from './progress.ts';
import { NEW_PROGRESS } from './progress.ts';

const base: CaseFacts = {
  debtorKind: 'business',
  creditorRef: 'ACME',
  currency: 'EUR',
  collectableMinor: 120_000,
  outstandingMinor: 120_000,
  oldestDueDate: '2026-03-10',
  tags: [],
  brokenPromises: 0,
  settled: false,
  timeBarred: false,
};

const run = (today: string, progress: CaseProgress, outstandingMinor = 120_000, events: CaseEvent[] = []) =>
  planCase({
    strategy: B2B_LADDER,
    strategyVersion: 1,
    facts: { ...base, outstandingMinor, collectableMinor: outstandingMinor },
    progress,
    events,
    today,
  });

/** A promise of two dates (grace 3 days in the B2B ladder): €300 on 20 March, €300 on 20 April. */
const twoDates: CaseEvent = {
  kind: 'promise',
  on: '2026-03-12',
  dueOn: '2026-04-20',
  amountMinor: 60_000,
  baselineMinor: 120_000,
  schedule: [
    { dueOn: '2026-03-20', amountMinor: 30_000 },
    { dueOn: '2026-04-20', amountMinor: 30_000 },
  ],
  promiseId: 'p1',
};

describe('a promise of several dates', () => {
  const started = run('2026-03-11', run('2026-03-05', NEW_PROGRESS).progress).progress;
  const made = run('2026-03-12', started, 120_000, [twoDates]);

  it('waits for the first date plus grace, and confirms once per promise', () => {
    expect(made.stage).toBe('promise');
    expect(made.next).toMatchObject({ kind: 'promise_check', on: '2026-03-23' });
    expect(made.actions).toMatchObject([{ key: 'b2b-standard:0:promise-p1', purpose: 'confirmation' }]);
  });

  it('checks each date with its grace: kept when everything due by the last date is paid', () => {
    const first = run('2026-03-23', made.progress, 90_000);
    expect(first.notes.map((n) => n.code)).toContain('promise_date_kept');
    expect(first.next).toMatchObject({ kind: 'promise_check', on: '2026-04-23' });
    expect(run('2026-04-22', first.progress, 60_000).stage).toBe('promise');
    const last = run('2026-04-23', first.progress, 60_000);
    expect(last.notes).toContainEqual({
      code: 'promise_kept',
      params: { dueOn: '2026-04-20', paidMinor: 60_000 },
    });
    expect(last.progress.promise).toBeNull();
    expect(last.progress.brokenPromises).toBe(0);
  });

  it('is partly kept when the first date is paid and the second is not, and the ladder resumes', () => {
    const first = run('2026-03-23', made.progress, 90_000);
    const last = run('2026-04-23', first.progress, 90_000);
    expect(last.notes).toContainEqual({
      code: 'promise_partly_kept',
      params: { dueOn: '2026-04-20', paidMinor: 30_000 },
    });
    expect(last.progress.brokenPromises).toBe(1);
    expect(last.stage).not.toBe('promise');
  });

  it('is broken at the first date plus grace when nothing is paid, not before', () => {
    expect(run('2026-03-22', made.progress).stage).toBe('promise');
    const broken = run('2026-03-23', made.progress);
    expect(broken.notes).toContainEqual({
      code: 'promise_broken',
      params: { dueOn: '2026-03-20', paidMinor: 0 },
    });
    expect(broken.actions.map((a) => a.stepKey ?? a.channel)).toEqual(['call_task', 'formal-notice']);
  });
});
