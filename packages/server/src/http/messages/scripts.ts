import type { ReasonMessages } from './types.ts';

/** Error messages of the agent workspace's scripts (issue #5), in French and English, by reason. */
export const scriptsMessages: ReasonMessages = {
  script_invalid: (() => {
    type Issue = { nodeId: string; message: { fr: string; en: string } };
    const list = (details: Readonly<Record<string, unknown>> | undefined, language: 'fr' | 'en') =>
      ((details?.issues ?? []) as Issue[]).map((i) => i.message[language]).join(' ');
    return {
      fr: (details) => `Le script n’est pas enregistré : ${list(details, 'fr')}`,
      en: (details) => `The script is not saved: ${list(details, 'en')}`,
    };
  })(),
  script_step_without_strategy: {
    fr: 'Une étape appartient à une stratégie : indiquez aussi la stratégie.',
    en: 'A step belongs to a strategy: give the strategy too.',
  },
  script_saved_meanwhile: {
    fr: 'Quelqu’un a enregistré ce script au même moment : rechargez-le.',
    en: 'Someone saved this script at the same time: reload it.',
  },
  script_not_found: { fr: 'Script d’appel introuvable.', en: 'Call script not found.' },
};
