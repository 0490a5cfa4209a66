import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { newId } from '../../src/db/ids.ts';
import { describeProblem } from '../../src/use-cases/evidence/evidence-words.ts';
import { appendEvidence, storeDocument } from '../../src/use-cases/evidence/journal.ts';
import { verifyEvidence } from '../../src/use-cases/evidence/verify-evidence.ts';
import { describeEachDatabase } from '../support/databases.ts';

/** A tenant with `count` entries written through the journal; every third carries a document. */
async function chain(handle: DatabaseHandle, count: number): Promise<string> {
  const tenantId = newId();
  const caseId = newId();
  for (let i = 1; i <= count; i += 1) {
    await handle.db.transaction().execute(async (trx) => {
      const document =
        i % 3 === 0
          ? await storeDocument(trx, {
              tenantId,
              caseId,
              kind: 'letter',
              mediaType: 'application/pdf',
              fileName: `letter-${i}.pdf`,
              content: new TextEncoder().encode(`%PDF letter ${i}`),
              createdAt: `2026-03-${String(i).padStart(2, '0')}T09:00:00.000Z`,
            })
          : null;
      await appendEvidence(trx, {
        tenantId,
        caseId,
        at: `2026-03-${String(i).padStart(2, '0')}T09:00:00.000Z`,
        kind: i % 3 === 0 ? 'letter_produced' : 'email_sent',
        actor: 'dispatcher',
        payload: { to: 'compta@dupont.example', subject: `Relance ${i}` },
        document,
      });
    });
  }
  return tenantId;
}

async function verdict(handle: DatabaseHandle, tenantId: string) {
  const report = await verifyEvidence(handle.db, tenantId);
  const tenant = report.tenants[0];
  if (!tenant) throw new Error('no tenant in the report');
  return { report, tenant, first: tenant.problems[0] };
}

