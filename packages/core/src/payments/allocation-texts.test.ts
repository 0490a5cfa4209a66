import { describe, expect, it } from 'vitest';
import { allocatePayment } from './allocate.ts';
import { describeAllocation, describeAllocationStep } from './allocation-texts.ts';
import type { AllocationClaim, AllocationStep } from './allocation-types.ts';

// formatMoney writes French amounts with a no-break space: '120,00 €'.
const NBSP = '\u00a0';

type Case = { readonly step: AllocationStep; readonly fr: string; readonly en: string };

const line = { claimId: 'c1', invoiceNumber: 'F-1001', amountMinor: 12_000, rule: 'legal_order' } as const;

const cases: readonly Case[] = [
  {
    step: { kind: 'allocated', ...line, part: 'interest' },
    fr: `120,00${NBSP}€ sur les intérêts de la facture F-1001 (art. 1343-1 du Code civil : les intérêts d’abord)`,
    en: '€120.00 to the interest on invoice F-1001 (Civil Code art. 1343-1: interest first)',
  },
  {
    step: { kind: 'allocated', ...line, part: 'fees', amountMinor: 4_000 },
    fr: `40,00${NBSP}€ sur les frais et indemnités de la facture F-1001 (accessoires imputés avant le capital, Cass. civ. 1re, 7 février 1995)`,
    en: '€40.00 to the fees on invoice F-1001 (accessories before principal, Cass. civ. 1, 7 Feb 1995)',
  },
  {
    step: { kind: 'allocated', ...line, part: 'principal', amountMinor: 123_456 },
    fr: `1${NBSP}234,56${NBSP}€ sur le principal de la facture F-1001 (art. 1343-1 du Code civil : le capital après les intérêts et frais)`,
    en: '€1,234.56 to the principal of invoice F-1001 (Civil Code art. 1343-1: principal after interest and fees)',
  },
  {
    step: { kind: 'designated', claimId: 'c2', invoiceNumber: 'F-1002' },
    fr: 'Facture F-1002 désignée par le débiteur (art. 1342-10 du Code civil : le débiteur choisit la dette qu’il acquitte)',
    en: 'Invoice F-1002 designated by the debtor (Civil Code art. 1342-10: the debtor chooses the debt paid)',
  },
  {
    step: { kind: 'designation_ignored', claimId: 'F-9999', invoiceNumber: null, reason: 'unknown' },
    fr: 'Désignation « F-9999 » ignorée : aucune facture ouverte du dossier ne correspond',
    en: 'Designation "F-9999" ignored: no open invoice of the case matches it',
  },
  {
    step: { kind: 'designation_ignored', claimId: 'c2', invoiceNumber: 'F-1002', reason: 'settled' },
    fr: 'Facture F-1002 désignée par le débiteur mais déjà soldée : désignation ignorée',
    en: 'Invoice F-1002 designated by the debtor but already paid: designation ignored',
  },
  {
    step: { kind: 'disputed_skipped', claimId: 'c3', invoiceNumber: 'F-1003' },
    fr: 'Facture F-1003 contestée : rien n’y est imputé sans désignation du débiteur',
    en: 'Invoice F-1003 disputed: nothing goes to it unless the debtor designates it',
  },
  {
    step: {
      kind: 'pro_rata',
      phase: 'principal',
      rule: 'legal_pro_rata',
      amountMinor: 10_000,
      invoiceNumbers: ['F-1', 'F-2', 'F-3'],
    },
    fr: `100,00${NBSP}€ du principal répartis au prorata entre les factures F-1, F-2, F-3 (art. 1342-10 du Code civil : toutes choses égales, proportionnellement)`,
    en: '€100.00 to principal split pro rata between invoices F-1, F-2, F-3 (Civil Code art. 1342-10: all things equal, pro rata)',
  },
  {
    step: { kind: 'settled', claimId: 'c1', invoiceNumber: 'F-1001' },
    fr: 'Facture F-1001 soldée',
    en: 'Invoice F-1001 paid in full',
  },
  {
    step: { kind: 'credit', amountMinor: 1_500 },
    fr: `Trop-perçu de 15,00${NBSP}€ conservé en avoir`,
    en: 'Overpayment of €15.00 kept as a credit',
  },
  {
    step: {
      kind: 'instalment',
      seq: 2,
      dueOn: '2026-04-05',
      amountMinor: 6_000,
      settles: true,
      leftMinor: 0,
    },
    fr: `60,00${NBSP}€ sur l’échéance n° 2 du 05/04/2026 de l’échéancier : échéance réglée`,
    en: '€60.00 to instalment 2 of the plan, due on 5 Apr 2026: paid in full',
  },
  {
    step: {
      kind: 'instalment',
      seq: 3,
      dueOn: '2026-05-05',
      amountMinor: 3_000,
      settles: false,
      leftMinor: 7_000,
    },
    fr: `30,00${NBSP}€ sur l’échéance n° 3 du 05/05/2026 de l’échéancier : il reste 70,00${NBSP}€ à payer`,
    en: '€30.00 to instalment 3 of the plan, due on 5 May 2026: €70.00 still to pay',
  },
];

