import type { TFunction } from 'i18next';
import type { Language } from '../../app/i18n/languages.ts';
import type { StrategySummary } from './api.ts';
import { conditionSentence } from './condition-text.ts';
import type { AssignmentRule } from './definition.ts';

export type RuleText = {
  /** Who the rule is for: "Entreprises", "Particuliers, profil senior". */
  readonly who: string;
  /** The strategy's name in the UI language, or its key marked unknown. */
  readonly strategy: string;
  /** Whether the strategy exists (its name can link to it). */
  readonly known: boolean;
};

export function strategyName(
  key: string,
  strategies: readonly StrategySummary[],
  t: TFunction,
  language: Language,
): { readonly name: string; readonly known: boolean } {
  const found = strategies.find((item) => item.key === key);
  return found
    ? { name: found.definition.name[language], known: true }
    : { name: t('strategies.assignment.unknownStrategy', { key }), known: false };
}

/** A rule as a person reads it: "Entreprises → Relance B2B". */
export function ruleText(
  rule: AssignmentRule,
  strategies: readonly StrategySummary[],
  t: TFunction,
  language: Language,
): RuleText {
  const { name, known } = strategyName(rule.strategy, strategies, t, language);
  return { who: conditionSentence(rule.when, t, language), strategy: name, known };
}

export function ruleSentence(text: RuleText): string {
  return `${text.who} → ${text.strategy}`;
}
