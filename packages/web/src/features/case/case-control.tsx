import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../../app/api/client.ts';
import { useFormat } from '../../app/format/use-format.ts';
import { errorMessage } from '../../app/query-client.ts';
import { canControlCases, sessionQuery } from '../../app/session.ts';
import type { CaseControl } from './api.ts';

type Step = 'hold' | 'release' | 'withdraw' | null;

/** The case as its creditor left it: on hold since…, or withdrawn with the reason. Shown to everyone. */
export function CaseControlNotice({ control }: { readonly control: CaseControl }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (control.withdrawnAt) {
    return (
      <Alert color="gray" title={t('creditorPortal.case.withdrawnTitle')} data-testid="case-withdrawn">
        {t('creditorPortal.case.withdrawnText', {
          date: format.dateTime(control.withdrawnAt),
          reason: control.withdrawalReason ?? '',
        })}
      </Alert>
    );
  }
  if (control.heldAt) {
    return (
      <Alert color="orange" title={t('creditorPortal.case.heldTitle')} data-testid="case-held">
        {t('creditorPortal.case.heldText', { date: format.dateTime(control.heldAt) })}
      </Alert>
    );
  }
  return null;
}

/** Hold, release and withdraw, each confirmed (a withdrawal with its reason): the creditor and the supervisors. */
export function CaseControlButtons({
  caseId,
  control,
  closed,
}: {
  readonly caseId: string;
  readonly control: CaseControl;
  readonly closed: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: user } = useQuery(sessionQuery);
  const [step, setStep] = useState<Step>(null);
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: (action: Exclude<Step, null>) =>
      apiRequest(`/cases/${encodeURIComponent(caseId)}/${action}`, {
        method: 'POST',
        json: action === 'withdraw' ? { reason: reason.trim() } : {},
      }),
    onSuccess: async (_data, action) => {
      notifications.show({ color: 'green', message: t(`creditorPortal.case.${action}Done`) });
      setStep(null);
      setReason('');
      await queryClient.invalidateQueries({ queryKey: ['case', caseId] });
      await queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  if (!canControlCases(user) || closed) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (step && (step !== 'withdraw' || reason.trim() !== '')) mutation.mutate(step);
  };
  return (
    <>
      <Group gap="xs">
        {control.heldAt ? (
          <Button size="xs" variant="default" onClick={() => setStep('release')}>
            {t('creditorPortal.case.release')}
          </Button>
        ) : (
          <Button size="xs" variant="default" color="orange" onClick={() => setStep('hold')}>
            {t('creditorPortal.case.hold')}
          </Button>
        )}
        <Button size="xs" variant="light" color="red" onClick={() => setStep('withdraw')}>
          {t('creditorPortal.case.withdraw')}
        </Button>
      </Group>
      <Modal
        opened={step !== null}
        onClose={() => setStep(null)}
        title={step ? t(`creditorPortal.case.${step}Title`) : ''}
      >
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Text size="sm">{step ? t(`creditorPortal.case.${step}Hint`) : ''}</Text>
            {step === 'withdraw' && (
              <Textarea
                label={t('creditorPortal.case.reason')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                required
                maxLength={500}
                autosize
                minRows={2}
                data-autofocus
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setStep(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                color={step === 'withdraw' ? 'red' : undefined}
                loading={mutation.isPending}
                disabled={step === 'withdraw' && reason.trim() === ''}
              >
                {t('creditorPortal.case.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
