import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Dashboard } from './api.ts';

export type SectionProps = {
  readonly dashboard: Dashboard;
  readonly money: (minor: number) => string;
  readonly pct: (value: string | null) => string;
};

/** A titled block of the dashboard. */
export function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
