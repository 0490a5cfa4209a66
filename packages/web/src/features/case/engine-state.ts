import type { CaseEngine, EngineEvent } from './engine-api.ts';

/** Newest first: by day, then by id (UUIDv7 ids follow the order they were recorded in). */
export function newestFirst(a: EngineEvent, b: EngineEvent): number {
  if (a.on !== b.on) return a.on < b.on ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

function latestPauseOrResume(events: readonly EngineEvent[]): EngineEvent | undefined {
  return events.filter((event) => event.kind === 'pause' || event.kind === 'resume').sort(newestFirst)[0];
}

/** The day a pause recorded by hand ends by itself ('YYYY-MM-DD'), when it has one. */
export function pauseEndOf(engine: Pick<CaseEngine, 'events'>): string | null {
  const latest = latestPauseOrResume(engine.events);
  if (latest?.kind !== 'pause' || typeof latest.data !== 'object' || latest.data === null) return null;
  const { until } = latest.data as Record<string, unknown>;
  return typeof until === 'string' ? until : null;
}

/**
 * Whether collection is paused by hand: the latest pause or resume recorded decides, even before a run
 * applies it; with neither, the engine's own state. A pause whose end day has come (`today`, the browser's
 * day) is over: the day's run lifts it.
 */
export function isPausedByHand(engine: Pick<CaseEngine, 'events' | 'progress'>, today?: string): boolean {
  const latest = latestPauseOrResume(engine.events);
  if (latest) {
    const end = pauseEndOf(engine);
    return latest.kind === 'pause' && (end === null || today === undefined || today < end);
  }
  return engine.progress?.pausedManually === true;
}

/** A promise event's facts, when the data has them. */
export function promiseOf(data: unknown): { readonly dueOn: string; readonly amountMinor: number } | null {
  if (typeof data !== 'object' || data === null) return null;
  const { dueOn, amountMinor } = data as Record<string, unknown>;
  return typeof dueOn === 'string' && typeof amountMinor === 'number' ? { dueOn, amountMinor } : null;
}
