import { isValidRfReference } from '@relance/core';
import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/db/ids.ts';
import { loadTemplateVariables } from '../../src/use-cases/templates/case-variables.ts';
import { ensurePaymentReference } from '../../src/use-cases/templates/payment-reference.ts';
import { renderContent } from '../../src/use-cases/templates/render-content.ts';
import { resolveTemplate } from '../../src/use-cases/templates/resolve-template.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { now, today } from '../http/support.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('templates: variables and rendering', (ctx) => {
  let t: SeededTenant;
  let caseId: string;

  beforeAll(async () => {
    const db = ctx.handle.db;
    t = await seedTenant(db, 'Render');
    caseId = t.debtors.D1?.caseId ?? '';
    await db
      .insertInto('tenant_settings')
      .values({
        tenant_id: t.tenantId,
        key: 'identity',
        value: JSON.stringify({
          legalName: 'Recouvrement Rhône SAS',
          address: { lines: ['8 place Bellecour'], postalCode: '69002', city: 'Lyon', country: 'FR' },
          email: 'contact@recouvrement-rhone.example',
          phone: '+33 4 72 00 00 00',
          registration: 'RCS Lyon 404 833 048',
          signatory: 'Service recouvrement',
          iban: 'FR7630006000011234567890189',
          bic: 'AGRIFRPP',
          activityStatement: null,
        }),
        version: 1,
        updated_by: null,
        updated_at: now,
      })
      .execute();
    await db
      .updateTable('creditors')
      .set({
        details: JSON.stringify({
          address: { lines: ['4 quai du Port'], postalCode: '13002', city: 'Marseille', country: 'FR' },
          registration: 'SIREN 732 829 320',
          iban: 'FR1420041010050500013M02606',
        }),
      })
      .where('creditor_id', '=', t.creditors.acme)
      .execute();
    for (const [reference, at] of [
      ['L-2026-000101', '2026-02-10T09:00:00.000Z'],
      ['L-2026-000123', '2026-03-01T09:00:00.000Z'],
    ] as const) {
      await db
        .insertInto('postal_items')
        .values({
          tenant_id: t.tenantId,
          item_id: newId(),
          action_id: newId(),
          case_id: caseId,
          kind: 'letter',
          reference,
          document_id: newId(),
          status: 'posted',
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
  });

  it('loads the case: parties, open claims, balance split, payment, letters, deadline, in French', async () => {
    const v = await loadTemplateVariables(ctx.handle.db, t.tenantId, caseId, { language: 'fr', today });
    expect(v.debtor).toMatchObject({
      name: 'Boulangerie Dupont',
      kind: 'business',
      ref: 'D1',
      email: 'compta@dupont.example',
      address: { lines: ['1 rue de la Paix', '75002 Paris'] },
      registration: 'SIREN 123 456 782',
    });
    expect(v.creditor).toMatchObject({
      name: 'ACME Render',
      address: { lines: ['4 quai du Port', '13002 Marseille'] },
      registration: 'SIREN 732 829 320',
    });
    expect(v.collector).toMatchObject({
      name: 'Recouvrement Rhône SAS',
      isAgency: true,
      signatory: 'Service recouvrement',
    });
    expect(v.claims).toHaveLength(1);
    expect(v.claims[0]).toMatchObject({
      number: 'F-1001',
      daysLate: 45,
      outstanding: { minor: 1200_00, currency: 'EUR', text: '1\u00a0200,00\u00a0€' },
      label: 'Facture F-1001 du 31 décembre 2025, échue le 30 janvier 2026',
    });
    expect(v.balance.principal.minor).toBe(1200_00);
    expect(v.balance.compensation.minor).toBe(40_00);
    expect(v.balance.interest.minor).toBeGreaterThan(0);
    expect(v.balance.total.minor).toBe(1200_00 + 40_00 + v.balance.interest.minor);
    expect(v.balance.total.text).not.toContain('\u202f');
    // An agency: its own dedicated account receives the payment.
    expect(v.payment).toMatchObject({
      beneficiary: 'Recouvrement Rhône SAS',
      iban: 'FR7630006000011234567890189',
      ibanText: 'FR76 3000 6000 0112 3456 7890 189',
      bic: 'AGRIFRPP',
    });
    expect(isValidRfReference(v.payment.reference)).toBe(true);
    expect(v.payment.link).toBe(`http://127.0.0.1:3000/pay/${v.payment.reference}`);
    expect(v.firstLetter).toEqual({
      reference: 'L-2026-000101',
      date: { iso: '2026-02-10', text: '10 février 2026' },
    });
    expect(v.previousLetter?.reference).toBe('L-2026-000123');
    expect(v.deadline).toEqual({ date: { iso: '2026-03-24', text: '24 mars 2026' }, days: 8 });
    expect(v.today.text).toBe('16 mars 2026');
  });

  it('writes to an imported (unverified) postal address, never to one known to be wrong', async () => {
    const db = ctx.handle.db;
    const debtor = t.debtors.D1?.debtorId ?? '';
    const postal = (line1: string, validity: 'valid' | 'unverified' | 'invalid') => ({
      tenant_id: t.tenantId,
      contact_id: newId(),
      debtor_id: debtor,
      kind: 'postal' as const,
      value: `${line1} 75011 Paris`,
      address_line1: line1,
      postal_code: '75011',
      city: 'Paris',
      country: 'FR',
      validity,
      consent: 'unknown' as const,
      source: 'test',
      created_at: now,
      updated_at: now,
    });
    await db
      .updateTable('contacts')
      .set({ validity: 'invalid' })
      .where('debtor_id', '=', debtor)
      .where('kind', '=', 'postal')
      .execute();
    await db.insertInto('contacts').values(postal('9 rue Oberkampf', 'unverified')).execute();
    let v = await loadTemplateVariables(db, t.tenantId, caseId, { language: 'fr', today });
    expect(v.debtor.address?.lines[0]).toBe('9 rue Oberkampf');
    await db.insertInto('contacts').values(postal('2 rue Saint-Maur', 'valid')).execute();
    v = await loadTemplateVariables(db, t.tenantId, caseId, { language: 'fr', today });
    expect(v.debtor.address?.lines[0]).toBe('2 rue Saint-Maur');
    await db
      .updateTable('contacts')
      .set({ validity: 'invalid' })
      .where('debtor_id', '=', debtor)
      .where('kind', '=', 'postal')
      .execute();
    v = await loadTemplateVariables(db, t.tenantId, caseId, { language: 'fr', today });
    expect(v.debtor.address).toBeNull();
    await db
      .updateTable('contacts')
      .set({ validity: 'valid' })
      .where('debtor_id', '=', debtor)
      .where('address_line1', '=', '1 rue de la Paix')
      .execute();
  });

  it('gives a case one RF reference at first use, and keeps it', async () => {
    const other = t.debtors.D5?.caseId ?? '';
    const first = await ensurePaymentReference(ctx.handle.db, t.tenantId, other);
    expect(isValidRfReference(first)).toBe(true);
    expect(await ensurePaymentReference(ctx.handle.db, t.tenantId, other)).toBe(first);
    const v = await loadTemplateVariables(ctx.handle.db, t.tenantId, other, { language: 'en', today });
    expect(v.payment.reference).toBe(first);
    expect(v.payment.referenceText.replaceAll(' ', '')).toBe(first);
    const d1 = await ensurePaymentReference(ctx.handle.db, t.tenantId, caseId);
    expect(d1).not.toBe(first);
  });

  it('renders the shipped e-mail as text and escaped HTML, with the first letter recalled', async () => {
    await ctx.handle.db
      .updateTable('debtors')
      .set({ name: 'Dupont & <Fils>' })
      .where('debtor_id', '=', t.debtors.D1?.debtorId ?? '')
      .execute();
    const out = await renderContent(ctx.handle.db, t.tenantId, {
      caseId,
      template: 'reminder-email',
      channel: 'email',
      language: 'en',
      today,
      agentName: 'Claire Martin',
    });
    expect(out.templateVersion).toBe('shipped:reminder-email/email/en');
    expect(out.subject).toMatch(/^Reminder: €1,2\d\d\.\d\d outstanding — file ACME-D1$/);
    expect(out.text).toContain('Reminder: our letter reference L-2026-000101 of 10 February 2026.');
    expect(out.text).toContain(
      '- Invoice F-1001 of 31 December 2025, due 30 January 2026: €1,200.00 outstanding',
    );
    expect(out.text).toContain('Claire Martin');
    expect(out.text).not.toMatch(/\n{3}/);
    expect(out.html).toContain(`<a href="${out.variables.payment.link}">`);
    expect(out.variables.debtor.name).toBe('Dupont & <Fils>');
    expect(out.html).not.toContain('<Fils>');
  });

  it('uses the tenant’s newest version, and the other language when neither has one', async () => {
    const db = ctx.handle.db;
    for (const version of [1, 2]) {
      await db
        .insertInto('templates')
        .values({
          tenant_id: t.tenantId,
          template_id: newId(),
          key: 'custom-note',
          channel: 'sms',
          language: 'fr',
          version,
          subject: null,
          body: `v${version} {{debtor.name}} doit {{balance.total}}`,
          created_by: null,
          created_at: now,
        })
        .execute();
    }
    const sms = await renderContent(db, t.tenantId, {
      caseId,
      template: 'custom-note',
      channel: 'sms',
      language: 'fr',
      today,
    });
    expect(sms.text).toMatch(/^v2 Dupont & <Fils> doit 1 2\d\d,\d\d €$/);
    expect(sms.html).toBeNull();
    expect(sms.subject).toBeNull();
    const fallback = await resolveTemplate(db, t.tenantId, 'custom-note', 'sms', 'en');
    expect(fallback).toMatchObject({ language: 'fr', version: 2, source: 'tenant' });
    expect(fallback?.note?.en).toContain('French');
    await expect(
      renderContent(db, t.tenantId, { caseId, template: 'nowhere', channel: 'sms', language: 'fr', today }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
