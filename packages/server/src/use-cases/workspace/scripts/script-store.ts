import { DEFAULT_SCRIPT_KEY, DEFAULT_SCRIPTS, type ScriptDefinition } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database, Db, Locale } from '../../../db/schema.ts';

type Reader = Db | Transaction<Database>;

/** One version of a script; version 0 is the shipped default (never stored). */
export type StoredScript = {
  readonly key: string;
  readonly language: Locale;
  readonly version: number;
  readonly title: string;
  readonly strategyKey: string | null;
  readonly stepKey: string | null;
  readonly definition: ScriptDefinition;
  readonly createdBy: string | null;
  readonly createdAt: string | null;
};

/** The shipped default script of a language, as version 0. */
export function shippedScript(language: Locale): StoredScript {
  const shipped = DEFAULT_SCRIPTS[language];
  return {
    key: DEFAULT_SCRIPT_KEY,
    language,
    version: 0,
    title: shipped.title,
    strategyKey: null,
    stepKey: null,
    definition: shipped.definition,
    createdBy: null,
    createdAt: null,
  };
}

type Row = {
  key: string;
  language: string;
  version: number;
  title: string;
  strategy_key: string | null;
  step_key: string | null;
  definition: string;
  created_by: string | null;
  created_at: string;
};

function fromRow(r: Row): StoredScript {
  return {
    key: r.key,
    language: r.language as Locale,
    version: Number(r.version),
    title: r.title,
    strategyKey: r.strategy_key,
    stepKey: r.step_key,
    definition: JSON.parse(r.definition) as ScriptDefinition,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

const COLUMNS = [
  'key',
  'language',
  'version',
  'title',
  'strategy_key',
  'step_key',
  'definition',
  'created_by',
  'created_at',
] as const;

/** The latest version of every key × language a tenant saved. */
export async function latestScripts(
  db: Reader,
  tenantId: string,
  language?: Locale,
): Promise<StoredScript[]> {
  const rows = await db
    .selectFrom('call_scripts as s')
    .select(COLUMNS.map((c) => `s.${c}` as const))
    .where('s.tenant_id', '=', tenantId)
    .$if(language !== undefined, (q) => q.where('s.language', '=', language ?? 'fr'))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('call_scripts as n')
            .select('n.script_id')
            .whereRef('n.tenant_id', '=', 's.tenant_id')
            .whereRef('n.key', '=', 's.key')
            .whereRef('n.language', '=', 's.language')
            .whereRef('n.version', '>', 's.version'),
        ),
      ),
    )
    .orderBy('s.key')
    .orderBy('s.language')
    .execute();
  return rows.map(fromRow);
}

/** One version of a key × language (the latest when `version` is not given); null when never saved. */
export async function findScript(
  db: Reader,
  tenantId: string,
  key: string,
  language: Locale,
  version?: number,
): Promise<StoredScript | null> {
  const row = await db
    .selectFrom('call_scripts')
    .select([...COLUMNS])
    .where('tenant_id', '=', tenantId)
    .where('key', '=', key)
    .where('language', '=', language)
    .$if(version !== undefined, (q) => q.where('version', '=', version ?? 0))
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** Every version of a key × language, newest first (who saved it, when). */
export async function scriptVersions(
  db: Reader,
  tenantId: string,
  key: string,
  language: Locale,
): Promise<{ version: number; title: string; createdBy: string | null; createdAt: string }[]> {
  const rows = await db
    .selectFrom('call_scripts')
    .select(['version', 'title', 'created_by', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('key', '=', key)
    .where('language', '=', language)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({
    version: Number(r.version),
    title: r.title,
    createdBy: r.created_by,
    createdAt: r.created_at,
  }));
}
