import { DEFAULT_SCRIPT_KEY, DomainError } from '@relance/core';
import type { Locale } from '../../../db/schema.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { requirePermission } from '../../access/permissions.ts';
import {
  findScript,
  latestScripts,
  type StoredScript,
  scriptVersions,
  shippedScript,
} from './script-store.ts';

export type ScriptSummary = Omit<StoredScript, 'definition'>;

/** The latest version of every script, the shipped default included where the tenant has not replaced it. */
export async function listScripts(deps: Deps, actor: Actor): Promise<readonly ScriptSummary[]> {
  requirePermission(actor, 'strategies:read');
  const saved = await latestScripts(deps.database.db, actor.tenantId);
  const shipped = (['fr', 'en'] as const)
    .filter((l) => !saved.some((s) => s.key === DEFAULT_SCRIPT_KEY && s.language === l))
    .map(shippedScript);
  return [...shipped, ...saved]
    .map(({ definition: _definition, ...summary }) => summary)
    .sort((a, b) => a.key.localeCompare(b.key) || a.language.localeCompare(b.language));
}

/** One script (latest version, or the one asked for) and the list of its versions. */
export async function getScript(
  deps: Deps,
  actor: Actor,
  key: string,
  language: Locale,
  version?: number,
): Promise<StoredScript & { readonly versions: Awaited<ReturnType<typeof scriptVersions>> }> {
  requirePermission(actor, 'strategies:read');
  const db = deps.database.db;
  const found = await findScript(db, actor.tenantId, key, language, version);
  const script = found ?? (key === DEFAULT_SCRIPT_KEY && !version ? shippedScript(language) : null);
  if (!script) throw new DomainError('not_found', 'Call script not found.', { reason: 'script_not_found' });
  return { ...script, versions: await scriptVersions(db, actor.tenantId, key, language) };
}
