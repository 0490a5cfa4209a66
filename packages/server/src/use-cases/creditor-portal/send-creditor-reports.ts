import type { Deps } from '../../shared/deps.ts';
import { type RowMailTotals, sendRowMails } from '../dispatch/row-mail.ts';
import { readDocument } from '../evidence/journal.ts';

export type ReportMailTotals = RowMailTotals;

type Texts = {
  readonly subject: (creditor: string, from: string, to: string) => string;
  readonly body: (creditor: string, from: string, to: string, sender: string) => string;
};

const TEXTS: Readonly<Record<'fr' | 'en', Texts>> = {
  fr: {
    subject: (creditor, from, to) => `Rapport de recouvrement ${creditor} du ${from} au ${to}`,
    body: (creditor, from, to, sender) =>
      `Bonjour,\n\nVeuillez trouver ci-joint le rapport de recouvrement de ${creditor} pour la période du ${from} ` +
      `au ${to} : encours, balance âgée, taux de recouvrement, encaissements, promesses et échéanciers.\n\n` +
      `Cordialement,\n${sender}\n`,
  },
  en: {
    subject: (creditor, from, to) => `Collection report ${creditor} from ${from} to ${to}`,
    body: (creditor, from, to, sender) =>
      `Hello,\n\nPlease find attached the collection report of ${creditor} for the period from ${from} to ${to}: ` +
      `receivables, ageing, recovery rate, collections, promises and payment plans.\n\nKind regards,\n${sender}\n`,
  },
};

/**
 * Sends the creditor reports waiting for their e-mail, with the PDF attached, through the report row's own small
 * outbox (`dispatch/row-mail.ts`, as the agency's statements, decision 0007): under a lease, retried, an
 * interrupted send left `unconfirmed`, never sent again by itself. Reports speak to creditors, not debtors: no
 * compliance gate. Without SMTP settings they wait.
 */
export async function sendCreditorReports(deps: Deps, tenantId: string): Promise<ReportMailTotals> {
  const db = deps.database.db;
  const spec = {
    table: 'creditor_reports',
    id: 'report_id',
    entity: 'creditor_report',
    filePrefix: 'report',
  } as const;
  return sendRowMails(deps, spec, tenantId, async (reportId, ctx) => {
    const report = await db
      .selectFrom('creditor_reports')
      .select(['creditor_id', 'period_start', 'period_end', 'language', 'email_to', 'document_id'])
      .where('tenant_id', '=', tenantId)
      .where('report_id', '=', reportId)
      .executeTakeFirstOrThrow();
    const creditor = await db
      .selectFrom('creditors')
      .select('name')
      .where('tenant_id', '=', tenantId)
      .where('creditor_id', '=', report.creditor_id)
      .executeTakeFirstOrThrow();
    const pdf = await readDocument(db, tenantId, report.document_id);
    const texts = TEXTS[report.language];
    const { period_start: from, period_end: to } = report;
    return {
      to: report.email_to,
      toName: null,
      subject: texts.subject(creditor.name, from, to),
      text: texts.body(creditor.name, from, to, ctx.settings.fromName ?? ctx.sender),
      attachments: pdf
        ? [{ fileName: pdf.fileName, contentType: 'application/pdf', content: pdf.content }]
        : [],
    };
  });
}
