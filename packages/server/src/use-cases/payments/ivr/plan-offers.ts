import type { PlanOffer } from '../../../channels/voice/ivr/ivr-screens.ts';
import type { PlanBasis } from '../../workspace/plans/plan-basis.ts';
import { type PlanRequest, previewFromBasis } from '../../workspace/plans/preview-plan.ts';

/** Instalment counts the IVR tries, before the creditor's maximum. */
const COUNTS = [2, 3, 4, 6, 10, 12];

/**
 * At most three instalment plans the creditor's limits allow (`previewPlan`'s rules): the shortest, the
 * longest and one between, monthly when allowed, with the down payment the creditor requires. The same
 * basis on the same day gives the same offers, so the key pressed next finds the offer that was read.
 */
export function planOffers(basis: PlanBasis, today: string): readonly PlanOffer[] {
  const policy = basis.policy;
  const frequency = policy.allowedFrequencies.includes('monthly') ? 'monthly' : policy.allowedFrequencies[0];
  if (!frequency) return [];
  const downPaymentMinor = Math.ceil((basis.totalMinor * policy.minDownPaymentPercent) / 100);
  const counts = [...new Set([...COUNTS, policy.maxInstalments])]
    .filter((n) => n <= policy.maxInstalments)
    .sort((a, b) => a - b);
  const feasible = counts.flatMap((count) => {
    const request: PlanRequest = { kind: 'instalments', count, frequency, downPaymentMinor };
    const preview = previewFromBasis(basis, request, today);
    const paid = preview.instalments.filter((i) => i.seq > 0);
    const first = paid[0];
    const last = paid[paid.length - 1];
    if (preview.violations.length > 0 || !first || !last) return [];
    return [{ count, frequency, downPaymentMinor, first, last }];
  });
  const chosen =
    feasible.length <= 3
      ? feasible
      : [feasible[0], feasible[Math.floor((feasible.length - 1) / 2)], feasible[feasible.length - 1]];
  return chosen.flatMap((o, i) =>
    o
      ? [
          {
            key: i + 1,
            count: o.count,
            frequency: o.frequency,
            downPaymentMinor: o.downPaymentMinor,
            firstAmountMinor: o.first.amountMinor,
            lastAmountMinor: o.last.amountMinor,
            firstDueOn: o.first.dueOn,
            currency: basis.currency,
          },
        ]
      : [],
  );
}
