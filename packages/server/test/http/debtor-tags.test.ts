import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { type SeededTenant, seedTenant } from './seed.ts';
import { signInAs, testServer, today } from './support.ts';

describeEachDatabase('http PATCH /debtors/:debtorId (tags)', (ctx) => {
  let app: FastifyInstance;
  let a: SeededTenant;
  let b: SeededTenant;

  beforeAll(async () => {
    ({ app } = await testServer(ctx.handle));
    a = await seedTenant(ctx.handle.db, 'A');
    b = await seedTenant(ctx.handle.db, 'B');
  });
  afterAll(async () => {
    await app?.close();
  });

  const patch = async (email: string, debtorId: string, tags: unknown, language = 'fr') =>
    app.inject({
      method: 'PATCH',
      url: `/api/v1/debtors/${debtorId}`,
      headers: { ...(await signInAs(app, email)), 'accept-language': language },
      payload: { tags },
    });
  const tagsOf = async (debtorId: string) =>
    (
      await ctx.handle.db
        .selectFrom('debtors')
        .select('tags')
        .where('debtor_id', '=', debtorId)
        .executeTakeFirstOrThrow()
    ).tags;

  it('sets the tags as kept (normalised), answers the debtor, audits the change and queues the open case for today', async () => {
    const d1 = a.debtors.D1!;
    await ctx.handle.db
      .updateTable('cases')
      .set({ next_run_on: '2026-04-20' })
      .where('case_id', '=', d1.caseId)
      .execute();
    const response = await patch(a.users.supervisor.email, d1.debtorId, [' Senior', 'VIP', 'vip']);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ id: d1.debtorId, ref: 'D1', tags: ['senior', 'vip'] });
    expect(body.cases.map((c: { id: string }) => c.id)).toEqual([d1.caseId]);
    expect(await tagsOf(d1.debtorId)).toBe('["senior","vip"]');

    const queued = await ctx.handle.db
      .selectFrom('cases')
      .select('next_run_on')
      .where('case_id', '=', d1.caseId)
      .executeTakeFirstOrThrow();
    expect(queued.next_run_on).toBe(today);

    const audit = await ctx.handle.db
      .selectFrom('audit_log')
      .select(['actor_kind', 'actor_id', 'action', 'entity_kind', 'data'])
      .where('tenant_id', '=', a.tenantId)
      .where('action', '=', 'debtor.tags_set')
      .where('entity_id', '=', d1.debtorId)
      .execute();
    expect(audit).toHaveLength(1);
    expect({ ...audit[0], data: JSON.parse(audit[0]!.data) }).toEqual({
      actor_kind: 'user',
      actor_id: a.users.supervisor.id,
      action: 'debtor.tags_set',
      entity_kind: 'debtor',
      data: { before: [], after: ['senior', 'vip'], requeuedCases: 1 },
    });

    const read = await app.inject({
      method: 'GET',
      url: `/api/v1/debtors/${d1.debtorId}`,
      headers: await signInAs(app, a.users.agent.email),
    });
    expect(read.json().tags).toEqual(['senior', 'vip']);
  });

  it('says which tag is wrong and why, in French and in English, and changes nothing', async () => {
    const d3 = a.debtors.D3!;
    const long = `Trop-${'x'.repeat(40)}`;
    const fr = await patch(a.users.admin.email, d3.debtorId, ['senior', long]);
    expect(fr.statusCode).toBe(400);
    expect(fr.json().error).toMatchObject({
      code: 'invalid_input',
      message: `L’étiquette « ${long} » dépasse 40 caractères.`,
      details: { reason: 'debtor_tag_invalid', problem: 'too_long', position: 2 },
    });
    const en = await patch(a.users.admin.email, d3.debtorId, ['senior', long], 'en');
    expect(en.json().error.message).toBe(`The tag "${long}" is longer than 40 characters.`);
    const empty = await patch(a.users.admin.email, d3.debtorId, ['senior', 'actif', '   '], 'en');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe('Tag 3 is empty.');
    const many = await patch(
      a.users.admin.email,
      d3.debtorId,
      Array.from({ length: 21 }, (_, i) => `t${i}`),
    );
    expect(many.statusCode).toBe(400);
    expect(many.json().error.message).toBe('Un débiteur a au plus 20 étiquettes (21 demandées).');
    const notAList = await patch(a.users.admin.email, d3.debtorId, 'senior');
    expect(notAList.statusCode).toBe(400);
    expect(await tagsOf(d3.debtorId)).toBe('[]');
  });

  it('lets an agent set them, refuses the client role, and answers 404 for another tenant’s debtor', async () => {
    const d2 = a.debtors.D2!;
    expect((await patch(a.users.agent.email, d2.debtorId, ['actif'])).statusCode).toBe(200);
    const client = await patch(a.users.client.email, d2.debtorId, ['senior']);
    expect(client.statusCode).toBe(403);
    expect(client.json().error.code).toBe('forbidden');
    expect(await tagsOf(d2.debtorId)).toBe('["actif"]');

    const foreign = await patch(a.users.admin.email, b.debtors.D2!.debtorId, ['senior']);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error).toMatchObject({ code: 'not_found', message: 'Débiteur introuvable.' });
    expect(await tagsOf(b.debtors.D2!.debtorId)).toBe('[]');
    expect((await patch(a.users.admin.email, 'unknown', ['senior'])).statusCode).toBe(404);
  });
});
