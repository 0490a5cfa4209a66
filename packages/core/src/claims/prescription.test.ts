import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import type { PrescriptionInput } from './prescription.ts';
import {
  isTimeBarred,
  PRESCRIPTION_REFERENCES,
  prescriptionBasis,
  prescriptionEndDate,
  prescriptionReference,
  prescriptionYears,
} from './prescription.ts';

describe('prescriptionBasis', () => {
  it.each([
    [true, 'consumer', 'consumer_2y', 2, 'C. conso. L218-2'],
    [true, 'business', 'commercial_5y', 5, 'C. com. L110-4'],
    [false, 'consumer', 'civil_5y', 5, 'C. civ. 2224'],
    [false, 'business', 'civil_5y', 5, 'C. civ. 2224'],
  ] as const)(
    'professional %s vs %s → %s (%i years, %s)',
    (creditorIsProfessional, debtorKind, basis, years, ref) => {
      expect(prescriptionBasis({ creditorIsProfessional, debtorKind })).toBe(basis);
      expect(prescriptionYears(basis)).toBe(years);
      expect(prescriptionReference(basis)).toBe(ref);
      expect(PRESCRIPTION_REFERENCES[basis]).toBe(ref);
    },
  );
});

describe('prescriptionEndDate', () => {
  const consumer = (extra: Partial<PrescriptionInput> = {}): PrescriptionInput => ({
    start: '2024-03-15',
    basis: 'consumer_2y',
    ...extra,
  });
  const cases: { name: string; input: PrescriptionInput; end: string }[] = [
    { name: 'consumer: date to same date 2 years later', input: consumer(), end: '2026-03-15' },
    {
      name: 'commercial: 5 years',
      input: { start: '2024-03-15', basis: 'commercial_5y' },
      end: '2029-03-15',
    },
    { name: 'civil: 5 years', input: { start: '2024-03-15', basis: 'civil_5y' }, end: '2029-03-15' },
    {
      name: '29 Feb ends on 28 Feb',
      input: { start: '2024-02-29', basis: 'consumer_2y' },
      end: '2026-02-28',
    },
    {
      name: '29 Feb to a leap year',
      input: { start: '2024-02-29', basis: 'commercial_5y' },
      end: '2029-02-28',
    },
    {
      name: 'not extended over a weekend',
      input: { start: '2024-03-14', basis: 'consumer_2y' },
      end: '2026-03-14',
    },
    {
      name: 'partial payment interrupts: new full period',
      input: consumer({ interruptions: ['2025-06-01'] }),
      end: '2027-06-01',
    },
    {
      name: 'interruption on the last day still counts',
      input: consumer({ interruptions: ['2026-03-15'] }),
      end: '2028-03-15',
    },
    {
      name: 'interruption after expiry does not revive',
      input: consumer({ interruptions: ['2026-03-16'] }),
      end: '2026-03-15',
    },
    {
      name: 'interruption before the start is ignored',
      input: consumer({ interruptions: ['2024-01-01'] }),
      end: '2026-03-15',
    },
    {
      name: 'successive interruptions chain, in any order',
      input: consumer({ interruptions: ['2027-06-01', '2025-06-01'] }),
      end: '2029-06-01',
    },
    {
      name: 'a later interruption after the chain expired is ignored',
      input: consumer({ interruptions: ['2025-06-01', '2027-06-02'] }),
      end: '2027-06-01',
    },
    {
      name: 'interruption on 29 Feb',
      input: consumer({ interruptions: ['2024-02-29'], start: '2023-03-01' }),
      end: '2026-02-28',
    },
    {
      name: 'suspension pushes the end by its length',
      input: consumer({ suspensions: [{ from: '2025-01-01', to: '2025-01-31' }] }),
      end: '2026-04-14',
    },
    {
      name: 'suspension starting on the last day',
      input: consumer({ suspensions: [{ from: '2026-03-15', to: '2026-03-25' }] }),
      end: '2026-03-25',
    },
    {
      name: 'suspension after expiry is ignored',
      input: consumer({ suspensions: [{ from: '2026-03-16', to: '2026-06-01' }] }),
      end: '2026-03-15',
    },
    {
      name: 'overlapping suspensions count each day once',
      input: consumer({
        suspensions: [
          { from: '2025-01-11', to: '2025-01-31' },
          { from: '2025-01-01', to: '2025-01-21' },
        ],
      }),
      end: '2026-04-14',
    },
    {
      name: 'a suspension that pushes the end lets a later one in',
      input: consumer({
        suspensions: [
          { from: '2025-01-01', to: '2025-01-31' },
          { from: '2026-04-01', to: '2026-04-11' },
        ],
      }),
      end: '2026-04-24',
    },
    {
      name: 'suspension before an interruption is erased by it',
      input: consumer({
        suspensions: [{ from: '2025-01-01', to: '2025-01-31' }],
        interruptions: ['2025-06-01'],
      }),
      end: '2027-06-01',
    },
    {
      name: 'suspension running at an interruption counts from the interruption',
      input: consumer({
        suspensions: [{ from: '2025-05-01', to: '2025-06-11' }],
        interruptions: ['2025-06-01'],
      }),
      end: '2027-06-11',
    },
    {
      name: 'a suspension can bring a later interruption within the period',
      input: consumer({
        suspensions: [{ from: '2025-01-01', to: '2025-01-31' }],
        interruptions: ['2026-04-01'],
      }),
      end: '2028-04-01',
    },
    {
      name: 'an empty suspension changes nothing',
      input: consumer({ suspensions: [{ from: '2025-01-01', to: '2025-01-01' }] }),
      end: '2026-03-15',
    },
  ];
  it.each(cases)('$name → $end', ({ input, end }) => {
    expect(prescriptionEndDate(input)).toBe(end);
  });

  it.each([
    { start: '2024-03-15', basis: 'consumer_2y', suspensions: [{ from: '2025-02-01', to: '2025-01-01' }] },
    { start: '15/03/2024', basis: 'consumer_2y' },
    { start: '2024-03-15', basis: 'consumer_2y', interruptions: ['2025-02-30'] },
  ] satisfies PrescriptionInput[])('refuses malformed input %#', (input) => {
    expect(() => prescriptionEndDate(input)).toThrow(DomainError);
  });
});

describe('isTimeBarred', () => {
  it.each([
    ['2026-03-14', '2026-03-15', false],
    ['2026-03-15', '2026-03-15', false],
    ['2026-03-16', '2026-03-15', true],
    ['2030-01-01', '2026-03-15', true],
  ])('on %s with end %s → %s', (today, end, expected) => {
    expect(isTimeBarred(end, today)).toBe(expected);
  });
});
