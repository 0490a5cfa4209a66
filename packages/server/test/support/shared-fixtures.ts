import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The project's shared acceptance fixtures (real public files: receivables CSVs, bank statements,
 * e-invoices), in `shared/` beside the repository, where CI puts them too; RELANCE_FIXTURES points
 * elsewhere. Under CI a missing folder is an error, so a test never passes without having looked;
 * in a lone clone (no shared/ beside it) the tests that need them are skipped, and say so.
 */
export function sharedFixtures(): string | null {
  const dir =
    process.env.RELANCE_FIXTURES ?? fileURLToPath(new URL('../../../../../shared/fixtures', import.meta.url));
  if (existsSync(dir)) return dir;
  if (process.env.CI) {
    throw new Error(
      `The shared fixtures are not at ${dir}: CI clones beside shared/ (or set RELANCE_FIXTURES).`,
    );
  }
  process.stderr.write(`shared fixtures not found at ${dir}: the tests on real public files are skipped\n`);
  return null;
}
