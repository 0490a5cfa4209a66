import { describe, expect, it } from 'vitest';
import { addDays } from '../shared/dates.ts';
import { assignStrategy } from './conditions.ts';
import type { StrategyDefinition } from './definition.ts';
import { B2B_LADDER, B2C_ACTIVE_LADDER, B2C_SENIOR_LADDER, DEFAULT_ASSIGNMENT } from './library.ts';
import { planCase } from './plan.ts';
import type { CaseFacts, CasePlan } from './plan-types.ts';
import type { CaseEvent, CaseProgress } from './progress.ts';
import { NEW_PROGRESS } from './progress.ts';
import { describeReason, nameReason } from './reasons.ts';

const DUE = '2026-03-10';

function facts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    debtorKind: 'business',
    creditorRef: 'ACME',
    currency: 'EUR',
    collectableMinor: 120_000,
    outstandingMinor: 120_000,
    oldestDueDate: DUE,
    tags: [],
    brokenPromises: 0,
    settled: false,
    timeBarred: false,
    ...overrides,
  };
}

function plan(
  today: string,
  options: {
    strategy?: StrategyDefinition;
    progress?: CaseProgress;
    events?: CaseEvent[];
    facts?: Partial<CaseFacts>;
  } = {},
): CasePlan {
  return planCase({
    strategy: options.strategy ?? B2B_LADDER,
    strategyVersion: 1,
    facts: facts(options.facts),
    progress: options.progress ?? NEW_PROGRESS,
    events: options.events ?? [],
    today,
  });
}

/** Runs the engine every day from `from` for `days` days, feeding each plan's progress to the next. */
function simulate(
  from: string,
  days: number,
  strategy: StrategyDefinition = B2B_LADDER,
  f: Partial<CaseFacts> = {},
) {
  let progress: CaseProgress = NEW_PROGRESS;
  const log: { on: string; key: string; channel: string }[] = [];
  let nextRun: string | null = from;
  for (let i = 0; i < days; i++) {
    const today = addDays(from, i);
    if (nextRun === null || today < nextRun) continue;
    const result = plan(today, { strategy, progress, facts: f });
    for (const action of result.actions) log.push({ on: today, key: action.key, channel: action.channel });
    progress = result.progress;
    nextRun = result.next?.on ?? null;
  }
  return { log, progress };
}

describe('the B2B ladder, day by day', () => {
  it('sends the pre-due e-mail five days before the due date and shows the next step', () => {
    const result = plan('2026-03-05');
    expect(result.stage).toBe('pre_due');
    expect(result.actions.map((a) => [a.channel, a.template])).toEqual([['email', 'pre-due-email']]);
    expect(result.next).toMatchObject({ on: '2026-03-11', stepKey: 'cordial-call', channels: ['call_task'] });
  });

  it('walks the whole ladder once, in order, over three months, never twice the same action', () => {
    const { log } = simulate('2026-03-01', 100);
    expect(log.map((entry) => `${entry.on} ${entry.channel}`)).toEqual([
      '2026-03-05 email',
      '2026-03-11 call_task',
      '2026-03-15 email',
      '2026-03-22 letter',
      '2026-03-29 registered_letter',
      '2026-04-05 registered_letter',
      '2026-04-12 registered_letter',
      '2026-04-19 formal_notice',
      '2026-05-04 agency_handover',
    ]);
    expect(new Set(log.map((entry) => entry.key)).size).toBe(log.length);
  });

  it('creates nothing when planned a second time on the same day', () => {
    const first = plan('2026-03-11', { progress: plan('2026-03-05').progress });
    const second = plan('2026-03-11', { progress: first.progress });
    expect(first.actions).toHaveLength(1);
    expect(second.actions).toEqual([]);
    expect(second.next).toEqual(first.next);
  });

  it('marks the formal notice and the hand-over for review before sending', () => {
    const result = plan('2026-04-20', {
      progress: {
        ...NEW_PROGRESS,
        strategyKey: 'b2b-standard',
        stepIndex: 6,
        stepKey: 'registered-3',
        stepOn: '2026-04-12',
      },
    });
    expect(result.actions).toMatchObject([
      { channel: 'formal_notice', review: true, purpose: 'formal_notice' },
    ]);
  });
});

