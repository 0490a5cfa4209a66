/** Parses the text a power user typed; only an object can be a strategy. */
export function parseStrategyJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; error: 'invalid' | 'notObject' } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'invalid' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: 'notObject' };
  return { ok: true, value };
}
