import type { Actor } from '../../../shared/actor.ts';
import type { Deps } from '../../../shared/deps.ts';
import { readScope } from '../../portfolio/scope.ts';
import { type PromiseInput, type RecordedPromise, writePromise } from './write-promise.ts';

/** An agent (or an integration) records the debtor's promise to pay: one date or several. */
export async function recordPromise(
  deps: Deps,
  actor: Actor,
  caseId: string,
  input: PromiseInput,
): Promise<RecordedPromise> {
  const scope = readScope(actor, 'cases:act');
  return writePromise(
    deps,
    { tenantId: scope.tenantId, creditorId: scope.creditorId, actor, madeBy: `user:${actor.id}` },
    caseId,
    input,
  );
}

/**
 * The debtor promises on their own page (issue #6 calls this once it has identified the debtor and the case):
 * no user acts, the promise is the debtor's own and is confirmed to them like any other.
 */
export async function recordDebtorPromise(
  deps: Deps,
  tenantId: string,
  caseId: string,
  input: Omit<PromiseInput, 'channel' | 'outcomeId'>,
): Promise<RecordedPromise> {
  return writePromise(deps, { tenantId, creditorId: null, actor: null, madeBy: 'debtor' }, caseId, {
    ...input,
    channel: 'portal',
  });
}
