import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../shared/money.ts';
import { makeRfReference } from '../rf-reference.ts';
import { buildAmountIndex } from './amount-index.ts';
import { lineKeys } from './line-keys.ts';
import { matchLine } from './match-line.ts';
import { describeLineReason, describeMatchReason } from './match-texts.ts';
import type { CaseCandidate, InvoiceHit, IssuedHit, LineFacts, MatchLookup } from './match-types.ts';

const kase = (
  caseId: string,
  debtorName: string,
  outstandingMinor: number,
  over: Partial<CaseCandidate> = {},
) => ({ caseId, debtorName, outstandingMinor, currency: 'EUR', status: 'open', ...over }) as CaseCandidate;

const cases = [
  kase('dupont', 'Boulangerie Dupont', 1200_00),
  kase('martin', 'Jean Martin', 300_00),
  kase('lumiere', 'Café Lumière', 450_00),
  kase('mixte', 'Mixte SAS', 900_00),
  kase('chf', 'Zurich AG', 500_00, { currency: 'CHF' }),
  kase('closed', 'Zoé Payée', 0, { status: 'closed' }),
  kase('martin2', 'Martine Durand', 300_00),
  kase('moreau1', 'Paul Moreau', 75_00),
  kase('moreau2', 'Moreau Paul SARL', 75_00),
];
const refs = new Map(cases.map((c, i) => [makeRfReference(`CASE${i}`), c]));
const refOf = (caseId: string) => [...refs.entries()].find(([, c]) => c.caseId === caseId)?.[0] ?? '';
const claims: readonly InvoiceHit[] = [
  { claimId: 'c-f1001', caseId: 'dupont', invoiceNumber: 'F-1001' },
  { claimId: 'c-m1', caseId: 'mixte', invoiceNumber: 'M-1' },
  { claimId: 'c-m2', caseId: 'mixte', invoiceNumber: 'M-2024' },
  { claimId: 'c-m4', caseId: 'mixte', invoiceNumber: 'M-2024-0004' },
  { claimId: 'c-2024', caseId: 'martin', invoiceNumber: '2024-0004' },
  { claimId: 'c-dup-a', caseId: 'dupont', invoiceNumber: 'A-777' },
  { claimId: 'c-dup-b', caseId: 'lumiere', invoiceNumber: 'A-777' },
];
const issued: readonly IssuedHit[] = [
  { id: '019a1b2c-3d4e-7f60-8a9b-0c1d2e3f4a5b', kind: 'plan', caseId: 'lumiere' },
];
const byInvoice = new Map<string, InvoiceHit[]>();
for (const c of claims)
  byInvoice.set(c.invoiceNumber.toUpperCase(), [...(byInvoice.get(c.invoiceNumber.toUpperCase()) ?? []), c]);
const lookup: MatchLookup = {
  casesByReference: refs,
  claimsByInvoice: byInvoice,
  issued: new Map(issued.map((i) => [i.id, i])),
  cases: new Map(cases.map((c) => [c.caseId, c])),
  amounts: buildAmountIndex(cases),
};

const line = (over: Partial<LineFacts>): LineFacts => ({
  amountMinor: 123_45,
  currency: 'EUR',
  endToEndId: null,
  creditorReferences: [],
  referredDocuments: [],
  texts: [],
  payerName: null,
  ...over,
});
const match = (facts: LineFacts) => matchLine(facts, lineKeys(facts), lookup);

