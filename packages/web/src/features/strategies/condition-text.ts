import type { TFunction } from 'i18next';
import { includes } from '../../app/api/types.ts';
import { intlLocale, type Language } from '../../app/i18n/languages.ts';
import { type Condition, PROFILES } from './definition.ts';

type Bounds<T> = { readonly min?: T; readonly max?: T };

function list(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(intlLocale(language), { type: 'conjunction' }).format(items);
}

/** "1500.00" → "1 500" (fr) or "1,500" (en); the threshold is a decimal text, never turned into a float. */
export function formatAmount(amount: string, language: Language): string {
  const formatter = new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 4 });
  if (!/^\d+(\.\d+)?$/.test(amount)) return amount;
  return formatter.format(amount as `${number}`).replaceAll('\u202f', '\u00a0');
}

function amountText(bounds: Bounds<string> | undefined, t: TFunction, language: Language): string | null {
  const min = bounds?.min === undefined ? undefined : formatAmount(bounds.min, language);
  const max = bounds?.max === undefined ? undefined : formatAmount(bounds.max, language);
  if (min !== undefined && max !== undefined) return t('conditions.amountBetween', { min, max });
  if (min !== undefined) return t('conditions.amountMin', { min });
  if (max !== undefined) return t('conditions.amountMax', { max });
  return null;
}

function ageText(bounds: Bounds<number> | undefined, t: TFunction): string | null {
  const { min, max } = bounds ?? {};
  if (min !== undefined && max !== undefined) return t('conditions.ageBetween', { min, max });
  if (min !== undefined) return t('conditions.ageMin', { count: min });
  if (max !== undefined) return t('conditions.ageMax', { count: max });
  return null;
}

function brokenPromisesText(bounds: Bounds<number> | undefined, t: TFunction): string | null {
  const { min, max } = bounds ?? {};
  if (min !== undefined && max !== undefined) return t('conditions.brokenBetween', { min, max });
  if (min !== undefined) return t('conditions.brokenMin', { count: min });
  if (max !== undefined) return t('conditions.brokenMax', { count: max });
  return null;
}

/**
 * The pieces of a condition as a person says them, in order: "Entreprises", "montant d'au moins 1 500",
 * "retard de 30 à 90 jours"… An empty condition is "Tous les dossiers".
 */
export function conditionParts(condition: Condition | undefined, t: TFunction, language: Language): string[] {
  if (!condition) return [t('conditions.all')];
  const parts: (string | null)[] = [
    condition.debtorKind ? t(`conditions.debtorKind.${condition.debtorKind}`) : null,
    condition.profile && condition.profile.length > 0
      ? t('conditions.profile', {
          list: list(
            condition.profile.map((p) => (includes(PROFILES, p) ? t(`strategies.profile.${p}`) : p)),
            language,
          ),
          count: condition.profile.length,
        })
      : null,
    amountText(condition.amount, t, language),
    ageText(condition.ageDays, t),
    condition.tags?.all?.length
      ? t('conditions.tagsAll', { list: list(condition.tags.all, language) })
      : null,
    condition.tags?.any?.length
      ? t('conditions.tagsAny', { list: list(condition.tags.any, language) })
      : null,
    condition.tags?.none?.length
      ? t('conditions.tagsNone', { list: list(condition.tags.none, language) })
      : null,
    condition.creditors?.length
      ? t('conditions.creditors', { list: list(condition.creditors, language) })
      : null,
    condition.currency?.length
      ? t('conditions.currency', { list: list(condition.currency, language) })
      : null,
    brokenPromisesText(condition.brokenPromises, t),
  ];
  const shown = parts.filter((part): part is string => part !== null);
  return shown.length > 0 ? shown : [t('conditions.all')];
}

/** The whole condition as one sentence starting with a capital: "Entreprises, montant d'au moins 1 500". */
export function conditionSentence(
  condition: Condition | undefined,
  t: TFunction,
  language: Language,
): string {
  const text = conditionParts(condition, t, language).join(', ');
  return text.charAt(0).toLocaleUpperCase(intlLocale(language)) + text.slice(1);
}
