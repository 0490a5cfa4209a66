export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The BCP 47 locale Intl formats with for each UI language. */
const INTL_LOCALES: Readonly<Record<Language, string>> = { fr: 'fr-FR', en: 'en-GB' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function intlLocale(language: Language): string {
  return INTL_LOCALES[language];
}
