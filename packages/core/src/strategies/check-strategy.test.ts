import { describe, expect, it } from 'vitest';
import { checkAssignment, checkStrategy } from './check-strategy.ts';
import { B2B_LADDER, DEFAULT_ASSIGNMENT, READY_STRATEGIES } from './library.ts';

describe('checkStrategy', () => {
  it.each(READY_STRATEGIES.map((s) => [s.key, s] as const))(
    'finds nothing wrong with the ready strategy %s',
    (_key, strategy) => {
      expect(checkStrategy(strategy)).toEqual([]);
    },
  );

  it('locates duplicate keys, steps out of order, unknown jumps and bad template keys', () => {
    const [first, second] = B2B_LADDER.steps;
    const broken = {
      ...B2B_LADDER,
      steps: [
        { ...second!, at: { after: 'due_date' as const, days: 10 } },
        {
          ...first!,
          key: 'cordial-call',
          at: { after: 'due_date' as const, days: 2 },
          actions: [{ channel: 'email' as const, template: 'Bad Key' }],
        },
      ],
      reactions: { ...B2B_LADDER.reactions, brokenPromise: { mode: 'jump' as const, toStep: 'nowhere' } },
    };
    expect(checkStrategy(broken).map((issue) => [issue.path, issue.code])).toEqual([
      ['steps[1].key', 'duplicate_step_key'],
      ['steps[1].actions[0].template', 'bad_template_key'],
      ['steps[1].at.days', 'steps_out_of_order'],
      ['reactions.brokenPromise.toStep', 'unknown_jump_step'],
    ]);
  });

  it('checks that assignment rules name existing strategies', () => {
    const keys = new Set(READY_STRATEGIES.map((s) => s.key));
    expect(checkAssignment(DEFAULT_ASSIGNMENT, keys)).toEqual([]);
    const issues = checkAssignment({ ...DEFAULT_ASSIGNMENT, defaultStrategy: 'gone' }, keys);
    expect(issues).toMatchObject([{ path: 'defaultStrategy', code: 'unknown_strategy' }]);
    expect(issues[0]?.message.fr).toContain('gone');
  });
});
