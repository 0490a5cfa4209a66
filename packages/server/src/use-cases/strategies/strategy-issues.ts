import type { StrategyIssue } from '@relance/core';
import type { z } from 'zod';

/** zod's complaints in the same form as core's: a JSON path and a sentence in both languages. */
export function issuesOfZod(error: z.ZodError): StrategyIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path
      .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
      .join('');
    return {
      path: path || '(root)',
      code: 'invalid_shape' as const,
      message: { fr: `${path || 'racine'} : ${issue.message}`, en: `${path || 'root'}: ${issue.message}` },
    };
  });
}
