import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from './client.ts';
import type { Creditor } from './types.ts';

export const creditorsQuery = queryOptions({
  queryKey: ['creditors'],
  queryFn: async ({ signal }) => (await apiRequest<{ items: Creditor[] }>('/creditors', { signal })).items,
  staleTime: 5 * 60_000,
});
