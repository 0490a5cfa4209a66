import {
  DomainError,
  hasErrors,
  type Language,
  sampleVariables,
  type TemplateChannel,
  type TemplateVariables,
} from '@relance/core';
import type { Actor } from '../../shared/actor.ts';
import { creditorScope } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { requirePermission } from '../access/permissions.ts';
import { loadTemplateVariables } from './case-variables.ts';
import { renderSource } from './render-content.ts';
import { checkTemplateInput, type FieldIssue } from './templates.ts';

export type PreviewInput = {
  readonly channel: TemplateChannel;
  readonly language: Language;
  readonly subject?: string | null | undefined;
  readonly body: string;
  /** A real case to render on; without one, a made-up sample case. */
  readonly caseId?: string | null | undefined;
};

export type Preview = {
  readonly issues: readonly FieldIssue[];
  /** Null when the template has errors: the issues say where. */
  readonly rendered: {
    readonly subject: string | null;
    readonly text: string;
    readonly html: string | null;
  } | null;
  readonly sample: boolean;
};

/** What a template being edited gives on a real case (or a sample), or where it is wrong. Nothing is saved. */
export async function previewTemplate(deps: Deps, actor: Actor, input: PreviewInput): Promise<Preview> {
  requirePermission(actor, 'strategies:read');
  const issues = checkTemplateInput(input.channel, input);
  const sample = !input.caseId;
  if (hasErrors(issues)) return { issues, rendered: null, sample };
  const variables = input.caseId
    ? await caseVariables(deps, actor, input.caseId, input.language)
    : sampleVariables(input.language);
  const rendered = renderSource(
    { channel: input.channel, subject: input.subject ?? null, body: input.body },
    variables,
  );
  return { issues, rendered, sample };
}

async function caseVariables(
  deps: Deps,
  actor: Actor,
  caseId: string,
  language: Language,
): Promise<TemplateVariables> {
  requirePermission(actor, 'portfolio:read');
  const scope = creditorScope(actor);
  const found = await deps.database.db
    .selectFrom('cases')
    .select('case_id')
    .where('tenant_id', '=', actor.tenantId)
    .where('case_id', '=', caseId)
    .$if(scope !== null, (q) => q.where('creditor_id', '=', scope ?? ''))
    .executeTakeFirst();
  if (!found) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
  return loadTemplateVariables(deps.database.db, actor.tenantId, caseId, {
    language,
    today: deps.clock.today(),
  });
}
