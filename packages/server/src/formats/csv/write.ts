/** One CSV line: fields quoted only when they must be (delimiter, quote, line break, edge spaces). */
export function formatCsvLine(fields: readonly string[], delimiter: string): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) line += delimiter;
    line += quoteIfNeeded(fields[i] ?? '', delimiter);
  }
  return line;
}

function quoteIfNeeded(field: string, delimiter: string): string {
  const needs =
    field.includes(delimiter) ||
    field.includes('"') ||
    field.includes('\n') ||
    field.includes('\r') ||
    (field !== field.trim() && field !== '');
  return needs ? `"${field.replace(/"/g, '""')}"` : field;
}
