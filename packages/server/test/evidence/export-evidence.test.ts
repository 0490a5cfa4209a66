import type { FastifyInstance } from 'fastify';
import { unzipSync } from 'fflate';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.ts';
import { appendEvidence, entryHash, sha256Hex, storeDocument } from '../../src/use-cases/evidence/journal.ts';
import { produceLetter } from '../../src/use-cases/letters/produce-letter.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { signInAs, testServer } from '../http/support.ts';
import { pdfFonts, pdfText } from '../letters/pdf-inspect.ts';
import { describeEachDatabase } from '../support/databases.ts';

const text = (s: string) => new TextEncoder().encode(s);
const read = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describeEachDatabase('evidence export', (ctx) => {
  let app: FastifyInstance;
  let tenant: SeededTenant;
  let other: SeededTenant;
  let caseId: string;
  let admin: { cookie: string };

  beforeAll(async () => {
    ({ app } = await testServer(ctx.handle));
    tenant = await seedTenant(ctx.handle.db, 'Export');
    other = await seedTenant(ctx.handle.db, 'Elsewhere');
    caseId = tenant.debtors.D1?.caseId ?? '';
    const db = ctx.handle.db;
    const t = tenant.tenantId;
    await db.transaction().execute(async (trx) => {
      const eml = await storeDocument(trx, {
        tenantId: t,
        caseId,
        kind: 'email',
        mediaType: 'message/rfc822',
        fileName: 'message.eml',
        content: text(
          'From: relance@acme.example\r\nTo: compta@dupont.example\r\nSubject: Facture F-1001\r\n\r\nBonjour',
        ),
        createdAt: '2026-03-02T08:00:00.000Z',
      });
      await appendEvidence(trx, {
        tenantId: t,
        caseId,
        at: '2026-03-02T08:00:00.000Z',
        kind: 'email_sent',
        actor: 'dispatcher',
        payload: {
          to: ['compta@dupont.example'],
          subject: 'Facture F-1001 : rappel',
          messageId: '<m1@relance>',
          provider: 'smtp',
        },
        document: eml,
      });
      await appendEvidence(trx, {
        tenantId: t,
        caseId,
        at: '2026-03-02T08:05:00.000Z',
        kind: 'delivery_event',
        actor: 'provider:smtp',
        payload: { event: 'delivered', messageId: '<m1@relance>' },
      });
    });
    // Another case's entry in between: the export must leave it out.
    await db.transaction().execute((trx) =>
      appendEvidence(trx, {
        tenantId: t,
        caseId: tenant.debtors.D5?.caseId ?? null,
        at: '2026-03-03T08:00:00.000Z',
        kind: 'sms_sent',
        actor: 'dispatcher',
        payload: { to: '+33612345678', text: 'Autre dossier' },
      }),
    );
    await db.transaction().execute(async (trx) => {
      const sms = await storeDocument(trx, {
        tenantId: t,
        caseId,
        kind: 'sms',
        mediaType: 'text/plain',
        fileName: 'sms.txt',
        content: text('ACME : votre facture F-1001 reste impayée.'),
        createdAt: '2026-03-05T09:00:00.000Z',
      });
      await appendEvidence(trx, {
        tenantId: t,
        caseId,
        at: '2026-03-05T09:00:00.000Z',
        kind: 'sms_sent',
        actor: 'dispatcher',
        payload: { to: '+33600000001', provider: 'builtin', providerMessageId: 'SM123' },
        document: sms,
      });
    });
    await db.transaction().execute((trx) =>
      produceLetter(trx, t, {
        actionId: newId(),
        caseId,
        kind: 'formal_notice',
        template: 'formal-notice',
        language: 'fr',
        today: '2026-03-10',
        actor: 'dispatcher',
        now: '2026-03-10T07:00:00.000Z',
      }),
    );
    // Recorded later, but it happened before the letter: the summary goes by date.
    await db.transaction().execute((trx) =>
      appendEvidence(trx, {
        tenantId: t,
        caseId,
        at: '2026-03-08T14:30:00.000Z',
        kind: 'call_outcome',
        actor: 'user:agent',
        payload: { outcome: 'promise', phone: '+33600000001' },
      }),
    );
    admin = await signInAs(app, tenant.users.admin.email);
    const note = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/notes`,
      headers: admin,
      payload: { text: 'Le gérant promet un virement vendredi.' },
    });
    expect(note.statusCode).toBe(201);
  });

  it('the timeline lists the case’s entries in journal order, in the reader’s language, with the note’s author', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/cases/${caseId}/evidence`,
      headers: { ...admin, 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(200);
    const entries = response.json() as { kind: string; kindName: string; summary: string; seq: number }[];
    expect(entries.map((e) => e.kind)).toEqual([
      'email_sent',
      'delivery_event',
      'sms_sent',
      'letter_produced',
      'call_outcome',
      'agent_note',
    ]);
    expect(entries[0]).toMatchObject({ kindName: 'E-mail sent' });
    expect(entries[0]?.summary).toContain('subject: Facture F-1001 : rappel');
    expect(entries[5]?.summary).toContain('Le gérant promet un virement vendredi.');
    expect(entries[5]?.summary).toContain('admin Export');
  });

  it('a document downloads as kept, and not from another tenant', async () => {
    const timeline = (
      await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/evidence`, headers: admin })
    ).json() as { document: { documentId: string; sha256: string } | null }[];
    const letter = timeline[3]?.document;
    if (!letter) throw new Error('no letter document');
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/documents/${letter.documentId}`,
      headers: admin,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(sha256Hex(response.rawPayload)).toBe(letter.sha256);
    const outsider = await signInAs(app, other.users.admin.email);
    const refused = await app.inject({
      method: 'GET',
      url: `/api/v1/documents/${letter.documentId}`,
      headers: outsider,
    });
    expect(refused.statusCode).toBe(404);
  });

  it('the evidence file holds every contact in order, the documents as kept, the journal and the verification', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/cases/${caseId}/evidence.zip`,
      headers: admin,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(response.rawPayload));
    const names = Object.keys(files).sort();
    expect(names).toEqual([
      '00-summary.pdf',
      '01-2026-03-02-email_sent-m1_relance.eml',
      '02-2026-03-05-sms_sent-SM123.txt',
      '03-2026-03-10-letter_produced-L-2026-000001.pdf',
      'README.txt',
      'claims.csv',
      'journal.json',
      'verification.txt',
    ]);
    expect(read(files['02-2026-03-05-sms_sent-SM123.txt']!)).toBe(
      'ACME : votre facture F-1001 reste impayée.',
    );

    // Every hash in verification.txt matches its file.
    const verification = read(files['verification.txt']!);
    for (const name of names.filter((n) => n !== 'verification.txt'))
      expect(verification).toContain(`${sha256Hex(files[name]!)}  ${name}`);
    expect(verification).toContain('Chaîne intègre');

    // journal.json: the case's six entries, each hash recomputable by the README's rule.
    const journal = JSON.parse(read(files['journal.json']!)) as {
      head: { seq: number; hash: string };
      entries: (Parameters<typeof entryHash>[0] & { hash: string; file: string | null })[];
    };
    expect(journal.entries.map((e) => e.kind)).toEqual([
      'email_sent',
      'delivery_event',
      'sms_sent',
      'letter_produced',
      'call_outcome',
      'agent_note',
    ]);
    for (const e of journal.entries) {
      expect(entryHash(e)).toBe(e.hash);
      if (e.file) expect(sha256Hex(files[e.file]!)).toBe(e.documentSha256);
    }
    expect(journal.head.seq).toBe(7);
    expect(read(files['README.txt']!)).toContain('JSON.stringify([');
    expect(read(files['claims.csv']!)).toContain('F-1001;');

    // The summary, read as a person reads it: the contacts by date, with their seq and hash.
    const summary = files['00-summary.pdf']!;
    expect(pdfFonts(summary).some((f) => f.name.includes('DejaVuSans') && f.embedded)).toBe(true);
    const pdf = pdfText(summary);
    const order = [
      'Boulangerie Dupont',
      'F-1001',
      'E-mail envoyé',
      'Événement de remise',
      'SMS envoyé',
      'Résultat d’appel',
      'Courrier produit',
      'L-2026-000001',
      'Note d’agent',
      'Le gérant promet un virement vendredi.',
      'Chaîne intègre',
      journal.head.hash,
    ];
    // The head is also the last entry's hash: its last mention is the verification's.
    const positions = order.map((s, i) => (i === order.length - 1 ? pdf.lastIndexOf(s) : pdf.indexOf(s)));
    expect(
      positions.every((p) => p >= 0),
      JSON.stringify(order.filter((_, i) => (positions[i] ?? -1) < 0)),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const e of journal.entries) expect(pdf).toContain(e.hash);
    expect(pdf).not.toContain('Autre dossier');
  });

  it('an export after an alteration says the chain is broken', async () => {
    await sql`update evidence set payload = '{}' where tenant_id = ${tenant.tenantId} and seq = 2`.execute(
      ctx.handle.db,
    );
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/cases/${caseId}/evidence.zip`,
      headers: { ...admin, 'accept-language': 'en' },
    });
    const files = unzipSync(new Uint8Array(response.rawPayload));
    expect(read(files['verification.txt']!)).toContain('Chain BROKEN');
    expect(pdfText(files['00-summary.pdf']!)).toContain('evidence chain is broken');
    const verify = await app.inject({ method: 'GET', url: '/api/v1/evidence/verify', headers: admin });
    expect(verify.json()).toMatchObject({
      ok: false,
      tenants: [{ problems: [{ kind: 'payload_altered', seq: 2 }] }],
    });
    const agent = await signInAs(app, tenant.users.agent.email);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/evidence/verify', headers: agent })).statusCode,
    ).toBe(403);
  });
});
