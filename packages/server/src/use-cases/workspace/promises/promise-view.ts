import type { PromiseDate } from '@relance/core';
import type { Selectable } from 'kysely';
import type { PromisesTable } from '../../../db/schema.ts';

export const PROMISE_CHANNELS = ['call', 'email', 'letter', 'portal', 'other'] as const;
export type PromiseChannel = (typeof PROMISE_CHANNELS)[number];

export type PromiseView = {
  readonly id: string;
  readonly caseId: string;
  readonly schedule: readonly PromiseDate[];
  readonly amountMinor: number;
  readonly currency: string;
  readonly baselineMinor: number;
  readonly status: PromisesTable['status'];
  readonly paidMinor: number;
  readonly checkedOn: string | null;
  readonly endReason: string | null;
  readonly madeOn: string;
  /** 'user:<id>', 'debtor' (portal) or 'system'. */
  readonly madeBy: string;
  readonly channel: string;
  readonly note: string | null;
};

export function promiseView(row: Selectable<PromisesTable>): PromiseView {
  return {
    id: row.promise_id,
    caseId: row.case_id,
    schedule: JSON.parse(row.schedule) as PromiseDate[],
    amountMinor: Number(row.amount_minor),
    currency: row.currency,
    baselineMinor: Number(row.baseline_minor),
    status: row.status,
    paidMinor: Number(row.paid_minor),
    checkedOn: row.checked_on,
    endReason: row.end_reason ?? null,
    madeOn: row.made_on,
    madeBy: row.made_by,
    channel: row.channel,
    note: row.note,
  };
}
