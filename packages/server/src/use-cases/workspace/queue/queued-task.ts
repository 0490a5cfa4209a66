import type { ScorePart } from '@relance/core';
import type { CallTaskKind } from '../../../db/schema.ts';

/** A call task as the agent gets it from "next case". */
export type QueuedTask = {
  readonly id: string;
  readonly caseId: string;
  readonly debtorName: string;
  readonly kind: CallTaskKind;
  readonly phone: string | null;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly priority: number;
  readonly scoreParts: readonly ScorePart[];
  readonly lockedUntil: string | null;
  readonly script: string | null;
};

export function parseScoreParts(json: string | null): readonly ScorePart[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as ScorePart[]) : [];
  } catch {
    return [];
  }
}
