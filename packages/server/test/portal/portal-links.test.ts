import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { readLinkToken, signLinkToken } from '../../src/channels/payments/payment-links.ts';
import { checkPortalIdentity } from '../../src/use-cases/portal/check-identity.ts';
import { openPortal } from '../../src/use-cases/portal/open-portal.ts';
import { revokePaymentLink } from '../../src/use-cases/portal/payment-links-of-case.ts';
import { getPortalCase } from '../../src/use-cases/portal/portal-case.ts';
import { signPortalSession } from '../../src/use-cases/portal/portal-session.ts';
import { ensurePaymentReference } from '../../src/use-cases/templates/payment-reference.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { NOW, portalWorld, refusal } from './world.ts';

describeEachDatabase('payment links and the identity check', (ctx) => {
  const world = () => portalWorld(ctx.handle);
  const linkRows = (tenantId: string) =>
    ctx.handle.db
      .selectFrom('payment_links')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .orderBy('created_at')
      .execute();

  it('opens on the creditor’s name alone, counts each opening, and ties the link to its message', async () => {
    const w = await world();
    const { key, actionId } = await w.link(w.dupont);
    expect(key).toMatch(/^[A-Za-z0-9_-]{94}$/);
    expect(readLinkToken(key)).toMatchObject({ tenantId: w.tenantId, caseId: w.dupont, linkId: actionId });
    const entry = await openPortal(w.deps, key, undefined);
    expect(entry).toEqual({
      state: 'check',
      creditorName: 'Acme SAS',
      language: 'fr',
      hasBalance: true,
      attemptsLeft: 5,
      otherWays: null,
    });
    await openPortal(w.deps, key, undefined);
    const [row] = await linkRows(w.tenantId);
    expect(row).toMatchObject({
      link_id: actionId,
      case_id: w.dupont,
      action_id: actionId,
      purpose: 'pay',
      opened_count: 2,
      failed_checks: 0,
      expires_at: '2026-04-01T23:59:59.000Z',
    });
  });

  it('refuses a tampered token, one signed with another secret, and writes nothing', async () => {
    const w = await world();
    const { key } = await w.link(w.dupont);
    // Every character, the last one's spare bits included.
    for (let i = 0; i < key.length; i++) {
      const c = key[i] === 'B' ? 'C' : 'B';
      const tampered = key.slice(0, i) + c + key.slice(i + 1);
      const error = await refusal(openPortal(w.deps, tampered, undefined));
      expect(error.code).toBe('not_found');
      expect(error.details).toEqual({ reason: 'portal_link_invalid' });
    }
    const read = readLinkToken(key);
    if (!read) throw new Error('unreadable');
    const forged = signLinkToken({ ...read, expiresAt: '2027-01-01T00:00:00.000Z' }, randomBytes(32));
    expect((await refusal(openPortal(w.deps, forged, undefined))).code).toBe('not_found');
    expect((await refusal(openPortal(w.deps, 'RF00NOTAREFERENCE', undefined))).code).toBe('not_found');
    expect(await linkRows(w.tenantId)).toEqual([]);
  });

  it('after its expiry, says how else to pay and opens nothing', async () => {
    const w = await world();
    const { key } = await w.link(w.dupont);
    const later = w.at('2026-04-02T08:00:00.000Z');
    const entry = await openPortal(later, key, undefined);
    expect(entry.state).toBe('expired');
    expect(entry.otherWays?.reference).toMatch(/^RF\d\d /);
    const error = await refusal(checkPortalIdentity(later, key, '75002'));
    expect(error.code).toBe('forbidden');
    expect(error.details).toMatchObject({ reason: 'portal_link_closed', state: 'expired' });
    // The day before, it worked.
    expect((await openPortal(w.at('2026-04-01T21:00:00.000Z'), key, undefined)).state).toBe('check');
  });

  it('revoked (opened or not yet), it opens nothing, even with a cookie already given', async () => {
    const w = await world();
    const opened = await w.link(w.dupont);
    const cookie = await w.signIn(opened.key);
    await revokePaymentLink(w.deps, w.actor, opened.actionId);
    expect((await openPortal(w.deps, opened.key, cookie)).state).toBe('revoked');
    const error = await refusal(getPortalCase(w.deps, opened.key, cookie));
    expect(error.details).toMatchObject({ reason: 'portal_link_closed', state: 'revoked' });
    const unopened = await w.link(w.dupont);
    const view = await revokePaymentLink(w.deps, w.actor, unopened.actionId);
    expect(view).toMatchObject({ id: unopened.actionId, openedCount: 0, revokedAt: NOW });
    expect((await openPortal(w.deps, unopened.key, undefined)).state).toBe('revoked');
    const audit = await ctx.handle.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('tenant_id', '=', w.tenantId)
      .where('action', '=', 'payment_link.revoke')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('takes a postcode or the last four characters of an invoice number, spaces and case ignored', async () => {
    const w = await world();
    const { key } = await w.link(w.dupont);
    for (const answer of ['75002', ' 750 02 ', '0042', '0117']) {
      const passed = await checkPortalIdentity(w.deps, key, answer);
      expect(passed.expiresAt).toBe('2026-03-02T09:30:00.000Z');
      expect((await openPortal(w.deps, key, passed.session)).state).toBe('open');
    }
    // Another debtor's postcode and invoice are no answer for this case.
    expect((await refusal(checkPortalIdentity(w.deps, key, '69001'))).details).toMatchObject({
      reason: 'portal_check_failed',
      attemptsLeft: 4,
    });
    expect((await refusal(checkPortalIdentity(w.deps, key, '0300'))).details).toMatchObject({
      attemptsLeft: 3,
    });
  });

  it('locks the link at the fifth wrong answer, each one journaled; the right answer then opens nothing', async () => {
    const w = await world();
    const { key, actionId } = await w.link(w.dupont);
    for (const left of [4, 3, 2, 1]) {
      const error = await refusal(checkPortalIdentity(w.deps, key, '99999'));
      expect(error.code).toBe('invalid_input');
      expect(error.details).toEqual({ reason: 'portal_check_failed', attemptsLeft: left });
    }
    const locked = await refusal(checkPortalIdentity(w.deps, key, '99999'));
    expect(locked.code).toBe('forbidden');
    expect(locked.details).toEqual({ reason: 'portal_link_closed', state: 'locked' });
    expect((await refusal(checkPortalIdentity(w.deps, key, '75002'))).details).toMatchObject({
      state: 'locked',
    });
    expect((await openPortal(w.deps, key, undefined)).state).toBe('locked');
    const evidence = await ctx.handle.db
      .selectFrom('evidence')
      .select(['kind', 'actor', 'payload', 'case_id'])
      .where('tenant_id', '=', w.tenantId)
      .where('kind', '=', 'portal_identity_check')
      .orderBy('seq')
      .execute();
    expect(evidence.map((e) => JSON.parse(e.payload))).toEqual(
      [1, 2, 3, 4, 5].map((failures) => ({
        outcome: failures === 5 ? 'locked' : 'failed',
        failures,
        linkId: actionId,
        via: 'token',
      })),
    );
    expect(new Set(evidence.map((e) => `${e.actor}:${e.case_id}`))).toEqual(new Set([`debtor:${w.dupont}`]));
    // Another link of the same case is not locked by it.
    const other = await w.link(w.dupont);
    expect((await openPortal(w.deps, other.key, undefined)).state).toBe('check');
  });

  it('gives a cookie for that one case, for thirty minutes, signed with the tenant’s secret', async () => {
    const w = await world();
    const dupont = await w.link(w.dupont);
    const martin = await w.link(w.martin);
    const cookie = await w.signIn(dupont.key);
    expect((await getPortalCase(w.deps, dupont.key, cookie)).claims).toHaveLength(2);
    // Another link of the same case: the check holds for the case.
    const again = await w.link(w.dupont);
    expect((await getPortalCase(w.deps, again.key, cookie)).reference).toBe('ACME-SIREN:732829320');
    // Not for another case, nor after thirty minutes, nor forged.
    const refused = async (key: string, value: string | undefined, at = w.deps) =>
      (await refusal(getPortalCase(at, key, value))).details;
    expect(await refused(martin.key, cookie)).toEqual({ reason: 'portal_check_required' });
    expect(await refused(dupont.key, cookie, w.at('2026-03-02T09:30:01.000Z'))).toEqual({
      reason: 'portal_check_required',
    });
    expect(await refused(dupont.key, undefined)).toEqual({ reason: 'portal_check_required' });
    const forged = signPortalSession(
      {
        tenantId: w.tenantId,
        caseId: w.dupont,
        linkId: dupont.actionId,
        expiresAt: '2026-03-02T10:00:00.000Z',
      },
      randomBytes(32),
    );
    expect(await refused(dupont.key, forged)).toEqual({ reason: 'portal_check_required' });
    // One character changed (never to itself: the cookie is random base64url).
    const changed = cookie[20] === 'x' ? 'y' : 'x';
    expect(await refused(dupont.key, `${cookie.slice(0, 20)}${changed}${cookie.slice(21)}`)).toEqual({
      reason: 'portal_check_required',
    });
  });

  it('keeps the RF reference of a letter working: it asks the same check', async () => {
    const w = await world();
    // A letter gives the case its reference and prints `/pay/<reference>`.
    const key = await ensurePaymentReference(ctx.handle.db, w.tenantId, w.dupont);
    expect((await openPortal(w.deps, key, undefined)).state).toBe('check');
    expect((await openPortal(w.deps, key.toLowerCase(), undefined)).state).toBe('check');
    const cookie = await w.signIn(key, '0117');
    expect((await getPortalCase(w.deps, key, cookie)).claims.map((c) => c.invoiceNumber)).toEqual([
      'FA-2026-0042',
      'FA-2026-0117',
    ]);
    const rows = (await linkRows(w.tenantId)).filter((r) => r.created_by === 'reference');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      case_id: w.dupont,
      opened_count: 2,
      expires_at: '9999-12-31T23:59:59.999Z',
    });
  });
});
