import type { Delimiter } from './parse.ts';

/** In order of preference on a tie: French exports use ';' because ',' is their decimal separator. */
export const DELIMITERS: readonly Delimiter[] = [';', ',', '\t', '|'];

/**
 * Guesses the delimiter from the first lines: the candidate that splits the most lines into the same
 * number of fields as the header wins (a decimal comma in a ';' file appears on every line too, but not
 * the same number of times as in the header). A file of one column gives ','.
 */
export function sniffDelimiter(text: string, maxLines = 30): Delimiter {
  const lines = firstLines(text, maxLines);
  let best: Delimiter = ',';
  let bestScore = 0;
  let bestWidth = 0;
  for (const candidate of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, candidate));
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const consistent = counts.filter((c) => c === header).length;
    if (consistent > bestScore || (consistent === bestScore && header > bestWidth)) {
      best = candidate;
      bestScore = consistent;
      bestWidth = header;
    }
  }
  return best;
}

function firstLines(text: string, max: number): string[] {
  const lines: string[] = [];
  const all = text.split(/\r\n|\n|\r/);
  // The sample may end in the middle of a line: that piece would miscount.
  if (all.length > 1 && !/[\r\n]$/.test(text)) all.pop();
  for (const line of all) {
    if (line.trim() === '') continue;
    lines.push(line);
    if (lines.length >= max) break;
  }
  return lines;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === delimiter && !inQuotes) n++;
  }
  return n;
}
