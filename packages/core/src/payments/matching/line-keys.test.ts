import { describe, expect, it } from 'vitest';
import { makeRfReference } from '../rf-reference.ts';
import { invoiceLookupKeys, lineKeys } from './line-keys.ts';
import type { LineFacts } from './match-types.ts';

const facts = (over: Partial<LineFacts>): LineFacts => ({
  amountMinor: 100_00,
  currency: 'EUR',
  endToEndId: null,
  creditorReferences: [],
  referredDocuments: [],
  texts: [],
  payerName: null,
  ...over,
});

const rf = makeRfReference('539007547034');

describe('RF references', () => {
  it.each([
    ['structured', facts({ creditorReferences: [rf] }), [{ reference: rf, place: 'structured' }]],
    [
      'grouped by four in the text, the next word left out',
      facts({ texts: ['Paiement RF18 5390 0754 7034 FACTURE F-1001'] }),
      [{ reference: 'RF18539007547034', place: 'text' }],
    ],
    [
      'lower case, in the end-to-end id',
      facts({ endToEndId: rf.toLowerCase() }),
      [{ reference: rf, place: 'end_to_end' }],
    ],
    ['wrong check digits', facts({ texts: ['RF19539007547034'] }), []],
    ['inside a word', facts({ texts: ['XRF18539007547034'] }), []],
    ['a look-alike (RFB/…)', facts({ texts: ['RFB/557742358'] }), []],
  ] as const)('%s', (_, input, expected) => {
    expect(lineKeys(input).rfReferences).toEqual(expected);
  });

  it('reads a reference once, where it is clearest', () => {
    expect(lineKeys(facts({ creditorReferences: [rf], texts: [rf] })).rfReferences).toEqual([
      { reference: rf, place: 'structured' },
    ]);
  });
});

describe('invoice tokens', () => {
  const tokens = (text: string) => lineKeys(facts({ texts: [text] })).invoiceTokens.map((t) => t.token);
  it.each([
    ['facture F230875', ['F230875']],
    ['F230866 F230765 F238765', ['F230866', 'F230765', 'F238765']],
    ['Akretion factures F239765/F237654', ['F239765', 'F239765/F237654', 'F237654']],
    ['F238765+F229876', ['F238765', 'F238765+F229876', 'F229876']],
    ['VIR -F238765 AKR', ['F238765']],
    ['FA-2024-0012', ['FA-2024', 'FA-2024-0012', '2024-0012']],
    ['Invoices 123 and 321', ['123']],
    ['Facture: 76662391 - Compte', ['76662391']],
    ['payé le 12/03/2026, 1 234,56 EUR', []],
    ['Mitteilung 132', []],
    ['réf 41234', ['41234']],
  ] as const)('%s → %j', (text, expected) => {
    expect(tokens(text)).toEqual(expected);
  });

  it('keeps where each token stands, and reads referred documents whole', () => {
    const keys = lineKeys(facts({ referredDocuments: ['217827182718'], endToEndId: 'F230987, F231234' }));
    expect(keys.invoiceTokens).toEqual([
      { token: '217827182718', source: 0, start: 0, end: 12 },
      { token: 'F230987', source: 1, start: 0, end: 7 },
      { token: 'F231234', source: 1, start: 9, end: 16 },
    ]);
  });

  it('looks each token up as written and in upper case', () => {
    expect(invoiceLookupKeys(lineKeys(facts({ texts: ['fa-12'] })))).toEqual(['fa-12', 'FA-12']);
  });
});

describe('ids we issued, in the end-to-end id', () => {
  it.each([
    ['019a1b2c-3d4e-7f60-8a9b-0c1d2e3f4a5b', ['019a1b2c-3d4e-7f60-8a9b-0c1d2e3f4a5b']],
    ['019A1B2C3D4E7F608A9B0C1D2E3F4A5B', ['019a1b2c-3d4e-7f60-8a9b-0c1d2e3f4a5b']],
    ['EndToEndIdSCT01', []],
  ] as const)('%s', (e2e, expected) => {
    expect(lineKeys(facts({ endToEndId: e2e })).issuedIds).toEqual(expected);
  });
});