describe('a backlog', () => {
  it('jumps to the right level and says which steps it skipped', () => {
    const result = plan(addDays(DUE, 20));
    expect(result.actions.map((a) => a.stepKey)).toEqual(['registered-1']);
    const jump = result.notes.find((n) => n.code === 'backlog_jump');
    expect(jump?.params.skipped).toBe('cordial-call, reminder-email, reminder-letter');
    expect(jump && describeReason(nameReason(jump, B2B_LADDER), 'fr')).toBe(
      'Dossier en retard sur l’échelle : passage direct à « Premier recommandé » (étapes sautées : Appel cordial, E-mail de relance, Lettre de relance).',
    );
    expect(describeReason(nameReason(result.actions[0]!.reason, B2B_LADDER), 'en')).toBe(
      'Step "First registered letter" due 1 day ago.',
    );
    expect(result.notes.some((n) => n.code === 'pre_due_expired')).toBe(true);
    expect(result.next).toMatchObject({ on: addDays(DUE, 27), stepKey: 'registered-2' });
  });

  it('walks up one level per run when the strategy says so', () => {
    const first = plan(addDays(DUE, 40), { strategy: B2C_SENIOR_LADDER, facts: { debtorKind: 'consumer' } });
    expect(first.actions.map((a) => a.stepKey)).toEqual(['first-call']);
    expect(first.notes.find((n) => n.code === 'backlog_walk')?.params.daysBehind).toBe(37);
    expect(first.next).toMatchObject({ on: addDays(DUE, 45), stepKey: 'reminder-letter' });
  });
});

