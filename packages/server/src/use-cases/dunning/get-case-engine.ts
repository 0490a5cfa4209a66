import {
  type CaseInterest,
  type CaseProgress,
  DomainError,
  describeReason,
  NEW_PROGRESS,
  type NextAction,
  nameReason,
  type Reason,
} from '@relance/core';
import type { Locale } from '../../db/schema.ts';
import type { Actor } from '../../shared/actor.ts';
import type { Deps } from '../../shared/deps.ts';
import { readScope } from '../portfolio/scope.ts';
import { loadStrategyBook } from '../strategies/strategy-book.ts';
import { interestOfCases } from './interest-of-cases.ts';

export type ExplainedReason = Reason & { readonly text: string };

export type CaseEngineView = {
  /** Late interest and fixed compensation as of today, claim by claim, and what is claimed. */
  readonly interest: CaseInterest;
  readonly strategy: { readonly key: string; readonly version: number | null; readonly name: string } | null;
  readonly stage: string;
  readonly progress: CaseProgress | null;
  readonly nextAction: NextAction | null;
  readonly lastRunOn: string | null;
  readonly notes: readonly ExplainedReason[];
  readonly actions: readonly {
    readonly id: string;
    readonly plannedOn: string;
    readonly scheduledAt: string | null;
    readonly channel: string;
    readonly template: string;
    readonly status: string;
    readonly stepKey: string | null;
    readonly reason: ExplainedReason;
    readonly gate: { readonly kind: string; readonly code?: string; readonly text: string };
  }[];
  readonly events: readonly {
    readonly id: string;
    readonly kind: string;
    readonly on: string;
    readonly data: unknown;
    readonly applied: boolean;
  }[];
};

/** A case as the engine sees it: its strategy, where it stands, what comes next and why, every action planned. */
export async function getCaseEngine(
  deps: Deps,
  actor: Actor,
  input: { readonly caseId: string; readonly locale: Locale },
): Promise<CaseEngineView> {
  const scope = readScope(actor);
  const db = deps.database.db;
  // Its next action and notes are texts kept once per tenant (`db/case-texts.ts`).
  const row = await db
    .selectFrom('cases as c')
    .leftJoin('case_texts as na', (j) =>
      j.onRef('na.tenant_id', '=', 'c.tenant_id').onRef('na.text_id', '=', 'c.next_action_text'),
    )
    .leftJoin('case_texts as nt', (j) =>
      j.onRef('nt.tenant_id', '=', 'c.tenant_id').onRef('nt.text_id', '=', 'c.notes_text'),
    )
    .select([
      'c.strategy_key',
      'c.stage',
      'c.progress',
      'c.last_run_on',
      'na.body as next_action',
      'nt.body as last_notes',
    ])
    .where('c.tenant_id', '=', scope.tenantId)
    .where('c.case_id', '=', input.caseId)
    .$if(scope.creditorId !== null, (q) => q.where('c.creditor_id', '=', scope.creditorId ?? ''))
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'Case not found.', { reason: 'case_not_found' });
  const book = row.strategy_key ? await loadStrategyBook(db, scope.tenantId) : null;
  const stored = row.strategy_key ? book?.strategies.get(row.strategy_key) : undefined;
  const explain = (reason: Reason): ExplainedReason => ({
    ...reason,
    text: describeReason(nameReason(reason, stored?.definition ?? null), input.locale),
  });
  const [actions, events] = await Promise.all([
    db
      .selectFrom('actions')
      .select([
        'action_id',
        'planned_on',
        'scheduled_at',
        'channel',
        'template',
        'status',
        'step_key',
        'reason',
        'gate',
      ])
      .where('tenant_id', '=', scope.tenantId)
      .where('case_id', '=', input.caseId)
      .orderBy('planned_on', 'desc')
      .orderBy('action_id', 'desc')
      .limit(200)
      .execute(),
    db
      .selectFrom('case_events')
      .select(['event_id', 'kind', 'occurred_on', 'data', 'applied_run_id'])
      .where('tenant_id', '=', scope.tenantId)
      .where('case_id', '=', input.caseId)
      .orderBy('occurred_on', 'desc')
      .orderBy('event_id', 'desc')
      .limit(200)
      .execute(),
  ]);
  const interest = (await interestOfCases(db, scope.tenantId, [input.caseId], deps.clock.today())).get(
    input.caseId,
  );
  return {
    interest: interest as CaseInterest,
    strategy: row.strategy_key
      ? {
          key: row.strategy_key,
          version: stored?.version ?? null,
          name: stored ? stored.definition.name[input.locale] : row.strategy_key,
        }
      : null,
    stage: row.stage,
    progress: row.progress
      ? {
          ...NEW_PROGRESS,
          ...(JSON.parse(row.progress) as Partial<CaseProgress>),
          strategyKey: row.strategy_key,
        }
      : null,
    nextAction: row.next_action
      ? withName(JSON.parse(row.next_action) as NextAction, stored?.definition)
      : null,
    lastRunOn: row.last_run_on,
    notes: row.last_notes ? (JSON.parse(row.last_notes) as Reason[]).map(explain) : [],
    actions: actions.map((a) => {
      const reason = (JSON.parse(a.reason) as { reason: Reason }).reason;
      const gate = JSON.parse(a.gate) as {
        kind: string;
        code?: string;
        policy?: string;
        rule?: string;
        explanation?: { fr: string; en: string };
      };
      return {
        id: a.action_id,
        plannedOn: a.planned_on,
        scheduledAt: a.scheduled_at,
        channel: a.channel,
        template: a.template,
        status: a.status,
        stepKey: a.step_key,
        reason: explain(reason),
        gate: {
          kind: gate.kind,
          ...(gate.code ? { code: gate.code } : {}),
          text: gate.explanation?.[input.locale] ?? allowedText(gate.policy, gate.rule, input.locale),
        },
      };
    }),
    events: events.map((e) => ({
      id: e.event_id,
      kind: e.kind,
      on: e.occurred_on,
      data: JSON.parse(e.data) as unknown,
      applied: e.applied_run_id !== null,
    })),
  };
}

function allowedText(policy: string | undefined, rule: string | undefined, locale: Locale): string {
  const where = [policy, rule].filter(Boolean).join(', ');
  return locale === 'fr'
    ? `Autorisé par le contrôle de conformité (${where}).`
    : `Allowed by the compliance gate (${where}).`;
}

function withName(
  next: NextAction,
  strategy: { readonly steps: readonly { key: string; name: { fr: string; en: string } }[] } | undefined,
): NextAction {
  if (next.stepName || !next.stepKey) return next;
  return { ...next, stepName: strategy?.steps.find((step) => step.key === next.stepKey)?.name ?? null };
}
