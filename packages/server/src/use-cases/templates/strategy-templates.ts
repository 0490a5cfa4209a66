import { type StrategyDefinition, type StrategyIssue, templateChannelOf } from '@relance/core';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/schema.ts';
import { resolveTemplate } from './resolve-template.ts';

type Reader = Db | Transaction<Database>;

/**
 * Every template a strategy names must exist for its channel, shipped or saved by the tenant (in either
 * language: the other language is used, with a note, when one is missing). Checked when a strategy is saved.
 */
export async function unknownStrategyTemplates(
  db: Reader,
  tenantId: string,
  strategy: StrategyDefinition,
): Promise<StrategyIssue[]> {
  const named: { path: string; template: string; channel: string }[] = [];
  for (const [i, step] of strategy.steps.entries()) {
    for (const [n, action] of step.actions.entries()) {
      named.push({ path: `steps[${i}].actions[${n}].template`, ...action });
    }
  }
  const r = strategy.reactions;
  if (r.paymentFull.thankTemplate) {
    named.push({
      path: 'reactions.paymentFull.thankTemplate',
      template: r.paymentFull.thankTemplate,
      channel: r.paymentFull.channel ?? 'email',
    });
  }
  if (r.promise.confirmTemplate) {
    named.push({
      path: 'reactions.promise.confirmTemplate',
      template: r.promise.confirmTemplate,
      channel: r.promise.channel ?? 'email',
    });
  }
  for (const reaction of ['unansweredCalls', 'emailBounce', 'wrongNumber'] as const) {
    named.push({ path: `reactions.${reaction}.switchTo.template`, ...r[reaction].switchTo });
  }
  const issues: StrategyIssue[] = [];
  for (const { path, template, channel: actionChannel } of named) {
    const channel = templateChannelOf(actionChannel);
    if (!channel) continue;
    if (await resolveTemplate(db, tenantId, template, channel, 'fr')) continue;
    issues.push({
      path,
      code: 'unknown_template',
      message: {
        fr: `Aucun modèle « ${template} » n’existe pour le canal ${channel} : créez-le d’abord.`,
        en: `No template "${template}" exists for the ${channel} channel: create it first.`,
      },
    });
  }
  return issues;
}
