import { Alert, Code, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import type { StrategyIssue } from './issues.ts';

type IssuesAlertProps = {
  /** Every issue of the last answer. */
  readonly total: number;
  /** The issues no field shows: listed here with their path. */
  readonly listed: readonly StrategyIssue[];
};

/** "The server found 3 things to fix": those tied to a field are shown beside it, the others listed here. */
export function IssuesAlert({ total, listed }: IssuesAlertProps) {
  const { t } = useTranslation();
  const { language } = useFormat();
  if (total === 0) return null;
  return (
    <Alert
      color="red"
      title={t('editor.issuesTitle', { count: total })}
      role="alert"
      data-testid="strategy-issues"
    >
      {listed.length < total && <Text size="sm">{t('editor.issuesBeside')}</Text>}
      {listed.length > 0 && (
        <List size="sm" spacing={2} mt={listed.length < total ? 'xs' : 0}>
          {listed.map((issue, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two issues may share a path and a code
            <List.Item key={index} data-issue-path={issue.path}>
              <Code>{issue.path}</Code> {issue.message[language]}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