describe('matchLine', () => {
  it.each([
    [
      'the RF reference, structured',
      line({ creditorReferences: [refOf('dupont')] }),
      'matched',
      'dupont',
      100,
    ],
    [
      'the RF reference, in the text, spaced',
      line({ texts: [`Paiement ${refOf('martin').replace(/(.{4})/g, '$1 ')}`] }),
      'matched',
      'martin',
      100,
    ],
    ['an invoice number', line({ texts: ['Facture F-1001'] }), 'matched', 'dupont', 90],
    ['an invoice number, in lower case', line({ texts: ['facture f-1001'] }), 'matched', 'dupont', 90],
    ['two invoices of one case', line({ texts: ['M-1 et M-2024'] }), 'matched', 'mixte', 90],
    ['an invoice number of two creditors', line({ texts: ['A-777'] }), 'ambiguous', null, 80],
    ['invoices of two cases', line({ texts: ['F-1001, M-1'] }), 'ambiguous', null, 80],
    [
      'an id of ours in the end-to-end id',
      line({ endToEndId: '019A1B2C3D4E7F608A9B0C1D2E3F4A5B' }),
      'matched',
      'lumiere',
      90,
    ],
    [
      'amount and name',
      line({ amountMinor: 1200_00, payerName: 'BOULANGERIE DUPONT SARL' }),
      'review',
      'dupont',
      75,
    ],
    [
      'amount and a name half like it',
      line({ amountMinor: 300_00, payerName: 'MARTIN J' }),
      'review',
      'martin',
      68,
    ],
    ['amount, two debtors alike', line({ amountMinor: 75_00, payerName: 'P MOREAU' }), 'ambiguous', null, 68],
    [
      'amount, name unlike',
      line({ amountMinor: 1200_00, payerName: 'Durand Frères' }),
      'unmatched',
      null,
      null,
    ],
    [
      'a currency other than the case’s',
      line({ currency: 'CHF', creditorReferences: [refOf('dupont')] }),
      'review',
      'dupont',
      100,
    ],
    ['a case that owes nothing', line({ creditorReferences: [refOf('closed')] }), 'review', 'closed', 100],
    ['nothing', line({ texts: ['Merci'] }), 'unmatched', null, null],
  ] as const)('%s', (_, facts, status, caseId, confidence) => {
    const decision = match(facts);
    expect({ status: decision.status, caseId: decision.caseId, confidence: decision.confidence }).toEqual({
      status,
      caseId,
      confidence,
    });
  });

  it('follows the rules in order: the RF reference wins over an invoice of another case', () => {
    const decision = match(line({ creditorReferences: [refOf('martin')], texts: ['F-1001'] }));
    expect(decision).toMatchObject({ status: 'matched', caseId: 'martin', designatedClaimIds: [] });
  });

  it('designates the invoices named, reading the longest number written', () => {
    const decision = match(line({ texts: ['Règlement M-2024-0004 et M-1'] }));
    expect(decision).toMatchObject({ status: 'matched', caseId: 'mixte' });
    expect([...decision.designatedClaimIds].sort()).toEqual(['c-m1', 'c-m4']);
  });

  it('designates with an RF match the invoices of that case the text names', () => {
    const decision = match(line({ creditorReferences: [refOf('dupont')], texts: ['F-1001'] }));
    expect(decision.designatedClaimIds).toEqual(['c-f1001']);
  });

  it('tells an unknown reference and lists the cases owing exactly the amount', () => {
    const unknown = makeRfReference('NOBODY');
    const decision = match(line({ amountMinor: 450_00, creditorReferences: [unknown] }));
    expect(decision.verdict).toEqual({ code: 'no_match', unknownReferences: [unknown] });
    expect(decision.candidates).toMatchObject([{ caseId: 'lumiere', rule: 'amount_only', confidence: 30 }]);
    expect(describeLineReason(decision.verdict, 'fr')).toContain('inconnue');
  });

  it('explains every candidate in French and English', () => {
    const decision = match(line({ amountMinor: 1200_00, payerName: 'BOULANGERIE DUPONT SARL' }));
    const reason = decision.candidates[0]?.reason;
    if (!reason) throw new Error('a candidate');
    expect(describeMatchReason(reason, 'fr')).toBe(
      `Montant exact du solde (${formatMoney(1200_00, 'EUR', 'fr')}) et nom du payeur « BOULANGERIE DUPONT SARL » proche du débiteur « Boulangerie Dupont » (100 %)`,
    );
    expect(describeMatchReason(reason, 'en')).toContain('close to the debtor "Boulangerie Dupont"');
    expect(describeLineReason(decision.verdict, 'en')).toBe(
      'Too uncertain to be booked without you: to be confirmed',
    );
  });
});
