import type { CaseStatus, DebtorKind } from '../../db/schema.ts';
import type { AgeBucket } from './ages.ts';
import type { CaseCollectabilityFilter } from './case-summary.ts';
import type { DrillFilters } from './drill-filters.ts';
import type { PageRequest, SortOrder } from './pagination.ts';

/** What `GET /cases` filters, sorts and pages by (`listCases`). */
export type CaseSort = 'balance' | 'age' | 'debtorName' | 'updated';

export type CaseFilters = PageRequest &
  DrillFilters & {
    /** Debtor name, debtor ref, SIREN or invoice number; case-insensitive, anywhere in the text. */
    readonly q?: string;
    readonly creditorId?: string;
    readonly debtorId?: string;
    readonly status?: CaseStatus;
    readonly collectability?: CaseCollectabilityFilter;
    /** Age of the oldest open due date. */
    readonly age?: AgeBucket;
    readonly minBalance?: number;
    readonly maxBalance?: number;
    readonly debtorKind?: DebtorKind;
    readonly sort?: CaseSort;
    readonly order?: SortOrder;
  };
