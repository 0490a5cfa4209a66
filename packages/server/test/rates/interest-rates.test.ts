import { caseInterest, RATE_TABLES, withEnteredRates } from '@relance/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildHttpServer } from '../../src/http/server.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { signInAs, testDeps } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';

/** The tables ship no rate for 2026 S2: on 23 November 2026 every late invoice needs one. */
const NOW = '2026-11-23T10:00:00.000Z';

describeEachDatabase('interest rates entered by an administrator', (ctx) => {
  let app: FastifyInstance;
  let tenant: SeededTenant;
  let admin: { cookie: string };
  let agent: { cookie: string };
  let dupontCase: string;

  beforeAll(async () => {
    app = await buildHttpServer({ ...testDeps(ctx.handle), clock: fixedClock(NOW) });
    tenant = await seedTenant(ctx.handle.db, 'R');
    admin = await signInAs(app, 'admin@r.example');
    agent = await signInAs(app, 'agent@r.example');
    const row = await ctx.handle.db
      .selectFrom('cases')
      .select('case_id')
      .where('tenant_id', '=', tenant.tenantId)
      .where('debtor_id', '=', tenant.debtors.D1?.debtorId ?? '')
      .executeTakeFirstOrThrow();
    dupontCase = row.case_id;
  });
  afterAll(async () => {
    await app?.close();
  });

  const call = (method: 'GET' | 'PUT', url: string, who: { cookie: string }, payload?: object) =>
    app.inject({ method, url: `/api/v1${url}`, headers: { ...who, 'accept-language': 'fr' }, payload });
  const interestOf = async () => (await call('GET', `/cases/${dupontCase}/engine`, agent)).json().interest;

  it('shows the missing semester on the case until the rate is entered, then computes with it', async () => {
    const before = await interestOf();
    expect(before.missing).toMatchObject({ kind: 'missing_rate', period: '2026-S2', table: 'ecb-mro' });

    const listed = (await call('GET', '/interest-rates', agent)).json();
    expect(listed.missing).toContainEqual({ table: 'ecb-mro', period: '2026-S2' });

    const entered = await call('PUT', '/interest-rates/ecb-mro/2026-S2', admin, {
      ratePercent: '2.15',
      source: 'BCE, décision du 5 juin 2026',
    });
    expect(entered.statusCode, entered.body).toBe(200);

    const after = await interestOf();
    expect(after.missing).toBeNull();
    // The same claims through the core with the entered semester: the server used the tenant's tables.
    const claims = after.claims as { interestMinor: number }[];
    expect(claims.length).toBeGreaterThan(0);
    const expected = caseInterest({
      claims: [{ invoiceNumber: 'x', dueDate: '2026-01-30', outstandingMinor: 1200_00, currency: 'EUR' }],
      creditorCountry: 'FR',
      creditorProfessional: true,
      debtorKind: 'business',
      interest: 'charge',
      fees: 'charge',
      contractRatePercent: null,
      formalNoticeOn: null,
      asOf: '2026-11-23',
      tables: withEnteredRates(RATE_TABLES, [
        { table: 'ecb-mro', period: '2026-S2', ratePercent: '2.15', source: 's' },
      ]),
    });
    expect(after.interestMinor).toBe(expected.interestMinor);
    expect(after.interestMinor).toBeGreaterThan(0);

    const rates = (await call('GET', '/interest-rates', agent)).json();
    expect(rates.missing).not.toContainEqual({ table: 'ecb-mro', period: '2026-S2' });
    expect(rates.rates).toContainEqual(
      expect.objectContaining({
        table: 'ecb-mro',
        period: '2026-S2',
        ratePercent: '2.15',
        origin: 'entered',
        source: 'BCE, décision du 5 juin 2026',
      }),
    );
  });

  it('keeps a correction and what it replaced in the audit log', async () => {
    const corrected = await call('PUT', '/interest-rates/ecb-mro/2026-S2', admin, {
      ratePercent: '2.40',
      source: 'BCE, décision du 5 juin 2026 (corrigé)',
    });
    expect(corrected.statusCode).toBe(200);
    const audit = await ctx.handle.db
      .selectFrom('audit_log')
      .select(['action', 'data'])
      .where('tenant_id', '=', tenant.tenantId)
      .where('entity_kind', '=', 'interest_rate')
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['interest_rate.entered', 'interest_rate.corrected']);
    expect(JSON.parse(audit[1]?.data ?? '{}').before).toMatchObject({ ratePercent: '2.15' });
  });

  it.each([
    [
      '/interest-rates/ecb-mro/2026-S1',
      { ratePercent: '9.00', source: 'x' },
      'rate_period_shipped',
      'déjà dans les tables',
    ],
    [
      '/interest-rates/ecb-mro/2027-S2',
      { ratePercent: '2.00', source: 'x' },
      'rate_period_in_future',
      'n’a pas commencé',
    ],
    [
      '/interest-rates/fr-legal-rate/2026-S2',
      { individual: '6.60', source: 'arrêté' },
      'rate_malformed',
      '« autres cas »',
    ],
    [
      '/interest-rates/uk-boe-reference/2026-S2',
      { ratePercent: '3.75', referenceDate: '30/06/2026', source: 'BoE' },
      'rate_reference_date_malformed',
      'AAAA-MM-JJ',
    ],
    [
      '/interest-rates/ecb-mro/2026-S2',
      { ratePercent: '2.15', source: '   ' },
      'rate_source_missing',
      'texte officiel',
    ],
  ])('refuses PUT %s with %s, saying why in French', async (url, body, reason, words) => {
    const response = await call('PUT', url, admin, body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { details: { reason } } });
    expect(response.json().error.message).toContain(words);
  });

  it('lets only an administrator enter a rate', async () => {
    const response = await call('PUT', '/interest-rates/fr-legal-rate/2026-S2', agent, {
      individual: '6.60',
      otherCases: '2.50',
      source: 'arrêté',
    });
    expect(response.statusCode).toBe(403);
    const rows = await ctx.handle.db
      .selectFrom('entered_rates')
      .select('period')
      .where('tenant_id', '=', tenant.tenantId)
      .where('rate_table', '=', 'fr-legal-rate')
      .execute();
    expect(rows).toEqual([]);
  });
});
