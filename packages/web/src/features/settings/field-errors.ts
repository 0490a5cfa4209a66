import { isApiError } from '../../app/api/api-error.ts';

/** Messages by the path of the field that shows them (`address.lines.0`, `iban`, `port`…). */
export type FieldErrors = Readonly<Record<string, string>>;

/** Where the server's objections go: beside their field, or in a list when the form has no such field. */
export type PlacedErrors = { readonly byField: FieldErrors; readonly other: readonly string[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** `address.lines.0` → `address.lines` → `address` → null. */
function parentOf(path: string): string | null {
  const cut = path.lastIndexOf('.');
  return cut > 0 ? path.slice(0, cut) : null;
}

/** The closest field the form shows for a path, or null. */
function fieldFor(path: string, fields: ReadonlySet<string>): string | null {
  let at: string | null = path;
  while (at !== null && !fields.has(at)) at = parentOf(at);
  return at;
}

/** A path of the request-schema check (`body.port`) or of a use case (`address.lines.0`), as the form names it. */
function formPath(path: string): string {
  return path.replace(/^body\./, '');
}

/**
 * The field errors of a 400 answer, null for any other failure. The server tells them three ways:
 * `details.issues: [{ path, message }]`, `details.field` (with the answer's message), and
 * `details.fields` (fields that are missing, e.g. what Twilio needs).
 */
export function serverFieldErrors(
  error: unknown,
  fields: ReadonlySet<string>,
  missingMessage: string,
): PlacedErrors | null {
  if (!isApiError(error) || error.status !== 400 || !isRecord(error.details)) return null;
  const { issues, field, fields: missing } = error.details;
  const byField: Record<string, string> = {};
  const other: string[] = [];
  const place = (path: string, message: string) => {
    const at = fieldFor(formPath(path), fields);
    if (at === null) other.push(message);
    else byField[at] = byField[at] ? `${byField[at]} · ${message}` : message;
  };
  if (Array.isArray(issues)) {
    for (const issue of issues) {
      if (isRecord(issue) && typeof issue.path === 'string' && typeof issue.message === 'string') {
        place(issue.path, issue.message);
      }
    }
  }
  if (typeof field === 'string') place(field, error.message);
  if (Array.isArray(missing)) {
    for (const name of missing) if (typeof name === 'string') place(name, missingMessage);
  }
  if (Object.keys(byField).length === 0 && other.length === 0) return null;
  return { byField, other };
}
