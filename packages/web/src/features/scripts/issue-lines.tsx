import { Stack, Text } from '@mantine/core';
import { useFormat } from '../../app/format/use-format.ts';
import type { ScriptIssue } from './api.ts';

/** The server's words about one node or answer, in red where they apply. */
export function IssueLines({ issues }: { readonly issues: readonly ScriptIssue[] }) {
  const { language } = useFormat();
  return (
    <Stack gap={2} role="alert" data-testid="script-issue">
      {issues.map((issue, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: two issues may share a code
        <Text key={index} size="sm" c="red.8">
          {issue.message[language]}
        </Text>
      ))}
    </Stack>
  );
}
