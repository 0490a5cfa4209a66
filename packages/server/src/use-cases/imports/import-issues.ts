import { assertNever } from '@relance/core';

/** Why a row was not imported. A closed set: each edge shows a sentence for each (see `describeRejection`). */
export type RejectionReason =
  | 'missing_value'
  | 'invalid_date'
  | 'invalid_amount'
  | 'non_positive_amount'
  | 'negative_outstanding'
  | 'outstanding_exceeds_amount'
  | 'invalid_currency'
  | 'invalid_value'
  | 'value_too_long'
  | 'duplicate_in_file'
  | 'too_many_columns'
  | 'other_creditor';

/** What was imported but deserves a look: the row is kept. */
export type WarningReason =
  | 'invalid_email'
  | 'invalid_phone'
  | 'invalid_siren'
  | 'invalid_siret'
  | 'invalid_vat_number'
  | 'due_before_issue'
  | 'unknown_language'
  | 'tag_too_long'
  | 'too_many_tags';

export type ImportLocale = 'fr' | 'en';

/** One problem on one row: the row number as a spreadsheet shows it, the column header, why, in words. */
export type RowIssue<R extends string = RejectionReason> = {
  readonly row: number;
  readonly column: string;
  readonly reason: R;
  readonly message: string;
};

export type RowWarning = RowIssue<WarningReason>;

export function describeRejection(reason: RejectionReason, locale: ImportLocale): string {
  const fr = locale === 'fr';
  switch (reason) {
    case 'missing_value':
      return fr ? 'Valeur obligatoire manquante' : 'Required value missing';
    case 'invalid_date':
      return fr ? 'Date invalide' : 'Invalid date';
    case 'invalid_amount':
      return fr ? 'Montant illisible' : 'Unreadable amount';
    case 'non_positive_amount':
      return fr ? 'Le montant doit être supérieur à zéro' : 'The amount must be greater than zero';
    case 'negative_outstanding':
      return fr ? 'Le reste à payer est négatif' : 'The outstanding balance is negative';
    case 'outstanding_exceeds_amount':
      return fr
        ? 'Le reste à payer dépasse le montant de la facture'
        : 'The outstanding balance exceeds the invoice amount';
    case 'invalid_currency':
      return fr ? 'Devise inconnue' : 'Unknown currency';
    case 'invalid_value':
      return fr ? 'Valeur non reconnue' : 'Unrecognised value';
    case 'value_too_long':
      return fr ? 'Valeur trop longue' : 'Value too long';
    case 'duplicate_in_file':
      return fr ? 'Numéro de facture en double dans le fichier' : 'Invoice number repeated in the file';
    case 'too_many_columns':
      return fr
        ? 'Plus de valeurs que de colonnes (un séparateur dans une valeur non entourée de guillemets ?)'
        : 'More values than columns (a delimiter inside an unquoted value?)';
    case 'other_creditor':
      return fr
        ? 'Créance d’un autre créancier : un import ne place que les créances de son créancier'
        : 'Claim of another creditor: an import places its own creditor’s claims only';
    default:
      return assertNever(reason);
  }
}

export function describeWarning(reason: WarningReason, locale: ImportLocale): string {
  const fr = locale === 'fr';
  switch (reason) {
    case 'invalid_email':
      return fr
        ? 'Adresse e-mail invalide (gardée, marquée invalide)'
        : 'Invalid e-mail address (kept, marked invalid)';
    case 'invalid_phone':
      return fr
        ? 'Numéro de téléphone invalide (gardé, marqué invalide)'
        : 'Invalid phone number (kept, marked invalid)';
    case 'invalid_siren':
      return fr ? 'SIREN invalide (clé de contrôle fausse)' : 'Invalid SIREN (wrong check digit)';
    case 'invalid_siret':
      return fr ? 'SIRET invalide (clé de contrôle fausse)' : 'Invalid SIRET (wrong check digit)';
    case 'invalid_vat_number':
      return fr ? 'Numéro de TVA invalide' : 'Invalid VAT number';
    case 'due_before_issue':
      return fr ? 'Échéance antérieure à la date de facture' : 'Due date before the invoice date';
    case 'unknown_language':
      return fr ? 'Langue non reconnue (français retenu)' : 'Unknown language (French used)';
    case 'tag_too_long':
      return fr ? 'Étiquette de plus de 40 caractères (ignorée)' : 'Tag longer than 40 characters (left out)';
    case 'too_many_tags':
      return fr
        ? 'Plus de 20 étiquettes (les suivantes ignorées)'
        : 'More than 20 tags (the others left out)';
    default:
      return assertNever(reason);
  }
}

/** The sentence stored with a rejection: the reason, then what was found, then a detail if any. */
export function rejectionMessage(
  reason: RejectionReason,
  locale: ImportLocale,
  value: string | null,
  detail?: string,
): string {
  return withValue(describeRejection(reason, locale), locale, value, detail);
}

export function warningMessage(reason: WarningReason, locale: ImportLocale, value: string | null): string {
  return withValue(describeWarning(reason, locale), locale, value);
}

function withValue(text: string, locale: ImportLocale, value: string | null, detail?: string): string {
  const shown = value === null ? '' : locale === 'fr' ? ` : « ${clip(value)} »` : `: "${clip(value)}"`;
  return `${text}${shown}${detail ? ` (${detail})` : ''}`;
}

function clip(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}…` : value;
}
