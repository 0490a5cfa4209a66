import {
  type ImportLocale,
  type RejectionReason,
  type RowIssue,
  type RowWarning,
  rejectionMessage,
  type WarningReason,
  warningMessage,
} from './import-issues.ts';
import { own } from './own-string.ts';

/** The problems found on one row, named by column header. Arrays are made only when a problem is. */
export class RowIssues {
  readonly row: number;
  rejections: RowIssue[] | null = null;
  warnings: RowWarning[] | null = null;
  readonly #headers: readonly string[];
  readonly #locale: ImportLocale;

  constructor(row: number, headers: readonly string[], locale: ImportLocale) {
    this.row = row;
    this.#headers = headers;
    this.#locale = locale;
  }

  get rejected(): boolean {
    return this.rejections !== null;
  }

  reject(column: number, reason: RejectionReason, value: string | null, detail?: string): void {
    // Owned: a message quoting a cell would otherwise keep the cell's whole chunk of the file alive.
    const message = own(rejectionMessage(reason, this.#locale, value, detail));
    this.rejections ??= [];
    this.rejections.push({ row: this.row, column: this.header(column), reason, message });
  }

  warn(column: number, reason: WarningReason, value: string): void {
    const message = own(warningMessage(reason, this.#locale, value));
    this.warnings ??= [];
    this.warnings.push({ row: this.row, column: this.header(column), reason, message });
  }

  /** A column's header; '*' for the row as a whole. */
  header(column: number): string {
    return column < 0 ? '*' : (this.#headers[column] ?? `#${column + 1}`);
  }
}
