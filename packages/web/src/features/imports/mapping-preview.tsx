import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from './api.ts';
import { FieldLabel, useFieldName } from './field-label.tsx';

export type Mapping = Readonly<Record<string, string | null>>;

type MappingPreviewProps = {
  readonly preview: ImportPreview;
  readonly mapping: Mapping;
  /** Requirements no column meets (named by their main field). */
  readonly missing: ReadonlySet<string>;
  readonly onChange: (field: string, header: string | null) => void;
};

const SAMPLE_LIMIT = 5;

/** How the API keys a column in sample rows: its header, or `#n` when the header is empty. */
function columnKey(header: string, index: number): string {
  return header === '' ? `#${index + 1}` : header;
}

/** A sample row's cells in header order. */
function cellsOf(row: Readonly<Record<string, string>>, headers: readonly string[]): readonly string[] {
  return headers.map((header, index) => row[columnKey(header, index)] ?? '');
}

/** 'dmy' → 'JJ/MM/AAAA' (or 'DD/MM/YYYY'), with the letters of the UI language ('JMA' / 'DMY'). */
function dateOrderLabel(order: string, letters: string): string {
  const [day = 'D', month = 'M', year = 'Y'] = [...letters];
  const parts: Record<string, string> = { d: day.repeat(2), m: month.repeat(2), y: year.repeat(4) };
  if (!/^[dmy]{3}$/.test(order)) return order;
  return [...order].map((letter) => parts[letter]).join(order.startsWith('y') ? '-' : '/');
}

function DetectedFormat({ preview }: { readonly preview: ImportPreview }) {
  const { t } = useTranslation();
  const items: [string, string | null][] = [
    [t('imports.preview.format'), preview.format.toUpperCase()],
    [t('imports.preview.encoding'), preview.encoding],
    [t('imports.preview.delimiter'), preview.delimiter === '\t' ? 'TAB' : preview.delimiter],
    [
      t('imports.preview.dateOrder'),
      dateOrderLabel(preview.dateOrder, t('imports.preview.dateOrderLetters')),
    ],
    [t('imports.preview.decimalSeparator'), preview.decimalSeparator],
  ];
  return (
    <Group gap="xs" aria-label={t('imports.preview.detected')} role="group">
      {items
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <Badge key={label} variant="default" tt="none" size="lg" fw={400}>
            {t('imports.preview.labelValue', { label, value })}
          </Badge>
        ))}
    </Group>
  );
}

export function MappingPreview({ preview, mapping, missing, onChange }: MappingPreviewProps) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  const [showAll, setShowAll] = useState(false);
  // The fields worth a look first: the required ones and those the file fills.
  const [firstFields] = useState(
    () => new Set(Object.keys(mapping).filter((field) => field in preview.requirements || mapping[field])),
  );
  const shownFields = Object.keys(mapping).filter(
    (field) => showAll || firstFields.has(field) || mapping[field] || missing.has(field),
  );
  const hiddenCount = Object.keys(mapping).length - shownFields.length;
  // A column without a header cannot be named in a mapping.
  const headerOptions = preview.headers
    .filter((header) => header !== '')
    .map((header) => ({ value: header, label: header }));
  const firstRow = preview.sampleRows[0];
  const firstCells = firstRow ? cellsOf(firstRow, preview.headers) : [];
  const sampleOf = (header: string | null) => {
    if (!header) return '';
    const index = preview.headers.indexOf(header);
    return index >= 0 ? (firstCells[index] ?? '') : '';
  };

  return (
    <Stack gap="md">
      <DetectedFormat preview={preview} />
      <Paper withBorder p="md" component="section" aria-labelledby="mapping-title">
        <Title order={3} fz="md" id="mapping-title" mb="xs">
          {t('imports.preview.mappingTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('imports.preview.mappingHint')}
        </Text>
        <Table aria-label={t('imports.preview.mappingTitle')} verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="30%">{t('imports.preview.field')}</Table.Th>
              <Table.Th w="35%">{t('imports.preview.column')}</Table.Th>
              <Table.Th>{t('imports.preview.example')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shownFields.map((field) => {
              const header = mapping[field] ?? null;
              const isMissing = missing.has(field);
              return (
                <Table.Tr
                  key={field}
                  bg={isMissing ? 'red.0' : undefined}
                  data-missing={isMissing || undefined}
                >
                  <Table.Td>
                    <FieldLabel field={field} requirements={preview.requirements} />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('imports.preview.columnFor', { field: fieldName(field) })}
                      placeholder={t('imports.preview.notMapped')}
                      size="xs"
                      clearable
                      searchable
                      value={header}
                      onChange={(value) => onChange(field, value)}
                      data={headerOptions}
                      error={isMissing ? t('imports.preview.requiredMissing') : undefined}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" lineClamp={1}>
                      {sampleOf(header)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {(hiddenCount > 0 || showAll) && (
          <Button variant="subtle" size="xs" mt="xs" onClick={() => setShowAll((value) => !value)}>
            {showAll ? t('imports.preview.showFewer') : t('imports.preview.showAll', { count: hiddenCount })}
          </Button>
        )}
        {preview.unmappedHeaders.length > 0 && (
          <Group gap={4} mt="sm">
            <Text size="sm" c="dimmed">
              {t('imports.preview.unmapped')}
            </Text>
            {preview.unmappedHeaders.map((header) => (
              <Badge key={header} variant="outline" color="gray" tt="none">
                {header}
              </Badge>
            ))}
          </Group>
        )}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="sample-title">
        <Title order={3} fz="md" id="sample-title" mb="sm">
          {t('imports.preview.sampleTitle', { count: Math.min(SAMPLE_LIMIT, preview.sampleRows.length) })}
        </Title>
        <Table.ScrollContainer minWidth={600}>
          <Table striped withTableBorder aria-label={t('imports.preview.sampleLabel')} fz="xs">
            <Table.Thead>
              <Table.Tr>
                {preview.headers.map((header, index) => (
                  <Table.Th key={columnKey(header, index)} style={{ whiteSpace: 'nowrap' }}>
                    {columnKey(header, index)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.sampleRows.slice(0, SAMPLE_LIMIT).map((row, rowIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: sample rows have no identity of their own
                <Table.Tr key={rowIndex}>
                  {cellsOf(row, preview.headers).map((cell, cellIndex) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                    <Table.Td key={cellIndex} style={{ whiteSpace: 'nowrap' }}>
                      {cell}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
