import type { Language } from '@relance/core';
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
import { remittanceReference } from './remittance-document.ts';

/** How long a sender holds a statement's e-mail before another may take it up (an interrupted send). */
const LEASE_MS = 10 * 60_000;
/** Attempts before an e-mail is left as failed for a person to look at. */
const MAX_ATTEMPTS = 5;

export type RemittanceMailTotals = {
  readonly sent: number;
  readonly failed: number;
  readonly retried: number;
};

const TEXTS: Readonly<
  Record<Language, { subject: (ref: string) => string; body: (agency: string) => string }>
> = {
  fr: {
    subject: (ref) => `Relevé de reversement ${ref}`,
    body: (agency) =>
      'Bonjour,\n\nVeuillez trouver ci-joint le relevé des sommes encaissées pour votre compte pendant la période, ' +
      'avec la quittance de chaque paiement, notre commission et le montant net qui vous est reversé ' +
      `(CPCE R124-5 et R124-6).\n\nCordialement,\n${agency}\n`,
  },
  en: {
    subject: (ref) => `Remittance statement ${ref}`,
    body: (agency) =>
      'Hello,\n\nPlease find attached the statement of the sums collected on your behalf in the period, with the ' +
      'receipt of each payment, our commission and the net amount remitted to you.\n\n' +
      `Kind regards,\n${agency}\n`,
  },
};

/**
 * Sends the statements waiting for their e-mail to the client (its address in the creditor's details), with the
 * PDF attached: each is taken under a lease (so that two workers do not both send it), sent, and recorded with
 * the message as sent; a refusal is retried on the next pass, up to five attempts. As for the debtors' outbox
 * (decision 0005), one found still `sending` past its lease may have left: it becomes `unconfirmed`, never sent
 * again by itself — a person sends it again (`requeueRemittanceEmail`). Statements speak to clients, not
 * debtors: they do not go through the debtors' outbox and its compliance gate. Without SMTP settings they wait.
 */
export async function sendRemittanceEmails(deps: Deps, tenantId: string): Promise<RemittanceMailTotals> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const interrupted = await db
    .updateTable('remittances')
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
  const { settings } = await readEmailSettings(db, tenantId);
  if (!settings) return totals;
  const due = await db
    .selectFrom('remittances')
    .select('remittance_id')
    .where('tenant_id', '=', tenantId)
    .where('email_status', '=', 'planned')
    .orderBy('created_at')
    .limit(50)
    .execute();
  if (due.length === 0) return totals;
  const tenant = await db
    .selectFrom('tenants')
    .select(['name', 'locale'])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  const transport = smtpTransport(settings);
  try {
    for (const item of due) {
      const outcome = await sendOne(deps, { tenantId, now, settings, transport, tenant }, item.remittance_id);
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
  readonly tenant: { readonly name: string; readonly locale: Language };
};

/** Takes one statement's e-mail under the lease, sends it and records what happened. */
async function sendOne(
  deps: Deps,
  ctx: SendContext,
  remittanceId: string,
): Promise<'sent' | 'failed' | 'retried' | 'skipped'> {
  const { tenantId, now, settings } = ctx;
  const db = deps.database.db;
  const claimed = await db
    .updateTable('remittances')
    .set((eb) => ({
      email_status: 'sending',
      email_claimed_until: new Date(Date.parse(now) + LEASE_MS).toISOString(),
      email_attempts: eb('email_attempts', '+', 1),
    }))
    .where('tenant_id', '=', tenantId)
    .where('remittance_id', '=', remittanceId)
    .where('email_status', '=', 'planned')
    .returningAll()
    .executeTakeFirst();
  if (!claimed?.email_to) return 'skipped';
  const creditor = await db
    .selectFrom('creditors')
    .select(['ref', 'name', 'currency'])
    .where('tenant_id', '=', tenantId)
    .where('creditor_id', '=', claimed.creditor_id)
    .executeTakeFirstOrThrow();
  const pdf = claimed.document_id ? await readDocument(db, tenantId, claimed.document_id) : null;
  const texts = TEXTS[ctx.tenant.locale];
  const reference = remittanceReference(creditor.ref, claimed.period, claimed.currency, creditor.currency);
  const raw = await composeEmail(settings, {
    messageId: `<remittance-${claimed.remittance_id}@${settings.fromAddress.split('@')[1] ?? 'relance.invalid'}>`,
    to: claimed.email_to,
    toName: creditor.name,
    subject: texts.subject(reference),
    text: texts.body(settings.fromName ?? ctx.tenant.name),
    html: null,
    date: now,
    actionId: claimed.remittance_id,
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
    await recordSent(deps, {
      tenantId,
      remittanceId: claimed.remittance_id,
      raw,
      now,
      response: accepted.response,
    });
    return 'sent';
  } catch (error) {
    const permanent = error instanceof SmtpSendError && error.permanent;
    const failed = permanent || Number(claimed.email_attempts) >= MAX_ATTEMPTS;
    await db
      .updateTable('remittances')
      .set({
        email_status: failed ? 'failed' : 'planned',
        email_error: error instanceof Error ? error.message : String(error),
        email_claimed_until: null,
      })
      .where('tenant_id', '=', tenantId)
      .where('remittance_id', '=', claimed.remittance_id)
      .execute();
    return failed ? 'failed' : 'retried';
  }
}

async function recordSent(
  deps: Deps,
  input: {
    readonly tenantId: string;
    readonly remittanceId: string;
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
      fileName: `remittance-${input.remittanceId}.eml`,
      content: input.raw,
      createdAt: input.now,
    });
    await trx
      .updateTable('remittances')
      .set({
        email_status: 'sent',
        emailed_at: input.now,
        email_document_id: document.documentId,
        email_error: null,
        email_claimed_until: null,
      })
      .where('tenant_id', '=', input.tenantId)
      .where('remittance_id', '=', input.remittanceId)
      .execute();
    await appendAudit(trx, {
      tenantId: input.tenantId,
      at: input.now,
      actor: null,
      action: 'remittance.emailed',
      entityKind: 'remittance',
      entityId: input.remittanceId,
      data: { smtpResponse: input.response },
    });
  });
}