describe('describeAllocationStep', () => {
  it.each(cases)('$step.kind ($en)', ({ step, fr, en }) => {
    expect(describeAllocationStep(step, 'EUR', 'fr')).toBe(fr);
    expect(describeAllocationStep(step, 'EUR', 'en')).toBe(en);
  });

  it('words the claim order of the law and of the creditor', () => {
    const claims = [
      {
        claimId: 'a',
        invoiceNumber: 'F-1',
        rank: 1,
        dueDate: '2026-01-15',
        due: true,
        bearsAccessories: true,
      },
      {
        claimId: 'b',
        invoiceNumber: 'F-2',
        rank: 2,
        dueDate: '2026-06-30',
        due: false,
        bearsAccessories: false,
      },
    ];
    const legal: AllocationStep = { kind: 'claim_order', order: 'legal', claims };
    expect(describeAllocationStep(legal, 'EUR', 'fr')).toMatch(
      /^Ordre légal entre les autres factures \(art\. 1342-10 du Code civil : .*\) ; .* : 1\. F-1 \(échue le 15\/01\/2026, avec intérêts ou frais\) ; 2\. F-2 \(non échue, échéance le 30\/06\/2026\)$/,
    );
    expect(describeAllocationStep(legal, 'EUR', 'en')).toMatch(
      /^Legal order between the other invoices \(Civil Code art\. 1342-10: .*\); .*: 1\. F-1 \(due on 15 Jan 2026, with interest or fees\); 2\. F-2 \(not yet due, due on 30 Jun 2026\)$/,
    );
    const creditor: AllocationStep = { kind: 'claim_order', order: 'oldest_due_first', claims };
    expect(describeAllocationStep(creditor, 'EUR', 'en')).toMatch(/^Order chosen by the creditor/);
  });
});

describe('describeAllocation', () => {
  it('tells a whole allocation, step by step, in French and in English', () => {
    const claim = (claimId: string, fields: Partial<AllocationClaim>): AllocationClaim => ({
      claimId,
      invoiceNumber: claimId,
      dueDate: '2026-01-15',
      issueDate: null,
      principalMinor: 0,
      interestMinor: 0,
      feesMinor: 0,
      disputed: false,
      currency: 'EUR',
      ...fields,
    });
    const result = allocatePayment({
      payment: {
        amountMinor: 17_500,
        currency: 'EUR',
        receivedOn: '2026-03-01',
        designatedClaimIds: ['F-1002'],
      },
      claims: [
        claim('F-1001', { principalMinor: 10_000, interestMinor: 1_200 }),
        claim('F-1002', { principalMinor: 5_000 }),
      ],
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(describeAllocation(result.value, 'en')).toEqual([
      'Invoice F-1002 designated by the debtor (Civil Code art. 1342-10: the debtor chooses the debt paid)',
      '€50.00 to the principal of invoice F-1002 (Civil Code art. 1343-1: principal after interest and fees)',
      '€12.00 to the interest on invoice F-1001 (Civil Code art. 1343-1: interest first)',
      '€100.00 to the principal of invoice F-1001 (Civil Code art. 1343-1: principal after interest and fees)',
      'Invoice F-1002 paid in full',
      'Invoice F-1001 paid in full',
      'Overpayment of €13.00 kept as a credit',
    ]);
    expect(describeAllocation(result.value, 'fr').at(-1)).toBe(
      `Trop-perçu de 13,00${NBSP}€ conservé en avoir`,
    );
  });
});
