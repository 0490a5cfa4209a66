import { spawn } from 'node:child_process';
import { addDays, COMPLIANCE_POLICIES, type ContactChannel, evaluateContact } from '@relance/core';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { systemClock } from '../../src/shared/clock.ts';
import { cliEnv, cliMain, describeEachCliDatabase, relance } from './cli-support.ts';

const CONTACT: Readonly<Record<string, ContactChannel>> = {
  email: 'email',
  sms: 'sms',
  letter: 'letter',
  registered_letter: 'registered_letter',
  formal_notice: 'registered_letter',
  call_task: 'call',
  ivr_call: 'ivr_call',
  agency_handover: 'letter',
  legal_handover: 'letter',
};

describeEachCliDatabase('relance run', (ctx) => {
  const today = systemClock.today();
  const hasDemo = async () => {
    const handle = ctx.db.open();
    try {
      const row = await handle.db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      return Number(row?.n ?? 0) > 0;
    } catch {
      return false;
    } finally {
      await handle.close();
    }
  };

  it('runs the demo portfolio day after day for a month: every action explained, none doubled, none outside the allowed hours', async () => {
    expect((await relance(ctx.db, ['demo', '--size', '40'])).code).toBe(0);
    const preview = await relance(ctx.db, ['--json', 'run', '--date', today, '--dry-run']);
    expect(preview.code, preview.stderr).toBe(0);
    const planned = JSON.parse(preview.stdout);
    expect(planned).toMatchObject({ dryRun: true, runId: null });
    // The text says each count apart from its channel's name, however long the name ("appel d’un conseiller").
    const french = (
      await relance(ctx.db, ['--lang', 'fr', 'run', '--date', today, '--dry-run'])
    ).stdout.split('\n');
    const listed = french.slice(
      french.indexOf('  Par canal :') + 1,
      french.indexOf('  Dossiers par étape :'),
    );
    expect(listed.length).toBeGreaterThan(2);
    for (const line of listed) expect(line).toMatch(/^ {4}\S.*\S {2,}\d[\d\s]*$/u);
    // A name as long as the old column (18) or longer is among them: the case that ran the count into it.
    expect(listed.some((line) => (line.trim().split(/ {2,}/)[0]?.length ?? 0) >= 18)).toBe(true);

    for (let day = today, i = 0; i < 31; i += 1, day = addDays(day, 1)) {
      const run = await relance(ctx.db, ['--json', 'run', '--date', day]);
      expect(run.code, `${day}: ${run.stderr}`).toBe(0);
      if (i === 0) expect(JSON.parse(run.stdout).actions).toBe(planned.actions);
      if (i % 10 === 0) {
        const again = JSON.parse((await relance(ctx.db, ['--json', 'run', '--date', day])).stdout);
        expect(again, `second run on ${day}`).toMatchObject({ cases: 0, actions: 0 });
      }
    }
    const text = await relance(ctx.db, ['--lang', 'en', 'run', '--date', addDays(today, 31), '--dry-run']);
    expect(text.stdout).toMatch(/Preview of the run of|Nothing to do/);

    const handle = ctx.db.open();
    try {
      const actions = await handle.db
        .selectFrom('actions as a')
        .innerJoin('cases as c', (j) =>
          j.onRef('c.tenant_id', '=', 'a.tenant_id').onRef('c.case_id', '=', 'a.case_id'),
        )
        .innerJoin('debtors as d', (j) =>
          j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
        )
        .select([
          'a.case_id',
          'a.action_key',
          'a.channel',
          'a.purpose',
          'a.status',
          'a.scheduled_at',
          'a.reason',
          'a.gate',
          'd.kind',
          'd.time_zone',
        ])
        .execute();
      expect(actions.length).toBeGreaterThan(40);
      expect(new Set(actions.map((a) => `${a.case_id}/${a.action_key}`)).size).toBe(actions.length);
      const channels = new Set(actions.map((a) => a.channel));
      for (const channel of ['email', 'call_task', 'letter', 'registered_letter', 'sms'])
        expect(channels).toContain(channel);
      for (const a of actions) {
        expect(JSON.parse(a.reason).reason.code).toBeTruthy();
        if (a.status === 'blocked') {
          expect(JSON.parse(a.gate).explanation.fr).toBeTruthy();
          continue;
        }
        const verdict = evaluateContact(
          COMPLIANCE_POLICIES['fr-default'],
          {
            channel: CONTACT[a.channel] ?? 'letter',
            purpose: a.purpose as 'reminder',
            at: a.scheduled_at ?? '',
            debtorKind: a.kind,
            timeZones: [a.time_zone],
            startedBy: 'engine',
            contact: { consent: 'unknown', validity: 'valid', optedOut: false },
            case: { ceaseContact: false, timeBarred: false, debtId: a.case_id },
          },
          { attempts: [], lastConversationAt: null },
        );
        expect(verdict.kind, `${a.channel} at ${a.scheduled_at}`).toBe('allowed');
      }
      const open = await handle.db
        .selectFrom('cases')
        .select(['stage', 'next_run_on', 'status'])
        .where('status', '=', 'open')
        .execute();
      // Every open case shows where it stands; those still climbing show their next date.
      expect(open.every((c) => c.stage !== 'new')).toBe(true);
      expect(
        open
          .filter((c) => c.stage === 'active' || c.stage === 'pre_due')
          .every((c) => c.next_run_on !== null),
      ).toBe(true);
    } finally {
      await handle.close();
    }
  }, 300_000);

  it('resumes a run killed with SIGKILL mid-way: no action lost, none doubled', async () => {
    const day = addDays(today, 45);
    // Every case back to new, the outbox emptied: a run with plenty to do (the demo is made when run alone).
    if (!(await hasDemo())) expect((await relance(ctx.db, ['demo', '--size', '40'])).code).toBe(0);
    const handle = ctx.db.open();
    await sql`delete from actions`.execute(handle.db);
    await sql`delete from run_batches`.execute(handle.db);
    await sql`update cases set strategy_key = null, stage = 'new', progress = null, next_run_on = '1970-01-01'`.execute(
      handle.db,
    );
    await handle.close();
    const preview = JSON.parse((await relance(ctx.db, ['--json', 'run', '--date', day, '--dry-run'])).stdout);
    expect(preview.cases).toBeGreaterThan(15);

    const child = spawn(
      process.execPath,
      [cliMain, '--db', ctx.db.url, 'run', '--date', day, '--batch-size', '2'],
      { cwd: ctx.db.dir, env: cliEnv() },
    );
    const watcher = ctx.db.open();
    try {
      for (let i = 0; i < 400; i++) {
        const done = await watcher.db
          .selectFrom('run_batches')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        if (Number(done.n) >= 3) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      const partial = await watcher.db
        .selectFrom('run_batches')
        .select((eb) => eb.fn.sum<number>('cases').as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(partial.n)).toBeLessThan(preview.cases);

      const resumed = await relance(ctx.db, ['--json', 'run', '--date', day]);
      expect(resumed.code, resumed.stderr).toBe(0);
      const total = await watcher.db
        .selectFrom('run_batches')
        .select((eb) => eb.fn.sum<number>('cases').as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(total.n)).toBe(preview.cases);
      const planned = await watcher.db
        .selectFrom('actions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('planned_on', '=', day)
        .executeTakeFirstOrThrow();
      expect(Number(planned.n)).toBe(preview.actions + preview.blocked);
      const again = JSON.parse((await relance(ctx.db, ['--json', 'run', '--date', day])).stdout);
      expect(again).toMatchObject({ cases: 0, actions: 0 });
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await watcher.close();
    }
  }, 120_000);
});
