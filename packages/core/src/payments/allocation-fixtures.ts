import { allocatePayment } from './allocate.ts';
import type { Allocation, AllocationClaim, AllocationInput } from './allocation-types.ts';

// What the allocation tests share: a claim with neutral defaults, each case overriding what it is about.

export const RECEIVED_ON = '2026-03-01';

export function claim(claimId: string, fields: Partial<AllocationClaim> = {}): AllocationClaim {
  return {
    claimId,
    invoiceNumber: `F-${claimId}`,
    dueDate: '2026-01-15',
    issueDate: '2025-12-15',
    principalMinor: 0,
    interestMinor: 0,
    feesMinor: 0,
    disputed: false,
    currency: 'EUR',
    ...fields,
  };
}

/** The allocation of an input the test expects to be valid. */
export function allocate(input: AllocationInput): Allocation {
  const result = allocatePayment(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
