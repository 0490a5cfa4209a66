import { makeIban } from '@relance/core';
import { beforeAll, expect, it } from 'vitest';
import type { Deps } from '../../src/shared/deps.ts';
import { agencyParticulars } from '../../src/use-cases/agency/particulars.ts';
import { previewLetter } from '../../src/use-cases/letters/preview-letter.ts';
import { getTenantIdentity, setTenantIdentity } from '../../src/use-cases/templates/identities.ts';
import { type SeededTenant, seedTenant } from '../http/seed.ts';
import { testDeps } from '../http/support.ts';
import { pdfText } from '../letters/pdf-inspect.ts';
import { describeEachDatabase } from '../support/databases.ts';

const identity = {
  legalName: 'Recouvrement Test SAS',
  address: { lines: ['1 place Bellecour'], postalCode: '69002', city: 'Lyon', country: 'FR' },
  iban: makeIban('FR', '30004008190001234567805'),
  insurer: 'Mutuelle Test Assurances',
  insurancePolicy: 'RCP-42',
  declarationCourt: 'tribunal judiciaire de Lyon',
  declarationDate: '2025-11-04',
};

/** R124-2: the agency's insurance and its declaration to the public prosecutor, printed on its letters. */
describeEachDatabase('agency particulars on letters', (ctx) => {
  let deps: Deps;
  let tenant: SeededTenant;
  const admin = () => ({
    tenantId: tenant.tenantId,
    kind: 'user' as const,
    id: tenant.users.admin.id,
    role: 'admin' as const,
    creditorId: null,
  });

  beforeAll(async () => {
    deps = testDeps(ctx.handle);
    tenant = await seedTenant(ctx.handle.db, 'L');
    await setTenantIdentity(deps, admin(), identity);
  });

  it('prints the insurer, the policy and the declaration among the R124-4 mentions, in French and English', async () => {
    const fr = await previewLetter(deps, admin(), {
      caseOrDebtor: tenant.debtors.D1?.caseId ?? '',
      kind: 'letter',
    });
    const text = await pdfText(fr.pdf);
    expect(text).toContain(
      'Assurance responsabilité civile professionnelle : Mutuelle Test Assurances, contrat n° RCP-42.',
    );
    expect(text).toContain(
      'Activité déclarée au procureur de la République près le tribunal judiciaire de Lyon le 4 novembre 2025 (CPCE R124-2).',
    );
    const en = await previewLetter(deps, admin(), {
      caseOrDebtor: tenant.debtors.D1?.caseId ?? '',
      kind: 'formal_notice',
      language: 'en',
    });
    const english = await pdfText(en.pdf);
    expect(english).toContain(
      'Professional liability insurance: Mutuelle Test Assurances, policy no. RCP-42.',
    );
    expect(english).toContain(
      'Activity declared to the public prosecutor at the tribunal judiciaire de Lyon on 4 November 2025 (CPCE R124-2).',
    );
  });

  it('keeps them when an identity is saved by a form that does not know them; empties them when asked', async () => {
    const {
      insurer: _i,
      insurancePolicy: _p,
      declarationCourt: _c,
      declarationDate: _d,
      ...older
    } = identity;
    const saved = await setTenantIdentity(deps, admin(), { ...older, phone: '04 72 00 00 00' });
    expect(saved.identity).toMatchObject({ insurer: 'Mutuelle Test Assurances', phone: '04 72 00 00 00' });
    const emptied = await setTenantIdentity(deps, admin(), {
      ...identity,
      insurer: '',
      insurancePolicy: null,
    });
    expect(emptied.identity).toMatchObject({ insurer: null, insurancePolicy: null });
    expect((await getTenantIdentity(deps, admin())).identity?.declarationCourt).toBe(
      'tribunal judiciaire de Lyon',
    );
  });
});

it('says nothing for a creditor collecting its own invoices, or without particulars', () => {
  const date = (iso: string) => iso;
  expect(agencyParticulars(null, true, 'fr', date)).toEqual({ insurance: null, declaration: null });
  const full = {
    legalName: 'X',
    address: null,
    email: null,
    phone: null,
    registration: null,
    signatory: null,
    iban: null,
    bic: null,
    activityStatement: null,
    insurer: 'Assureur',
    insurancePolicy: null,
    declarationCourt: null,
    declarationDate: null,
  };
  expect(agencyParticulars(full, false, 'fr', date)).toEqual({ insurance: null, declaration: null });
  expect(agencyParticulars(full, true, 'en', date)).toEqual({
    insurance: 'Professional liability insurance: Assureur.',
    declaration: null,
  });
});
