import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorMessage } from '../../../src/http/messages.ts';
import { type SeededTenant, seedTenant } from '../../http/seed.ts';
import { signInAs, testServer } from '../../http/support.ts';
import { describeEachDatabase } from '../../support/databases.ts';

/** Promises and disputes through the API: the shapes, and refusals people can read in French and English. */
describeEachDatabase('promises and disputes over HTTP', (ctx) => {
  let app: FastifyInstance;
  let t: SeededTenant;
  let agent: { cookie: string };
  let client: { cookie: string };

  beforeAll(async () => {
    ({ app } = await testServer(ctx.handle));
    t = await seedTenant(ctx.handle.db, 'W');
    agent = await signInAs(app, t.users.agent.email);
    client = await signInAs(app, t.users.client.email);
  });
  afterAll(async () => {
    await app?.close();
  });

  const post = (url: string, payload: unknown, headers: Record<string, string> = agent) =>
    app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload: payload as object });

  it('records a two-date promise (201, confirmation queued), lists it with the history, cancels it', async () => {
    const caseId = t.debtors.D1!.caseId;
    const created = await post(`/cases/${caseId}/promises`, {
      schedule: [
        { dueOn: '2026-03-20', amountMinor: 500_00 },
        { dueOn: '2026-04-20', amountMinor: 700_00 },
      ],
      channel: 'call',
      note: 'rappel vendredi',
    });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      caseId,
      amountMinor: 1200_00,
      currency: 'EUR',
      status: 'open',
      madeOn: '2026-03-16',
      madeBy: `user:${t.users.agent.id}`,
      channel: 'call',
      confirmation: { channel: 'email', status: 'planned' },
    });
    const list = await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/promises`, headers: agent });
    expect(list.json()).toMatchObject({
      caseId,
      promises: [{ id: body.id, schedule: body.schedule }],
      history: { kept: 0, broken: 0, partlyKept: 0 },
    });
    const cancelled = await post(`/promises/${body.id}/cancel`, {});
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', endReason: 'cancelled' });
    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/promises/${body.id}/cancel`,
      headers: { ...agent, 'accept-language': 'en' },
      payload: {},
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('This promise is no longer open.');
  });

  it('refuses bad terms with words in the caller’s language', async () => {
    const caseId = t.debtors.D1!.caseId;
    const past = await post(`/cases/${caseId}/promises`, {
      schedule: [{ dueOn: '2026-03-01', amountMinor: 100 }],
      channel: 'call',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error).toMatchObject({
      code: 'invalid_input',
      message: 'La date n° 1 (2026-03-01) est passée.',
      details: { reason: 'promise_date_past' },
    });
    const tooMuch = await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/promises`,
      headers: { ...agent, 'accept-language': 'en' },
      payload: { schedule: [{ dueOn: '2026-03-20', amountMinor: 1300_00 }], channel: 'call' },
    });
    expect(tooMuch.json().error.message).toBe(
      'The promise (1300.00) is more than what is owed outside disputes (1200.00).',
    );
    const shape = await post(`/cases/${caseId}/promises`, { schedule: [], channel: 'fax' });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.code).toBe('invalid_input');
    const clientTry = await post(
      `/cases/${caseId}/promises`,
      { schedule: [{ dueOn: '2026-03-20', amountMinor: 100 }], channel: 'call' },
      client,
    );
    expect(clientTry.statusCode).toBe(403);
  });

  it('opens a dispute on one claim, edits it, attaches a document, lists it, resolves it', async () => {
    const d5 = t.debtors.D5!;
    const m4 = d5.claimIds[3]!;
    const opened = await post(`/cases/${d5.caseId}/disputes`, {
      reason: 'amount_wrong',
      description: 'Remise non appliquée',
      claims: [{ claimId: m4, amountMinor: 150_00 }],
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const dispute = opened.json();
    expect(dispute).toMatchObject({
      caseId: d5.caseId,
      status: 'open',
      reason: 'amount_wrong',
      amountMinor: 150_00,
      currency: 'EUR',
      claims: [{ claimId: m4, invoiceNumber: 'M-4', amountMinor: 150_00 }],
      ownerId: null,
      deadlineOn: '2026-04-15',
      documents: [],
      openedVia: 'agent',
    });
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/v1/disputes/${dispute.id}`,
      headers: agent,
      payload: { ownerId: t.users.supervisor.id, deadlineOn: '2026-03-20' },
    });
    expect(patched.json()).toMatchObject({ ownerId: t.users.supervisor.id, deadlineOn: '2026-03-20' });
    const boundary = 'relance-boundary';
    const file = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="avoir.pdf"',
      'Content-Type: application/pdf',
      '',
      '%PDF-1.4 remise',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const uploaded = await app.inject({
      method: 'POST',
      url: `/api/v1/disputes/${dispute.id}/documents`,
      headers: { ...agent, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: file,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json().documents).toMatchObject([
      { fileName: 'avoir.pdf', mediaType: 'application/pdf' },
    ]);
    const open = await app.inject({ method: 'GET', url: '/api/v1/disputes?status=open', headers: agent });
    expect(open.json().map((d: { id: string }) => d.id)).toContain(dispute.id);
    const one = await app.inject({ method: 'GET', url: `/api/v1/disputes/${dispute.id}`, headers: client });
    expect(one.statusCode).toBe(200);
    const ofCase = await app.inject({
      method: 'GET',
      url: `/api/v1/cases/${d5.caseId}/disputes`,
      headers: agent,
    });
    expect(ofCase.json()).toHaveLength(1);

    const tooMuch = await app.inject({
      method: 'POST',
      url: `/api/v1/disputes/${dispute.id}/resolve`,
      headers: { ...agent, 'accept-language': 'en' },
      payload: { resolution: 'credit_note', amountMinor: 200_00 },
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.message).toBe(
      'The amount must be positive and at most the disputed amount (150.00).',
    );
    const resolved = await post(`/disputes/${dispute.id}/resolve`, {
      resolution: 'credit_note',
      note: 'avoir A-12',
    });
    expect(resolved.json()).toMatchObject({
      status: 'resolved',
      resolution: 'credit_note',
      resolutionMinor: 150_00,
    });
    const claim = await app.inject({ method: 'GET', url: `/api/v1/claims/${m4}`, headers: agent });
    expect(claim.json()).toMatchObject({ status: 'open', outstandingMinor: 250_00 });
  });

  it('refuses a claim already disputed or of another case, in French by default', async () => {
    const d5 = t.debtors.D5!;
    const disputed = await post(`/cases/${d5.caseId}/disputes`, {
      reason: 'quality',
      claims: [{ claimId: d5.claimIds[2] }],
    });
    expect(disputed.statusCode).toBe(409);
    expect(disputed.json().error.message).toBe(
      'La facture M-3 n’est pas ouverte (déjà contestée, payée ou annulée).',
    );
    const elsewhere = await post(`/cases/${d5.caseId}/disputes`, {
      reason: 'quality',
      claims: [{ claimId: t.debtors.D1!.claimIds[0] }],
    });
    expect(elsewhere.json().error.message).toBe('Cette facture n’appartient pas au dossier.');
    const unknownReason = await post(`/cases/${d5.caseId}/disputes`, { reason: 'weather', claims: [] });
    expect(unknownReason.statusCode).toBe(400);
  });

  it('has French and English words for every refusal of promises and disputes', () => {
    const reasons = [
      'promise_case_closed',
      'promise_schedule_empty',
      'promise_too_many_dates',
      'promise_date_invalid',
      'promise_date_past',
      'promise_dates_not_increasing',
      'promise_beyond_horizon',
      'promise_amount_invalid',
      'promise_exceeds_outstanding',
      'promise_not_found',
      'promise_plan_active',
      'promise_not_open',
      'dispute_not_found',
      'dispute_not_open',
      'dispute_deadline_invalid',
      'dispute_no_claim',
      'dispute_claim_twice',
      'dispute_claim_not_in_case',
      'dispute_claim_not_open',
      'dispute_amount_invalid',
      'dispute_owner_invalid',
      'dispute_amount_not_expected',
      'dispute_resolution_amount_invalid',
      'dispute_document_size',
      'dispute_document_missing',
    ];
    for (const reason of reasons) {
      const fr = errorMessage('invalid_input', 'fr', { reason }, '?');
      const en = errorMessage('invalid_input', 'en', { reason }, '?');
      expect([fr, en], reason).not.toContain('?');
      expect(fr, reason).not.toBe(en);
    }
  });
});
