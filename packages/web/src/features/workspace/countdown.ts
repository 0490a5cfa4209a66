/** Whole seconds left before the lock lapses (0 once it has). */
export function secondsLeft(lockedUntil: string, now: number): number {
  return Math.max(0, Math.floor((Date.parse(lockedUntil) - now) / 1000));
}

/** "4:05": minutes and seconds, for the countdown beside the case. */
export function clock(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
