import { DEFAULT_SCRIPTS, NEW_PROGRESS } from '@relance/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type SeededTenant, seedTenant } from '../../http/seed.ts';
import { signInAs, testServer } from '../../http/support.ts';
import { describeEachDatabase } from '../../support/databases.ts';

const stepScript = {
  start: 'open',
  nodes: {
    open: {
      say: 'Relance téléphonique pour {{debtor.name}} : {{balance.total}} restent dus.',
      arguments: ['Référence de virement : {{payment.reference}}'],
      answers: [
        { label: 'Paiera', next: 'end', suggest: 'promise', action: 'promise' },
        { label: 'Conteste', reason: 'dissatisfaction', suggest: 'dispute', action: 'dispute' },
      ],
    },
    end: { say: 'Merci {{debtor.name}}.' },
  },
};

describeEachDatabase('call scripts', (ctx) => {
  let app: FastifyInstance;
  let tenant: SeededTenant;
  let agent: { cookie: string };
  let supervisor: { cookie: string };

  beforeAll(async () => {
    ({ app } = await testServer(ctx.handle));
    tenant = await seedTenant(ctx.handle.db, 'S');
    agent = await signInAs(app, 'agent@s.example');
    supervisor = await signInAs(app, 'supervisor@s.example');
  });
  afterAll(async () => {
    await app?.close();
  });

  const call = (
    method: 'GET' | 'PUT',
    url: string,
    who: { cookie: string },
    payload?: unknown,
    language = 'fr',
  ) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...who, 'accept-language': language },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  it('lists the shipped default scripts until a tenant saves its own', async () => {
    const list = await call('GET', '/call-scripts', agent);
    expect(list.statusCode, list.body).toBe(200);
    expect(
      list
        .json()
        .map((s: { key: string; language: string; version: number }) => [s.key, s.language, s.version]),
    ).toEqual([
      ['default', 'en', 0],
      ['default', 'fr', 0],
    ]);
    const fr = await call('GET', '/call-scripts/default?language=fr', agent);
    expect(fr.json()).toMatchObject({ version: 0, definition: DEFAULT_SCRIPTS.fr.definition, versions: [] });
    expect((await call('GET', '/call-scripts/nope?language=fr', agent)).statusCode).toBe(404);
  });

  it('refuses a broken script with each mistake located at its node, in French and English', async () => {
    const broken = {
      language: 'fr',
      title: 'Cassé',
      definition: {
        start: 'a',
        nodes: {
          a: { say: 'Bonjour {{debtor.nom}}', answers: [{ label: '', next: 'zz' }, { label: 'fin' }] },
          orphan: { say: 'jamais' },
        },
      },
    };
    const fr = await call('PUT', '/call-scripts/relance-1', supervisor, broken);
    expect(fr.statusCode).toBe(400);
    const error = fr.json().error;
    expect(error.details.reason).toBe('script_invalid');
    expect(
      error.details.issues.map((i: { code: string; nodeId: string; answer?: number }) => [
        i.code,
        i.nodeId,
        i.answer ?? null,
      ]),
    ).toEqual([
      ['template', 'a', null],
      ['empty_label', 'a', 0],
      ['unknown_next', 'a', 0],
      ['unreachable', 'orphan', null],
    ]);
    expect(error.message).toContain('Le script n’est pas enregistré');
    expect(error.message).toContain('l’étape suivante « zz » n’existe pas');
    const en = await call('PUT', '/call-scripts/relance-1', supervisor, broken, 'en');
    expect(en.json().error.message).toContain('the next step "zz" does not exist');
    expect((await call('GET', '/call-scripts/relance-1?language=fr', agent)).statusCode).toBe(404);
  });

  it('keeps every save as a new version, by supervisors only, audited', async () => {
    const body = {
      language: 'fr',
      title: 'Relance J+30',
      strategyKey: 'b2b-standard',
      stepKey: 'call-1',
      definition: stepScript,
    };
    expect((await call('PUT', '/call-scripts/relance-1', agent, body)).statusCode).toBe(403);
    const first = await call('PUT', '/call-scripts/relance-1', supervisor, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ key: 'relance-1', language: 'fr', version: 1 });
    const second = await call('PUT', '/call-scripts/relance-1', supervisor, {
      ...body,
      title: 'Relance J+30 (v2)',
    });
    expect(second.json().version).toBe(2);
    const en = await call('PUT', '/call-scripts/relance-1', supervisor, {
      ...body,
      language: 'en',
      title: 'Day 30 call',
    });
    expect(en.json()).toEqual({ key: 'relance-1', language: 'en', version: 1 });
    const latest = await call('GET', '/call-scripts/relance-1?language=fr', agent);
    expect(latest.json()).toMatchObject({
      version: 2,
      title: 'Relance J+30 (v2)',
      strategyKey: 'b2b-standard',
      stepKey: 'call-1',
    });
    expect(latest.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const older = await call('GET', '/call-scripts/relance-1?language=fr&version=1', agent);
    expect(older.json().title).toBe('Relance J+30');
    const list = await call('GET', '/call-scripts', agent);
    expect(
      list
        .json()
        .map((s: { key: string; language: string; version: number }) => [s.key, s.language, s.version]),
    ).toEqual([
      ['default', 'en', 0],
      ['default', 'fr', 0],
      ['relance-1', 'en', 1],
      ['relance-1', 'fr', 2],
    ]);
    const audit = await ctx.handle.db
      .selectFrom('audit_log')
      .select('data')
      .where('tenant_id', '=', tenant.tenantId)
      .where('action', '=', 'call_script.save')
      .execute();
    expect(audit).toHaveLength(3);
  });

  it('gives the case the script of its strategy step, rendered for the case, else the default', async () => {
    const dupont = tenant.debtors.D1!;
    const plain = await call('GET', `/cases/${dupont.caseId}/script`, agent);
    expect(plain.statusCode, plain.body).toBe(200);
    expect(plain.json()).toMatchObject({ key: 'default', version: 0, language: 'fr', start: 'identity' });
    expect(plain.json().nodes.identity.say).toContain('Boulangerie Dupont');
    expect(plain.json().nodes.identity.say).toContain('agent S');
    expect(plain.json().nodes.identity.say).not.toContain('{{');
    const english = await call('GET', `/cases/${dupont.caseId}/script?language=en`, agent);
    expect(english.json().nodes.identity.say).toMatch(/^Hello, this is agent S/);

    await ctx.handle.db
      .updateTable('cases')
      .set({
        strategy_key: 'b2b-standard',
        progress: JSON.stringify({
          ...NEW_PROGRESS,
          strategyKey: 'b2b-standard',
          stepKey: 'call-1',
          stepIndex: 2,
        }),
      })
      .where('tenant_id', '=', tenant.tenantId)
      .where('case_id', '=', dupont.caseId)
      .execute();
    const byStep = await call('GET', `/cases/${dupont.caseId}/script`, agent);
    expect(byStep.json()).toMatchObject({ key: 'relance-1', version: 2, stepKey: 'call-1', start: 'open' });
    expect(byStep.json().nodes.open.say).toMatch(
      /^Relance téléphonique pour Boulangerie Dupont : 1[\u00a0\u202f]2\d\d,\d\d\u00a0€ restent dus\.$/,
    );
    expect(byStep.json().nodes.open.arguments[0]).toMatch(/^Référence de virement : RF\d{2}/);
    expect(byStep.json().nodes.open.answers[1]).toEqual({
      label: 'Conteste',
      reason: 'dissatisfaction',
      suggest: 'dispute',
      action: 'dispute',
    });

    // Another step of the strategy: no script for it, the tenant's default is not saved: the shipped one.
    await ctx.handle.db
      .updateTable('cases')
      .set({
        progress: JSON.stringify({ ...NEW_PROGRESS, strategyKey: 'b2b-standard', stepKey: 'letter-2' }),
      })
      .where('tenant_id', '=', tenant.tenantId)
      .where('case_id', '=', dupont.caseId)
      .execute();
    expect((await call('GET', `/cases/${dupont.caseId}/script`, agent)).json().key).toBe('default');
    // A tenant's own default replaces the shipped one.
    const mine = {
      language: 'fr',
      title: 'Notre script',
      definition: { start: 'only', nodes: { only: { say: 'Bonjour {{debtor.name}}' } } },
    };
    expect((await call('PUT', '/call-scripts/default', supervisor, mine)).json().version).toBe(1);
    const own = await call('GET', `/cases/${dupont.caseId}/script`, agent);
    expect(own.json()).toMatchObject({
      key: 'default',
      version: 1,
      nodes: { only: { say: 'Bonjour Boulangerie Dupont' } },
    });
    expect((await call('GET', '/cases/nope/script', agent)).statusCode).toBe(404);
  });
});
