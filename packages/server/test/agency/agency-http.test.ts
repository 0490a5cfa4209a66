import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/shared/deps.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { signInAs, testServer } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { flatMandate } from './agency-world.ts';

function multipart(fields: Readonly<Record<string, string>>, file: { name: string; content: string }) {
  const boundary = '----relance-agency-boundary';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
      `Content-Type: text/csv\r\n\r\n${file.content}\r\n`,
  );
  return {
    payload: Buffer.from(`${parts.join('')}--${boundary}--\r\n`, 'utf8'),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Agency mode over HTTP (the day is 2026-03-16): mandates, placements, closing February and its PDF. */
describeEachDatabase('agency over HTTP', (ctx) => {
  let app: FastifyInstance;
  let deps: Deps;
  let tenant: SeededTenant;
  let admin: { cookie: string };
  let agent: { cookie: string };
  let client: { cookie: string };

  beforeAll(async () => {
    ({ app, deps } = await testServer(ctx.handle));
    tenant = await seedTenant(ctx.handle.db, 'H');
    // Every cent to principal, so that 15 % of 100.00 is 15.00 whatever the interest tables say.
    await ctx.handle.db
      .updateTable('creditors')
      .set({ interest_policy: 'waive', fixed_fee_policy: 'waive' })
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    admin = await signInAs(app, tenant.users.admin.email);
    agent = await signInAs(app, tenant.users.agent.email);
    client = await signInAs(app, tenant.users.client.email);
  });
  afterAll(async () => {
    await app?.close();
  });

  const put = (headers: { cookie: string }, payload: unknown, language = 'fr') =>
    app.inject({
      method: 'PUT',
      url: `/api/v1/creditors/${tenant.creditors.acme}/mandate`,
      headers: { ...headers, 'accept-language': language },
      payload: payload as Record<string, unknown>,
    });

  describe('mandates', () => {
    it('saves a client’s mandate (admin) and lists it', async () => {
      const saved = await put(admin, flatMandate);
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({
        creditor: { id: tenant.creditors.acme, ref: 'ACME' },
        terms: {
          commission: { kind: 'flat', rate: '15' },
          remittance: { frequency: 'monthly', delayDays: 20 },
        },
        version: 1,
      });
      const listed = await app.inject({ method: 'GET', url: '/api/v1/mandates', headers: admin });
      expect(listed.json().items.map((m: { creditor: { ref: string } }) => m.creditor.ref)).toEqual(['ACME']);
      // The client user of ACME reads its own mandate.
      const own = await app.inject({ method: 'GET', url: '/api/v1/mandates', headers: client });
      expect(own.json().items).toHaveLength(1);
    });

    it('refuses a mandate that breaks the rules, in the caller’s language, and refuses non-admins', async () => {
      const bad = { ...flatMandate, remittance: { frequency: 'monthly', delayDays: 45 } };
      const fr = await put(admin, bad);
      expect(fr.statusCode).toBe(400);
      expect(fr.json().error).toMatchObject({
        code: 'invalid_input',
        details: { reason: 'mandate_invalid' },
      });
      expect(fr.json().error.message).toContain('remittance.delayDays : Le délai de reversement');
      const en = await put(admin, bad, 'en');
      expect(en.json().error.message).toContain('remittance.delayDays: The remittance delay');
      expect((await put(agent, flatMandate)).statusCode).toBe(403);
      expect((await put(client, flatMandate)).statusCode).toBe(403);
    });
  });

  describe('placements', () => {
    it('puts an uploaded file’s new claims in the placement it names', async () => {
      const csv =
        'N° facture;Raison sociale;Date d’échéance;Montant TTC\nPL-1;Placée SARL;15/01/2026;300,00\n';
      const form = multipart(
        { creditor: 'ACME', placement: 'Lot de mars' },
        { name: 'lot.csv', content: csv },
      );
      const uploaded = await app.inject({
        method: 'POST',
        url: '/api/v1/imports',
        headers: { ...admin, ...form.headers },
        payload: form.payload,
      });
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      const placementId = uploaded.json().placementId;
      expect(placementId).toEqual(expect.any(String));
      const listed = await app.inject({ method: 'GET', url: '/api/v1/placements', headers: admin });
      expect(listed.json().items).toEqual([
        expect.objectContaining({
          placementId,
          creditor: expect.objectContaining({ ref: 'ACME' }),
          label: 'Lot de mars',
          placedOn: '2026-03-16',
          claimCount: 1,
          amountMinor: 300_00,
        }),
      ]);
      const beta = await app.inject({
        method: 'GET',
        url: `/api/v1/placements?creditorId=${tenant.creditors.beta}`,
        headers: admin,
      });
      expect(beta.json().items).toEqual([]);
      // Sent as JSON, without a name: the agency's placement of the day.
      const json = await app.inject({
        method: 'POST',
        url: '/api/v1/imports/json',
        headers: admin,
        payload: {
          creditor: 'BETA',
          claims: [
            {
              invoiceNumber: 'PJ-1',
              dueDate: '2026-01-10',
              amountMinor: 120_00,
              currency: 'EUR',
              debtor: { ref: 'PJ', name: 'Du Jour SAS' },
            },
          ],
        },
      });
      expect(json.statusCode, json.body).toBe(201);
      const ofTheDay = await app.inject({
        method: 'GET',
        url: `/api/v1/placements?creditorId=${tenant.creditors.beta}`,
        headers: admin,
      });
      expect(ofTheDay.json().items).toEqual([
        expect.objectContaining({ placementId: json.json().placementId, label: '2026-03-16', claimCount: 1 }),
      ]);
    });
  });

  describe('remittances', () => {
    let remittanceId = '';

    it('closes February: the statement shows the payment, 15 % and VAT, and the net', async () => {
      const paid = await app.inject({
        method: 'POST',
        url: `/api/v1/cases/${tenant.debtors.D1?.caseId}/payments`,
        headers: admin,
        payload: { amountMinor: 100_00, currency: 'EUR', method: 'cheque', receivedOn: '2026-02-10' },
      });
      expect(paid.statusCode, paid.body).toBe(201);
      const closed = await app.inject({
        method: 'POST',
        url: '/api/v1/remittances/close',
        headers: admin,
        payload: { period: '2026-02' },
      });
      expect(closed.statusCode, closed.body).toBe(200);
      const [statement] = closed.json().statements;
      // 100.00 − 15.00 − 3.00
      expect(statement).toMatchObject({
        creditor: { ref: 'ACME' },
        collectedMinor: 100_00,
        commissionMinor: 15_00,
        vatMinor: 3_00,
        netMinor: 82_00,
        dueOn: '2026-03-20',
        status: 'issued',
      });
      expect(statement.lines).toEqual([
        expect.objectContaining({
          paymentId: paid.json().paymentId,
          debtorName: 'Boulangerie Dupont',
          rates: ['15'],
        }),
      ]);
      remittanceId = statement.remittanceId;
      const listed = await app.inject({ method: 'GET', url: '/api/v1/remittances', headers: client });
      expect(listed.json().items.map((r: { remittanceId: string }) => r.remittanceId)).toEqual([
        remittanceId,
      ]);
    });

    it('serves its PDF and records the payment to the client', async () => {
      const pdf = await app.inject({
        method: 'GET',
        url: `/api/v1/remittances/${remittanceId}/pdf`,
        headers: client,
      });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const english = await app.inject({
        method: 'GET',
        url: `/api/v1/remittances/${remittanceId}/pdf?language=en`,
        headers: admin,
      });
      expect(english.headers['content-disposition']).toContain('statement-ACME-2026-02.pdf');
      const paid = await app.inject({
        method: 'POST',
        url: `/api/v1/remittances/${remittanceId}/paid`,
        headers: admin,
      });
      expect(paid.json()).toMatchObject({ status: 'paid', paidAt: deps.clock.now() });
      const missing = await app.inject({
        method: 'GET',
        url: '/api/v1/remittances/nope/pdf',
        headers: admin,
      });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.message).toBe('Relevé de reversement introuvable.');
    });

    it('refuses a period not over, a period that is none, and callers who may not close', async () => {
      const close = (headers: { cookie: string }, period: string) =>
        app.inject({ method: 'POST', url: '/api/v1/remittances/close', headers, payload: { period } });
      const march = await close(admin, '2026-03');
      expect(march.statusCode).toBe(409);
      expect(march.json().error.message).toBe(
        'La période 2026-03 se termine le 2026-03-31 : elle n’est pas close.',
      );
      expect((await close(admin, 'février')).statusCode).toBe(400);
      expect((await close(agent, '2026-02')).statusCode).toBe(403);
      expect(
        (
          await app.inject({
            method: 'POST',
            url: `/api/v1/remittances/${remittanceId}/paid`,
            headers: agent,
          })
        ).statusCode,
      ).toBe(403);
    });
  });
});
