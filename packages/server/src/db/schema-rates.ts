/** Interest rates entered by a tenant's administrator (migration 0019; core `interest/entered-rates.ts`). */
export type RatesTables = {
  entered_rates: EnteredRatesTable;
};

export type EnteredRatesTable = {
  tenant_id: string;
  /** 'ecb-mro' | 'fr-legal-rate' | 'uk-boe-reference'. */
  rate_table: string;
  /** 'YYYY-S1' | 'YYYY-S2'. */
  period: string;
  /** ECB MRO or BoE reference rate, exact decimal text; null for the French legal rate. */
  rate_percent: string | null;
  /** The French legal rate's two figures; null for the other tables. */
  individual_percent: string | null;
  other_cases_percent: string | null;
  /** The BoE reference's day; null for the other tables. */
  reference_date: string | null;
  /** The official text it was copied from (e.g. "arrêté du … , JORF n° …"). */
  source: string;
  entered_by: string;
  entered_at: string;
};
