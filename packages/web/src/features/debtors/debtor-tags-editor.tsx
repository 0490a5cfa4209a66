import { Alert, Button, Group, Modal, Stack, TagsInput, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/query-client.ts';
import { canActOnCases, sessionQuery } from '../../app/session.ts';
import { type DebtorDetail, debtorQuery, SUGGESTED_TAGS, saveDebtorTags } from './api.ts';

/**
 * Editing a debtor's tags, in a dialog: the staff who record what happens on a case (as the API allows), not a
 * client. A tag typed but not yet entered is saved too.
 */
export function DebtorTagsEditor({ debtor }: { readonly debtor: DebtorDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: user } = useQuery(sessionQuery);
  const [opened, setOpened] = useState(false);
  const [tags, setTags] = useState<string[]>([]);
  const [typed, setTyped] = useState('');
  const mutation = useMutation({
    mutationFn: (next: readonly string[]) => saveDebtorTags(debtor.id, next),
    meta: { silent: true },
    onSuccess: async (saved) => {
      queryClient.setQueryData(debtorQuery(debtor.id).queryKey, saved);
      notifications.show({ color: 'green', message: t('debtor.tagsEditor.saved') });
      setOpened(false);
      await queryClient.invalidateQueries({ queryKey: ['debtors'] });
      await queryClient.invalidateQueries({ queryKey: ['case'] });
    },
  });
  if (!canActOnCases(user)) return null;

  const open = () => {
    setTags([...debtor.tags]);
    setTyped('');
    mutation.reset();
    setOpened(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const pending = typed.trim();
    mutation.mutate(pending === '' ? tags : [...tags, pending]);
  };
  return (
    <>
      <Button size="compact-xs" variant="subtle" onClick={open}>
        {t('debtor.tagsEditor.edit')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('debtor.tagsEditor.title')}>
        <form onSubmit={submit}>
          <Stack gap="sm">
            <TagsInput
              label={t('debtor.tags')}
              placeholder={t('debtor.tagsEditor.placeholder')}
              data={[...SUGGESTED_TAGS]}
              value={tags}
              onChange={setTags}
              searchValue={typed}
              onSearchChange={setTyped}
              // Not on blur: the new pill would move the save button between the press and the release.
              acceptValueOnBlur={false}
              clearable
              data-autofocus
            />
            <Text size="xs" c="dimmed">
              {t('debtor.tagsEditor.help')}
            </Text>
            {mutation.isError && (
              <Alert color="red" role="alert" title={t('debtor.tagsEditor.failed')}>
                {errorMessage(mutation.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {t('debtor.tagsEditor.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
