import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { type DeliveryReport, parseInboundMail } from '../../channels/email/parse-report.ts';
import { newId } from '../../db/ids.ts';
import type { Database } from '../../db/schema.ts';
import type { Deps } from '../../shared/deps.ts';
import { appendEvidence, storeDocument } from '../evidence/journal.ts';
import { reportBounce } from './report-bounce.ts';
import { SMTP_PROVIDER } from './send-email.ts';

export type IngestedReport = {
  readonly kind: DeliveryReport['kind'];
  readonly actionId: string | null;
  /** recorded: new; duplicate: seen before (recorded once); unknown: no message of ours matches. */
  readonly outcome: 'recorded' | 'duplicate' | 'unknown';
};

export type IngestResult = {
  readonly kind: 'report' | 'other';
  readonly reports: readonly IngestedReport[];
};

/**
 * An inbound message for the tenant (from an MTA pipe, `POST /inbound/email` or `relance mail ingest`): a
 * delivery report (DSN) or read receipt (MDN) about one of our e-mails is recorded as a message event, once
 * however often it arrives; a bounce also fails the action with the server's words, flags the address and
 * gives the case an `email_bounce` event for the strategy. The report itself is kept as evidence.
 */
export async function ingestMail(deps: Deps, tenantId: string, raw: Buffer): Promise<IngestResult> {
  const parsed = await parseInboundMail(raw);
  if (parsed.kind === 'other') return { kind: 'other', reports: [] };
  const db = deps.database.db;
  const now = deps.clock.now();
  const digest = createHash('sha256').update(raw).digest('hex');
  const results: IngestedReport[] = [];
  for (const report of parsed.reports) {
    const action = await findAction(db, tenantId, report);
    if (!action) {
      results.push({ kind: report.kind, actionId: null, outcome: 'unknown' });
      continue;
    }
    const eventKey = `${report.reportId ?? digest}|${report.recipient ?? ''}|${report.kind}`;
    const recorded = await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('message_events')
        .values({
          tenant_id: tenantId,
          event_id: newId(),
          action_id: action.action_id,
          case_id: action.case_id,
          at: now,
          kind: report.kind,
          provider: SMTP_PROVIDER,
          provider_event_id: eventKey,
          detail: JSON.stringify({
            recipient: report.recipient,
            status: report.status,
            diagnostic: report.diagnostic,
            originalMessageId: report.originalMessageId,
            reportId: report.reportId,
          }),
        })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return null;
      const contactId = await applyReport(trx, tenantId, action, report, now);
      if (report.kind === 'bounced') {
        await reportBounce(trx, { tenantId, caseId: action.case_id, contactId, on: deps.clock.today(), now });
      }
      const document = await storeDocument(trx, {
        tenantId,
        caseId: action.case_id,
        kind: 'delivery_report',
        mediaType: 'message/rfc822',
        fileName: `${report.kind}-${action.action_id}.eml`,
        content: raw,
        createdAt: now,
      });
      await appendEvidence(trx, {
        tenantId,
        caseId: action.case_id,
        actionId: action.action_id,
        at: now,
        kind: 'delivery_event',
        actor: `provider:${SMTP_PROVIDER}`,
        payload: {
          event: report.kind,
          recipient: report.recipient,
          status: report.status,
          diagnostic: report.diagnostic,
          messageId: action.message_id,
        },
        document,
      });
      return { contactId };
    });
    results.push({
      kind: report.kind,
      actionId: action.action_id,
      outcome: recorded ? 'recorded' : 'duplicate',
    });
  }
  return { kind: 'report', reports: results };
}

type ActionRow = {
  readonly action_id: string;
  readonly case_id: string;
  readonly message_id: string | null;
  readonly status: string;
};

/** Our Message-ID is `<action-id@domain>`: the action is found by its key, then checked against the id. */
async function findAction(
  db: Deps['database']['db'],
  tenantId: string,
  report: DeliveryReport,
): Promise<ActionRow | null> {
  const fromId = report.originalMessageId ? /^<?([^@<>]+)@/.exec(report.originalMessageId)?.[1] : undefined;
  const candidates = [report.actionId, fromId].filter((c): c is string => !!c);
  for (const candidate of candidates) {
    const row = await db
      .selectFrom('actions')
      .select(['action_id', 'case_id', 'message_id', 'status'])
      .where('tenant_id', '=', tenantId)
      .where('action_id', '=', candidate)
      .executeTakeFirst();
    if (!row) continue;
    if (report.originalMessageId && row.message_id && row.message_id !== normalise(report.originalMessageId))
      continue;
    return row;
  }
  return null;
}

function normalise(messageId: string): string {
  const trimmed = messageId.trim();
  return trimmed.startsWith('<') ? trimmed : `<${trimmed}>`;
}

/** The report's effect on the action (and, for a bounce, on the address); returns the contact flagged. */
async function applyReport(
  trx: Transaction<Database>,
  tenantId: string,
  action: ActionRow,
  report: DeliveryReport,
  now: string,
): Promise<string | null> {
  if (report.kind === 'delivered') {
    await trx
      .updateTable('actions')
      .set({ status: 'delivered', delivered_at: now })
      .where('tenant_id', '=', tenantId)
      .where('action_id', '=', action.action_id)
      .where('status', '=', 'sent')
      .execute();
    return null;
  }
  if (report.kind !== 'bounced') return null;
  const words =
    [report.status, report.diagnostic].filter(Boolean).join(' ') || 'Bounced (delivery status notification)';
  await trx
    .updateTable('actions')
    .set({ status: 'failed', last_error: words, claimed_by: null, claimed_until: null })
    .where('tenant_id', '=', tenantId)
    .where('action_id', '=', action.action_id)
    .execute();
  if (!report.recipient) return null;
  const contact = await trx
    .selectFrom('contacts as ct')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 'ct.tenant_id').onRef('c.debtor_id', '=', 'ct.debtor_id'),
    )
    .select('ct.contact_id')
    .where('c.tenant_id', '=', tenantId)
    .where('c.case_id', '=', action.case_id)
    .where('ct.kind', '=', 'email')
    .where('ct.value', '=', report.recipient.toLowerCase())
    .executeTakeFirst();
  if (!contact) return null;
  await trx
    .updateTable('contacts')
    .set({ validity: 'invalid', updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('contact_id', '=', contact.contact_id)
    .execute();
  return contact.contact_id;
}
