import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { signInAs, testServer } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';

function csvUpload(content: string) {
  const boundary = '----relance-agency-report';
  const payload =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="releve.csv"\r\n` +
    `Content-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  return {
    payload: Buffer.from(payload, 'utf8'),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Agencies compared over HTTP: an agency registered, a case handed over, its report imported as CSV, the figures. */
describeEachDatabase('agencies compared over HTTP', (ctx) => {
  let app: FastifyInstance;
  let tenant: SeededTenant;
  let admin: { cookie: string };
  let agent: { cookie: string };

  beforeAll(async () => {
    ({ app } = await testServer(ctx.handle));
    tenant = await seedTenant(ctx.handle.db, 'K');
    await ctx.handle.db
      .updateTable('creditors')
      .set({ interest_policy: 'waive', fixed_fee_policy: 'waive' })
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    admin = await signInAs(app, tenant.users.admin.email);
    agent = await signInAs(app, tenant.users.agent.email);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('imports an agency’s CSV report and shows it in the comparison; refusals are in the caller’s language', async () => {
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: { ...admin, 'accept-language': 'en' },
      payload: { key: 'Bad Key', name: '', commissionRate: 'x' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/^The agency is not valid \(key, name, commissionRate\)/);
    const forbidden = await app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: agent,
      payload: { key: 'recouvra', name: 'Recouvra', commissionRate: '18' },
    });
    expect(forbidden.statusCode).toBe(403);

    const agency = await app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: admin,
      payload: { key: 'recouvra', name: 'Recouvra', commissionRate: '18' },
    });
    expect(agency.statusCode).toBe(200);
    const agencyId = agency.json().agencyId as string;
    const d1 = tenant.debtors.D1;
    if (!d1) throw new Error('no D1');
    const handover = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${d1.caseId}/agency-handover`,
      headers: admin,
      payload: { agencyId, handedOn: '2026-03-01' },
    });
    expect(handover.statusCode).toBe(200);
    const handed = handover.json().amountMinor as number;
    const claim = await ctx.handle.db
      .selectFrom('claims')
      .select('invoice_number')
      .where('tenant_id', '=', tenant.tenantId)
      .where('claim_id', '=', d1.claimIds[0] ?? '')
      .executeTakeFirstOrThrow();
    const csv = [
      'Référence;Montant;Date;Frais',
      `${claim.invoice_number};100,00;05/03/2026;18,00`,
      'INCONNU;50,00;2026-03-06;9,00',
      `${claim.invoice_number};abc;2026-03-07;0`,
    ].join('\n');
    const upload = csvUpload(csv);
    const imported = await app.inject({
      method: 'POST',
      url: `/api/v1/agencies/${agencyId}/collections/csv`,
      headers: { ...admin, ...upload.headers, 'accept-language': 'en' },
      payload: upload.payload,
    });
    expect(imported.statusCode).toBe(200);
    const body = imported.json();
    expect(body).toMatchObject({ booked: 1, repeated: 0, refused: 1 });
    expect(body.lines[1]).toMatchObject({
      row: 3,
      status: 'refused',
      reason: 'reference_unknown',
      message: 'No case handed to this agency carries this reference (payment reference or invoice number).',
    });
    expect(body.unreadable).toEqual([{ row: 4, field: 'amount', text: 'abc' }]);

    const comparison = await app.inject({
      method: 'GET',
      url: '/api/v1/agencies/comparison',
      headers: agent,
    });
    expect(comparison.statusCode).toBe(200);
    const [row] = comparison.json().agencies;
    expect(row.figures).toMatchObject({
      cases: 1,
      handedMinor: handed,
      collectedMinor: 100_00,
      feesMinor: 18_00,
      netMinor: 82_00,
      medianDaysToFirstPayment: 4,
      costPer100Minor: 18_00,
    });
    const payments = await app.inject({
      method: 'GET',
      url: `/api/v1/cases/${d1.caseId}/payments`,
      headers: admin,
    });
    expect(JSON.stringify(payments.json())).toContain('"channel":"agency"');
  });

  it('edits and deactivates an agency, refuses it a case, and recalls a hand-over', async () => {
    const listed = await app.inject({ method: 'GET', url: '/api/v1/agencies', headers: admin });
    const recouvra = listed.json().items[0];
    const edited = await app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: admin,
      payload: {
        ...recouvra,
        agencyId: undefined,
        name: 'Recouvra Nord',
        email: 'a@recouvra.example',
        active: false,
      },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      agencyId: recouvra.agencyId,
      name: 'Recouvra Nord',
      email: 'a@recouvra.example',
      active: false,
    });
    const d2 = tenant.debtors.D2;
    if (!d2) throw new Error('no D2');
    const refused = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${d2.caseId}/agency-handover`,
      headers: { ...admin, 'accept-language': 'en' },
      payload: { agencyId: recouvra.agencyId },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'conflict',
      message: 'This agency is deactivated: it is given no new case. Reactivate it first.',
    });

    const open = await app.inject({
      method: 'GET',
      url: '/api/v1/agency-handovers?status=open',
      headers: agent,
    });
    expect(open.statusCode).toBe(200);
    const [handover] = open.json().items;
    expect(handover).toMatchObject({ caseId: tenant.debtors.D1?.caseId, recalledOn: null });
    expect(handover.debtorName).toEqual(expect.any(String));
    const forbidden = await app.inject({
      method: 'POST',
      url: `/api/v1/agency-handovers/${handover.handoverId}/recall`,
      headers: agent,
      payload: {},
    });
    expect(forbidden.statusCode).toBe(403);
    const recalled = await app.inject({
      method: 'POST',
      url: `/api/v1/agency-handovers/${handover.handoverId}/recall`,
      headers: admin,
      payload: { recalledOn: '2026-03-20' },
    });
    expect(recalled.statusCode).toBe(200);
    expect(recalled.json()).toMatchObject({ handoverId: handover.handoverId, recalledOn: '2026-03-20' });
    const after = await app.inject({
      method: 'GET',
      url: '/api/v1/agency-handovers?status=open',
      headers: admin,
    });
    expect(after.json().items).toEqual([]);
    const bad = await app.inject({
      method: 'GET',
      url: '/api/v1/agency-handovers?status=closed',
      headers: admin,
    });
    expect(bad.statusCode).toBe(400);
  });
});
