import { isValidSiren, isValidSiret, isValidVatNumber, normalizeSiren, normalizeSiret } from '@relance/core';
import type { DebtorKind, Locale } from '../../db/schema.ts';
import type { RowIssues } from './row-issues.ts';
import { readTags } from './row-tags.ts';
import { looksLikeCompany, looseKey, readDebtorKind, readLanguage, timeZoneFor } from './value-readers.ts';

export type DebtorInput = {
  /** The identity within the creditor: the customer code, else 'SIREN:…', else 'NAME:…'. */
  readonly ref: string;
  readonly name: string;
  readonly kind: DebtorKind;
  /** True when the kind was stated (a column, the mapping file, a legal id), false when guessed from the name. */
  readonly kindStated: boolean;
  readonly siren: string | null;
  readonly siret: string | null;
  readonly vatNumber: string | null;
  readonly language: Locale;
  readonly timeZone: string;
  /** Trimmed, lower-cased, sorted; null when the file says nothing (no column, an empty cell): those on file stay. */
  readonly tags: readonly string[] | null;
};

/** The debtor cells of a row, trimmed ('' when absent), with the column each came from. */
export type DebtorCells = {
  readonly ref: string;
  readonly name: string;
  readonly kind: string;
  readonly siren: string;
  readonly siret: string;
  readonly vat: string;
  readonly language: string;
  readonly tags: string;
  readonly postalCode: string;
  readonly country: string | null;
  readonly columns: {
    readonly ref: number;
    readonly name: number;
    readonly kind: number;
    readonly siren: number;
    readonly siret: number;
    readonly vat: number;
    readonly language: number;
    readonly tags: number;
  };
};

/**
 * Who owes: identified by the customer code, else the SIREN (from the SIRET if need be), else the name.
 * Business or consumer: as stated (column or mapping file), else business when a legal id is given or the
 * name reads like a company's ('… SARL', 'Société …'), else consumer. Invalid legal ids are kept, warned.
 */
export function readDebtor(
  cells: DebtorCells,
  defaultKind: DebtorKind | null,
  issues: RowIssues,
): DebtorInput | null {
  const col = cells.columns;
  let siren = cells.siren === '' ? null : normalizeSiren(cells.siren);
  if (cells.siren !== '' && (siren === null || !isValidSiren(siren)))
    issues.warn(col.siren, 'invalid_siren', cells.siren);
  const siret = cells.siret === '' ? null : normalizeSiret(cells.siret);
  if (cells.siret !== '' && (siret === null || !isValidSiret(siret)))
    issues.warn(col.siret, 'invalid_siret', cells.siret);
  if (siren === null && siret !== null) siren = siret.slice(0, 9);
  const vatNumber = cells.vat === '' ? null : cells.vat.replace(/[\s.-]/g, '').toUpperCase();
  if (vatNumber !== null && !isValidVatNumber(vatNumber))
    issues.warn(col.vat, 'invalid_vat_number', cells.vat);

  let ref = cells.ref;
  if (ref === '' && siren !== null) ref = `SIREN:${siren}`;
  // The name's loose key (Unicode decomposition, two regexes) only when the name is the identity.
  if (ref === '' && cells.name !== '') {
    const nameKey = looseKey(cells.name);
    if (nameKey !== '') ref = `NAME:${nameKey}`;
  }
  if (ref === '') {
    issues.reject(col.name >= 0 ? col.name : col.ref, 'missing_value', null);
    return null;
  }
  const stated = cells.kind === '' ? defaultKind : readDebtorKind(cells.kind);
  if (cells.kind !== '' && stated === null) {
    issues.reject(col.kind, 'invalid_value', cells.kind);
    return null;
  }
  const hasLegalId = siren !== null || siret !== null || vatNumber !== null;
  let language = cells.language === '' ? null : readLanguage(cells.language);
  if (cells.language !== '' && language === null)
    issues.warn(col.language, 'unknown_language', cells.language);
  language ??= 'fr';
  return {
    ref: ref.length > 200 ? ref.slice(0, 200) : ref,
    name: cells.name !== '' ? cells.name : cells.ref || (siren ?? ''),
    kind: stated ?? (hasLegalId || looksLikeCompany(cells.name) ? 'business' : 'consumer'),
    kindStated: stated !== null || hasLegalId,
    siren,
    siret,
    vatNumber,
    language,
    timeZone: timeZoneFor(cells.postalCode === '' ? null : cells.postalCode, cells.country),
    tags: readTags(cells.tags, col.tags, issues),
  };
}
