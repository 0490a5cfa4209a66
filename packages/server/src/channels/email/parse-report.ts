import { simpleParser } from 'mailparser';

/** What a delivery report says about one recipient of one of our messages. */
export type DeliveryReport = {
  readonly kind: 'bounced' | 'delayed' | 'delivered' | 'read';
  /** The Message-ID of our message the report is about, e.g. `<action-id@example.org>`. */
  readonly originalMessageId: string | null;
  /** The X-Relance-Action header of the returned original, when it came back. */
  readonly actionId: string | null;
  readonly recipient: string | null;
  /** The DSN Status (e.g. "5.1.1") or the MDN Disposition. */
  readonly status: string | null;
  /** The receiving server's own words (Diagnostic-Code). */
  readonly diagnostic: string | null;
  /** The report's own Message-ID, to record it once however often it is delivered. */
  readonly reportId: string | null;
};

export type ParsedInbound =
  | { readonly kind: 'report'; readonly reports: readonly DeliveryReport[] }
  | { readonly kind: 'other'; readonly subject: string | null; readonly from: string | null };

/**
 * Reads an inbound message: a DSN (multipart/report; report-type=delivery-status, RFC 3464) gives one report
 * per recipient (Action failed → bounced, delayed, delivered/relayed → delivered); an MDN (report-type=
 * disposition-notification, RFC 8098) gives `read`. The original is found by its Message-ID (from the report
 * fields or the returned headers). Anything else is `other`.
 */
export async function parseInboundMail(raw: Buffer): Promise<ParsedInbound> {
  const mail = await simpleParser(raw, {
    keepDeliveryStatus: true,
    skipTextToHtml: true,
    skipImageLinks: true,
  });
  const reportId = mail.messageId ?? null;
  const parts = mail.attachments.map((a) => ({
    type: a.contentType.toLowerCase(),
    text: a.content.toString('utf8'),
  }));
  const returned =
    parts.find((p) => p.type === 'message/rfc822' || p.type === 'text/rfc822-headers')?.text ?? '';
  const returnedMessageId = headerOf(returned, 'message-id');
  const actionId = headerOf(returned, 'x-relance-action');
  const dsn = parts.find(
    (p) => p.type === 'message/delivery-status' || p.type === 'message/global-delivery-status',
  );
  if (dsn) {
    const [perMessage, ...perRecipient] = fieldGroups(dsn.text);
    const envelopeId = perMessage?.get('original-envelope-id') ?? null;
    const reports: DeliveryReport[] = [];
    for (const fields of perRecipient) {
      const action = (fields.get('action') ?? '').toLowerCase();
      const kind =
        action === 'failed'
          ? 'bounced'
          : action === 'delayed'
            ? 'delayed'
            : action === 'delivered' || action === 'relayed' || action === 'expanded'
              ? 'delivered'
              : null;
      if (!kind) continue;
      reports.push({
        kind,
        originalMessageId: returnedMessageId ?? envelopeId,
        actionId,
        recipient: addressOf(fields.get('final-recipient') ?? fields.get('original-recipient') ?? null),
        status: fields.get('status') ?? null,
        diagnostic: diagnosticOf(fields.get('diagnostic-code') ?? null),
        reportId,
      });
    }
    return { kind: 'report', reports };
  }
  const mdn = parts.find((p) => p.type === 'message/disposition-notification');
  if (mdn) {
    const fields = fieldGroups(mdn.text)[0] ?? new Map<string, string>();
    const disposition = fields.get('disposition') ?? null;
    if (disposition && /displayed/i.test(disposition)) {
      return {
        kind: 'report',
        reports: [
          {
            kind: 'read',
            originalMessageId: fields.get('original-message-id') ?? returnedMessageId,
            actionId,
            recipient: addressOf(fields.get('final-recipient') ?? null),
            status: disposition,
            diagnostic: null,
            reportId,
          },
        ],
      };
    }
    return { kind: 'report', reports: [] };
  }
  return { kind: 'other', subject: mail.subject ?? null, from: mail.from?.value[0]?.address ?? null };
}

/** "Name: value" groups separated by blank lines, continuation lines folded. */
function fieldGroups(text: string): Map<string, string>[] {
  const groups: Map<string, string>[] = [];
  for (const block of text.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    let last: string | null = null;
    for (const line of block.split('\n')) {
      if (/^\s/.test(line) && last) {
        fields.set(last, `${fields.get(last) ?? ''} ${line.trim()}`);
        continue;
      }
      const match = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
      if (!match?.[1]) continue;
      last = match[1].toLowerCase();
      fields.set(last, (match[2] ?? '').trim());
    }
    if (fields.size > 0) groups.push(fields);
  }
  return groups;
}

function headerOf(source: string, name: string): string | null {
  const head = source.replace(/\r\n/g, '\n').split(/\n\n/)[0] ?? '';
  const group = fieldGroups(head)[0];
  return group?.get(name) ?? null;
}

/** "rfc822; someone@example.org" → "someone@example.org". */
function addressOf(field: string | null): string | null {
  if (!field) return null;
  const value = field.includes(';') ? field.slice(field.indexOf(';') + 1) : field;
  return value.trim().replace(/^<|>$/g, '') || null;
}

/** "smtp; 550 5.1.1 User unknown" → "550 5.1.1 User unknown". */
function diagnosticOf(field: string | null): string | null {
  if (!field) return null;
  return field.replace(/^\s*smtp\s*;\s*/i, '').trim() || null;
}
