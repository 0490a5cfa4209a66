import MailComposer from 'nodemailer/lib/mail-composer';
import type { EmailSettings } from './email-settings.ts';

export type EmailAttachment = {
  readonly fileName: string;
  readonly contentType: string;
  readonly content: Uint8Array;
};

export type EmailDraft = {
  readonly messageId: string;
  readonly to: string;
  readonly toName: string | null;
  readonly subject: string;
  readonly text: string;
  readonly html: string | null;
  /** The instant written in the Date header. */
  readonly date: string;
  readonly actionId: string;
  readonly caseId: string;
  readonly attachments: readonly EmailAttachment[];
};

/**
 * Builds the message's MIME source once. That exact source is what is handed to the SMTP server and what is
 * kept as evidence (`message/rfc822`), so that the file in the evidence is byte for byte what left.
 */
export async function composeEmail(settings: EmailSettings, draft: EmailDraft): Promise<Buffer> {
  const headers: Record<string, string> = {
    'X-Relance-Action': draft.actionId,
    'X-Relance-Case': draft.caseId,
  };
  if (settings.readReceipt) {
    const receiptTo = settings.replyTo ?? settings.fromAddress;
    headers['Disposition-Notification-To'] = receiptTo;
    headers['Return-Receipt-To'] = receiptTo;
  }
  const composer = new MailComposer({
    from: settings.fromName
      ? { name: settings.fromName, address: settings.fromAddress }
      : settings.fromAddress,
    to: draft.toName ? { name: draft.toName, address: draft.to } : draft.to,
    ...(settings.replyTo ? { replyTo: settings.replyTo } : {}),
    subject: draft.subject,
    text: draft.text,
    ...(draft.html ? { html: draft.html } : {}),
    messageId: draft.messageId,
    date: new Date(draft.date),
    headers,
    attachments: draft.attachments.map((a) => ({
      filename: a.fileName,
      contentType: a.contentType,
      content: Buffer.from(a.content),
    })),
  });
  const built = await composer.compile().build();
  // SMTP carries lines ended by CRLF (RFC 5321) and the SMTP client turns a bare LF into CRLF on the wire;
  // normalising the source here, once, makes the copy kept byte for byte what the server receives.
  return Buffer.from(built.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
}

/** Our Message-ID for an action: fixed before the first attempt, so that every copy of it says who it is. */
export function messageIdFor(actionId: string, fromAddress: string): string {
  const domain = fromAddress.split('@')[1] ?? 'relance.invalid';
  return `<${actionId}@${domain}>`;
}
