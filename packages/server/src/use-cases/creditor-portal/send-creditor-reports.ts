import { composeEmail } from '../../channels/email/compose-email.ts';
import { type EmailSettings, readEmailSettings } from '../../channels/email/email-settings.ts';
import {
  SmtpSendError,
  type SmtpTransport,
  sendRawEmail,
  smtpTransport,
} from '../../channels/email/smtp-sender.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { readDocument, storeDocument } from '../evidence/journal.ts';

/** How long a sender holds a report's e-mail before another may take it up (an interrupted send). */
const LEASE_MS = 10 * 60_000;
/** Attempts before an e-mail is left as failed for a person to look at. */
const MAX_ATTEMPTS = 5;

export type ReportMailTotals = {
  readonly sent: number;
  readonly failed: number;
  readonly retried: number;
  readonly unconfirmed: number;
};

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
 * Sends the creditor reports waiting for their e-mail, with the PDF attached. Each is taken under a lease (two
 * workers never both send it), sent, and recorded with the message as sent; a refusal is retried on the next
 * pass, up to five attempts. As for the agency's statements (decision 0007), one found still `sending` past its
 * lease may have left: it becomes `unconfirmed` and is never sent again by itself. Reports speak to creditors,
 * not debtors: no compliance gate. Without SMTP settings they wait.
 */
export async function sendCreditorReports(deps: Deps, tenantId: string): Promise<ReportMailTotals> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const interrupted = await db
    .updateTable('creditor_reports')
    .set({
      email_status: 'unconfirmed',
      email_error: 'Interrupted while the SMTP server had it: it may have left. Not sent again by itself.',
      email_claimed_until: null,
    })
    .where('tenant_id', '=', tenantId)
    .where('email_status', '=', 'sending')
    .where('email_claimed_until', '<', now)
    .executeTakeFirst();
  const totals = { sent: 0, failed: 0, retried: 0, unconfirmed: Number(interrupted.numUpdatedRows) };
  const due = await db
    .selectFrom('creditor_reports')
    .select('report_id')
    .where('tenant_id', '=', tenantId)
    .where('email_status', '=', 'planned')
    .orderBy('created_at')
    .limit(50)
    .execute();
  if (due.length === 0) return totals;
  const { settings } = await readEmailSettings(db, tenantId);
  if (!settings) return totals;
  const tenant = await db
    .selectFrom('tenants')
    .select('name')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  const transport = smtpTransport(settings);
  try {
    for (const item of due) {
      const outcome = await sendOne(
        deps,
        { tenantId, now, settings, transport, sender: tenant.name },
        item.report_id,
      );
      if (outcome !== 'skipped') totals[outcome]++;
    }
  } finally {
    transport.close();
  }
  return totals;
}

type SendContext = {
  readonly tenantId: string;
  readonly now: string;
  readonly settings: EmailSettings;
  readonly transport: SmtpTransport;
  readonly sender: string;
};

async function sendOne(
  deps: Deps,
  ctx: SendContext,
  reportId: string,
): Promise<'sent' | 'failed' | 'retried' | 'skipped'> {
  const { tenantId, now, settings } = ctx;
  const db = deps.database.db;
  const claimed = await db
    .updateTable('creditor_reports')
    .set((eb) => ({
      email_status: 'sending',
      email_claimed_until: new Date(Date.parse(now) + LEASE_MS).toISOString(),
      email_attempts: eb('email_attempts', '+', 1),
    }))
    .where('tenant_id', '=', tenantId)
    .where('report_id', '=', reportId)
    .where('email_status', '=', 'planned')
    .returningAll()
    .executeTakeFirst();
  if (!claimed) return 'skipped';
  const creditor = await db
    .selectFrom('creditors')
    .select('name')
    .where('tenant_id', '=', tenantId)
    .where('creditor_id', '=', claimed.creditor_id)
    .executeTakeFirstOrThrow();
  const pdf = await readDocument(db, tenantId, claimed.document_id);
  const texts = TEXTS[claimed.language];
  const from = claimed.period_start;
  const to = claimed.period_end;
  const raw = await composeEmail(settings, {
    messageId: `<report-${claimed.report_id}@${settings.fromAddress.split('@')[1] ?? 'relance.invalid'}>`,
    to: claimed.email_to,
    toName: null,
    subject: texts.subject(creditor.name, from, to),
    text: texts.body(creditor.name, from, to, settings.fromName ?? ctx.sender),
    html: null,
    date: now,
    actionId: claimed.report_id,
    caseId: '',
    attachments: pdf
      ? [{ fileName: pdf.fileName, contentType: 'application/pdf', content: pdf.content }]
      : [],
  });
  try {
    const accepted = await sendRawEmail(
      ctx.transport,
      { from: settings.fromAddress, to: claimed.email_to },
      raw,
    );
    await recordSent(deps, { tenantId, reportId: claimed.report_id, raw, now, response: accepted.response });
    return 'sent';
  } catch (error) {
    const permanent = error instanceof SmtpSendError && error.permanent;
    const failed = permanent || Number(claimed.email_attempts) >= MAX_ATTEMPTS;
    await db
      .updateTable('creditor_reports')
      .set({
        email_status: failed ? 'failed' : 'planned',
        email_error: error instanceof Error ? error.message : String(error),
        email_claimed_until: null,
      })
      .where('tenant_id', '=', tenantId)
      .where('report_id', '=', claimed.report_id)
      .execute();
    return failed ? 'failed' : 'retried';
  }
}

async function recordSent(
  deps: Deps,
  input: {
    readonly tenantId: string;
    readonly reportId: string;
    readonly raw: Buffer;
    readonly now: string;
    readonly response: string;
  },
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const document = await storeDocument(trx, {
      tenantId: input.tenantId,
      caseId: null,
      kind: 'email',
      mediaType: 'message/rfc822',
      fileName: `report-${input.reportId}.eml`,
      content: input.raw,
      createdAt: input.now,
    });
    await trx
      .updateTable('creditor_reports')
      .set({
        email_status: 'sent',
        emailed_at: input.now,
        email_document_id: document.documentId,
        email_error: null,
        email_claimed_until: null,
      })
      .where('tenant_id', '=', input.tenantId)
      .where('report_id', '=', input.reportId)
      .execute();
    await appendAudit(trx, {
      tenantId: input.tenantId,
      at: input.now,
      actor: null,
      action: 'creditor_report.emailed',
      entityKind: 'creditor_report',
      entityId: input.reportId,
      data: { smtpResponse: input.response },
    });
  });
}
