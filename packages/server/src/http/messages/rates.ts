import type { Details, ReasonMessages } from './types.ts';

const FIELDS_FR: Readonly<Record<string, string>> = {
  ratePercent: 'Le taux',
  individual: 'Le taux « particuliers »',
  otherCases: 'Le taux « autres cas »',
};
const FIELDS_EN: Readonly<Record<string, string>> = {
  ratePercent: 'The rate',
  individual: 'The "individuals" rate',
  otherCases: 'The "other cases" rate',
};

const period = (d: Details) => String(d?.period ?? '');

/** Error messages of the interest rates an administrator enters. */
export const ratesMessages: ReasonMessages = {
  rate_period_malformed: {
    fr: (d) =>
      `« ${period(d)} » n’est pas un semestre : 2026-S1 (janvier–juin) ou 2026-S2 (juillet–décembre).`,
    en: (d) => `"${period(d)}" is not a semester: 2026-S1 (January–June) or 2026-S2 (July–December).`,
  },
  rate_malformed: {
    fr: (d) =>
      `${FIELDS_FR[String(d?.field)] ?? 'Le taux'} s’écrit en pour cent, avec 2 à 4 décimales et un point : 2.15.`,
    en: (d) =>
      `${FIELDS_EN[String(d?.field)] ?? 'The rate'} is written in percent, with 2 to 4 decimals and a point: 2.15.`,
  },
  rate_reference_date_malformed: {
    fr: 'La date de référence est une date AAAA-MM-JJ (le 31 décembre ou le 30 juin qui précède le semestre).',
    en: 'The reference date is a YYYY-MM-DD date (the 31 December or 30 June before the half-year).',
  },
  rate_source_missing: {
    fr: 'Indiquez le texte officiel d’où vient le taux (par exemple l’arrêté et son JORF).',
    en: 'Give the official text the rate comes from (e.g. the arrêté and its JORF).',
  },
  rate_period_shipped: {
    fr: (d) => `Le taux de ${period(d)} est déjà dans les tables livrées, sourcées : il ne se remplace pas.`,
    en: (d) => `The rate of ${period(d)} is already in the shipped, sourced tables: it cannot be replaced.`,
  },
  rate_period_in_future: {
    fr: (d) => `${period(d)} n’a pas commencé : un taux se saisit au plus un mois avant son semestre.`,
    en: (d) => `${period(d)} has not begun: a rate is entered at most a month before its semester.`,
  },
};
