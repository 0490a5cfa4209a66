/** What the dispute form checks of the files chosen, before sending them (pure). */

/** The server's limit on a dispute's document (disputes/add-dispute-document.ts): a scan or a photo. */
export const MAX_DISPUTE_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** Files one dispute form sends at once. */
export const MAX_DISPUTE_DOCUMENTS = 10;

export type FileProblem = { readonly name: string; readonly problem: 'empty' | 'tooLarge' };

/** What the server would refuse of the chosen files, said before anything is sent. */
export function fileProblems(files: readonly Pick<File, 'name' | 'size'>[]): readonly FileProblem[] {
  return files.flatMap((file): FileProblem[] => {
    if (file.size === 0) return [{ name: file.name, problem: 'empty' }];
    if (file.size > MAX_DISPUTE_DOCUMENT_BYTES) return [{ name: file.name, problem: 'tooLarge' }];
    return [];
  });
}

/** "1,2 Mo", "840 Ko": a file's size for a person. */
export function fileSize(bytes: number, language: 'fr' | 'en'): string {
  const fr = language === 'fr';
  if (bytes < 1024) return fr ? `${bytes} o` : `${bytes} B`;
  const kib = bytes / 1024;
  const locale = fr ? 'fr-FR' : 'en-GB';
  const number = (value: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
  if (kib < 1024) return `${number(kib)}\u00a0${fr ? 'Ko' : 'KB'}`;
  return `${number(kib / 1024)}\u00a0${fr ? 'Mo' : 'MB'}`;
}
