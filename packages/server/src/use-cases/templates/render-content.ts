import {
  DomainError,
  escapeHtml,
  type IsoDate,
  type Language,
  renderTemplate,
  type TemplateChannel,
  type TemplateVariables,
} from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/schema.ts';
import { loadTemplateVariables } from './case-variables.ts';
import { resolveTemplate } from './resolve-template.ts';

type Reader = Db | Transaction<Database>;

export type RenderContentInput = {
  readonly caseId: string;
  /** The template key (the strategy action's `template`). */
  readonly template: string;
  readonly channel: TemplateChannel;
  readonly language: Language;
  readonly today: IsoDate;
  readonly letter?: { readonly reference: string; readonly date: IsoDate } | null | undefined;
  readonly agentName?: string | null | undefined;
  readonly publicUrl?: string | undefined;
  /** The outbox action being rendered: a plan reminder's key names the instalment it speaks of. */
  readonly actionKey?: string | null | undefined;
};

export type RenderedContent = {
  /** E-mails only. */
  readonly subject: string | null;
  /** Plain text: the e-mail's text part, the SMS, the letter's paragraphs (blank-line separated), the script. */
  readonly text: string;
  /** E-mails only: the HTML part. */
  readonly html: string | null;
  readonly variables: TemplateVariables;
  /** Which text was used ("tenant:<id>" or "shipped:<key>/<channel>/<language>"), kept as evidence. */
  readonly templateVersion: string;
};

/** The message for an action: the tenant's (or shipped) template rendered on the case's variables. */
export async function renderContent(
  db: Reader,
  tenantId: string,
  input: RenderContentInput,
): Promise<RenderedContent> {
  const template = await resolveTemplate(db, tenantId, input.template, input.channel, input.language);
  if (!template) {
    throw new DomainError('not_found', `No template "${input.template}" for ${input.channel}.`, {
      reason: 'template_not_found',
      template: input.template,
      channel: input.channel,
    });
  }
  const variables = await loadTemplateVariables(db, tenantId, input.caseId, {
    language: template.language,
    today: input.today,
    letter: input.letter,
    agentName: input.agentName,
    publicUrl: input.publicUrl,
    actionKey: input.actionKey,
  });
  return {
    ...renderSource({ channel: input.channel, subject: template.subject, body: template.body }, variables),
    variables,
    templateVersion: template.templateVersion,
  };
}

/** Renders a subject and body on variables the way each channel sends them. */
export function renderSource(
  source: { readonly channel: TemplateChannel; readonly subject: string | null; readonly body: string },
  variables: TemplateVariables,
): { subject: string | null; text: string; html: string | null } {
  const rendered = renderTemplate(source.body, variables, { escape: 'none' });
  const text = tidy(source.channel === 'sms' ? rendered.replaceAll('\u00a0', ' ') : rendered);
  const subject =
    source.channel === 'email' && source.subject
      ? renderTemplate(source.subject, variables, { escape: 'none' }).replace(/\s+/g, ' ').trim()
      : null;
  return { subject, text, html: source.channel === 'email' ? textToHtml(text, variables.language) : null };
}

/** Trailing spaces and runs of blank lines left by blocks that rendered nothing. */
function tidy(text: string): string {
  return text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The HTML part: every character escaped, paragraphs on blank lines, links made clickable. */
export function textToHtml(text: string, language: Language): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p>${linkify(escapeHtml(p)).replaceAll('\n', '<br>\n')}</p>`)
    .join('\n');
  return (
    `<!doctype html>\n<html lang="${language}"><head><meta charset="utf-8"></head>\n` +
    `<body style="font-family: Arial, Helvetica, sans-serif; font-size: 14px; line-height: 1.5; color: #222;">\n${paragraphs}\n</body></html>`
  );
}

function linkify(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}">${url}</a>`);
}
