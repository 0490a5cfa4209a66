import type { IsoDate } from '../shared/dates.ts';
import { toEpochDay } from '../shared/dates.ts';
import { minorUnitDigits } from '../shared/money.ts';
import type { AssignmentRules, Condition, DebtorProfile } from './definition.ts';

/** What the conditions look at, read once per case. */
export type SegmentFacts = {
  readonly debtorKind: 'business' | 'consumer';
  readonly creditorRef: string;
  readonly currency: string;
  /** Outstanding minus disputed: what the ladder is chasing. */
  readonly collectableMinor: number;
  /** Earliest due date among open claims; null when none is open. */
  readonly oldestDueDate: IsoDate | null;
  readonly tags: readonly string[];
  readonly brokenPromises: number;
};

/** The tags that set a contact profile, in English and French (tags are kept lower-cased). */
const SENIOR_TAGS: readonly string[] = ['senior', 'sénior'];
const ACTIVE_TAGS: readonly string[] = ['active', 'actif'];

/** A debtor's contact profile comes from its tags: 'senior'/'sénior', 'active'/'actif', else 'standard'. */
export function profileOf(tags: readonly string[]): DebtorProfile {
  if (tags.some((tag) => SENIOR_TAGS.includes(tag))) return 'senior';
  if (tags.some((tag) => ACTIVE_TAGS.includes(tag))) return 'active';
  return 'standard';
}

export function matchCondition(condition: Condition, facts: SegmentFacts, today: IsoDate): boolean {
  if (condition.debtorKind && condition.debtorKind !== facts.debtorKind) return false;
  if (condition.currency && !condition.currency.includes(facts.currency)) return false;
  if (condition.creditors && !condition.creditors.includes(facts.creditorRef)) return false;
  if (condition.profile && !condition.profile.includes(profileOf(facts.tags))) return false;
  if (condition.amount && !amountWithin(condition.amount, facts)) return false;
  if (condition.ageDays && !within(ageOf(facts, today), condition.ageDays)) return false;
  if (condition.brokenPromises && !within(facts.brokenPromises, condition.brokenPromises)) return false;
  if (condition.tags && !tagsMatch(condition.tags, facts.tags)) return false;
  return true;
}

export type Assignment = {
  readonly strategyKey: string;
  /** Index of the rule that matched; null when the default applied. */
  readonly ruleIndex: number | null;
  readonly ruleName: string | null;
};

export function assignStrategy(rules: AssignmentRules, facts: SegmentFacts, today: IsoDate): Assignment {
  for (const [index, rule] of rules.rules.entries()) {
    if (matchCondition(rule.when, facts, today)) {
      return { strategyKey: rule.strategy, ruleIndex: index, ruleName: rule.name ?? null };
    }
  }
  return { strategyKey: rules.defaultStrategy, ruleIndex: null, ruleName: null };
}

function ageOf(facts: SegmentFacts, today: IsoDate): number | null {
  return facts.oldestDueDate === null ? null : toEpochDay(today) - toEpochDay(facts.oldestDueDate);
}

function within(value: number | null, bounds: { readonly min?: number; readonly max?: number }): boolean {
  if (value === null) return false;
  if (bounds.min !== undefined && value < bounds.min) return false;
  if (bounds.max !== undefined && value > bounds.max) return false;
  return true;
}

function amountWithin(
  bounds: { readonly min?: string; readonly max?: string },
  facts: SegmentFacts,
): boolean {
  const min = bounds.min === undefined ? undefined : decimalToMinor(bounds.min, facts.currency);
  const max = bounds.max === undefined ? undefined : decimalToMinor(bounds.max, facts.currency);
  return within(facts.collectableMinor, { min, max });
}

function tagsMatch(rule: NonNullable<Condition['tags']>, tags: readonly string[]): boolean {
  if (rule.all && !rule.all.every((tag) => tags.includes(tag))) return false;
  if (rule.any && !rule.any.some((tag) => tags.includes(tag))) return false;
  if (rule.none?.some((tag) => tags.includes(tag))) return false;
  return true;
}

const minorCache = new Map<string, number>();

/** "1500.5" in EUR → 150050. The strategy schema admits only plain decimal strings. */
export function decimalToMinor(amount: string, currency: string): number {
  const key = `${currency}:${amount}`;
  const cached = minorCache.get(key);
  if (cached !== undefined) return cached;
  const digits = minorUnitDigits(currency);
  const [whole = '0', fraction = ''] = amount.split('.');
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0').slice(0, digits) || '0');
  minorCache.set(key, minor);
  return minor;
}
