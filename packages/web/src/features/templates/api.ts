import { queryOptions } from '@tanstack/react-query';
import { apiRequest, toQueryString } from '../../app/api/client.ts';
import type { Page } from '../../app/api/types.ts';

export type TemplateChannel = 'email' | 'sms' | 'letter' | 'call';
export type Language = 'fr' | 'en';
export type TemplateId = {
  readonly key: string;
  readonly channel: TemplateChannel;
  readonly language: Language;
};

export type TemplateSummary = TemplateId & {
  readonly version: number | null;
  readonly source: 'tenant' | 'shipped';
  readonly shipped: boolean;
  readonly updatedAt: string | null;
};

export type TemplateDetail = TemplateId & {
  readonly subject: string | null;
  readonly body: string;
  readonly version: number | null;
  readonly source: 'tenant' | 'shipped';
  readonly shipped: { readonly subject: string | null; readonly body: string } | null;
  readonly versions: readonly {
    readonly version: number;
    readonly subject: string | null;
    readonly body: string;
    readonly createdAt: string;
    readonly createdBy: string | null;
  }[];
};

export type TemplateIssue = {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly field: 'subject' | 'body';
  readonly line: number;
  readonly column: number;
  readonly path: string;
  readonly message: { readonly fr: string; readonly en: string };
};

export type Preview = {
  readonly issues: readonly TemplateIssue[];
  readonly rendered: {
    readonly subject: string | null;
    readonly text: string;
    readonly html: string | null;
  } | null;
  readonly sample: boolean;
};

export type Variable = {
  readonly path: string;
  readonly type: string;
  readonly optional: boolean;
  readonly items?: 'object' | 'text';
  readonly description: { readonly fr: string; readonly en: string };
};

const path = (id: TemplateId) => `/templates/${encodeURIComponent(id.key)}/${id.channel}/${id.language}`;

export const templatesQuery = queryOptions({
  queryKey: ['templates'],
  queryFn: ({ signal }) => apiRequest<{ items: readonly TemplateSummary[] }>('/templates', { signal }),
});

export function templateQuery(id: TemplateId) {
  return queryOptions({
    queryKey: ['templates', id.key, id.channel, id.language],
    queryFn: ({ signal }) => apiRequest<TemplateDetail>(path(id), { signal }),
  });
}

export const variablesQuery = queryOptions({
  queryKey: ['template-variables'],
  queryFn: ({ signal }) => apiRequest<{ items: readonly Variable[] }>('/template-variables', { signal }),
  staleTime: Number.POSITIVE_INFINITY,
});

export function caseChoicesQuery(q: string) {
  return queryOptions({
    queryKey: ['template-cases', q],
    queryFn: ({ signal }) =>
      apiRequest<Page<{ id: string; debtor: { name: string; ref: string }; creditor: { name: string } }>>(
        `/cases${toQueryString({ pageSize: 20, q })}`,
        { signal },
      ),
  });
}

export function saveTemplate(
  id: TemplateId,
  input: { subject: string | null; body: string },
): Promise<{ version: number; issues: readonly TemplateIssue[] }> {
  return apiRequest(path(id), { method: 'PUT', json: input });
}

export function previewTemplate(
  input: TemplateId & { subject: string | null; body: string; caseId: string | null },
  signal?: AbortSignal,
): Promise<Preview> {
  const { channel, language, subject, body, caseId } = input;
  return apiRequest('/templates/preview', {
    method: 'POST',
    json: { channel, language, subject, body, caseId },
    ...(signal ? { signal } : {}),
  });
}
