import { type EnteredRate, RATE_TABLES, type RateTables, withEnteredRates } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/schema.ts';
import type { EnteredRatesTable } from '../../db/schema-rates.ts';

type Reader = Db | Transaction<Database>;

/** A stored row as the core's entry (the table's columns say which figures it holds). */
export function enteredRateOf(row: EnteredRatesTable): EnteredRate {
  const base = { period: row.period, source: row.source };
  if (row.rate_table === 'fr-legal-rate') {
    return {
      ...base,
      table: 'fr-legal-rate',
      individual: row.individual_percent ?? '',
      otherCases: row.other_cases_percent ?? '',
    };
  }
  if (row.rate_table === 'uk-boe-reference') {
    return {
      ...base,
      table: 'uk-boe-reference',
      ratePercent: row.rate_percent ?? '',
      referenceDate: row.reference_date ?? '',
    };
  }
  return { ...base, table: 'ecb-mro', ratePercent: row.rate_percent ?? '' };
}

/** The rate tables a tenant's interest is computed with: the shipped ones and the semesters it entered. */
export async function rateTablesOf(db: Reader, tenantId: string): Promise<RateTables> {
  const rows = await db.selectFrom('entered_rates').selectAll().where('tenant_id', '=', tenantId).execute();
  return withEnteredRates(RATE_TABLES, rows.map(enteredRateOf));
}
