import type { TemplateVariables } from '@relance/core';
import type { Kysely, Transaction } from 'kysely';
import type { LetterKind } from '../../channels/letters/letter-model.ts';
import type { Database } from '../../db/schema.ts';
import { renderContent } from '../templates/render-content.ts';

export type LetterContent = {
  readonly variables: TemplateVariables;
  readonly body: readonly string[];
  readonly templateVersion: string;
};

/** The shipped letter template of each kind, for a letter asked for without a strategy step (a preview). */
export const defaultLetterTemplate: Readonly<Record<LetterKind, string>> = {
  letter: 'reminder-letter',
  registered_letter: 'registered-reminder',
  formal_notice: 'formal-notice',
};

/**
 * The case's variables and the body paragraphs of the letter: the tenant's (or shipped) template rendered for
 * the letter channel, its paragraphs separated by blank lines.
 */
export async function letterContent(
  db: Kysely<Database> | Transaction<Database>,
  tenantId: string,
  input: {
    readonly caseId: string;
    readonly template: string;
    readonly language: 'fr' | 'en';
    readonly today: string;
    readonly letter: { readonly reference: string; readonly date: string } | null;
  },
): Promise<LetterContent> {
  const rendered = await renderContent(db, tenantId, {
    caseId: input.caseId,
    template: input.template,
    channel: 'letter',
    language: input.language,
    today: input.today,
    letter: input.letter,
  });
  const body = rendered.text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  return { variables: rendered.variables, body, templateVersion: rendered.templateVersion };
}
