import { describe, expect, it } from 'vitest';
import {
  assessCase,
  assessClaim,
  describeBlock,
  detectDateOrder,
  detectDecimalSeparator,
  parseAmount,
  parseDate,
  prescriptionBasis,
  prescriptionEndDate,
} from './index.ts';

describe('the public entry', () => {
  it.each([
    { today: '2026-03-15', verdict: 'collectable', reason: undefined },
    {
      today: '2026-03-16',
      verdict: 'blocked',
      reason: 'Prescrite depuis le 16/03/2026 (délai de 2 ans, C. conso. L218-2)',
    },
  ])('takes an imported row to a verdict on $today', ({ today, verdict, reason }) => {
    const amounts = ['1 234,56', '12,5'];
    const dates = ['15/03/2024', '28/02/2024'];
    const amount = parseAmount(amounts[0] ?? '', 'EUR', detectDecimalSeparator(amounts));
    const due = parseDate(dates[0] ?? '', detectDateOrder(dates));
    if (!amount.ok || !due.ok) throw new Error('row should parse');
    const basis = prescriptionBasis({ creditorIsProfessional: true, debtorKind: 'consumer' });
    const result = assessClaim(
      {
        status: 'open',
        dueDate: due.value,
        outstandingMinor: amount.value,
        currency: 'EUR',
        prescriptionEnd: prescriptionEndDate({ start: due.value, basis }),
        prescriptionBasis: basis,
      },
      { validEmails: 1, invalidEmails: 0, validPhones: 0, invalidPhones: 0, postalAddresses: 1 },
      today,
    );
    expect(result.verdict).toBe(verdict);
    expect(result.blocks[0] && describeBlock(result.blocks[0], 'fr')).toBe(reason);
    expect(assessCase([result]).verdict).toBe(verdict);
  });
});
