/** How often instalments fall due. */
export type PlanFrequency = 'monthly' | 'biweekly' | 'weekly';
export const PLAN_FREQUENCIES: readonly PlanFrequency[] = ['monthly', 'biweekly', 'weekly'];

/**
 * A creditor's limits on what an agent may agree to (stored as JSON in `creditors.plan_policy`). The count
 * is the number of instalments after the down payment; the duration runs from the agreement to the last date.
 */
export type PlanPolicy = {
  readonly maxInstalments: number;
  readonly maxMonths: number;
  /** Smallest instalment, in the case's minor units (2000 = 20.00). */
  readonly minInstalmentMinor: number;
  /** Down payment required, as a whole percentage of the total (0: none required). */
  readonly minDownPaymentPercent: number;
  readonly allowedFrequencies: readonly PlanFrequency[];
};

export const DEFAULT_PLAN_POLICY: PlanPolicy = {
  maxInstalments: 12,
  maxMonths: 12,
  minInstalmentMinor: 2000,
  minDownPaymentPercent: 0,
  allowedFrequencies: PLAN_FREQUENCIES,
};

export type PlanPolicyIssue = { readonly field: keyof PlanPolicy; readonly message: string };

/** The problems of a policy a supervisor typed: integers in range, at least one known frequency. */
export function checkPlanPolicy(policy: PlanPolicy): readonly PlanPolicyIssue[] {
  const issues: PlanPolicyIssue[] = [];
  const int = (field: keyof PlanPolicy, value: number, min: number, max: number) => {
    if (!Number.isInteger(value) || value < min || value > max) {
      issues.push({ field, message: `${field} must be a whole number from ${min} to ${max}.` });
    }
  };
  int('maxInstalments', policy.maxInstalments, 1, 120);
  int('maxMonths', policy.maxMonths, 1, 120);
  int('minInstalmentMinor', policy.minInstalmentMinor, 0, 1_000_000_000);
  int('minDownPaymentPercent', policy.minDownPaymentPercent, 0, 100);
  const known = policy.allowedFrequencies.filter((f) => PLAN_FREQUENCIES.includes(f));
  if (known.length === 0 || known.length !== policy.allowedFrequencies.length) {
    issues.push({ field: 'allowedFrequencies', message: 'allowedFrequencies must list known frequencies.' });
  }
  return issues;
}

/** The stored policy over the defaults: a missing or unreadable field keeps its default. */
export function readPlanPolicy(stored: Partial<PlanPolicy> | null | undefined): PlanPolicy {
  const merged = { ...DEFAULT_PLAN_POLICY, ...(stored ?? {}) };
  return checkPlanPolicy(merged).length === 0 ? merged : DEFAULT_PLAN_POLICY;
}
