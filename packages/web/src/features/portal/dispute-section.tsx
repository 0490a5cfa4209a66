import { Alert, Button, Checkbox, FileInput, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import type { SectionProps } from './api.ts';
import { openDispute, sendDisputeDocument } from './api.ts';
import { portalErrorText } from './portal-frame.tsx';

const REASONS = [
  'not_received',
  'amount_wrong',
  'already_paid',
  'quality',
  'contract_misunderstanding',
  'other',
] as const;

/** Contest some invoices, with a document if the debtor has one: they are no longer asked for meanwhile. */
export function DisputeSection({ linkKey, view }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const open = view.claims.filter((c) => c.status === 'open' && c.outstandingMinor > 0);
  const [claimIds, setClaimIds] = useState<string[]>([]);
  const [reason, setReason] = useState<string>('not_received');
  const [description, setDescription] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const dispute = useMutation({
    mutationFn: async () => {
      const opened = await openDispute(linkKey, {
        reason,
        claimIds,
        ...(description.trim() ? { description: description.trim() } : {}),
      });
      if (file) await sendDisputeDocument(linkKey, opened.id, file);
      return opened;
    },
    onSuccess: () => {
      setClaimIds([]);
      setDescription('');
      setFile(null);
      return queryClient.invalidateQueries({ queryKey: ['portal', linkKey] });
    },
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (claimIds.length > 0) dispute.mutate();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('portal.dispute.intro')}</Text>
        <Checkbox.Group label={t('portal.dispute.claims')} value={claimIds} onChange={setClaimIds} required>
          <Stack gap={6} mt={4}>
            {open.map((c) => (
              <Checkbox
                key={c.id}
                value={c.id}
                label={`${t('portal.claims.invoice', { number: c.invoiceNumber })} — ${format.money(c.outstandingMinor, view.currency)}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Select
          label={t('portal.dispute.reason')}
          data={REASONS.map((r) => ({ value: r, label: t(`portal.dispute.reasons.${r}`) }))}
          value={reason}
          onChange={(value) => value && setReason(value)}
          allowDeselect={false}
          size="md"
        />
        <Textarea
          label={t('portal.dispute.description')}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={5000}
        />
        <FileInput
          label={t('portal.dispute.document')}
          placeholder={t('portal.dispute.documentPlaceholder')}
          value={file}
          onChange={setFile}
          clearable
        />
        {dispute.isError && (
          <Alert color="orange" role="alert">
            {portalErrorText(dispute.error, t('portal.error'))}
          </Alert>
        )}
        {dispute.isSuccess && (
          <Alert color="teal" role="status">
            {t('portal.dispute.done')}
          </Alert>
        )}
        <Button
          type="submit"
          size="md"
          variant="light"
          loading={dispute.isPending}
          disabled={claimIds.length === 0}
        >
          {t('portal.dispute.submit')}
        </Button>
      </Stack>
    </form>
  );
}
