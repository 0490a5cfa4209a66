import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json' with { type: 'json' };
import { addFormatters } from './formatters.ts';
import fr from './fr.json' with { type: 'json' };
import { isLanguage, LANGUAGES, type Language } from './languages.ts';

const STORAGE_KEY = 'relance.language';

function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'fr';
  } catch {
    return 'fr';
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'fr';
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
}

i18next.on('languageChanged', (language) => {
  if (!isLanguage(language)) return;
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
});

const initialLanguage = storedLanguage();
document.documentElement.lang = initialLanguage;

// Resources are bundled, so initialisation completes synchronously (initAsync: false).
void i18next.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en satisfies typeof fr } },
  lng: initialLanguage,
  fallbackLng: 'fr',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  initAsync: false,
});
addFormatters(i18next);

export { i18next };
