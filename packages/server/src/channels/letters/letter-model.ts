import type { TemplateVariables } from '@relance/core';

export type { TemplateVariables };

/** The three letters on paper; the names are those of the postal items and of the outbox's channels. */
export type LetterKind = 'letter' | 'registered_letter' | 'formal_notice';

export const letterKinds: readonly LetterKind[] = ['letter', 'registered_letter', 'formal_notice'];

/** Whether the letter goes as a registered letter with acknowledgement of receipt (LRAR). */
export function isRegistered(kind: LetterKind): boolean {
  return kind !== 'letter';
}

/**
 * What a layout prints: the case's variables (already in the debtor's language), the kind, and the body
 * paragraphs rendered from the tenant's template. The mentions the law requires (R124-4, the formal demand,
 * the claims table, the payment slip) are printed by the layout itself, whatever the template says.
 */
export type LetterModel = {
  readonly kind: LetterKind;
  readonly variables: TemplateVariables;
  readonly body: readonly string[];
  /** The registered letter's tracking number, when already known (printed under the LRAR mention). */
  readonly trackingNumber?: string | null;
};
