import type { Kysely } from 'kysely';
import { composeEmail, type EmailAttachment } from '../../channels/email/compose-email.ts';
import { type EmailSettings, readEmailSettings } from '../../channels/email/email-settings.ts';
import {
  SmtpSendError,
  type SmtpTransport,
  sendRawEmail,
  smtpTransport,
} from '../../channels/email/smtp-sender.ts';
import type { Db } from '../../db/schema.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendAudit } from '../access/audit.ts';
import { storeDocument } from '../evidence/journal.ts';

/**
 * The small outbox of a mail to a client that lives on its own row (decision 0007): an agency's remittance
 * statement, a creditor's scheduled report. Clients are not debtors: no compliance gate, no debtors' outbox.
 * Each row is taken under a lease (two workers never both send it), sent, and recorded with the message as
 * sent; a refusal is retried on the next pass, up to five attempts; one found still `sending` past its lease
 * may have left: it becomes `unconfirmed` and is never sent again by itself. Without SMTP settings rows wait.
 */
export type RowMailSpec = {
  readonly table: 'remittances' | 'creditor_reports';
  readonly id: 'remittance_id' | 'report_id';
  /** The audit entry's entity kind (its action is `<entity>.emailed`) and the kept message's file prefix. */
  readonly entity: 'remittance' | 'creditor_report';
  readonly filePrefix: 'remittance' | 'report';
};

/** The columns both tables share, as far as this outbox is concerned. */
type MailRow = {
  tenant_id: string;
  remittance_id: string;
  report_id: string;
  email_status: string;
  email_attempts: number;
  email_claimed_until: string | null;
  email_error: string | null;
  emailed_at: string | null;
  email_document_id: string | null;
  created_at: string;
};
type MailDb = Kysely<Record<RowMailSpec['table'], MailRow>>;

/** How long a sender holds a row's e-mail before another may take it up (an interrupted send). */
const LEASE_MS = 10 * 60_000;
/** Attempts before an e-mail is left as failed for a person to look at. */
const MAX_ATTEMPTS = 5;

export type RowMailTotals = {
  readonly sent: number;
  readonly failed: number;
  readonly retried: number;
  readonly unconfirmed: number;
};

/** The message of one row, composed by its owner once the row is taken; null to leave it (e.g. no address). */
export type RowMessage = {
  readonly to: string;
  readonly toName: string | null;
  readonly subject: string;
  readonly text: string;
  readonly attachments: readonly EmailAttachment[];
};

export type RowMailContext = {
  readonly tenantId: string;
  readonly now: string;
  readonly settings: EmailSettings;
  /** The tenant's name, signing the message when the settings give no sender name. */
  readonly sender: string;
};

/** Sends the rows of `spec` waiting for their e-mail (at most 50 a pass), each as `messageOf` composes it. */
export async function sendRowMails(
  deps: Deps,
  spec: RowMailSpec,
  tenantId: string,
  messageOf: (id: string, ctx: RowMailContext) => Promise<RowMessage | null>,
): Promise<RowMailTotals> {
  const db = deps.database.db as unknown as MailDb;
  const now = deps.clock.now();
  const interrupted = await db
    .updateTable(spec.table)
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
    .selectFrom(spec.table)
    .select(spec.id)
    .where('tenant_id', '=', tenantId)
    .where('email_status', '=', 'planned')
    .orderBy('created_at')
    .limit(50)
    .execute();
  if (due.length === 0) return totals;
  const { settings } = await readEmailSettings(deps.database.db, tenantId);
  if (!settings) return totals;
  const tenant = await deps.database.db
    .selectFrom('tenants')
    .select('name')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  const ctx: RowMailContext = { tenantId, now, settings, sender: tenant.name };
  const transport = smtpTransport(settings);
  try {
    for (const row of due) {
      const id = String(row[spec.id as keyof typeof row]);
      const outcome = await sendOne(deps, spec, ctx, transport, id, messageOf);
      if (outcome !== 'skipped') totals[outcome]++;
    }
  } finally {
    transport.close();
  }
  return totals;
}

async function sendOne(
  deps: Deps,
  spec: RowMailSpec,
  ctx: RowMailContext,
  transport: SmtpTransport,
  id: string,
  messageOf: (id: string, ctx: RowMailContext) => Promise<RowMessage | null>,
): Promise<'sent' | 'failed' | 'retried' | 'skipped'> {
  const { tenantId, now, settings } = ctx;
  const db = deps.database.db as unknown as MailDb;
  const claimed = await db
    .updateTable(spec.table)
    .set((eb) => ({
      email_status: 'sending',
      email_claimed_until: new Date(Date.parse(now) + LEASE_MS).toISOString(),
      email_attempts: eb('email_attempts', '+', 1),
    }))
    .where('tenant_id', '=', tenantId)
    .where(spec.id, '=', id)
    .where('email_status', '=', 'planned')
    .returning('email_attempts')
    .executeTakeFirst();
  if (!claimed) return 'skipped';
  const message = await messageOf(id, ctx);
  if (!message) return 'skipped';
  const raw = await composeEmail(settings, {
    messageId: `<${spec.filePrefix}-${id}@${settings.fromAddress.split('@')[1] ?? 'relance.invalid'}>`,
    to: message.to,
    toName: message.toName,
    subject: message.subject,
    text: message.text,
    html: null,
    date: now,
    actionId: id,
    caseId: '',
    attachments: message.attachments,
  });
  try {
    const accepted = await sendRawEmail(transport, { from: settings.fromAddress, to: message.to }, raw);
    await recordSent(deps, spec, { tenantId, id, raw, now, response: accepted.response });
    return 'sent';
  } catch (error) {
    const permanent = error instanceof SmtpSendError && error.permanent;
    const failed = permanent || Number(claimed.email_attempts) >= MAX_ATTEMPTS;
    await db
      .updateTable(spec.table)
      .set({
        email_status: failed ? 'failed' : 'planned',
        email_error: error instanceof Error ? error.message : String(error),
        email_claimed_until: null,
      })
      .where('tenant_id', '=', tenantId)
      .where(spec.id, '=', id)
      .execute();
    return failed ? 'failed' : 'retried';
  }
}

async function recordSent(
  deps: Deps,
  spec: RowMailSpec,
  input: {
    readonly tenantId: string;
    readonly id: string;
    readonly raw: Buffer;
    readonly now: string;
    readonly response: string;
  },
): Promise<void> {
  await (deps.database.db as Db).transaction().execute(async (trx) => {
    const document = await storeDocument(trx, {
      tenantId: input.tenantId,
      caseId: null,
      kind: 'email',
      mediaType: 'message/rfc822',
      fileName: `${spec.filePrefix}-${input.id}.eml`,
      content: input.raw,
      createdAt: input.now,
    });
    await (trx as unknown as MailDb)
      .updateTable(spec.table)
      .set({
        email_status: 'sent',
        emailed_at: input.now,
        email_document_id: document.documentId,
        email_error: null,
        email_claimed_until: null,
      })
      .where('tenant_id', '=', input.tenantId)
      .where(spec.id, '=', input.id)
      .execute();
    await appendAudit(trx, {
      tenantId: input.tenantId,
      at: input.now,
      actor: null,
      action: `${spec.entity}.emailed`,
      entityKind: spec.entity,
      entityId: input.id,
      data: { smtpResponse: input.response },
    });
  });
}
