import { Button, FileButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/query-client.ts';
import { type ImportSummary, RECONCILIATION_KEY, uploadStatement } from './api.ts';

/** Sends a bank statement (CAMT.053, CAMT.054, CFONB 120) and says what became of its lines. */
export function UploadStatement({ onImported }: { readonly onImported: (summary: ImportSummary) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: uploadStatement,
    onSuccess: async (summary) => {
      notifications.show({
        color: 'green',
        message:
          summary.newCount === 0
            ? t('reconciliation.upload.known', { count: summary.lineCount })
            : t('reconciliation.upload.done', { count: summary.newCount, booked: summary.booked }),
      });
      onImported(summary);
      await queryClient.invalidateQueries({ queryKey: RECONCILIATION_KEY });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  return (
    <FileButton onChange={(file) => file && upload.mutate(file)} accept=".xml,.txt,.cfo,.dat,.053,.054">
      {(props) => (
        <Button {...props} loading={upload.isPending} data-testid="statement-upload">
          {t('reconciliation.upload.button')}
        </Button>
      )}
    </FileButton>
  );
}
