import { queryOptions } from '@tanstack/react-query';
import { apiRequest, isApiError, toQueryString } from '../../app/api/client.ts';
import type { ScriptDefinition } from './draft.ts';

export type ScriptLanguage = 'fr' | 'en';

/** `GET /call-scripts`: the latest version of each key and language (version 0: the shipped default). */
export type ScriptSummary = {
  readonly key: string;
  readonly language: ScriptLanguage;
  readonly version: number;
  readonly title: string;
  readonly strategyKey: string | null;
  readonly stepKey: string | null;
  readonly createdBy: string | null;
  readonly createdAt: string | null;
};

export type ScriptVersion = {
  readonly version: number;
  readonly title: string;
  readonly createdBy: string | null;
  readonly createdAt: string;
};

export type ScriptDetail = ScriptSummary & {
  readonly definition: ScriptDefinition;
  readonly versions: readonly ScriptVersion[];
};

export const scriptsQuery = queryOptions({
  queryKey: ['call-scripts'],
  queryFn: ({ signal }) => apiRequest<readonly ScriptSummary[]>('/call-scripts', { signal }),
});

export function scriptQuery(key: string, language: ScriptLanguage, version?: number) {
  return queryOptions({
    queryKey: ['call-scripts', key, language, version ?? 'latest'],
    queryFn: ({ signal }) =>
      apiRequest<ScriptDetail>(
        `/call-scripts/${encodeURIComponent(key)}${toQueryString({ language, version })}`,
        {
          signal,
        },
      ),
  });
}

export type SaveScriptInput = {
  readonly language: ScriptLanguage;
  readonly title: string;
  readonly strategyKey: string | null;
  readonly stepKey: string | null;
  readonly definition: unknown;
};

/** Saves the script as its next version; the server checks it first and answers with its mistakes. */
export function saveScript(
  key: string,
  input: SaveScriptInput,
): Promise<{ readonly key: string; readonly language: ScriptLanguage; readonly version: number }> {
  return apiRequest(`/call-scripts/${encodeURIComponent(key)}`, { method: 'PUT', json: input });
}

/** A mistake the server found, located at its node (and answer), in French and English. */
export type ScriptIssue = {
  readonly code: string;
  readonly nodeId: string;
  readonly answer?: number;
  readonly message: { readonly fr: string; readonly en: string };
};

/** The located mistakes of a refused save (`script_invalid`), or null for any other failure. */
export function scriptIssuesOf(error: unknown): readonly ScriptIssue[] | null {
  if (!isApiError(error) || error.status !== 400) return null;
  const details = error.details as { reason?: unknown; issues?: unknown } | undefined;
  if (details?.reason !== 'script_invalid' || !Array.isArray(details.issues)) return null;
  return details.issues as ScriptIssue[];
}

/** A key the server takes: lower-case letters, digits, - and _ (64 at most). */
export function isScriptKey(key: string): boolean {
  return /^[a-z0-9][a-z0-9_-]{0,63}$/.test(key);
}
