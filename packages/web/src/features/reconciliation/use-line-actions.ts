import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/query-client.ts';
import { ignoreLine, matchLine, RECONCILIATION_KEY } from './api.ts';

/** Matching a line to a case, or setting it aside: the queue and the cases are read again after. */
export function useLineActions(lineId: string, onDone?: () => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: RECONCILIATION_KEY });
    await queryClient.invalidateQueries({ queryKey: ['cases'] });
    onDone?.();
  };
  const fail = (error: unknown) => notifications.show({ color: 'red', message: errorMessage(error) });
  const match = useMutation({
    mutationFn: (input: { readonly caseId: string; readonly claimIds?: readonly string[] }) =>
      matchLine(lineId, input.caseId, input.claimIds),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('reconciliation.matched') });
      await refresh();
    },
    onError: fail,
  });
  const ignore = useMutation({
    mutationFn: (reason: string) => ignoreLine(lineId, reason),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('reconciliation.ignored') });
      await refresh();
    },
    onError: fail,
  });
  return { match, ignore };
}
