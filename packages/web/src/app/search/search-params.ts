/** Small readers for URL search params: anything unexpected is dropped rather than trusted. */

export function optionalString(value: unknown, maxLength = 200): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.slice(0, maxLength);
  return trimmed === '' ? undefined : trimmed;
}

export function optionalPositiveInt(value: unknown, max = 1_000_000): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > max) return undefined;
  return number;
}

export function optionalOneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

/** Keeps only the keys whose value is defined, so the URL shows no `key=undefined`. */
export function compact<T extends Record<string, unknown>>(search: T): T {
  return Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined)) as T;
}
