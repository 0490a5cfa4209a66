import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { signInAs, testServer, today } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('case payments over HTTP', (ctx) => {
  let app: FastifyInstance;
  let tenant: SeededTenant;
  let agent: { cookie: string };
  let supervisor: { cookie: string };

  beforeAll(async () => {
    ({ app } = await testServer(ctx.handle));
    tenant = await seedTenant(ctx.handle.db, 'H');
    agent = await signInAs(app, 'agent@h.example');
    supervisor = await signInAs(app, 'supervisor@h.example');
  });

  it('records a cheque once per idempotency key, lists it explained, and lets a supervisor reverse it', async () => {
    const caseId = tenant.debtors.D1?.caseId ?? '';
    const body = {
      amountMinor: 50_00,
      currency: 'EUR',
      method: 'cheque',
      receivedOn: today,
      reference: 'CHQ 0042',
      idempotencyKey: 'cheque-0042-key',
    };
    const first = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/payments`,
      headers: agent,
      payload: body,
    });
    expect(first.statusCode).toBe(201);
    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/payments`,
      headers: agent,
      payload: body,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ repeated: true, paymentId: first.json().paymentId });

    const list = await app.inject({
      method: 'GET',
      url: `/api/v1/cases/${caseId}/payments`,
      headers: { ...agent, 'accept-language': 'en' },
    });
    expect(list.statusCode).toBe(200);
    const [payment] = list.json().payments;
    expect(payment).toMatchObject({
      amountMinor: 50_00,
      method: 'cheque',
      status: 'booked',
      reference: 'CHQ 0042',
    });
    expect(payment.lines.map((l: { part: string }) => l.part)).toEqual(['interest', 'fees']);
    expect(payment.explanation.join(' ')).toMatch(/interest/i);
    expect(payment.receiptDocumentId).toBeNull();
    const pdf = await app.inject({
      method: 'GET',
      url: `/api/v1/payments/${payment.paymentId}/receipt`,
      headers: agent,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const listed = await app.inject({
      method: 'GET',
      url: `/api/v1/cases/${caseId}/payments`,
      headers: agent,
    });
    expect(listed.json().payments[0].receiptDocumentId).not.toBeNull();

    const bad = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/payments`,
      headers: agent,
      payload: { ...body, amountMinor: 0, idempotencyKey: 'another-key-1' },
    });
    expect(bad.statusCode).toBe(400);

    const refused = await app.inject({
      method: 'POST',
      url: `/api/v1/payments/${payment.paymentId}/reverse`,
      headers: agent,
      payload: { reason: 'cheque bounced' },
    });
    expect(refused.statusCode).toBe(403);
    const reversed = await app.inject({
      method: 'POST',
      url: `/api/v1/payments/${payment.paymentId}/reverse`,
      headers: supervisor,
      payload: { reason: 'cheque bounced' },
    });
    expect(reversed.statusCode).toBe(200);
    expect(reversed.json()).toMatchObject({ repeated: false, caseId });
  });
});
