import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Db } from '../../db/schema.ts';
import { EMAIL_SETTING, type EmailSettings } from './email-settings.ts';

/** The sender the demo tenant's e-mails carry; settings with it may be re-pointed at a new mailbox port. */
export const DEMO_FROM_ADDRESS = 'recouvrement@demo.relance.invalid';

export type DemoMailbox = { readonly port: number; readonly dir: string; close(): Promise<void> };

/**
 * A real SMTP server on 127.0.0.1 for the demo: it accepts every message and keeps it, as received, in
 * `dir` (one .eml file each), so that a newcomer sees the e-mails the dispatcher really sent. Plain text, no
 * authentication: it listens on the loopback interface only.
 */
export async function startDemoMailbox(dir: string, port = 0): Promise<DemoMailbox> {
  mkdirSync(dir, { recursive: true });
  let counter = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    banner: 'Relance demo mailbox',
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        counter++;
        const id = `${Date.now()}-${process.pid}-${counter}`;
        writeFileSync(join(dir, `${id}.eml`), Buffer.concat(chunks));
        callback(null, `2.0.0 Ok: queued as ${id}`);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    dir,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type MailboxEntry = {
  readonly id: string;
  readonly actionId: string | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly subject: string | null;
  readonly date: string | null;
  readonly size: number;
};

export type MailboxMessage = MailboxEntry & {
  readonly text: string | null;
  readonly html: string | null;
  readonly attachments: readonly {
    readonly fileName: string | null;
    readonly contentType: string;
    readonly size: number;
  }[];
};

const ID = /^[0-9]+-[0-9]+-[0-9]+$/;

/** The messages kept, newest first (at most `limit`). */
export async function listMailbox(dir: string, limit = 200): Promise<readonly MailboxEntry[]> {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
  } catch {
    return [];
  }
  const newest = files
    .map((f) => f.slice(0, -4))
    .filter((id) => ID.test(id))
    .sort((a, b) => Number(b.split('-')[0]) - Number(a.split('-')[0]) || b.localeCompare(a))
    .slice(0, limit);
  return Promise.all(newest.map(async (id) => entryOf(id, readFileSync(join(dir, `${id}.eml`)))));
}

/** One message, with its text and HTML; null when there is no such id. */
export async function readMailboxMessage(dir: string, id: string): Promise<MailboxMessage | null> {
  if (!ID.test(id)) return null;
  let raw: Buffer;
  try {
    raw = readFileSync(join(dir, `${id}.eml`));
  } catch {
    return null;
  }
  const mail = await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true });
  return {
    ...(await entryOf(id, raw)),
    text: mail.text ?? null,
    html: typeof mail.html === 'string' ? mail.html : null,
    attachments: mail.attachments.map((a) => ({
      fileName: a.filename ?? null,
      contentType: a.contentType,
      size: a.size,
    })),
  };
}

async function entryOf(id: string, raw: Buffer): Promise<MailboxEntry> {
  const mail = await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true });
  const action = mail.headers.get('x-relance-action');
  return {
    id,
    actionId: typeof action === 'string' ? action : null,
    from: mail.from?.text ?? null,
    to: Array.isArray(mail.to) ? mail.to.map((t) => t.text).join(', ') : (mail.to?.text ?? null),
    subject: mail.subject ?? null,
    date: mail.date ? mail.date.toISOString() : null,
    size: raw.length,
  };
}

/**
 * Points a demo tenant's e-mail settings at the demo mailbox, unless the tenant set its own SMTP server
 * (settings with another sender are left alone).
 */
export async function pointAtDemoMailbox(
  db: Db,
  tenantId: string,
  port: number,
  now: string,
): Promise<boolean> {
  const current = await db
    .selectFrom('tenant_settings')
    .select('value')
    .where('tenant_id', '=', tenantId)
    .where('key', '=', EMAIL_SETTING)
    .executeTakeFirst();
  if (current && (JSON.parse(current.value) as EmailSettings).fromAddress !== DEMO_FROM_ADDRESS) return false;
  const settings: EmailSettings = {
    host: '127.0.0.1',
    port,
    security: 'none',
    user: null,
    password: null,
    fromName: 'Relance (démo)',
    fromAddress: DEMO_FROM_ADDRESS,
    replyTo: null,
    readReceipt: true,
  };
  const value = JSON.stringify(settings);
  await db
    .insertInto('tenant_settings')
    .values({ tenant_id: tenantId, key: EMAIL_SETTING, value, version: 1, updated_by: null, updated_at: now })
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doUpdateSet({ value, updated_at: now }))
    .execute();
  return true;
}
