import { B2B_LADDER } from '@relance/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { signInAs, testServer } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('templates and identities over HTTP', (ctx) => {
  let app: FastifyInstance;
  let t: SeededTenant;
  let admin: { cookie: string };
  let supervisor: { cookie: string };
  let agent: { cookie: string };

  beforeAll(async () => {
    ({ app } = await testServer(ctx.handle));
    t = await seedTenant(ctx.handle.db, 'Http');
    admin = await signInAs(app, t.users.admin.email);
    supervisor = await signInAs(app, t.users.supervisor.email);
    agent = await signInAs(app, t.users.agent.email);
  });
  afterAll(async () => {
    await app?.close();
  });

  const call = (
    method: 'GET' | 'PUT' | 'POST',
    url: string,
    headers: { cookie: string },
    payload?: unknown,
  ) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...headers, 'accept-language': 'en' },
      payload: payload as object,
    });

  it('lists every shipped template, and the catalog of variables', async () => {
    const list = await call('GET', '/templates', agent);
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { key: string; channel: string; language: string; source: string }[];
    expect(items).toContainEqual(
      expect.objectContaining({ key: 'formal-notice', channel: 'letter', language: 'fr', source: 'shipped' }),
    );
    expect(items.length).toBeGreaterThanOrEqual(36);
    const vars = await call('GET', '/template-variables', agent);
    expect(vars.json().items).toContainEqual(
      expect.objectContaining({ path: 'payment.reference', type: 'text', optional: false }),
    );
  });

  it('refuses a template with an unknown variable at save time, with its place and both languages', async () => {
    const response = await call('PUT', '/templates/reminder-sms/sms/fr', supervisor, {
      body: 'Bonjour {{debtor.name}},\nvous devez {{balance.totl}}',
    });
    expect(response.statusCode).toBe(400);
    const issue = response.json().error.details.issues[0];
    expect(issue).toMatchObject({
      code: 'unknown_variable',
      field: 'body',
      line: 2,
      column: 12,
      path: 'balance.totl',
    });
    expect(issue.message.fr).toContain('balance.totl');
  });

  it('saves versions (supervisor), refuses agents, and serves the newest with its history', async () => {
    expect((await call('PUT', '/templates/reminder-sms/sms/fr', agent, { body: 'x' })).statusCode).toBe(403);
    for (const n of [1, 2]) {
      const saved = await call('PUT', '/templates/reminder-sms/sms/fr', supervisor, {
        body: `Relance ${n} : {{balance.total}} {{payment.link}}`,
      });
      expect(saved.statusCode).toBe(201);
      expect(saved.json()).toEqual({ version: n, issues: [] });
    }
    const warned = await call('PUT', '/templates/reminder-email/email/en', supervisor, {
      subject: 'File {{case.ref}}',
      body: 'Agent: {{agent.name}}',
    });
    expect(warned.statusCode).toBe(201);
    expect(warned.json().issues).toMatchObject([{ code: 'unguarded_optional', severity: 'warning' }]);
    const detail = await call('GET', '/templates/reminder-sms/sms/fr', agent);
    expect(detail.json()).toMatchObject({
      version: 2,
      source: 'tenant',
      body: 'Relance 2 : {{balance.total}} {{payment.link}}',
    });
    expect(detail.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(detail.json().shipped.body).toContain('{{creditor.name}}');
    const audit = await ctx.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', t.tenantId)
      .where('action', '=', 'template.saved')
      .execute();
    expect(audit).toHaveLength(3);
    expect((await call('GET', '/templates/nothing/sms/fr', agent)).statusCode).toBe(404);
  });

  it('previews on a real case, on a sample, or returns the issues', async () => {
    const caseId = t.debtors.D1?.caseId;
    const onCase = await call('POST', '/templates/preview', agent, {
      channel: 'email',
      language: 'fr',
      subject: 'Dossier {{case.ref}}',
      body: 'Bonjour {{debtor.name}} <b>\n\n{{#each claims}}{{number}} {{/each}}{{payment.link}}',
      caseId,
    });
    expect(onCase.statusCode).toBe(200);
    const body = onCase.json();
    expect(body.sample).toBe(false);
    expect(body.rendered.subject).toBe('Dossier ACME-D1');
    expect(body.rendered.text).toMatch(
      /^Bonjour Boulangerie Dupont <b>\n\nF-1001 http:\/\/127\.0\.0\.1:3000\/pay\/RF\d\d/,
    );
    expect(body.rendered.html).toContain('Bonjour Boulangerie Dupont &lt;b&gt;');
    const sample = await call('POST', '/templates/preview', agent, {
      channel: 'sms',
      language: 'en',
      body: '{{debtor.name}}',
    });
    expect(sample.json()).toMatchObject({
      sample: true,
      rendered: { text: 'Boulangerie Lemaire SARL', html: null },
    });
    const broken = await call('POST', '/templates/preview', agent, {
      channel: 'sms',
      language: 'en',
      body: '{{#if agent}}',
    });
    expect(broken.json()).toMatchObject({
      rendered: null,
      issues: [{ code: 'unclosed_block', line: 1, column: 1 }],
    });
  });

  it('keeps the tenant identity and creditor details, checking IBANs, admin only, audited', async () => {
    const identity = {
      legalName: 'Recouvrement Http SAS',
      address: { lines: ['8 place Bellecour'], postalCode: '69002', city: 'Lyon', country: 'fr' },
      email: 'contact@http.example',
      phone: '+33 4 72 00 00 00',
      registration: 'RCS Lyon 404 833 048',
      signatory: 'Service recouvrement',
      iban: 'FR76 3000 6000 0112 3456 7890 189',
      bic: 'AGRIFRPP',
    };
    expect((await call('PUT', '/settings/identity', supervisor, identity)).statusCode).toBe(403);
    const bad = await call('PUT', '/settings/identity', admin, {
      ...identity,
      iban: 'FR76 3000 6000 0112 3456 7890 180',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe('iban');
    const noAccount = await call('PUT', '/settings/identity', admin, { ...identity, iban: null });
    expect(noAccount.statusCode).toBe(400);
    const saved = await call('PUT', '/settings/identity', admin, identity);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().identity).toMatchObject({
      iban: 'FR7630006000011234567890189',
      address: { country: 'FR' },
    });
    expect(saved.json().identity.activityStatement).toContain('recouvrement amiable');
    expect((await call('GET', '/settings/identity', agent)).json()).toMatchObject({
      kind: 'agency',
      identity: { legalName: 'Recouvrement Http SAS' },
    });

    const url = `/creditors/${t.creditors.acme}/details`;
    expect((await call('GET', url, agent)).json()).toEqual({ details: null });
    const details = await call('PUT', url, admin, {
      registration: 'SIREN 732 829 320',
      iban: 'GB82 WEST 1234 5698 7654 32',
      bic: 'westgb2l',
    });
    expect(details.statusCode).toBe(200);
    expect(details.json().details).toMatchObject({
      iban: 'GB82WEST12345698765432',
      bic: 'WESTGB2L',
      address: null,
    });
    expect((await call('PUT', url, admin, { iban: 'GB82WEST12345698765433' })).statusCode).toBe(400);
    expect((await call('GET', url, agent)).json().details.registration).toBe('SIREN 732 829 320');
    const audit = await ctx.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('tenant_id', '=', t.tenantId)
      .where('action', 'in', ['identity.saved', 'creditor.details_saved'])
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('refuses a strategy naming a template that exists neither shipped nor saved, then accepts it once saved', async () => {
    const [first, ...rest] = B2B_LADDER.steps;
    const strategy = {
      ...B2B_LADDER,
      key: 'with-own-mail',
      steps: [{ ...first, actions: [{ channel: 'email', template: 'own-mail' }] }, ...rest],
    };
    const refused = await call('POST', '/strategies', supervisor, strategy);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues).toMatchObject([
      { path: 'steps[0].actions[0].template', code: 'unknown_template' },
    ]);
    // A letter of that name does not make an e-mail exist.
    await call('PUT', '/templates/own-mail/letter/fr', supervisor, { body: 'Lettre {{debtor.name}}' });
    expect((await call('POST', '/strategies', supervisor, strategy)).statusCode).toBe(400);
    const saved = await call('PUT', '/templates/own-mail/email/en', supervisor, {
      subject: 'Hello',
      body: 'Hi {{debtor.name}}',
    });
    expect(saved.statusCode).toBe(201);
    expect((await call('POST', '/strategies', supervisor, strategy)).statusCode).toBe(201);
  });
});
