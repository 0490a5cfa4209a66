import type { AssignmentRules, Step, StrategyDefinition } from './definition.ts';

/** A mistake in a strategy a supervisor wrote, located by its JSON path, explained in both languages. */
export type StrategyIssue = {
  readonly path: string;
  readonly code:
    | 'no_steps'
    | 'duplicate_step_key'
    | 'no_actions'
    | 'steps_out_of_order'
    | 'unknown_jump_step'
    | 'bad_template_key'
    | 'unknown_template'
    | 'unknown_strategy'
    | 'bad_count'
    | 'invalid_shape'
    | 'outside_mandate'
    | 'unknown_agency';
  readonly message: { readonly fr: string; readonly en: string };
};

const TEMPLATE_KEY = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** What the shape cannot say: keys unique, steps in date order, jumps to existing steps, templates named. */
export function checkStrategy(strategy: StrategyDefinition): StrategyIssue[] {
  const issues: StrategyIssue[] = [];
  if (strategy.steps.length === 0) {
    issues.push(issue('steps', 'no_steps', 'La stratégie n’a aucune étape.', 'The strategy has no steps.'));
  }
  const seen = new Set<string>();
  let lastDueOffset = Number.NEGATIVE_INFINITY;
  for (const [i, step] of strategy.steps.entries()) {
    const at = `steps[${i}]`;
    if (seen.has(step.key)) {
      issues.push(
        issue(
          `${at}.key`,
          'duplicate_step_key',
          `La clé « ${step.key} » est déjà utilisée par une autre étape.`,
          `The key "${step.key}" is already used by another step.`,
        ),
      );
    }
    seen.add(step.key);
    if (step.actions.length === 0) {
      issues.push(
        issue(
          `${at}.actions`,
          'no_actions',
          `L’étape « ${step.key} » n’a aucune action.`,
          `Step "${step.key}" has no action.`,
        ),
      );
    }
    for (const [n, action] of step.actions.entries())
      checkTemplate(issues, `${at}.actions[${n}].template`, action.template);
    lastDueOffset = checkOrder(issues, at, step, i, lastDueOffset);
  }
  const reactions = strategy.reactions;
  if (reactions.brokenPromise.mode === 'jump' && !seen.has(reactions.brokenPromise.toStep)) {
    const key = reactions.brokenPromise.toStep;
    issues.push(
      issue(
        'reactions.brokenPromise.toStep',
        'unknown_jump_step',
        `Aucune étape ne porte la clé « ${key} ».`,
        `No step has the key "${key}".`,
      ),
    );
  }
  if (reactions.unansweredCalls.count < 1) {
    issues.push(
      issue(
        'reactions.unansweredCalls.count',
        'bad_count',
        'Le nombre d’appels sans réponse doit être au moins 1.',
        'The number of unanswered calls must be at least 1.',
      ),
    );
  }
  for (const [path, template] of templatesOfReactions(strategy)) checkTemplate(issues, path, template);
  return issues;
}

/** Assignment rules must name strategies that exist. */
export function checkAssignment(rules: AssignmentRules, strategyKeys: ReadonlySet<string>): StrategyIssue[] {
  const issues: StrategyIssue[] = [];
  for (const [i, rule] of rules.rules.entries()) {
    if (!strategyKeys.has(rule.strategy)) issues.push(unknownStrategy(`rules[${i}].strategy`, rule.strategy));
  }
  if (!strategyKeys.has(rules.defaultStrategy))
    issues.push(unknownStrategy('defaultStrategy', rules.defaultStrategy));
  return issues;
}

function checkOrder(
  issues: StrategyIssue[],
  at: string,
  step: Step,
  index: number,
  lastDueOffset: number,
): number {
  if (step.at.after === 'previous_step' && index > 0) {
    if (step.at.days < 0) {
      issues.push(
        issue(
          `${at}.at.days`,
          'steps_out_of_order',
          'Une étape ne peut pas précéder la précédente.',
          'A step cannot come before the previous one.',
        ),
      );
    }
    return lastDueOffset;
  }
  if (step.at.days < lastDueOffset) {
    issues.push(
      issue(
        `${at}.at.days`,
        'steps_out_of_order',
        `L’étape « ${step.key} » tombe avant l’étape précédente : rangez les étapes par date.`,
        `Step "${step.key}" falls before the previous step: order the steps by date.`,
      ),
    );
  }
  return step.at.days;
}

function templatesOfReactions(strategy: StrategyDefinition): [string, string][] {
  const r = strategy.reactions;
  const list: [string, string | undefined][] = [
    ['reactions.paymentFull.thankTemplate', r.paymentFull.thankTemplate],
    ['reactions.promise.confirmTemplate', r.promise.confirmTemplate],
    ['reactions.unansweredCalls.switchTo.template', r.unansweredCalls.switchTo.template],
    ['reactions.emailBounce.switchTo.template', r.emailBounce.switchTo.template],
    ['reactions.wrongNumber.switchTo.template', r.wrongNumber.switchTo.template],
  ];
  return list.filter((entry): entry is [string, string] => entry[1] !== undefined);
}

function checkTemplate(issues: StrategyIssue[], path: string, template: string): void {
  if (!TEMPLATE_KEY.test(template)) {
    issues.push(
      issue(
        path,
        'bad_template_key',
        `« ${template} » n’est pas une clé de modèle (minuscules, chiffres et tirets).`,
        `"${template}" is not a template key (lower-case letters, digits and hyphens).`,
      ),
    );
  }
}

function unknownStrategy(path: string, key: string): StrategyIssue {
  return issue(
    path,
    'unknown_strategy',
    `Aucune stratégie ne porte la clé « ${key} ».`,
    `No strategy has the key "${key}".`,
  );
}

function issue(path: string, code: StrategyIssue['code'], fr: string, en: string): StrategyIssue {
  return { path, code, message: { fr, en } };
}
