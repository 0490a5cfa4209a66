import { addDays, COMPLIANCE_POLICIES, evaluateContact, isoWeekday } from '@relance/core';
import { expect, it } from 'vitest';
import { importWorld } from '../../../test/fixtures/import-world.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { fixedClock } from '../../shared/clock.ts';
import type { Deps } from '../../shared/deps.ts';
import { importClaims } from '../imports/import-claims.ts';
import { recordCaseEvent } from './record-case-event.ts';
import { runDailyDunning } from './run-daily-dunning.ts';

const row = (
  invoice: string,
  due: string,
  amount: string,
  name: string,
  extra: Record<string, string> = {},
) => ({
  'N° facture': invoice,
  'Date facture': addDays(due, -30),
  "Date d'échéance": due,
  'Montant TTC': amount,
  'Reste à payer': amount,
  'Raison sociale': name,
  'E-mail': `${invoice.toLowerCase()}@exemple.fr`,
  Téléphone: '06 12 34 56 78',
  Adresse: '12 rue de la Paix',
  'Code postal': '75002',
  Ville: 'Paris',
  ...extra,
});

async function world(handle: DatabaseHandle, rows: readonly Record<string, string>[]) {
  const w = await importWorld(handle);
  const deps: Deps = { ...w.deps, clock: fixedClock('2026-02-20T09:00:00.000Z') };
  await importClaims(deps, w.actor, { creditorRef: 'ACME', source: { kind: 'rows', rows } });
  const on = (day: string): Deps => ({ ...deps, clock: fixedClock(`${day}T05:00:00.000Z`) });
  return { ...w, deps, on };
}

async function actionsOf(handle: DatabaseHandle, tenantId: string) {
  return handle.db
    .selectFrom('actions as a')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.tenant_id', '=', 'a.tenant_id').onRef('c.case_id', '=', 'a.case_id'),
    )
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .select([
      'd.name',
      'a.planned_on',
      'a.channel',
      'a.status',
      'a.scheduled_at',
      'a.action_key',
      'a.purpose',
      'a.reason',
      'd.kind',
      'd.time_zone',
    ])
    .where('a.tenant_id', '=', tenantId)
    .orderBy('a.planned_on')
    .orderBy('d.name')
    .orderBy('a.action_key')
    .execute();
}

