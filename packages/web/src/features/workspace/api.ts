import { queryOptions } from '@tanstack/react-query';
import { apiRequest, isApiError } from '../../app/api/client.ts';

/** Path segment of an id, escaped once here so every call below stays short. */
const seg = encodeURIComponent;

export type Bilingual = { readonly fr: string; readonly en: string };

/** One reason a task is where it is in the queue: "amount 1 240 €: +30 points", in both languages. */
export type ScorePart = { readonly key: string; readonly points: number; readonly detail: Bilingual };

/** `POST /queue/next`: the best task the agent may call now, locked for them until `lockedUntil`. */
export type NextTask = {
  readonly id: string;
  readonly caseId: string;
  readonly debtorName: string;
  readonly kind: string;
  readonly phone: string | null;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly priority: number;
  readonly scoreParts: readonly ScorePart[];
  readonly lockedUntil: string | null;
};

/** The answer of `POST /queue/next`: a task, or nothing callable now (204, with the next window when known). */
export type NextCase = { readonly task: NextTask | null; readonly nextWindowAt: string | null };

export async function takeNextCase(): Promise<NextCase> {
  const body = await apiRequest<{ task?: NextTask; nextWindowAt?: string | null } | undefined>(
    '/queue/next',
    {
      method: 'POST',
      json: {},
    },
  );
  return { task: body?.task ?? null, nextWindowAt: body?.nextWindowAt ?? null };
}

/** `POST /cases/:caseId/lock`: two agents never work the same case; the lock expires by itself. */
export type CaseLock = {
  readonly caseId: string;
  readonly lockedBy: string;
  readonly lockedByName: string | null;
  readonly lockedUntil: string;
};

export function lockCase(caseId: string): Promise<CaseLock> {
  return apiRequest<CaseLock>(`/cases/${seg(caseId)}/lock`, { method: 'POST', json: {} });
}

export async function releaseCase(caseId: string): Promise<void> {
  await apiRequest<unknown>(`/cases/${seg(caseId)}/lock`, { method: 'DELETE' });
}

/** What a disposition asks the agent for besides its code. */
export type DispositionNeeds = {
  readonly reason: boolean;
  readonly callback: boolean;
  readonly promise: boolean;
  /** Absent from a server older than the 'payment_plan' disposition. */
  readonly plan?: boolean;
  readonly dispute: boolean;
};

export type Disposition = {
  readonly code: string;
  readonly label: Bilingual;
  readonly rightParty: boolean;
  readonly needs: DispositionNeeds;
};

export type NonPaymentReason = { readonly code: string; readonly label: Bilingual };

export type DispositionCatalogue = {
  readonly dispositions: readonly Disposition[];
  readonly reasons: readonly NonPaymentReason[];
};

/** The route may answer a bare list or `{ dispositions, reasons }`: both are accepted. */
function catalogueFrom(body: unknown): DispositionCatalogue {
  if (Array.isArray(body)) return { dispositions: body as Disposition[], reasons: [] };
  const record = (body ?? {}) as Partial<DispositionCatalogue>;
  return { dispositions: record.dispositions ?? [], reasons: record.reasons ?? [] };
}

export const dispositionsQuery = queryOptions({
  queryKey: ['workspace', 'dispositions'],
  queryFn: async ({ signal }) => {
    const catalogue = catalogueFrom(await apiRequest<unknown>('/dispositions', { signal }));
    if (catalogue.reasons.length > 0) return catalogue;
    const reasons = await apiRequest<unknown>('/non-payment-reasons', { signal }).catch(() => []);
    const list = Array.isArray(reasons)
      ? (reasons as NonPaymentReason[])
      : ((reasons as { reasons?: NonPaymentReason[] }).reasons ?? []);
    return { ...catalogue, reasons: list };
  },
  staleTime: 10 * 60_000,
});

export type ScriptAnswer = { readonly question: string; readonly answer: string };

export type OutcomeInput = {
  readonly taskId?: string;
  readonly disposition: string;
  readonly reason?: string;
  readonly note?: string;
  readonly callbackAt?: string;
  readonly phone?: string;
  readonly scriptAnswers?: readonly ScriptAnswer[];
  readonly promiseId?: string;
  readonly planId?: string;
  readonly disputeId?: string;
};

export type OutcomeCreated = {
  readonly outcomeId: string;
  readonly disposition: string;
  readonly eventId: string | null;
  readonly callbackActionId: string | null;
};

export function recordOutcome(caseId: string, input: OutcomeInput): Promise<OutcomeCreated> {
  return apiRequest<OutcomeCreated>(`/cases/${seg(caseId)}/outcomes`, { method: 'POST', json: input });
}

export type PromiseLine = { readonly dueOn: string; readonly amountMinor: number };

export type PromiseView = {
  readonly id: string;
  readonly schedule: readonly PromiseLine[];
  readonly amountMinor: number;
  readonly currency: string;
  readonly status: string;
  readonly confirmation: {
    readonly actionId: string;
    readonly channel: string;
    readonly status: string;
  } | null;
};

export type PromiseInput = {
  readonly schedule: readonly PromiseLine[];
  /** How the debtor made it ('call' from the workspace); the confirmation's channel is the strategy's. */
  readonly channel: 'call';
  readonly note?: string;
};

