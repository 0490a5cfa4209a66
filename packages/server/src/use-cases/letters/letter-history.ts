import type { LetterReference } from '@relance/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * The first and the latest letter already produced on a case (R124-4: the first letter's reference and date
 * are recalled in every later contact).
 */
export async function caseLetterHistory(
  db: Kysely<Database> | Transaction<Database>,
  tenantId: string,
  caseId: string,
  language: 'fr' | 'en',
): Promise<{ readonly first: LetterReference | null; readonly previous: LetterReference | null }> {
  const rows = await db
    .selectFrom('postal_items')
    .select(['reference', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('reference')
    .execute();
  const toReference = (row: (typeof rows)[number] | undefined): LetterReference | null =>
    row
      ? {
          reference: row.reference,
          date: { iso: row.created_at.slice(0, 10), text: dateText(row.created_at, language) },
        }
      : null;
  return { first: toReference(rows[0]), previous: toReference(rows[rows.length - 1]) };
}

const DATES = {
  fr: new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
} as const;

function dateText(instant: string, language: 'fr' | 'en'): string {
  return DATES[language].format(new Date(`${instant.slice(0, 10)}T00:00:00Z`));
}