describe('reactions to events', () => {
  const started = plan('2026-03-11', { progress: plan('2026-03-05').progress }).progress;

  it('pauses for a promise, confirms it in writing, and resumes when it is kept', () => {
    const promise: CaseEvent = {
      kind: 'promise',
      on: '2026-03-12',
      dueOn: '2026-03-20',
      amountMinor: 50_000,
      baselineMinor: 120_000,
    };
    const made = plan('2026-03-12', { progress: started, events: [promise] });
    expect(made.stage).toBe('promise');
    expect(made.actions).toMatchObject([{ purpose: 'confirmation', template: 'promise-confirmation' }]);
    expect(made.next).toMatchObject({ on: '2026-03-23', kind: 'promise_check' });
    const kept = plan('2026-03-23', {
      progress: made.progress,
      facts: { outstandingMinor: 70_000, collectableMinor: 70_000 },
    });
    expect(kept.notes.map((n) => n.code)).toContain('promise_kept');
    // The pause put the case behind its ladder: the B2B strategy jumps to where it should be.
    expect(kept.actions.map((a) => a.stepKey)).toEqual(['reminder-letter']);
  });

  it('jumps to the formal notice when a promise is broken, with fresh idempotency keys', () => {
    const promise: CaseEvent = {
      kind: 'promise',
      on: '2026-03-12',
      dueOn: '2026-03-20',
      amountMinor: 50_000,
      baselineMinor: 120_000,
    };
    const made = plan('2026-03-12', { progress: started, events: [promise] });
    const broken = plan('2026-03-23', { progress: made.progress });
    expect(broken.notes.map((n) => n.code)).toContain('promise_broken');
    // An agent calls at once (the case is back in the call queue), and the ladder jumps.
    expect(broken.actions).toMatchObject([
      { channel: 'call_task', template: 'cordial-call', key: 'b2b-standard:1:promise-broken-2026-03-20' },
      { stepKey: 'formal-notice', key: 'b2b-standard:1:formal-notice:0' },
    ]);
    expect(broken.progress.brokenPromises).toBe(1);
  });

  it('treats a promise an agent declares broken at once', () => {
    const promise: CaseEvent = {
      kind: 'promise',
      on: '2026-03-12',
      dueOn: '2026-03-30',
      amountMinor: 50_000,
      baselineMinor: 120_000,
    };
    const made = plan('2026-03-12', { progress: started, events: [promise] });
    const broken = plan('2026-03-14', {
      progress: made.progress,
      events: [{ kind: 'promise_broken', on: '2026-03-14' }],
    });
    expect(broken.actions.map((a) => a.stepKey ?? a.channel)).toEqual(['call_task', 'formal-notice']);
  });

  it('follows a payment plan and re-enters the ladder when an instalment is missed', () => {
    const agreed: CaseEvent = {
      kind: 'plan',
      on: '2026-03-12',
      baselineMinor: 120_000,
      instalments: [
        { dueOn: '2026-04-01', amountMinor: 40_000 },
        { dueOn: '2026-05-01', amountMinor: 40_000 },
        { dueOn: '2026-06-01', amountMinor: 40_000 },
      ],
    };
    const onPlan = plan('2026-03-12', { progress: started, events: [agreed] });
    expect(onPlan).toMatchObject({ stage: 'plan', next: { on: '2026-04-06', kind: 'plan_check' } });
    const first = plan('2026-04-06', {
      progress: onPlan.progress,
      facts: { outstandingMinor: 80_000, collectableMinor: 80_000 },
    });
    expect(first).toMatchObject({ stage: 'plan', next: { on: '2026-05-06' }, actions: [] });
    const missed = plan('2026-05-06', {
      progress: first.progress,
      facts: { outstandingMinor: 80_000, collectableMinor: 80_000 },
    });
    expect(missed.notes.map((n) => n.code)).toContain('plan_broken');
    expect(missed.actions.map((a) => a.stepKey ?? a.channel)).toEqual(['call_task', 'formal-notice']);
  });

  it('stops and thanks the debtor when the balance is paid', () => {
    const paid = plan('2026-03-13', {
      progress: started,
      events: [{ kind: 'payment', on: '2026-03-13', amountMinor: 120_000 }],
      facts: { outstandingMinor: 0, collectableMinor: 0, settled: true },
    });
    expect(paid).toMatchObject({
      stage: 'completed',
      next: null,
      actions: [{ purpose: 'thanks', template: 'thanks' }],
    });
    const again = plan('2026-03-13', {
      progress: paid.progress,
      facts: { outstandingMinor: 0, collectableMinor: 0, settled: true },
    });
    expect(again.actions).toEqual([]);
  });

  it('holds a case whose whole balance is disputed', () => {
    const held = plan('2026-03-15', {
      progress: started,
      events: [{ kind: 'dispute', on: '2026-03-15' }],
      facts: { collectableMinor: 0 },
    });
    expect(held).toMatchObject({ stage: 'held', next: null, actions: [] });
  });

  it('switches call tasks to SMS after three unanswered calls', () => {
    const events: CaseEvent[] = [1, 2, 3].map(() => ({ kind: 'call_unanswered', on: '2026-03-20' }));
    const consumer = { debtorKind: 'consumer' as const };
    const progress: CaseProgress = {
      ...NEW_PROGRESS,
      strategyKey: 'b2c-active',
      stepIndex: 3,
      stepKey: 'second-link',
      stepOn: '2026-03-20',
    };
    const result = plan('2026-03-26', { strategy: B2C_ACTIVE_LADDER, progress, events, facts: consumer });
    expect(result.actions).toMatchObject([
      { stepKey: 'agent-call', channel: 'sms', reason: { code: 'channel_switched' } },
    ]);
  });

  it('pauses after the debtor replies, and a manual pause holds until resumed', () => {
    const replied = plan('2026-03-14', {
      progress: started,
      events: [{ kind: 'debtor_replied', on: '2026-03-14' }],
    });
    expect(replied).toMatchObject({ stage: 'paused', next: { on: '2026-03-19', kind: 'pause_end' } });
    const paused = plan('2026-03-15', { progress: started, events: [{ kind: 'pause', on: '2026-03-15' }] });
    expect(paused).toMatchObject({ stage: 'paused', next: null });
    const resumed = plan('2026-03-16', {
      progress: paused.progress,
      events: [{ kind: 'resume', on: '2026-03-16' }],
    });
    expect(resumed.actions.map((a) => a.stepKey)).toEqual(['reminder-email']);
  });

  it('a pause until a date holds the ladder to that day and lifts itself on it, explained', () => {
    const paused = plan('2026-03-15', {
      progress: started,
      events: [{ kind: 'pause', on: '2026-03-15', until: '2026-03-29' }],
    });
    expect(paused).toMatchObject({ stage: 'paused', next: { on: '2026-03-29', kind: 'pause_end' } });
    expect(paused.actions).toEqual([]);
    expect(describeReason(paused.notes.find((n) => n.code === 'paused_until')!, 'fr')).toBe(
      'Relance mise en pause jusqu’au 29/03/2026.',
    );
    const dayBefore = plan('2026-03-28', { progress: paused.progress });
    expect(dayBefore).toMatchObject({ stage: 'paused', next: { on: '2026-03-29' }, actions: [] });
    const onTheDay = plan('2026-03-29', { progress: paused.progress });
    expect(onTheDay.stage).toBe('active');
    expect(onTheDay.actions.length).toBeGreaterThan(0);
    expect(onTheDay.progress).toMatchObject({ pausedManually: false, pausedUntil: null, pauseReason: null });
    expect(describeReason(onTheDay.notes.find((n) => n.code === 'pause_ended')!, 'en')).toBe(
      'The pause ended on 29 Mar 2026: collection resumes.',
    );
    // Resumed early by hand, or made open-ended by a second pause.
    const early = plan('2026-03-20', {
      progress: paused.progress,
      events: [{ kind: 'resume', on: '2026-03-20' }],
    });
    expect(early.stage).toBe('active');
    const openEnded = plan('2026-03-20', {
      progress: paused.progress,
      events: [{ kind: 'pause', on: '2026-03-20' }],
    });
    expect(openEnded).toMatchObject({ stage: 'paused', next: null, progress: { pausedUntil: null } });
  });

  it('never threatens legal action on a time-barred debt', () => {
    const progress: CaseProgress = {
      ...NEW_PROGRESS,
      strategyKey: 'b2b-standard',
      stepIndex: 6,
      stepKey: 'registered-3',
      stepOn: '2026-04-12',
    };
    const result = plan('2026-04-19', { progress, facts: { timeBarred: true } });
    expect(result.actions).toEqual([]);
    expect(
      describeReason(result.notes.find((n) => n.code === 'time_barred_no_threat') ?? result.notes[0]!, 'fr'),
    ).toContain('prescrite');
  });
});

