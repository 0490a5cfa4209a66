import type { Details, ReasonMessages } from './types.ts';

function tagOf(d: Details): string {
  const tag = typeof d?.tag === 'string' ? d.tag.trim() : '';
  return tag.length > 60 ? `${tag.slice(0, 60)}…` : tag;
}

/** Error messages of a debtor's own data (its tags, issue #3). */
export const debtorsMessages: ReasonMessages = {
  debtor_tag_invalid: {
    fr: (d) =>
      d?.problem === 'too_long'
        ? `L’étiquette « ${tagOf(d)} » dépasse ${String(d?.maxLength ?? 40)} caractères.`
        : d?.problem === 'separator'
          ? `L’étiquette « ${tagOf(d)} » contient un séparateur (, ; |) : faites-en plusieurs étiquettes.`
          : `L’étiquette n° ${String(d?.position ?? '')} est vide.`,
    en: (d) =>
      d?.problem === 'too_long'
        ? `The tag "${tagOf(d)}" is longer than ${String(d?.maxLength ?? 40)} characters.`
        : d?.problem === 'separator'
          ? `The tag "${tagOf(d)}" contains a separator (, ; |): make it several tags.`
          : `Tag ${String(d?.position ?? '')} is empty.`,
  },
  debtor_tags_too_many: {
    fr: (d) =>
      `Un débiteur a au plus ${String(d?.max ?? 20)} étiquettes (${String(d?.count ?? '')} demandées).`,
    en: (d) => `A debtor has at most ${String(d?.max ?? 20)} tags (${String(d?.count ?? '')} given).`,
  },
};
