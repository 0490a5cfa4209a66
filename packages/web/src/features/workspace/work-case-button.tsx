import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/query-client.ts';
import { canActOnCases, sessionQuery } from '../../app/session.ts';
import { lockCase } from './api.ts';
import { caseLockQuery, type LockState } from './lock.ts';

/** On the case page: take the case (lock it for this agent) and work it in the workspace. */
export function WorkCaseButton({ caseId }: { readonly caseId: string }) {
  const { t } = useTranslation();
  const { data: user } = useQuery(sessionQuery);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const take = useMutation({
    mutationFn: () => lockCase(caseId),
    meta: { silent: true },
    onSuccess: async (lock) => {
      const state: LockState = { lock, refused: null };
      queryClient.setQueryData(caseLockQuery(caseId).queryKey, state);
      await navigate({ to: '/workspace', search: { caseId } });
    },
    onError: (error) =>
      notifications.show({
        color: 'orange',
        title: t('workspace.lock.refused'),
        message: errorMessage(error),
      }),
  });
  if (!canActOnCases(user)) return null;
  return (
    <Button onClick={() => take.mutate()} loading={take.isPending} data-testid="work-case">
      {t('workspace.workThisCase')}
    </Button>
  );
}
