import { describe, expect, it } from 'vitest';
import { assignStrategy, profileOf, type SegmentFacts } from './conditions.ts';
import { DEFAULT_ASSIGNMENT } from './library.ts';

describe('profileOf', () => {
  it.each([
    [[], 'standard'],
    [['vip'], 'standard'],
    [['senior'], 'senior'],
    [['sénior'], 'senior'],
    [['active'], 'active'],
    [['actif'], 'active'],
    [['actif', 'senior'], 'senior'],
    [['actifs', 'seniors'], 'standard'],
  ] as const)('%j → %s', (tags, profile) => {
    expect(profileOf(tags)).toBe(profile);
  });
});

describe('assignStrategy with the default rules', () => {
  const consumer: SegmentFacts = {
    debtorKind: 'consumer',
    creditorRef: 'C1',
    currency: 'EUR',
    collectableMinor: 50_000,
    oldestDueDate: '2026-01-10',
    tags: [],
    brokenPromises: 0,
  };

  it('gives a consumer tagged sénior the senior ladder, the others the consumers’ one', () => {
    const today = '2026-03-01';
    expect(assignStrategy(DEFAULT_ASSIGNMENT, { ...consumer, tags: ['sénior'] }, today).strategyKey).toBe(
      'b2c-senior',
    );
    expect(assignStrategy(DEFAULT_ASSIGNMENT, { ...consumer, tags: ['actif'] }, today).strategyKey).toBe(
      'b2c-active',
    );
    expect(assignStrategy(DEFAULT_ASSIGNMENT, consumer, today).strategyKey).toBe('b2c-active');
  });
});
