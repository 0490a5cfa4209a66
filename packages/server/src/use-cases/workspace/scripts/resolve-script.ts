import {
  type CaseProgress,
  DEFAULT_SCRIPT_KEY,
  DomainError,
  renderTemplate,
  type ScriptNode,
  type TemplateVariables,
} from '@relance/core';
import type { Locale } from '../../../db/schema.ts';
import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { readScope } from '../../portfolio/scope.ts';
import { loadTemplateVariables } from '../../templates/case-variables.ts';
import { latestScripts, type StoredScript, shippedScript } from './script-store.ts';

export type ResolvedScript = {
  readonly key: string;
  readonly language: Locale;
  readonly version: number;
  readonly title: string;
  readonly strategyKey: string | null;
  readonly stepKey: string | null;
  readonly start: string;
  readonly nodes: Readonly<Record<string, ScriptNode>>;
};

/**
 * The most specific script for where the case stands: its strategy and current step, else its strategy, else
 * the tenant's `default`, else the shipped one. Ties go to the most recently saved.
 */
export function pickScript(
  candidates: readonly StoredScript[],
  strategyKey: string | null,
  stepKey: string | null,
  language: Locale,
): StoredScript {
  const newest = (list: readonly StoredScript[]) =>
    [...list].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))[0];
  const byStep =
    strategyKey && stepKey
      ? newest(candidates.filter((s) => s.strategyKey === strategyKey && s.stepKey === stepKey))
      : undefined;
  const byStrategy = strategyKey
    ? newest(candidates.filter((s) => s.strategyKey === strategyKey && s.stepKey === null))
    : undefined;
  const fallback = candidates.find((s) => s.key === DEFAULT_SCRIPT_KEY);
  return byStep ?? byStrategy ?? fallback ?? shippedScript(language);
}

/** Every text of the script with the case's {{variables}} filled in (plain text: the agent reads it). */
export function renderScript(script: StoredScript, variables: TemplateVariables): ResolvedScript {
  const render = (text: string) => renderTemplate(text, variables, { escape: 'none' });
  const nodes: Record<string, ScriptNode> = {};
  for (const [id, node] of Object.entries(script.definition.nodes)) {
    nodes[id] = {
      say: render(node.say),
      ...(node.arguments ? { arguments: node.arguments.map(render) } : {}),
      ...(node.answers ? { answers: node.answers } : {}),
    };
  }
  return {
    key: script.key,
    language: script.language,
    version: script.version,
    title: script.title,
    strategyKey: script.strategyKey,
    stepKey: script.stepKey,
    start: script.definition.start,
    nodes,
  };
}

/** The script an agent follows on this case now, in the asked language (the debtor's by default). */
export async function resolveScriptForCase(
  deps: Deps,
  actor: Actor,
  caseId: string,
  language?: Locale,
): Promise<ResolvedScript> {
  const scope = readScope(actor);
  const db = deps.database.db;
  const row = await db
    .selectFrom('cases as c')
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .select(['c.strategy_key', 'c.progress', 'd.language'])
    .where('c.tenant_id', '=', scope.tenantId)
    .where('c.case_id', '=', caseId)
    .$if(scope.creditorId !== null, (q) => q.where('c.creditor_id', '=', scope.creditorId ?? ''))
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
  const lang = language ?? row.language;
  const progress = row.progress ? (JSON.parse(row.progress) as Partial<CaseProgress>) : null;
  const strategyKey = progress?.strategyKey ?? row.strategy_key ?? null;
  const stepKey = progress?.stepKey ?? null;
  const script = pickScript(await latestScripts(db, scope.tenantId, lang), strategyKey, stepKey, lang);
  const agent =
    actor.kind === 'user'
      ? await db
          .selectFrom('users')
          .select('display_name')
          .where('tenant_id', '=', scope.tenantId)
          .where('user_id', '=', actor.id)
          .executeTakeFirst()
      : undefined;
  const variables = await loadTemplateVariables(db, scope.tenantId, caseId, {
    language: lang,
    today: deps.clock.today(),
    agentName: agent?.display_name ?? null,
  });
  return renderScript(script, variables);
}
