import { Group, Table, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';

type SortableThProps = {
  readonly children: ReactNode;
  /** 'asc' | 'desc' when the table is sorted by this column, null otherwise. */
  readonly sorted: 'asc' | 'desc' | null;
  readonly onSort: () => void;
  readonly align?: 'left' | 'right';
};

/** A column header that sorts the table; announces its state with aria-sort. */
export function SortableTh({ children, sorted, onSort, align = 'left' }: SortableThProps) {
  const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
  const arrow = sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕';
  return (
    <Table.Th aria-sort={ariaSort} style={{ textAlign: align }}>
      <UnstyledButton onClick={onSort} style={{ width: '100%' }}>
        <Group gap={4} justify={align === 'right' ? 'flex-end' : 'flex-start'} wrap="nowrap">
          <Text component="span" fw={600} size="sm">
            {children}
          </Text>
          <Text component="span" size="xs" c={sorted ? 'indigo' : 'dimmed'} aria-hidden>
            {arrow}
          </Text>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
