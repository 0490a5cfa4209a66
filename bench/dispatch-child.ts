/**
 * One measurement of the dispatch benchmark, in its own process so that its peak RSS is its own:
 * `node bench/dispatch-child.ts <what> <databaseUrl> <count> [smtpPort]`. Prints one JSON line:
 * { seconds, maxRssMb, … }. Only the work being compared is timed; preparing inputs (reading a rendered
 * message, the letters' variables) is not.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import type { LetterModel } from '../packages/server/src/channels/letters/letter-model.ts';
import { renderLetter } from '../packages/server/src/channels/letters/render-letter.ts';
import type { DatabaseHandle } from '../packages/server/src/db/database.ts';
import { openDatabase } from '../packages/server/src/db/database.ts';
import { fixedClock } from '../packages/server/src/shared/clock.ts';
import type { Deps } from '../packages/server/src/shared/deps.ts';
import { dispatchDue } from '../packages/server/src/use-cases/dispatch/dispatch-due.ts';
import { appendEvidence } from '../packages/server/src/use-cases/evidence/journal.ts';
import { verifyEvidence } from '../packages/server/src/use-cases/evidence/verify-evidence.ts';
import { buildPrintBatch } from '../packages/server/src/use-cases/letters/build-print-batch.ts';
import { letterContent } from '../packages/server/src/use-cases/letters/letter-content.ts';
import { renderContent } from '../packages/server/src/use-cases/templates/render-content.ts';
import { benchTenant, dispatchDay, dueAt } from './dispatch-portfolio.ts';

const [what = '', url = '', countArg = '0', portArg = '0'] = process.argv.slice(2);
const count = Number(countArg);
const handle = openDatabase(url, { poolSize: 2 });
const depsAt = (instant: string): Deps => ({ database: handle, clock: fixedClock(instant), dataDir: '/tmp' });

/** The first `n` planned actions of a channel, in the order the dispatcher takes them. */
async function plannedOf(channel: string, n: number) {
  return handle.db
    .selectFrom('actions')
    .select(['action_id', 'case_id', 'template'])
    .where('tenant_id', '=', benchTenant)
    .where('channel', '=', channel)
    .orderBy('scheduled_at')
    .orderBy('action_id')
    .limit(n)
    .execute();
}

async function rendered(channel: 'email' | 'sms') {
  const [first] = await plannedOf(channel, 1);
  if (!first) throw new Error(`no ${channel} action planned`);
  return renderContent(handle.db, benchTenant, {
    caseId: first.case_id,
    template: first.template,
    channel,
    language: 'fr',
    today: dispatchDay,
  });
}

/** `dispatchDue` at the instant the channel is due, until nothing is left (every outcome counted). */
async function dispatch(channel: keyof typeof dueAt): Promise<() => Promise<Record<string, unknown>>> {
  const deps = depsAt(dueAt[channel]);
  return async () => {
    const totals: Record<string, number> = {};
    for (;;) {
      const t = await dispatchDue(deps, benchTenant, { now: dueAt[channel], limit: count });
      for (const [k, v] of Object.entries(t)) totals[k] = (totals[k] ?? 0) + v;
      if (t.claimed === 0) break;
    }
    return { totals };
  };
}

/**
 * nodemailer alone: the same message (HTML and text, same headers) over the same kind of SMTP connection as
 * the dispatcher's (a new one per message), or with `pool` over one connection kept open.
 */
async function emailFloor(pool: boolean): Promise<() => Promise<Record<string, unknown>>> {
  const content = await rendered('email');
  const transport = nodemailer.createTransport({
    ...(pool ? { pool: true, maxConnections: 1, maxMessages: Number.POSITIVE_INFINITY } : {}),
    host: '127.0.0.1',
    port: Number(portArg),
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 30_000,
  });
  return async () => {
    for (let i = 0; i < count; i++) {
      await transport.sendMail({
        from: { name: 'Société Élan — Recouvrement', address: 'recouvrement@elan.example' },
        to: { name: `Débiteur ${i} SARL`, address: `debiteur-${i}@example.org` },
        subject: content.subject ?? '',
        text: content.text,
        html: content.html ?? undefined,
        messageId: `<floor-${i}@elan.example>`,
        date: new Date(dueAt.email),
        headers: {
          'X-Relance-Action': `floor-${i}`,
          'X-Relance-Case': `floor-${i}`,
          'Disposition-Notification-To': 'recouvrement@elan.example',
          'Return-Receipt-To': 'recouvrement@elan.example',
        },
      });
    }
    transport.close();
    return {};
  };
}

/** Bare single-row inserts into builtin_sms, each its own commit (as each SMS is), with the same text. */
async function smsFloor(): Promise<() => Promise<Record<string, unknown>>> {
  const body = (await rendered('sms')).text;
  return async () => {
    for (let i = 0; i < count; i++) {
      const key = `floor-${i}`;
      await handle.db
        .insertInto('builtin_sms')
        .values({
          tenant_id: 'bench-floor',
          message_id: `SM${randomBytes(16).toString('hex')}`,
          idempotency_key: key,
          to_number: '+33612345678',
          from_number: 'Relance',
          body,
          encoding: 'GSM-7',
          segments: 2,
          status: 'delivered',
          created_at: dueAt.sms,
        })
        .execute();
    }
    return {};
  };
}

