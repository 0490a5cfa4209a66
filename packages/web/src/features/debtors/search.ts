import { DEBTOR_KINDS, type DebtorKind } from '../../app/api/types.ts';
import {
  compact,
  optionalOneOf,
  optionalPositiveInt,
  optionalString,
} from '../../app/search/search-params.ts';

export type DebtorsSearch = {
  readonly q?: string;
  readonly kind?: DebtorKind;
  readonly page?: number;
};

export function validateDebtorsSearch(search: Record<string, unknown>): DebtorsSearch {
  return compact({
    q: optionalString(search.q),
    kind: optionalOneOf(DEBTOR_KINDS, search.kind),
    page: optionalPositiveInt(search.page),
  });
}
