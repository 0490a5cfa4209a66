import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DomainError } from '@relance/core';
import type { Deps } from '../../shared/deps.ts';
import type { ImportLocale } from './import-issues.ts';
import type { ImportSourceInput } from './import-source.ts';

export type CreditorFacts = {
  readonly id: string;
  readonly ref: string;
  readonly name: string;
  readonly currency: string;
  readonly isProfessional: boolean;
};

/** The creditor by its ref in the tenant (exact, else ignoring case); `not_found` lists the known refs. */
export async function findCreditor(deps: Deps, tenantId: string, ref: string): Promise<CreditorFacts> {
  const creditors = await deps.database.db
    .selectFrom('creditors')
    .select(['creditor_id', 'ref', 'name', 'currency', 'is_professional'])
    .where('tenant_id', '=', tenantId)
    .orderBy('ref')
    .execute();
  const found =
    creditors.find((c) => c.ref === ref) ?? creditors.find((c) => c.ref.toLowerCase() === ref.toLowerCase());
  if (!found) {
    const known = creditors.map((c) => c.ref);
    const listed = known.length > 0 ? `Known creditors: ${known.join(', ')}.` : 'There is no creditor yet.';
    throw new DomainError('not_found', `No creditor "${ref}" in this tenant. ${listed}`, {
      reason: 'creditor_not_found',
      creditorRef: ref,
      known,
    });
  }
  return {
    id: found.creditor_id,
    ref: found.ref,
    name: found.name,
    currency: found.currency,
    isProfessional: found.is_professional !== 0,
  };
}

/** The language the import's messages are written in: the tenant's. */
export async function tenantLocale(deps: Deps, tenantId: string): Promise<ImportLocale> {
  const tenant = await deps.database.db
    .selectFrom('tenants')
    .select('locale')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return tenant?.locale ?? 'fr';
}

/** Next to the input file when its folder is writable, else in the data folder. */
export async function errorFileTarget(
  deps: Deps,
  source: ImportSourceInput,
  importId: string,
): Promise<string> {
  if (source.kind === 'file') {
    const writable = await access(dirname(source.path), constants.W_OK).then(
      () => true,
      () => false,
    );
    if (writable) return `${source.path}.errors.csv`;
  }
  return join(deps.dataDir, 'imports', `${importId}.errors.csv`);
}
