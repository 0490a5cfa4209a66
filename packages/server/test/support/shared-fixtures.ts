import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The project's shared acceptance fixtures (real public files: receivables CSVs, bank statements,
 * e-invoices). They live in `shared/` beside the repository — where CI puts them too — so a test
 * that needs one fails when they are missing rather than passing without having looked.
 * RELANCE_FIXTURES points elsewhere.
 */
export function sharedFixtures(): string {
  const dir =
    process.env.RELANCE_FIXTURES ?? fileURLToPath(new URL('../../../../../shared/fixtures', import.meta.url));
  if (!existsSync(dir)) {
    throw new Error(`The shared fixtures are not at ${dir}: clone beside shared/ or set RELANCE_FIXTURES.`);
  }
  return dir;
}
