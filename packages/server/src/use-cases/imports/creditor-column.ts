import { headerKey } from '../../formats/import-fields.ts';

/**
 * A column that names the creditor of each row ("Créancier", "Creditor ref"…). It is no field of the claim: an
 * import writes to one creditor (the one named for the import, a client's own); a row naming another one is
 * rejected, so that a creditor's file never places another creditor's claims.
 */
const CREDITOR_HEADERS: ReadonlySet<string> = new Set(
  [
    'Créancier',
    'Code créancier',
    'Réf créancier',
    'Référence créancier',
    'Creditor',
    'Creditor ref',
    'Creditor code',
    'creditorRef',
  ].map(headerKey),
);

/** The index of the column naming each row's creditor, or -1. */
export function creditorColumnOf(headers: readonly string[]): number {
  return headers.findIndex((h) => CREDITOR_HEADERS.has(headerKey(h)));
}

/** Whether a cell names the import's creditor: its ref or its name, case and spaces aside (empty: yes). */
export function namesCreditor(
  cell: string,
  creditor: { readonly ref: string; readonly name: string },
): boolean {
  const text = cell.trim().toLowerCase();
  return (
    text === '' || text === creditor.ref.trim().toLowerCase() || text === creditor.name.trim().toLowerCase()
  );
}