describeEachDatabase('evidence verification', (ctx) => {
  it('an untouched chain verifies, every entry and document checked', async () => {
    const tenantId = await chain(ctx.handle, 7);
    const { report, tenant } = await verdict(ctx.handle, tenantId);
    expect(report.ok).toBe(true);
    expect(tenant).toMatchObject({ entriesChecked: 7, documentsChecked: 2, problems: [] });
    expect(tenant.head?.seq).toBe(7);
  });

  it('detects a payload altered with SQL, and says so in both languages', async () => {
    const tenantId = await chain(ctx.handle, 5);
    await ctx.handle.db
      .updateTable('evidence')
      .set({ payload: JSON.stringify({ to: 'someone@else.example', subject: 'Relance 3' }) })
      .where('tenant_id', '=', tenantId)
      .where('seq', '=', 3)
      .execute();
    const { report, first } = await verdict(ctx.handle, tenantId);
    expect(report.ok).toBe(false);
    expect(first).toMatchObject({ kind: 'payload_altered', seq: 3 });
    expect(describeProblem(first!, 'fr')).toContain('Entrée n° 3');
    expect(describeProblem(first!, 'en')).toContain('Entry #3');
  });

  it('detects a date altered with SQL', async () => {
    const tenantId = await chain(ctx.handle, 5);
    await sql`update evidence set at = '2026-01-01T09:00:00.000Z' where tenant_id = ${tenantId} and seq = 2`.execute(
      ctx.handle.db,
    );
    const { first } = await verdict(ctx.handle, tenantId);
    expect(first).toMatchObject({ kind: 'date_altered', seq: 2 });
  });

  it('detects a deleted entry, in the middle and at the end', async () => {
    const middle = await chain(ctx.handle, 5);
    await sql`delete from evidence where tenant_id = ${middle} and seq = 3`.execute(ctx.handle.db);
    expect((await verdict(ctx.handle, middle)).first).toMatchObject({ kind: 'entry_deleted', seq: 3 });

    const end = await chain(ctx.handle, 5);
    await sql`delete from evidence where tenant_id = ${end} and seq = 5`.execute(ctx.handle.db);
    expect((await verdict(ctx.handle, end)).first).toMatchObject({ kind: 'entry_deleted', seq: 5 });
  });

  it('detects two entries whose seqs were swapped', async () => {
    const tenantId = await chain(ctx.handle, 5);
    const swap = async (from: number, to: number) =>
      sql`update evidence set seq = ${to} where tenant_id = ${tenantId} and seq = ${from}`.execute(
        ctx.handle.db,
      );
    await swap(2, 1000);
    await swap(3, 2);
    await swap(1000, 3);
    const { tenant, first } = await verdict(ctx.handle, tenantId);
    expect(first).toMatchObject({ kind: 'entries_reordered', seq: 2, detail: { writtenAt: 3 } });
    expect(tenant.problems[1]).toMatchObject({ kind: 'entries_reordered', seq: 3, detail: { writtenAt: 2 } });
  });

  it('detects a document whose bytes were replaced, even with its sha256 column updated', async () => {
    const tenantId = await chain(ctx.handle, 6);
    const entry = await ctx.handle.db
      .selectFrom('evidence')
      .select('document_id')
      .where('tenant_id', '=', tenantId)
      .where('seq', '=', 6)
      .executeTakeFirstOrThrow();
    await ctx.handle.db
      .updateTable('documents')
      .set({ content: new TextEncoder().encode('%PDF forged'), sha256: 'f'.repeat(64) })
      .where('tenant_id', '=', tenantId)
      .where('document_id', '=', entry.document_id!)
      .execute();
    const { first } = await verdict(ctx.handle, tenantId);
    expect(first).toMatchObject({
      kind: 'document_altered',
      seq: 6,
      detail: { documentId: entry.document_id },
    });
  });

  it('detects a head that no longer matches the last entry', async () => {
    const tenantId = await chain(ctx.handle, 3);
    await sql`update evidence_heads set hash = ${'a'.repeat(64)} where tenant_id = ${tenantId}`.execute(
      ctx.handle.db,
    );
    expect((await verdict(ctx.handle, tenantId)).first).toMatchObject({ kind: 'head_mismatch', seq: 3 });
  });

  it('detects an entry whose hash was recomputed to hide an alteration: the next link breaks', async () => {
    const tenantId = await chain(ctx.handle, 4);
    await sql`update evidence set hash = ${'b'.repeat(64)} where tenant_id = ${tenantId} and seq = 2`.execute(
      ctx.handle.db,
    );
    const { tenant } = await verdict(ctx.handle, tenantId);
    expect(tenant.ok).toBe(false);
    expect(tenant.problems[0]).toMatchObject({ seq: 2 });
  });

  it('checks every tenant when asked for all, and one tenant’s break does not mark another’s', async () => {
    const good = await chain(ctx.handle, 2);
    const report = await verifyEvidence(ctx.handle.db, 'all');
    expect(report.ok).toBe(false);
    expect(report.tenants.find((t) => t.tenantId === good)?.ok).toBe(true);
  });

  it('concurrent appends give one valid chain with no duplicate seq', async () => {
    const tenantId = newId();
    const writers = Array.from({ length: 12 }, (_, i) =>
      ctx.handle.db.transaction().execute(async (trx) => {
        await appendEvidence(trx, {
          tenantId,
          caseId: null,
          at: '2026-03-16T10:00:00.000Z',
          kind: 'agent_note',
          actor: `user:${i}`,
          payload: { text: `note ${i}` },
        });
        await appendEvidence(trx, {
          tenantId,
          caseId: null,
          at: '2026-03-16T10:00:00.000Z',
          kind: 'agent_note',
          actor: `user:${i}`,
          payload: { text: `second note ${i}` },
        });
      }),
    );
    await Promise.all(writers);
    const { report, tenant } = await verdict(ctx.handle, tenantId);
    expect(report.ok).toBe(true);
    expect(tenant.entriesChecked).toBe(24);
    const seqs = await ctx.handle.db
      .selectFrom('evidence')
      .select('seq')
      .where('tenant_id', '=', tenantId)
      .orderBy('seq')
      .execute();
    expect(seqs.map((r) => Number(r.seq))).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });
});
