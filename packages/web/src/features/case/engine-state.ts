import type { CaseEngine, EngineEvent } from './engine-api.ts';

/** Newest first: by day, then by id (UUIDv7 ids follow the order they were recorded in). */
export function newestFirst(a: EngineEvent, b: EngineEvent): number {
  if (a.on !== b.on) return a.on < b.on ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Whether collection is paused by hand: the latest pause or resume recorded decides, even before a run
 * applies it; with neither, the engine's own state.
 */
export function isPausedByHand(engine: Pick<CaseEngine, 'events' | 'progress'>): boolean {
  const latest = engine.events
    .filter((event) => event.kind === 'pause' || event.kind === 'resume')
    .sort(newestFirst)[0];
  if (latest) return latest.kind === 'pause';
  return engine.progress?.pausedManually === true;
}

/** A promise event's facts, when the data has them. */
export function promiseOf(data: unknown): { readonly dueOn: string; readonly amountMinor: number } | null {
  if (typeof data !== 'object' || data === null) return null;
  const { dueOn, amountMinor } = data as Record<string, unknown>;
  return typeof dueOn === 'string' && typeof amountMinor === 'number' ? { dueOn, amountMinor } : null;
}
