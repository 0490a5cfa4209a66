import { isApiError } from '../../app/api/api-error.ts';
import type { Localized } from '../../app/api/types.ts';
import type { AssignmentRules, StrategyDefinition } from './definition.ts';

/** A mistake the server found in a strategy: where (a JSON path such as `steps[2].at.days`) and why. */
export type StrategyIssue = { readonly path: string; readonly code: string; readonly message: Localized };

function isIssue(value: unknown): value is StrategyIssue {
  if (typeof value !== 'object' || value === null) return false;
  const { path, code, message } = value as Record<string, unknown>;
  return (
    typeof path === 'string' &&
    typeof code === 'string' &&
    typeof message === 'object' &&
    message !== null &&
    typeof (message as Record<string, unknown>).fr === 'string' &&
    typeof (message as Record<string, unknown>).en === 'string'
  );
}

/** The issues of a 400 answer to `POST /strategies` (or the assignment); null for any other error. */
export function strategyIssuesOf(error: unknown): StrategyIssue[] | null {
  if (!isApiError(error) || error.status !== 400) return null;
  const details = error.details;
  if (typeof details !== 'object' || details === null) return null;
  const issues = (details as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return null;
  const valid = issues.filter(isIssue);
  return valid.length > 0 ? valid : null;
}

/** `steps[2].at.days` → `steps[2].at` → `steps[2]` → `steps` → null. */
export function parentPath(path: string): string | null {
  const bracket = path.endsWith(']') ? path.lastIndexOf('[') : -1;
  const dot = path.lastIndexOf('.');
  const cut = Math.max(bracket, dot);
  return cut > 0 ? path.slice(0, cut) : null;
}

export type PlacedIssues = {
  /** Issues by the path of the field that shows them. */
  readonly byPath: ReadonlyMap<string, readonly StrategyIssue[]>;
  /** Issues no field of the form stands for: shown in a list. */
  readonly unplaced: readonly StrategyIssue[];
};

/** Places each issue on its field, or on the closest enclosing one the form shows; the rest go to a list. */
export function placeIssues(issues: readonly StrategyIssue[], fieldPaths: ReadonlySet<string>): PlacedIssues {
  const byPath = new Map<string, StrategyIssue[]>();
  const unplaced: StrategyIssue[] = [];
  for (const issue of issues) {
    let path: string | null = issue.path;
    while (path !== null && !fieldPaths.has(path)) path = parentPath(path);
    if (path === null) unplaced.push(issue);
    else byPath.set(path, [...(byPath.get(path) ?? []), issue]);
  }
  return { byPath, unplaced };
}

/** The paths of the fields the strategy form shows, for `placeIssues`. */
export function formFieldPaths(definition: StrategyDefinition): ReadonlySet<string> {
  const paths = [
    'key',
    'name.fr',
    'name.en',
    'profile',
    'backlog',
    'steps',
    'reactions.promise.graceDays',
    'reactions.brokenPromise',
    'reactions.brokenPromise.toStep',
    'reactions.unansweredCalls.count',
    'reactions.unansweredCalls.switchTo.channel',
    'reactions.unansweredCalls.switchTo.template',
    'reactions.debtorReplied.pauseDays',
  ];
  for (const [i, step] of definition.steps.entries()) {
    const at = `steps[${i}]`;
    paths.push(
      at,
      `${at}.key`,
      `${at}.name.fr`,
      `${at}.name.en`,
      `${at}.at.after`,
      `${at}.at.days`,
      `${at}.actions`,
      `${at}.review`,
      `${at}.when`,
      `${at}.when.debtorKind`,
      `${at}.when.amount.min`,
      `${at}.when.amount.max`,
    );
    for (const n of step.actions.keys()) {
      paths.push(`${at}.actions[${n}].channel`, `${at}.actions[${n}].template`);
    }
  }
  return new Set(paths);
}

/** The messages of the issues placed on a field, in the UI language; undefined when it has none. */
export type ErrorAt = (path: string) => string | undefined;

/** The paths of the fields the assignment form shows, for `placeIssues`. */
export function assignmentFieldPaths(rules: AssignmentRules): ReadonlySet<string> {
  const paths = ['rules', 'defaultStrategy'];
  for (const i of rules.rules.keys()) {
    const at = `rules[${i}]`;
    paths.push(
      at,
      `${at}.name`,
      `${at}.strategy`,
      `${at}.when`,
      `${at}.when.debtorKind`,
      `${at}.when.profile`,
      `${at}.when.amount.min`,
      `${at}.when.amount.max`,
    );
  }
  return new Set(paths);
}
