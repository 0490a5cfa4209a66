/** The script open in the editor (key and language), kept in the address for a reload or a link. */
export type ScriptsSearch = {
  readonly key?: string;
  readonly language?: 'fr' | 'en';
  /** A script that does not exist yet: the editor starts from the shipped default. */
  readonly fresh?: boolean;
};

export function validateScriptsSearch(search: Record<string, unknown>): ScriptsSearch {
  const key =
    typeof search.key === 'string' && /^[a-z0-9][a-z0-9_-]{0,63}$/.test(search.key) ? search.key : null;
  if (!key) return {};
  const language = search.language === 'en' ? 'en' : 'fr';
  return { key, language, ...(search.fresh === true || search.fresh === 'true' ? { fresh: true } : {}) };
}