/** pdfkit alone: the same letters rendered from the same variables, read from the database beforehand. */
async function letterFloor(): Promise<() => Promise<Record<string, unknown>>> {
  const models: LetterModel[] = [];
  for (const [i, action] of (await plannedOf('letter', count)).entries()) {
    const content = await letterContent(handle.db, benchTenant, {
      caseId: action.case_id,
      template: action.template,
      language: 'fr',
      today: dispatchDay,
      letter: { reference: `L-2026-${String(i + 1).padStart(6, '0')}`, date: dispatchDay },
    });
    models.push({ kind: 'letter', variables: content.variables, body: content.body });
  }
  return async () => {
    let bytes = 0;
    for (const model of models) bytes += (await renderLetter(model)).byteLength;
    return { meanPdfBytes: Math.round(bytes / Math.max(models.length, 1)) };
  };
}

/** An entry the size of an e-mail's `email_sent` entry. */
function samplePayload(i: number) {
  return {
    from: 'recouvrement@elan.example',
    to: `debiteur-${String(i).padStart(6, '0')}@example.org`,
    subject: 'Rappel : facture F-000001 impayée — Société Élan',
    messageId: `<act-${String(i).padStart(7, '0')}@elan.example>`,
    template: 'reminder-email',
    templateVersion: 'shipped:reminder-email/email/fr',
    language: 'fr',
    attempt: 1,
    smtpResponse: `250 2.0.0 Ok: queued as Q${i}`,
    providerMessageId: `Q${i}`,
    attachments: [],
    readReceiptRequested: true,
  };
}

/** `appendEvidence`, one entry per transaction (as the dispatcher appends one per message). */
async function journal(): Promise<() => Promise<Record<string, unknown>>> {
  const cases = await handle.db.selectFrom('cases').select('case_id').limit(count).execute();
  return async () => {
    for (let i = 0; i < count; i++) {
      await handle.db.transaction().execute((trx) =>
        appendEvidence(trx, {
          tenantId: benchTenant,
          caseId: cases[i % cases.length]?.case_id ?? null,
          actionId: `bench-${i}`,
          at: dueAt.email,
          kind: 'email_sent',
          actor: 'dispatcher',
          payload: samplePayload(i),
        }),
      );
    }
    return {};
  };
}

/** The same rows (same columns, same sizes, same primary key and case index) into a table without the chain. */
async function journalFloor(): Promise<() => Promise<Record<string, unknown>>> {
  await sql`create table bench_journal_floor (tenant_id text not null, seq integer not null, entry_id text not null,
    case_id text, action_id text, at text not null, kind text not null, actor text not null, payload text not null,
    document_id text, document_sha256 text, prev_hash text not null, hash text not null, field_digests text,
    primary key (tenant_id, seq))`.execute(handle.db);
  await sql`create index bench_journal_floor_by_case on bench_journal_floor (tenant_id, case_id, seq)`.execute(
    handle.db,
  );
  const cases = await handle.db.selectFrom('cases').select('case_id').limit(count).execute();
  const hex = (n: number) => randomBytes(n).toString('hex');
  const digests = JSON.stringify(
    Object.fromEntries(['c', 'a', 't', 'k', 'r', 'p', 'd'].map((k) => [k, hex(8)])),
  );
  const rows = Array.from({ length: count }, (_, i) => ({
    tenant_id: benchTenant,
    seq: i + 1,
    entry_id: `${hex(4)}-${hex(2)}-${hex(2)}-${hex(2)}-${hex(6)}`,
    case_id: cases[i % cases.length]?.case_id ?? null,
    action_id: `bench-${i}`,
    at: dueAt.email,
    kind: 'email_sent',
    actor: 'dispatcher',
    payload: JSON.stringify(samplePayload(i)),
    document_id: null,
    document_sha256: null,
    prev_hash: hex(32),
    hash: hex(32),
    field_digests: digests,
  }));
  return async () => {
    for (const row of rows) {
      await sql`insert into bench_journal_floor values (${row.tenant_id}, ${row.seq}, ${row.entry_id}, ${row.case_id},
        ${row.action_id}, ${row.at}, ${row.kind}, ${row.actor}, ${row.payload}, ${row.document_id},
        ${row.document_sha256}, ${row.prev_hash}, ${row.hash}, ${row.field_digests})`.execute(handle.db);
    }
    return {};
  };
}

async function prepare(name: string): Promise<() => Promise<Record<string, unknown>>> {
  switch (name) {
    case 'email':
    case 'sms':
    case 'letter':
      return dispatch(name);
    case 'email-floor':
      return emailFloor(false);
    case 'email-pooled':
      return emailFloor(true);
    case 'sms-floor':
      return smsFloor();
    case 'letter-floor':
      return letterFloor();
    case 'print-batch':
      return async () => {
        const batch = await buildPrintBatch(depsAt(`${dispatchDay}T16:00:00.000Z`), benchTenant, {
          on: dispatchDay,
        });
        return { letters: batch?.letters ?? 0, pages: batch?.pages ?? 0 };
      };
    case 'journal':
      return journal();
    case 'journal-floor':
      return journalFloor();
    case 'verify':
      return async () => {
        const report = await verifyEvidence(handle.db, benchTenant);
        return { ok: report.ok, entries: report.entriesChecked, documents: report.documentsChecked };
      };
    default:
      throw new Error(`unknown measurement ${name}`);
  }
}

async function measure(db: DatabaseHandle): Promise<void> {
  const run = await prepare(what);
  const started = performance.now();
  const result = await run();
  const seconds = (performance.now() - started) / 1000;
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ seconds, maxRssMb, dialect: db.dialect, ...result })}\n`);
}

try {
  await measure(handle);
} finally {
  await handle.close();
}
