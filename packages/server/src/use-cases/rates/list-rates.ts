import { missingRatePeriods, RATE_TABLES, type RateTableName, type RateTables } from '@relance/core';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { requirePermission } from '../access/permissions.ts';
import { rateTablesOf } from './rate-tables-of.ts';

export type RateOrigin = 'shipped' | 'entered';

export type RateRow = {
  readonly table: RateTableName;
  readonly period: string;
  /** ECB MRO or BoE reference; null for the French legal rate. */
  readonly ratePercent: string | null;
  readonly individual: string | null;
  readonly otherCases: string | null;
  readonly referenceDate: string | null;
  /** 'official' or 'derived' (legal-rules.md), for a shipped rate. */
  readonly status: string;
  readonly origin: RateOrigin;
  readonly source: string;
  readonly enteredBy: string | null;
  readonly enteredAt: string | null;
};

export type RatesView = {
  readonly asOf: string;
  readonly rates: readonly RateRow[];
  /** Semesters up to today that no table row covers: interest over days in them cannot be computed. */
  readonly missing: readonly { readonly table: RateTableName; readonly period: string }[];
};

function rowsOf(tables: RateTables): Omit<RateRow, 'origin' | 'enteredBy' | 'enteredAt'>[] {
  const none = { ratePercent: null, individual: null, otherCases: null, referenceDate: null };
  return [
    ...tables.ecbSemesters.map((s) => ({ ...none, table: 'ecb-mro' as const, ...s })),
    ...tables.frLegal.map((s) => ({ ...none, table: 'fr-legal-rate' as const, ...s })),
    ...tables.ukReference.map((s) => ({ ...none, table: 'uk-boe-reference' as const, ...s })),
  ].map((r) => ({
    table: r.table,
    period: r.period,
    ratePercent: r.ratePercent,
    individual: r.individual,
    otherCases: r.otherCases,
    referenceDate: r.referenceDate,
    status: r.status,
    source: r.source,
  }));
}

/**
 * Every semester of the three rate tables — shipped with the engine (sourced, see legal-rules.md) or entered
 * by the tenant's administrator, with who and when — and the semesters up to today still missing, newest
 * first.
 */
export async function listInterestRates(deps: Deps, actor: Actor): Promise<RatesView> {
  requirePermission(actor, 'strategies:read');
  const db = deps.database.db;
  const tables = await rateTablesOf(db, actor.tenantId);
  const entered = await db
    .selectFrom('entered_rates as r')
    .leftJoin('users as u', (j) =>
      j.onRef('u.tenant_id', '=', 'r.tenant_id').onRef('u.user_id', '=', 'r.entered_by'),
    )
    .select(['r.rate_table', 'r.period', 'r.source', 'r.entered_at', 'u.display_name'])
    .where('r.tenant_id', '=', actor.tenantId)
    .execute();
  const enteredOf = new Map(entered.map((e) => [`${e.rate_table} ${e.period}`, e]));
  const shipped = new Set(rowsOf(RATE_TABLES).map((r) => `${r.table} ${r.period}`));
  const rates = rowsOf(tables)
    .map((r): RateRow => {
      const key = `${r.table} ${r.period}`;
      const e = shipped.has(key) ? undefined : enteredOf.get(key);
      return {
        ...r,
        origin: e ? 'entered' : 'shipped',
        source: e ? e.source : r.source,
        enteredBy: e ? (e.display_name ?? null) : null,
        enteredAt: e ? e.entered_at : null,
      };
    })
    .sort((a, b) => b.period.localeCompare(a.period) || a.table.localeCompare(b.table));
  const asOf = deps.clock.today();
  const missing = [...missingRatePeriods(tables, asOf)].sort(
    (a, b) => b.period.localeCompare(a.period) || a.table.localeCompare(b.table),
  );
  return { asOf, rates, missing };
}
