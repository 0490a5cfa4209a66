import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client.ts';
import type { AssignmentRules, StrategyDefinition } from './definition.ts';

export type StrategySummary = {
  readonly key: string;
  readonly version: number;
  readonly definition: StrategyDefinition;
  readonly createdAt: string;
  readonly createdBy: string | null;
  /** Open cases following it now. */
  readonly caseCount: number;
};

export type StrategyBook = {
  readonly items: readonly StrategySummary[];
  readonly assignment: AssignmentRules;
  readonly assignmentVersion: number;
};

export type StrategyVersion = {
  readonly version: number;
  readonly definition: StrategyDefinition;
  readonly createdAt: string;
  readonly createdBy: string | null;
};

export const strategiesQuery = queryOptions({
  queryKey: ['strategies'],
  queryFn: ({ signal }) => apiRequest<StrategyBook>('/strategies', { signal }),
});

export function strategyVersionsQuery(key: string) {
  return queryOptions({
    queryKey: ['strategies', key, 'versions'],
    queryFn: ({ signal }) =>
      apiRequest<readonly StrategyVersion[]>(`/strategies/versions?key=${encodeURIComponent(key)}`, {
        signal,
      }),
  });
}

/** Saves the definition as the strategy's next version; a JSON typed by hand goes through as it is. */
export async function saveStrategy(definition: unknown): Promise<{ key: string; version: number }> {
  return apiRequest<{ key: string; version: number }>('/strategies', { method: 'POST', json: definition });
}

export async function saveAssignment(rules: AssignmentRules): Promise<{ version: number }> {
  return apiRequest<{ version: number }>('/strategies/assignment', { method: 'PUT', json: rules });
}
