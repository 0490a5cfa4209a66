import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '@relance/core';
import { simpleParser } from 'mailparser';
import { expect, it } from 'vitest';
import { pointAtDemoMailbox } from '../../src/channels/email/demo-mailbox.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import type { Deps } from '../../src/shared/deps.ts';
import { dispatchDue } from '../../src/use-cases/dispatch/dispatch-due.ts';
import { reviewAction } from '../../src/use-cases/dunning/review-action.ts';
import { runDailyDunning } from '../../src/use-cases/dunning/run-daily-dunning.ts';
import { readDocument } from '../../src/use-cases/evidence/journal.ts';
import { setUpDemo } from '../../src/use-cases/setup/set-up-demo.ts';
import { pdfPages, pdfText } from '../letters/pdf-inspect.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { startSmtpPeer } from './smtp-peer.ts';

const START = '2026-03-02';
const DAYS = 30;
/** The dispatcher looks at the outbox at these UTC hours (morning, midday, afternoon, evening in Paris). */
const DISPATCH_HOURS = ['07', '10', '13', '16', '19'];

describeEachDatabase('a month on the demo: daily runs and the dispatcher', (ctx) => {
  it('sends real e-mails to an SMTP server, SMS to the built-in provider, and produces letters and formal notices a person can read', async () => {
    const smtp = await startSmtpPeer();
    try {
      const at = (instant: string): Deps => ({
        database: ctx.handle,
        clock: fixedClock(instant),
        dataDir: mkdtempSync(join(tmpdir(), 'relance-month-')),
      });
      const demo = await setUpDemo(at(`${START}T05:00:00.000Z`), { size: 80, seed: 7, today: START });
      const tenantId = demo.tenant.tenantId;
      await pointAtDemoMailbox(ctx.handle.db, tenantId, smtp.port, `${START}T05:00:00.000Z`);
      const supervisor = {
        tenantId,
        kind: 'user' as const,
        id: 'supervisor',
        role: 'admin' as const,
        creditorId: null,
      };

      for (let i = 0, day = START; i < DAYS; i++, day = addDays(day, 1)) {
        await runDailyDunning(at(`${day}T05:00:00.000Z`), tenantId, { runOn: day });
        // A supervisor approves what waits for review (formal notices, hand-overs) every morning.
        const waiting = await ctx.handle.db
          .selectFrom('actions')
          .select('action_id')
          .where('tenant_id', '=', tenantId)
          .where('status', '=', 'review')
          .execute();
        for (const a of waiting)
          await reviewAction(at(`${day}T06:00:00.000Z`), supervisor, a.action_id, 'approve');
        for (const hour of DISPATCH_HOURS) {
          const totals = await dispatchDue(at(`${day}T${hour}:00:00.000Z`), tenantId);
          expect(totals.failed + totals.unconfirmed, `${day} ${hour}h`).toBe(0);
        }
      }

      const sent = await ctx.handle.db
        .selectFrom('actions')
        .select(['action_id', 'channel', 'status', 'message_id', 'provider_message_id', 'document_id'])
        .where('tenant_id', '=', tenantId)
        // The built-in SMS provider reports delivery at once: its messages are `delivered`.
        .where('status', 'in', ['sent', 'delivered'])
        .execute();
      const byChannel = Object.groupBy(sent, (a) => a.channel);

      // E-mails: each arrived once, with its Message-ID, HTML and text.
      const emails = byChannel.email ?? [];
      expect(emails.length).toBeGreaterThan(0);
      expect(smtp.received).toHaveLength(emails.length);
      const ids = new Set(
        smtp.received.map((m) => /^Message-ID: (<[^>]+>)/im.exec(m.raw.toString('latin1'))?.[1]),
      );
      for (const e of emails) expect(ids.has(e.message_id ?? '')).toBe(true);
      const first = await simpleParser(smtp.received[0]?.raw ?? Buffer.alloc(0));
      expect(first.html).toBeTruthy();
      expect(first.text).toBeTruthy();

      // SMS: in the built-in provider's store, one per action.
      const texts = await ctx.handle.db
        .selectFrom('builtin_sms')
        .select('idempotency_key')
        .where('tenant_id', '=', tenantId)
        .execute();
      expect(texts.length).toBe((byChannel.sms ?? []).length);
      expect(texts.length).toBeGreaterThan(0);

      // Letters and formal notices: postal items with their PDFs.
      const postal = await ctx.handle.db
        .selectFrom('postal_items')
        .select(['kind', 'document_id', 'reference'])
        .where('tenant_id', '=', tenantId)
        .execute();
      const kinds = new Set(postal.map((p) => p.kind));
      expect(kinds.has('formal_notice')).toBe(true);
      expect(postal.length).toBe(
        (byChannel.letter ?? []).length +
          (byChannel.registered_letter ?? []).length +
          (byChannel.formal_notice ?? []).length,
      );
      const notice = postal.find((p) => p.kind === 'formal_notice');
      const pdf = await readDocument(ctx.handle.db, tenantId, notice?.document_id ?? '');
      expect(pdf?.mediaType).toBe('application/pdf');
      const text = pdfText(pdf?.content ?? new Uint8Array());
      // The mandatory mentions of a formal notice: its name, the reference, the demand, the deadline, the amounts.
      expect(text).toMatch(/mise en demeure/i);
      expect(text).toContain(notice?.reference ?? '');
      expect(text).toContain('je vous mets en demeure');
      expect(text).toMatch(/principal/i);
      expect(text).toMatch(/intérêts/i);
      expect(text).toMatch(/\d{1,3}(?:[\s\u00a0]\d{3})*,\d{2}[\s\u00a0]?€/);
      const pages = pdfPages(pdf?.content ?? new Uint8Array());
      expect(pages.length).toBeGreaterThan(0);
      // A real page: A4 proportions, ink on it (not blank), mostly white paper.
      expect(pages[0]?.height ?? 0).toBeGreaterThan((pages[0]?.width ?? 0) * 1.3);
      expect(pages[0]?.darkShare ?? 0).toBeGreaterThan(0.01);
      expect(pages[0]?.darkShare ?? 1).toBeLessThan(0.5);
    } finally {
      await smtp.close();
    }
  }, 300_000);
});