describe('assignment rules', () => {
  it.each([
    [{ debtorKind: 'business' as const }, 'b2b-standard', 0],
    [{ debtorKind: 'consumer' as const, tags: ['senior'] }, 'b2c-senior', 1],
    [{ debtorKind: 'consumer' as const }, 'b2c-active', 2],
  ])('%o → %s (first match wins)', (f, strategy, ruleIndex) => {
    expect(assignStrategy(DEFAULT_ASSIGNMENT, facts(f), '2026-03-20')).toMatchObject({
      strategyKey: strategy,
      ruleIndex,
    });
  });

  it('falls back to the default and matches amount bands and ages', () => {
    const rules = {
      rules: [{ when: { amount: { min: '5000.00' }, ageDays: { min: 30 } }, strategy: 'big-and-old' }],
      defaultStrategy: 'fallback',
    };
    expect(assignStrategy(rules, facts({ collectableMinor: 500_000 }), addDays(DUE, 30)).strategyKey).toBe(
      'big-and-old',
    );
    expect(assignStrategy(rules, facts({ collectableMinor: 499_999 }), addDays(DUE, 30)).strategyKey).toBe(
      'fallback',
    );
    expect(assignStrategy(rules, facts({ collectableMinor: 500_000 }), addDays(DUE, 29))).toMatchObject({
      strategyKey: 'fallback',
      ruleIndex: null,
    });
  });
});
