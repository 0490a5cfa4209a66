import {
  assignStrategyWithin,
  type CaseFacts,
  type CasePlan,
  type CaseProgress,
  NEW_PROGRESS,
  planCase,
  type Reason,
  strategyAllowed,
} from '@relance/core';
import type { StrategyBook } from '../strategies/strategy-book.ts';
import type { BatchCase } from './load-batch.ts';

export type CreditorInfo = {
  readonly ref: string;
  readonly country: string;
  /** The strategies the client's mandate allows (agency mode); null or absent: no mandate. */
  readonly allowedStrategies?: readonly string[] | null;
};

export type CaseDecision = {
  readonly item: BatchCase;
  readonly plan: CasePlan;
  readonly strategyKey: string | null;
  readonly strategyVersion: number | null;
  /** Notes about the assignment itself (no strategy found…), beside the plan's. */
  readonly notes: readonly Reason[];
  /** What the decision was made on (the gate needs `timeBarred`). */
  readonly facts: CaseFacts;
};

/**
 * Chooses the case's strategy (sticky once assigned; the assignment rules pick one for a new case) and
 * plans the day. A strategy that has disappeared leaves the case where it is, with a note.
 */
export function decideCase(
  item: BatchCase,
  book: StrategyBook,
  creditors: ReadonlyMap<string, CreditorInfo>,
  today: string,
): CaseDecision {
  const facts = factsOf(item, creditors, today);
  const allowed = creditors.get(item.creditorId)?.allowedStrategies ?? null;
  const key = item.strategyKey ?? assignStrategyWithin(book.assignment, facts, today, allowed).strategyKey;
  if (!strategyAllowed(key, allowed)) {
    // A case that started under a strategy the mandate no longer allows waits for a person to move it.
    const plan: CasePlan = { progress: item.progress, stage: 'held', actions: [], notes: [], next: null };
    const note: Reason = {
      code: 'held_mandate',
      params: { strategy: key, allowed: (allowed ?? []).join(', ') },
    };
    return { item, plan, strategyKey: item.strategyKey, strategyVersion: null, notes: [note], facts };
  }
  const stored = book.strategies.get(key);
  if (!stored) {
    const plan: CasePlan = { progress: item.progress, stage: 'held', actions: [], notes: [], next: null };
    return {
      item,
      plan,
      strategyKey: item.strategyKey,
      strategyVersion: null,
      notes: [{ code: 'assigned', params: { strategy: key, missing: 1 } }],
      facts,
    };
  }
  const progress: CaseProgress = item.progress ?? NEW_PROGRESS;
  const plan = planCase({
    strategy: stored.definition,
    strategyVersion: stored.version,
    facts,
    progress,
    events: item.events.map((e) => e.event),
    today,
  });
  return { item, plan, strategyKey: key, strategyVersion: stored.version, notes: [], facts };
}

export function factsOf(
  item: BatchCase,
  creditors: ReadonlyMap<string, CreditorInfo>,
  today: string,
): CaseFacts {
  return {
    debtorKind: item.debtorKind,
    creditorRef: creditors.get(item.creditorId)?.ref ?? '',
    currency: item.currency,
    collectableMinor: item.outstandingMinor - item.disputedMinor,
    outstandingMinor: item.outstandingMinor,
    oldestDueDate: item.oldestDueDate,
    tags: item.tags,
    brokenPromises: item.progress.brokenPromises,
    settled: item.status === 'closed' || item.openClaimCount === 0,
    timeBarred: item.earliestPrescriptionEnd !== null && item.earliestPrescriptionEnd < today,
  };
}

/** A mandate's `allowed_strategies` column (JSON) as a list; null without a mandate. */
export function allowedOf(column: string | null | undefined): readonly string[] | null {
  return column ? (JSON.parse(column) as string[]) : null;
}
