import type { Db } from '../../db/schema.ts';

export type RenderedMessage = {
  readonly subject: string | null;
  readonly text: string;
  readonly html: string | null;
  readonly templateVersion: string;
};

/**
 * TEMPORARY: a minimal subject and body until the templates' `renderContent`
 * (use-cases/templates/render-content.ts) lands; the dispatcher calls only this function, so the swap is one
 * line. It says nothing a template would not: who writes, the amount due, the reference.
 */
export async function renderMessage(
  db: Db,
  tenantId: string,
  input: {
    readonly caseId: string;
    readonly template: string;
    readonly channel: 'email' | 'sms' | 'letter' | 'call';
    readonly language: 'fr' | 'en';
    readonly today: string;
  },
): Promise<RenderedMessage> {
  const row = await db
    .selectFrom('cases as c')
    .innerJoin('creditors as cr', (j) =>
      j.onRef('cr.tenant_id', '=', 'c.tenant_id').onRef('cr.creditor_id', '=', 'c.creditor_id'),
    )
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .select(['cr.name as creditor', 'd.name as debtor', 'c.outstanding_minor', 'c.currency'])
    .where('c.tenant_id', '=', tenantId)
    .where('c.case_id', '=', input.caseId)
    .executeTakeFirstOrThrow();
  const amount = `${(Number(row.outstanding_minor) / 100).toFixed(2)} ${row.currency}`;
  const fr = input.language === 'fr';
  const subject = fr ? `${row.creditor} : rappel de paiement` : `${row.creditor}: payment reminder`;
  const text = fr
    ? `Madame, Monsieur,\n\nSauf erreur de notre part, ${amount} restent dus à ${row.creditor}.\n\nCordialement,\n${row.creditor}`
    : `Dear Sir or Madam,\n\nAccording to our records, ${amount} remains due to ${row.creditor}.\n\nYours faithfully,\n${row.creditor}`;
  const html = `<p>${escapeHtml(text).replaceAll('\n\n', '</p><p>').replaceAll('\n', '<br>')}</p>`;
  return {
    subject: input.channel === 'email' ? subject : null,
    text,
    html,
    templateVersion: `builtin:${input.template}`,
  };
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
