import { addDays, chooseAgency } from '@relance/core';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { handOverCase } from '../../agency-comparison/handovers.ts';
import { saveOutsideAgency } from '../../agency-comparison/outside-agencies.ts';
import { reportCollections } from '../../agency-comparison/report-collections.ts';
import { openDemoCases } from './demo-cases.ts';

/**
 * Two partner agencies the demo hands its oldest cases to (an agency may sub-contract the hardest ones, as a
 * creditor hands cases to several agencies), with different results, so that the comparison has something to
 * compare: Recouvra collects often and fast at 15 %, Credix less often, later, at 20 %. The split is the
 * champion/challenger hash, of the case's creditor and debtor references (the same in every run); a tenant that
 * already handed cases over is left as it is.
 */
export async function seedDemoOutsideAgencies(
  deps: Deps,
  actor: Actor,
  today: string,
  count = 16,
): Promise<void> {
  const seeded = await deps.database.db
    .selectFrom('agency_handovers')
    .select('handover_id')
    .where('tenant_id', '=', actor.tenantId)
    .limit(1)
    .executeTakeFirst();
  if (seeded) return;
  const agencies = [
    await saveOutsideAgency(deps, actor, {
      key: 'recouvra',
      name: 'Recouvra Terrain',
      legalId: '812345678',
      commissionRate: '15',
      share: 1,
    }),
    await saveOutsideAgency(deps, actor, {
      key: 'credix',
      name: 'Credix Contentieux',
      legalId: '823456789',
      commissionRate: '20',
      share: 1,
    }),
  ];
  const cases = await openDemoCases(deps, actor.tenantId, { unpaidOnly: true, limit: count });
  const shares = agencies.map((a) => ({ key: a.key, share: a.share }));
  for (const [n, kase] of cases.entries()) {
    // The production split (a hash over the shares), of what the seed decided rather than of a random id.
    const key = chooseAgency(kase.key, shares);
    const agency = agencies.find((a) => a.key === key);
    if (!agency) continue;
    const handedOn = addDays(today, n % 2 === 0 ? -75 : -45);
    const handover = await handOverCase(deps, actor, {
      caseId: kase.caseId,
      agencyId: agency.agencyId,
      handedOn,
    }).catch(() => null);
    if (!handover || handover.agencyId !== agency.agencyId) continue;
    const claim = await deps.database.db
      .selectFrom('claims')
      .select('invoice_number')
      .where('tenant_id', '=', actor.tenantId)
      .where('case_id', '=', kase.caseId)
      .orderBy('due_date')
      .orderBy('invoice_number')
      .executeTakeFirst();
    const reference = kase.paymentReference ?? claim?.invoice_number;
    if (!reference) continue;
    const recouvra = agency.key === 'recouvra';
    // Recouvra: 3 cases in 4 paid, in full, 12 days after; Credix: 1 in 3, half of it, 35 days after.
    const pays = recouvra ? n % 4 !== 3 : n % 3 === 0;
    if (!pays) continue;
    const amountMinor = recouvra ? handover.amountMinor : Math.max(100, Math.round(handover.amountMinor / 2));
    const collectedOn = addDays(handedOn, recouvra ? 12 : 35);
    const rate = recouvra ? 15n : 20n;
    await reportCollections(deps, actor, agency.agencyId, [
      {
        reference,
        amountMinor,
        feeMinor: Number((BigInt(amountMinor) * rate + 50n) / 100n),
        collectedOn,
        lineKey: `demo-${n}`,
      },
    ]);
  }
}
