import '@mantine/dropzone/styles.css';
import { Group, Stack, Text } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { useTranslation } from 'react-i18next';

const MAX_BYTES = 20 * 1024 * 1024;

const ACCEPT = {
  'text/csv': ['.csv'],
  'text/plain': ['.csv', '.txt'],
  'application/vnd.ms-excel': ['.csv', '.xls'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
};

type FileDropProps = {
  readonly file: File | null;
  readonly loading: boolean;
  readonly onFile: (file: File) => void;
  readonly onReject: (message: string) => void;
};

export function FileDrop({ file, loading, onFile, onReject }: FileDropProps) {
  const { t } = useTranslation();
  const rejected = (rejections: FileRejection[]) => {
    const tooLarge = rejections.some((r) => r.errors.some((e) => e.code === 'file-too-large'));
    onReject(tooLarge ? t('imports.drop.tooLarge') : t('imports.drop.wrongType'));
  };
  return (
    <Dropzone
      onDrop={(files) => {
        const [first] = files;
        if (first) onFile(first);
      }}
      onReject={rejected}
      maxSize={MAX_BYTES}
      accept={ACCEPT}
      multiple={false}
      loading={loading}
      inputProps={{ 'aria-label': t('imports.drop.inputLabel') }}
    >
      <Group justify="center" mih={110} style={{ pointerEvents: 'none' }}>
        <Stack gap={4} align="center">
          <Dropzone.Accept>
            <Text fw={500}>{t('imports.drop.accept')}</Text>
          </Dropzone.Accept>
          <Dropzone.Reject>
            <Text fw={500} c="red">
              {t('imports.drop.wrongType')}
            </Text>
          </Dropzone.Reject>
          <Dropzone.Idle>
            <Text fw={500}>{file ? file.name : t('imports.drop.idle')}</Text>
          </Dropzone.Idle>
          <Text size="sm" c="dimmed">
            {file ? t('imports.drop.replace') : t('imports.drop.hint')}
          </Text>
        </Stack>
      </Group>
    </Dropzone>
  );
}
