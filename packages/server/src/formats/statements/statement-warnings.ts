import type { StatementLocation, StatementWarning, StatementWarningCode } from './statement-model.ts';

const NOWHERE: StatementLocation = {
  statementIndex: null,
  entryIndex: null,
  transactionIndex: null,
  path: null,
  line: null,
};

/** Collects a reader's warnings, each prefixed in both languages with where it is. */
export class StatementWarnings {
  readonly #items: StatementWarning[] = [];

  add(code: StatementWarningCode, at: Partial<StatementLocation>, fr: string, en: string): void {
    const location = { ...NOWHERE, ...at };
    const where = location.path;
    this.#items.push({
      ...location,
      code,
      message: where === null ? { fr, en } : { fr: `${where} : ${fr}`, en: `${where}: ${en}` },
    });
  }

  get items(): readonly StatementWarning[] {
    return this.#items;
  }
}
