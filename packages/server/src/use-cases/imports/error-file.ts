import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { formatCsvLine } from '../../formats/csv/write.ts';
import type { TableRow } from '../../formats/tabular.ts';
import type { RowIssue } from './import-issues.ts';

type FileHandle = Awaited<ReturnType<typeof open>>;

/**
 * The rejected rows, as a CSV a person can fix and import again: `row;column;reason;message` then the
 * original columns under their original headers (the extra columns are not mapped on re-import).
 * UTF-8 with BOM and ';' so that Excel opens it right. Written to a temporary file during the import
 * and moved into place only once the import is committed.
 */
export class ErrorFile {
  readonly target: string;
  readonly #temp: string;
  readonly #headers: readonly string[];
  #buffer = '';
  #handle: FileHandle | null = null;
  #rows = 0;

  constructor(target: string, importId: string, headers: readonly string[]) {
    this.target = target;
    this.#temp = `${target}.${importId}.tmp`;
    this.#headers = headers;
  }

  get rows(): number {
    return this.#rows;
  }

  add(row: TableRow, issues: readonly RowIssue[]): void {
    if (this.#rows === 0) {
      this.#buffer += `\uFEFF${formatCsvLine(['row', 'column', 'reason', 'message', ...this.#headers], ';')}\r\n`;
    }
    this.#rows++;
    const meta = [
      String(row.row),
      unique(issues.map((i) => i.column)).join(' + '),
      unique(issues.map((i) => i.reason)).join(' + '),
      issues.map((i) => i.message).join(' | '),
    ];
    this.#buffer += `${formatCsvLine([...meta, ...row.fields], ';')}\r\n`;
  }

  /** Writes what is buffered once it is worth a system call. */
  async flush(force = false): Promise<void> {
    if (this.#buffer === '' || (!force && this.#buffer.length < 1 << 20)) return;
    if (this.#handle === null) {
      await mkdir(dirname(this.#temp), { recursive: true });
      this.#handle = await open(this.#temp, 'w');
    }
    await this.#handle.write(this.#buffer);
    this.#buffer = '';
  }

  /** Moves the file into place; removes a stale one when this import rejected nothing. */
  async commit(): Promise<string | null> {
    if (this.#rows === 0) {
      await rm(this.target, { force: true });
      return null;
    }
    await this.flush(true);
    await this.#handle?.close();
    this.#handle = null;
    await rename(this.#temp, this.target);
    return this.target;
  }

  async discard(): Promise<void> {
    await this.#handle?.close().catch(() => {});
    this.#handle = null;
    await rm(this.#temp, { force: true });
  }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
