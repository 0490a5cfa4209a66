import { DomainError } from '@relance/core';
import type { LetterKind } from '../../channels/letters/letter-model.ts';
import { renderLetter } from '../../channels/letters/render-letter.ts';
import type { Actor } from '../../shared/actor.ts';
import { creditorScope } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { defaultLetterTemplate, letterContent } from './letter-content.ts';
import { caseLetterHistory } from './letter-history.ts';

export type LetterPreview = {
  readonly caseId: string;
  readonly language: 'fr' | 'en';
  readonly pdf: Uint8Array;
};

/** The case named by its id, or by its debtor's reference (the latest open case of that debtor). */
async function findCase(deps: Deps, actor: Actor, caseOrDebtor: string) {
  const scope = creditorScope(actor);
  let query = deps.database.db
    .selectFrom('cases as c')
    .innerJoin('debtors as d', (j) =>
      j.onRef('d.tenant_id', '=', 'c.tenant_id').onRef('d.debtor_id', '=', 'c.debtor_id'),
    )
    .select(['c.case_id', 'd.language'])
    .where('c.tenant_id', '=', actor.tenantId)
    .where((eb) => eb.or([eb('c.case_id', '=', caseOrDebtor), eb('d.ref', '=', caseOrDebtor)]))
    .orderBy('c.opened_at', 'desc')
    .limit(1);
  if (scope) query = query.where('c.creditor_id', '=', scope);
  return query.executeTakeFirst();
}

/**
 * Renders any letter for a case, as it would be printed today, without producing it: no reference, no postal
 * item, no journal entry. The language is the debtor's unless one is asked for.
 */
export async function previewLetter(
  deps: Deps,
  actor: Actor,
  input: { readonly caseOrDebtor: string; readonly kind: LetterKind; readonly language?: 'fr' | 'en' },
): Promise<LetterPreview> {
  const found = await findCase(deps, actor, input.caseOrDebtor.trim());
  if (!found)
    throw new DomainError('not_found', `No case or debtor ${input.caseOrDebtor}`, {
      case: input.caseOrDebtor,
    });
  const language = input.language ?? found.language;
  const today = deps.clock.today();
  const db = deps.database.db;
  const content = await letterContent(db, actor.tenantId, {
    caseId: found.case_id,
    template: defaultLetterTemplate[input.kind],
    language,
    today,
    letter: null,
  });
  const history = await caseLetterHistory(db, actor.tenantId, found.case_id, language);
  const variables = {
    ...content.variables,
    firstLetter: content.variables.firstLetter ?? history.first,
    previousLetter: content.variables.previousLetter ?? history.previous,
  };
  const pdf = await renderLetter({ kind: input.kind, variables, body: content.body });
  return { caseId: found.case_id, language, pdf };
}
