import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { type DisputeDocument, disputeDocumentUrl } from './dispute-api.ts';
import { fileSize } from './dispute-files.ts';

/** A dispute's supporting documents, each downloadable as kept. */
export function DisputeDocuments({ documents }: { readonly documents: readonly DisputeDocument[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (documents.length === 0) return null;
  return (
    <Group gap="xs" wrap="wrap" aria-label={t('workspace.dispute.documents.listed')} role="list">
      {documents.map((document) => (
        <Text key={document.documentId} size="xs" role="listitem">
          <Anchor
            href={disputeDocumentUrl(document.documentId)}
            download={document.fileName}
            size="xs"
            data-testid="dispute-document"
          >
            {document.fileName}
          </Anchor>{' '}
          <Text span size="xs" c="dimmed">
            ({fileSize(document.size, format.language)})
          </Text>
        </Text>
      ))}
    </Group>
  );
}