describeEachDatabase('runDailyDunning', (ctx) => {
  it('runs a portfolio day after day for two months: the ladders, each action explained, none doubled, all inside the allowed windows', async () => {
    const w = await world(ctx.handle, [
      row('B-1', '2026-03-10', '1 200,00', 'Dupont SARL', { SIREN: '732 829 320' }),
      row('C-1', '2026-03-10', '80,00', 'Jean Martin'),
      row('S-1', '2026-03-10', '150,00', 'Odette Lemoine'),
    ]);
    await ctx.handle.db
      .updateTable('debtors')
      .set({ tags: '["senior"]' })
      .where('tenant_id', '=', w.tenantId)
      .where('name', '=', 'Odette Lemoine')
      .execute();

    for (let day = '2026-03-01'; day <= '2026-05-10'; day = addDays(day, 1)) {
      const first = await runDailyDunning(w.on(day), w.tenantId, { runOn: day });
      const second = await runDailyDunning(w.on(day), w.tenantId, { runOn: day });
      expect(second, `second run on ${day}`).toMatchObject({ cases: 0, actions: 0 });
      expect(first.blocked, `blocked on ${day}`).toBe(0);
    }

    const actions = await actionsOf(ctx.handle, w.tenantId);
    const ladder = (name: string) =>
      actions.filter((a) => a.name === name).map((a) => `${a.planned_on} ${a.channel}`);
    expect(ladder('Dupont SARL')).toEqual([
      '2026-03-05 email',
      '2026-03-11 call_task',
      '2026-03-15 email',
      '2026-03-22 letter',
      '2026-03-29 registered_letter',
      '2026-04-05 registered_letter',
      '2026-04-12 registered_letter',
      '2026-04-19 formal_notice',
      '2026-05-04 agency_handover',
    ]);
    expect(ladder('Jean Martin')).toEqual([
      '2026-03-07 sms',
      '2026-03-12 sms',
      '2026-03-12 email',
      '2026-03-17 ivr_call',
      '2026-03-22 sms',
      '2026-03-22 email',
      '2026-03-28 call_task',
      '2026-04-07 letter',
      '2026-04-21 formal_notice',
      '2026-05-06 agency_handover',
    ]);
    expect(ladder('Odette Lemoine')).toEqual([
      '2026-03-13 call_task',
      '2026-03-18 letter',
      '2026-03-25 call_task',
      '2026-04-04 registered_letter',
      '2026-04-11 call_task',
      '2026-04-25 formal_notice',
    ]);
    expect(new Set(actions.map((a) => `${a.name}/${a.action_key}`)).size).toBe(actions.length);

    const policy = COMPLIANCE_POLICIES['fr-default'];
    for (const a of actions) {
      expect(JSON.parse(a.reason).reason.code).toMatch(/step_due|channel_switched/);
      expect(a.status).toBe(
        a.purpose === 'formal_notice' || a.channel === 'agency_handover' ? 'review' : 'planned',
      );
      const at = a.scheduled_at ?? '';
      // The action goes on its planned day or the next day the window opens, never before.
      expect(at.slice(0, 10) >= a.planned_on).toBe(true);
      const verdict = evaluateContact(
        policy,
        {
          channel:
            a.channel === 'call_task'
              ? 'call'
              : a.channel === 'formal_notice' || a.channel === 'registered_letter'
                ? 'registered_letter'
                : a.channel === 'agency_handover'
                  ? 'letter'
                  : (a.channel as 'email' | 'sms' | 'letter' | 'ivr_call'),
          purpose: a.purpose as 'reminder',
          at,
          debtorKind: a.kind,
          timeZones: [a.time_zone],
          startedBy: 'engine',
          contact: { consent: 'unknown', validity: 'valid', optedOut: false },
          case: { ceaseContact: false, timeBarred: false, debtId: 'x' },
        },
        { attempts: [], lastConversationAt: null },
      );
      expect(verdict.kind, `${a.name} ${a.channel} at ${at}`).toBe('allowed');
      if (a.channel === 'call_task') expect(isoWeekday(at.slice(0, 10))).toBeLessThan(6);
    }

    const cases = await ctx.handle.db
      .selectFrom('cases')
      .select(['stage', 'next_run_on'])
      .where('tenant_id', '=', w.tenantId)
      .execute();
    // Every ladder has reached its end by 10 May: the cases wait for a person (hand-over review).
    expect(cases.map((c) => [c.stage, c.next_run_on])).toEqual([
      ['exhausted', null],
      ['exhausted', null],
      ['exhausted', null],
    ]);
  });

  it('resumes a run that died between batches: no action lost, none doubled', async () => {
    const rows = Array.from({ length: 23 }, (_, i) =>
      row(`K-${i}`, '2026-03-01', '100,00', `Client ${i}`, { SIREN: '' }),
    );
    const w = await world(ctx.handle, rows);
    let batches = 0;
    await expect(
      runDailyDunning(w.on('2026-03-05'), w.tenantId, {
        runOn: '2026-03-05',
        batchSize: 5,
        onBatch: () => {
          batches += 1;
          if (batches === 2) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    const partial = await actionsOf(ctx.handle, w.tenantId);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(23 * 2);
    const resumed = await runDailyDunning(w.on('2026-03-05'), w.tenantId, {
      runOn: '2026-03-05',
      batchSize: 5,
    });
    const all = await actionsOf(ctx.handle, w.tenantId);
    expect(resumed.cases).toBe(23 - 10);
    // Each run counted the queue it started with (the live view's "cases remaining" follows from it).
    const runs = await ctx.handle.db
      .selectFrom('runs')
      .select(['status', 'cases_due'])
      .where('tenant_id', '=', w.tenantId)
      .orderBy('started_at')
      .orderBy('run_id')
      .execute();
    expect(runs.map((r) => r.cases_due).sort((a, b) => Number(b) - Number(a))).toEqual([23, 13]);
    expect(new Set(all.map((a) => `${a.name}/${a.action_key}`)).size).toBe(all.length);
    const perCase = new Map<string, number>();
    for (const a of all) perCase.set(a.name, (perCase.get(a.name) ?? 0) + 1);
    expect([...perCase.values()].every((n) => n === perCase.get('Client 0'))).toBe(true);
    expect(perCase.size).toBe(23);
  });

  it('writes the same with the reader thread as on one thread (SQLite shares a run of several batches with a thread)', async () => {
    const rows = Array.from({ length: 26 }, (_, i) =>
      row(`P-${i}`, addDays('2026-03-01', -(i % 7) * 9), `${100 + i},00`, `Client ${i}`, { SIREN: '' }),
    );
    const runs = async (pipeline: boolean) => {
      const w = await world(ctx.handle, rows);
      const reports = [];
      for (const day of ['2026-03-05', '2026-03-06', '2026-03-12']) {
        reports.push(await runDailyDunning(w.on(day), w.tenantId, { runOn: day, batchSize: 4, pipeline }));
      }
      const cases = await ctx.handle.db
        .selectFrom('cases as c')
        .innerJoin('debtors as d', (j) =>
          j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
        )
        .select([
          'd.name',
          'c.strategy_key',
          'c.stage',
          'c.progress',
          'c.next_run_on',
          // Ids made from the texts: the same id is the same text.
          'c.next_action_text',
          'c.notes_text',
        ])
        .where('c.tenant_id', '=', w.tenantId)
        .orderBy('d.name')
        .execute();
      const batches = await ctx.handle.db
        .selectFrom('run_batches')
        .select(['cases', 'actions', 'by_channel'])
        .where('tenant_id', '=', w.tenantId)
        .execute();
      return { reports, actions: await actionsOf(ctx.handle, w.tenantId), cases, batches };
    };
    const threaded = await runs(true);
    const alone = await runs(false);
    const dialect = ctx.handle.dialect;
    expect(threaded.reports.map((r) => r.pipelined)).toEqual(
      dialect === 'sqlite' ? [true, false, false] : [false, false, false],
    );
    expect(alone.reports.every((r) => !r.pipelined)).toBe(true);
    const strip = (r: Awaited<ReturnType<typeof runDailyDunning>>) => ({
      ...r,
      runId: null,
      pipelined: null,
    });
    expect(threaded.reports.map(strip)).toEqual(alone.reports.map(strip));
    expect(threaded.reports[0]).toMatchObject({ cases: 26 });
    expect(threaded.actions).toEqual(alone.actions);
    expect(threaded.actions.length).toBeGreaterThan(26);
    expect(threaded.cases).toEqual(alone.cases);
    const sum = (b: typeof alone.batches) => ({
      cases: b.reduce((n, x) => n + x.cases, 0),
      actions: b.reduce((n, x) => n + x.actions, 0),
      byChannel: b.reduce<Record<string, number>>((acc, x) => {
        for (const [k, n] of Object.entries(JSON.parse(x.by_channel ?? '{}') as Record<string, number>))
          acc[k] = (acc[k] ?? 0) + n;
        return acc;
      }, {}),
    });
    expect(sum(threaded.batches)).toEqual(sum(alone.batches));
    expect(sum(threaded.batches).actions).toBe(threaded.actions.length);
  });

  it('previews a day without writing anything', async () => {
    const w = await world(ctx.handle, [
      row('B-1', '2026-03-10', '1 200,00', 'Dupont SARL', { SIREN: '732 829 320' }),
    ]);
    const preview = await runDailyDunning(w.on('2026-03-20'), w.tenantId, {
      runOn: '2026-03-20',
      dryRun: true,
    });
    expect(preview).toMatchObject({ dryRun: true, runId: null, cases: 1, actions: 1 });
    expect(preview.preview).toMatchObject([{ channel: 'email', stepKey: 'reminder-email' }]);
    expect(await actionsOf(ctx.handle, w.tenantId)).toEqual([]);
    const runs = await ctx.handle.db
      .selectFrom('runs')
      .select('run_id')
      .where('tenant_id', '=', w.tenantId)
      .execute();
    expect(runs).toEqual([]);
  });

  it('reacts to a promise recorded on the case: confirmation at once, ladder paused until the date plus grace', async () => {
    const w = await world(ctx.handle, [
      row('B-1', '2026-03-10', '1 200,00', 'Dupont SARL', { SIREN: '732 829 320' }),
    ]);
    await runDailyDunning(w.on('2026-03-11'), w.tenantId, { runOn: '2026-03-11' });
    const kase = await ctx.handle.db
      .selectFrom('cases')
      .select('case_id')
      .where('tenant_id', '=', w.tenantId)
      .executeTakeFirstOrThrow();
    await recordCaseEvent(w.on('2026-03-12'), w.actor, kase.case_id, {
      kind: 'promise',
      on: '2026-03-12',
      dueOn: '2026-03-25',
      amountMinor: 120_000,
    });
    const day = await runDailyDunning(w.on('2026-03-12'), w.tenantId, { runOn: '2026-03-12' });
    expect(day).toMatchObject({ cases: 1, actions: 1, byChannel: { email: 1 } });
    const after = await ctx.handle.db
      .selectFrom('cases')
      .select(['stage', 'next_run_on'])
      .where('tenant_id', '=', w.tenantId)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ stage: 'promise', next_run_on: '2026-03-28' });
    for (const d of ['2026-03-13', '2026-03-20', '2026-03-27']) {
      expect(await runDailyDunning(w.on(d), w.tenantId, { runOn: d })).toMatchObject({ cases: 0 });
    }
    const broken = await runDailyDunning(w.on('2026-03-28'), w.tenantId, { runOn: '2026-03-28' });
    // The B2B ladder jumps to the formal notice, and an agent calls at once (back in the call queue).
    expect(broken.byChannel).toEqual({ call_task: 1, formal_notice: 1 });
  });

  it('looks again at a case whose claims an import changed: paid in full, the ladder stops at the next run', async () => {
    const w = await world(ctx.handle, [
      row('B-1', '2026-03-10', '1 200,00', 'Dupont SARL', { SIREN: '732 829 320' }),
    ]);
    await runDailyDunning(w.on('2026-03-11'), w.tenantId, { runOn: '2026-03-11' });
    const before = await ctx.handle.db
      .selectFrom('cases')
      .select(['stage', 'next_run_on'])
      .where('tenant_id', '=', w.tenantId)
      .executeTakeFirstOrThrow();
    expect(before).toEqual({ stage: 'active', next_run_on: '2026-03-15' });
    const paid = {
      ...row('B-1', '2026-03-10', '1 200,00', 'Dupont SARL', { SIREN: '732 829 320' }),
      'Reste à payer': '0,00',
    };
    await importClaims(w.on('2026-03-12'), w.actor, {
      creditorRef: 'ACME',
      source: { kind: 'rows', rows: [paid] },
    });
    const queued = await ctx.handle.db
      .selectFrom('cases')
      .select(['status', 'next_run_on'])
      .where('tenant_id', '=', w.tenantId)
      .executeTakeFirstOrThrow();
    expect(queued).toEqual({ status: 'closed', next_run_on: '2026-03-12' });
    const day = await runDailyDunning(w.on('2026-03-12'), w.tenantId, { runOn: '2026-03-12' });
    expect(day).toMatchObject({ cases: 1, actions: 0, byStage: { completed: 1 } });
  });
});