/** Lists may come bare or wrapped (`{ items }`): the page only needs the rows. */
function rows<T>(body: unknown, key: string): readonly T[] {
  if (Array.isArray(body)) return body as T[];
  const record = (body ?? {}) as Record<string, unknown>;
  const list = record[key] ?? record.items;
  return Array.isArray(list) ? (list as T[]) : [];
}

/** How the debtor kept their earlier promises (every case of theirs), for the agent weighing a new one. */
export type PromiseHistory = { readonly kept: number; readonly broken: number; readonly partlyKept: number };

export type CasePromises = {
  readonly promises: readonly PromiseView[];
  readonly history: PromiseHistory | null;
};

export function casePromisesQuery(caseId: string) {
  return queryOptions({
    queryKey: ['case', caseId, 'promises'],
    queryFn: async ({ signal }): Promise<CasePromises> => {
      const body = await apiRequest<unknown>(`/cases/${seg(caseId)}/promises`, { signal });
      const history = (body as { history?: PromiseHistory } | null)?.history ?? null;
      return { promises: rows<PromiseView>(body, 'promises'), history };
    },
  });
}

export function createPromise(caseId: string, input: PromiseInput): Promise<PromiseView> {
  return apiRequest<PromiseView>(`/cases/${seg(caseId)}/promises`, { method: 'POST', json: input });
}

export const PLAN_KINDS = ['full_now', 'scheduled', 'instalments'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_FREQUENCIES = ['weekly', 'biweekly', 'monthly'] as const;

export type PlanInput = {
  readonly kind: PlanKind;
  readonly claimIds?: readonly string[];
  readonly count?: number;
  readonly firstDueOn?: string;
  readonly frequency?: string;
  readonly downPaymentMinor?: number;
};

export type Instalment = {
  readonly seq: number;
  readonly dueOn: string;
  readonly amountMinor: number;
  readonly status?: string;
};

export type PlanViolation = { readonly code: string; readonly message: string };

export type PlanPreview = {
  readonly currency?: string;
  readonly totalMinor?: number;
  readonly principalMinor?: number;
  readonly interestMinor?: number;
  readonly feesMinor?: number;
  readonly downPaymentMinor?: number;
  readonly instalments: readonly Instalment[];
  readonly violations: readonly PlanViolation[];
};

export type PlanView = {
  readonly id: string;
  readonly kind?: PlanKind;
  readonly status: string;
  readonly currency?: string;
  readonly totalMinor?: number;
  readonly instalments: readonly Instalment[];
  readonly documentId: string | null;
  readonly agreementActionId: string | null;
};

export function previewPlan(caseId: string, input: PlanInput, signal?: AbortSignal): Promise<PlanPreview> {
  return apiRequest<PlanPreview>(`/cases/${seg(caseId)}/payment-plans/preview`, {
    method: 'POST',
    json: input,
    ...(signal ? { signal } : {}),
  });
}

export function createPlan(caseId: string, input: PlanInput): Promise<PlanView> {
  return apiRequest<PlanView>(`/cases/${seg(caseId)}/payment-plans`, { method: 'POST', json: input });
}

export function casePlansQuery(caseId: string) {
  return queryOptions({
    queryKey: ['case', caseId, 'plans'],
    queryFn: async ({ signal }) =>
      rows<PlanView>(await apiRequest<unknown>(`/cases/${seg(caseId)}/payment-plans`, { signal }), 'plans'),
  });
}

/** The signed agreement of a plan, as the server rendered it (PDF). */
export function agreementUrl(planId: string): string {
  return `/api/v1/payment-plans/${seg(planId)}/agreement.pdf`;
}

export type ScriptAnswerOption = {
  readonly label: string;
  readonly next?: string;
  /** The non-payment reason this answer qualifies. */
  readonly reason?: string;
  /** A disposition the answer suggests. */
  readonly suggest?: string;
  /** A form the answer opens: promise, plan, dispute, callback. */
  readonly action?: string;
};

export type ScriptNode = {
  readonly say: string;
  readonly arguments?: readonly string[];
  readonly answers?: readonly ScriptAnswerOption[];
};

export type CallScript = {
  readonly key: string;
  readonly version: number;
  readonly title: string;
  readonly start: string;
  readonly nodes: Readonly<Record<string, ScriptNode>>;
};

export function caseScriptQuery(caseId: string, language: string) {
  return queryOptions({
    queryKey: ['case', caseId, 'script', language],
    // No script for this case (404) is a normal answer: the panel says so instead of an error toast.
    queryFn: ({ signal }) =>
      apiRequest<CallScript>(`/cases/${seg(caseId)}/script?language=${seg(language)}`, { signal }).catch(
        (error: unknown) => {
          if (isApiError(error) && error.status === 404) return null;
          throw error;
        },
      ),
    retry: false,
  });
}

/** `POST /cases/:caseId/payment-link`: the message in the outbox (`repeated`: the one asked a moment ago). */
export type PaymentLinkSent = {
  readonly actionId: string;
  readonly channel: 'sms' | 'email';
  readonly status: string;
  readonly scheduledAt: string | null;
  readonly repeated: boolean;
};

export function sendPaymentLink(caseId: string, channel: 'sms' | 'email'): Promise<PaymentLinkSent> {
  return apiRequest<PaymentLinkSent>(`/cases/${seg(caseId)}/payment-link`, {
    method: 'POST',
    json: { channel },
  });
}
