import i18next, { type TFunction } from 'i18next';
import en from './en.json' with { type: 'json' };
import { addFormatters } from './formatters.ts';
import fr from './fr.json' with { type: 'json' };

/** A separate i18next with the app's resources, for tests of helpers that take a `t`. */
export async function testTranslators(): Promise<{ readonly fr: TFunction; readonly en: TFunction }> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: 'fr',
    interpolation: { escapeValue: false },
  });
  addFormatters(instance);
  return { fr: instance.getFixedT('fr'), en: instance.getFixedT('en') };
}
