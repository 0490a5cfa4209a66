import type { Language } from '../../app/i18n/languages.ts';
import type { StrategyBook } from '../strategies/api.ts';

/**
 * The strategies the dashboard can be filtered by: the tenant's (named in the reader's language, when the
 * reader may see them), those money was collected under in the period, and the one asked for.
 */
export function strategyChoices(
  book: StrategyBook | undefined,
  collected: readonly string[],
  current: string | undefined,
  language: Language,
): { value: string; label: string }[] {
  const names = new Map((book?.items ?? []).map((s) => [s.key, s.definition.name[language]]));
  const keys = new Set([...(current ? [current] : []), ...names.keys(), ...collected.filter(Boolean)]);
  return [...keys].map((key) => ({ value: key, label: names.get(key) ?? key }));
}
