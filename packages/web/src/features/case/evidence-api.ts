import { queryOptions } from '@tanstack/react-query';
import { apiRequest, apiUrl, toQueryString } from '../../app/api/client.ts';
import { browserTimeZone } from '../../app/format/dates.ts';
import type { Language } from '../../app/i18n/languages.ts';

/** One entry of the case's evidence journal, summed up by the server in the reader's language. */
export type EvidenceEntry = {
  readonly seq: number;
  readonly entryId: string;
  readonly at: string;
  readonly kind: string;
  readonly kindName: string;
  readonly actor: string;
  readonly summary: string;
  readonly hash: string;
  readonly document: {
    readonly documentId: string;
    readonly fileName: string;
    readonly mediaType: string;
    readonly sha256: string;
  } | null;
};

/** The journal, its summaries telling instants in `timeZone` (the reader's), named. */
export function caseEvidenceQuery(caseId: string, timeZone: string = browserTimeZone()) {
  return queryOptions({
    queryKey: ['case', caseId, 'evidence', timeZone],
    queryFn: ({ signal }) =>
      apiRequest<readonly EvidenceEntry[]>(
        `/cases/${encodeURIComponent(caseId)}/evidence${toQueryString({ timeZone })}`,
        { signal },
      ),
  });
}

export function addNote(caseId: string, text: string) {
  return apiRequest<{ readonly seq: number }>(`/cases/${encodeURIComponent(caseId)}/notes`, {
    method: 'POST',
    json: { text },
  });
}

export function documentUrl(documentId: string): string {
  return apiUrl(`/documents/${encodeURIComponent(documentId)}`);
}

/** The evidence file, its summary written in `language`. */
export function evidenceFileUrl(caseId: string, language: Language): string {
  return apiUrl(`/cases/${encodeURIComponent(caseId)}/evidence.zip?lang=${language}`);
}

/** A mark per kind of entry, so that the timeline reads at a glance. */
export function kindMark(kind: string): string {
  if (kind.startsWith('email')) return '✉';
  if (kind.startsWith('sms') || kind === 'inbound_message') return '✆';
  if (kind.startsWith('letter') || kind === 'proof_of_receipt') return '✎';
  if (kind.startsWith('call')) return '☎';
  if (kind === 'agent_note') return '✍';
  if (kind === 'delivery_event') return '✓';
  if (kind === 'dispatch_failed' || kind === 'opt_out') return '!';
  return '•';
}
