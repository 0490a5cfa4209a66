import { DomainError } from '@relance/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SeededTenant, seedTenant } from '../../../test/http/seed.ts';
import { testDeps } from '../../../test/http/support.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import type { Role } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { normaliseTags, setDebtorTags } from './set-debtor-tags.ts';

function refusal(run: () => unknown): Readonly<Record<string, unknown>> | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, ...error.details };
    throw error;
  }
  return undefined;
}

describe('normaliseTags', () => {
  it.each([
    [[], []],
    [
      [' Senior ', 'actif'],
      ['actif', 'senior'],
    ],
    [['VIP', 'vip', ' vip'], ['vip']],
    [
      ['Élevé', 'b2b'],
      ['b2b', 'élevé'],
    ],
    [['x'.repeat(40)], ['x'.repeat(40)]],
  ])('%j → %j', (input, expected) => {
    expect(normaliseTags(input)).toEqual(expected);
  });

  it('names the tag that is empty, too long or holds a separator, and refuses more than 20', () => {
    expect(refusal(() => normaliseTags(['senior', '  ']))).toMatchObject({
      code: 'invalid_input',
      reason: 'debtor_tag_invalid',
      problem: 'empty',
      position: 2,
    });
    expect(refusal(() => normaliseTags(['ok', 'y'.repeat(41)]))).toMatchObject({
      code: 'invalid_input',
      reason: 'debtor_tag_invalid',
      problem: 'too_long',
      tag: 'y'.repeat(41),
      position: 2,
    });
    // An import splits its tags cell on , ; | — a tag holding one would not come back whole.
    expect(refusal(() => normaliseTags(['a, b']))).toMatchObject({
      reason: 'debtor_tag_invalid',
      problem: 'separator',
      tag: 'a, b',
      position: 1,
    });
    const many = Array.from({ length: 21 }, (_, i) => `t${i}`);
    expect(refusal(() => normaliseTags(many))).toMatchObject({ reason: 'debtor_tags_too_many', count: 21 });
    // Duplicates count once.
    expect(normaliseTags([...many.slice(0, 20), 'T0'])).toHaveLength(20);
  });
});

describeEachDatabase('setDebtorTags', (ctx) => {
  let deps: Deps;
  let tenant: SeededTenant;
  let other: SeededTenant;
  const actor = (t: SeededTenant, role: Role): Actor => ({
    tenantId: t.tenantId,
    kind: 'user',
    id: t.users[role].id,
    role,
    creditorId: role === 'client' ? t.creditors.acme : null,
  });

  beforeAll(async () => {
    deps = testDeps(ctx.handle);
    tenant = await seedTenant(ctx.handle.db, 'U');
    other = await seedTenant(ctx.handle.db, 'V');
  });

  const caseOf = (caseId: string) =>
    ctx.handle.db
      .selectFrom('cases')
      .select(['next_run_on', 'strategy_key'])
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();

  it('keeps the tags normalised, queues the open cases for today, and audits the previous tags', async () => {
    const d1 = tenant.debtors.D1!;
    await ctx.handle.db
      .updateTable('cases')
      .set({ next_run_on: '2026-04-02', strategy_key: 'b2b-standard' })
      .where('case_id', '=', d1.caseId)
      .execute();
    const detail = await setDebtorTags(deps, actor(tenant, 'agent'), d1.debtorId, {
      tags: ['Senior', ' VIP ', 'vip'],
    });
    expect(detail.tags).toEqual(['senior', 'vip']);
    expect(await caseOf(d1.caseId)).toEqual({ next_run_on: '2026-03-16', strategy_key: 'b2b-standard' });

    await setDebtorTags(deps, actor(tenant, 'supervisor'), d1.debtorId, { tags: ['actif'] });
    const audits = await ctx.handle.db
      .selectFrom('audit_log')
      .select(['actor_id', 'action', 'entity_kind', 'data'])
      .where('tenant_id', '=', tenant.tenantId)
      .where('entity_id', '=', d1.debtorId)
      .orderBy('at')
      .orderBy('audit_id')
      .execute();
    expect(audits.map((a) => [a.actor_id, a.action, a.entity_kind, JSON.parse(a.data)])).toEqual(
      expect.arrayContaining([
        [
          tenant.users.agent.id,
          'debtor.tags_set',
          'debtor',
          { before: [], after: ['senior', 'vip'], requeuedCases: 1 },
        ],
        [
          tenant.users.supervisor.id,
          'debtor.tags_set',
          'debtor',
          { before: ['senior', 'vip'], after: ['actif'], requeuedCases: 0 },
        ],
      ]),
    );
    expect(audits).toHaveLength(2);
  });

  it('leaves a case queued earlier and a closed case as they are', async () => {
    const d5 = tenant.debtors.D5!;
    const d4 = tenant.debtors.D4!;
    await ctx.handle.db
      .updateTable('cases')
      .set({ next_run_on: '2026-03-10' })
      .where('case_id', '=', d5.caseId)
      .execute();
    await ctx.handle.db
      .updateTable('cases')
      .set({ next_run_on: '2026-05-01' })
      .where('case_id', '=', d4.caseId)
      .execute();
    await setDebtorTags(deps, actor(tenant, 'admin'), d5.debtorId, { tags: ['senior'] });
    await setDebtorTags(deps, actor(tenant, 'admin'), d4.debtorId, { tags: ['senior'] });
    expect((await caseOf(d5.caseId)).next_run_on).toBe('2026-03-10');
    expect((await caseOf(d4.caseId)).next_run_on).toBe('2026-05-01');
  });

  it('refuses a client, and answers not found for another tenant’s debtor without touching it', async () => {
    const d2 = tenant.debtors.D2!;
    await expect(
      setDebtorTags(deps, actor(tenant, 'client'), d2.debtorId, { tags: ['senior'] }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      setDebtorTags(deps, actor(tenant, 'admin'), other.debtors.D2!.debtorId, { tags: ['senior'] }),
    ).rejects.toMatchObject({ code: 'not_found', details: { reason: 'debtor_not_found' } });
    const tags = await ctx.handle.db
      .selectFrom('debtors')
      .select(['debtor_id', 'tags'])
      .where('debtor_id', 'in', [d2.debtorId, other.debtors.D2!.debtorId])
      .execute();
    expect(tags.map((t) => t.tags)).toEqual(['[]', '[]']);
  });
});
