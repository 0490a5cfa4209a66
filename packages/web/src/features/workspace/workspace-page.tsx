import { Grid, Paper, Stack } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format/use-format.ts';
import { canReviewActions, sessionQuery } from '../../app/session.ts';
import { useChannelName } from '../../app/ui/engine.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { usePageTitle } from '../../app/ui/use-page-title.ts';
import { caseQuery } from '../case/api.ts';
import { EnginePanel } from '../case/engine-panel.tsx';
import { EvidencePanel } from '../case/evidence-panel.tsx';
import { ActionBar, ShortcutLegend, type WorkspaceForm } from './action-bar.tsx';
import { AgentsPanel } from './agents-panel.tsx';
import {
  caseScriptQuery,
  createPlan,
  createPromise,
  dispositionsQuery,
  type NextCase,
  type NextTask,
  type OutcomeInput,
  type PlanInput,
  type PlanView,
  type PromiseInput,
  recordOutcome,
  releaseCase,
  type ScriptAnswerOption,
  takeNextCase,
} from './api.ts';
import { CallbackModal } from './callback-modal.tsx';
import { CaseColumn } from './case-column.tsx';
import { type DisputeInput, openDisputeWithDocuments, type UploadFailure } from './dispute-api.ts';
import { DisputeModal } from './dispute-modal.tsx';
import { caseLockQuery, type LockState } from './lock.ts';
import { NextCaseBar } from './next-case-bar.tsx';
import { type Linked, OutcomeForm } from './outcome-form.tsx';
import { PaymentLinkModal } from './payment-link-modal.tsx';
import { PlanModal } from './plan-modal.tsx';
import { PromiseForm } from './promise-form.tsx';
import { QueuePanel } from './queue-panel.tsx';
import { ScriptPanel } from './script-panel.tsx';
import { answer, back, formOf, type ScriptWalk, startWalk } from './script-walk.ts';

const route = getRouteApi('/_app/workspace');

/** The lock state of a case the agent no longer holds. */
const LET_GO: LockState = { lock: null, refused: null };

/**
 * The agent's screen, all day: "Next case" hands over the best case callable now (locked for this agent),
 * then the case, the script, the agreements and the outcome side by side, every form one key away.
 */
export function WorkspacePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const channelName = useChannelName();
  const navigate = route.useNavigate();
  const { caseId, taskId } = route.useSearch();
  const queryClient = useQueryClient();
  const [task, setTask] = useState<NextTask | null>(null);
  const [empty, setEmpty] = useState<NextCase | null>(null);
  const [form, setForm] = useState<WorkspaceForm | null>(null);
  const [walk, setWalk] = useState<ScriptWalk>(() => startWalk(null));
  const [linked, setLinked] = useState<Linked>({});
  const [suggested, setSuggested] = useState<string | null>(null);
  const [createdPlan, setCreatedPlan] = useState<PlanView | null>(null);
  const [uploadFailures, setUploadFailures] = useState<readonly UploadFailure[] | null>(null);
  const [outcomeKey, setOutcomeKey] = useState(0);
  const dispositionRef = useRef<HTMLSelectElement | null>(null);

  const lock = useQuery({ ...caseLockQuery(caseId ?? ''), enabled: Boolean(caseId) });
  const detail = useQuery({ ...caseQuery(caseId ?? ''), enabled: Boolean(caseId) });
  const script = useQuery({ ...caseScriptQuery(caseId ?? '', format.language), enabled: Boolean(caseId) });
  const catalogue = useQuery(dispositionsQuery);
  const { data: user } = useQuery(sessionQuery);
  usePageTitle(detail.data ? `${t('workspace.title')} · ${detail.data.debtor.name}` : t('workspace.title'));

  const currentTask = task && task.caseId === caseId ? task : null;
  const walkOf = (current: ScriptWalk) =>
    current.nodeId === null && current.answers.length === 0 ? startWalk(script.data) : current;
  const shownWalk = walkOf(walk);

  /** A fresh case: nothing of the last one's script, agreements or suggestion carries over. */
  const resetCall = () => {
    setWalk(startWalk(null));
    setLinked({});
    setSuggested(null);
    setCreatedPlan(null);
    setForm(null);
    setOutcomeKey((key) => key + 1);
  };

  const refreshCase = () => {
    if (!caseId) return;
    void queryClient.invalidateQueries({ queryKey: ['case', caseId] });
    void queryClient.invalidateQueries({ queryKey: ['cases'] });
  };

  const next = useMutation({
    mutationFn: async () => {
      // The agent leaves the case they hold: its lock goes back at once rather than when it lapses.
      if (caseId && lock.data?.lock) await releaseCase(caseId).catch(() => undefined);
      return takeNextCase();
    },
    meta: { silent: true },
    onSuccess: async (result) => {
      resetCall();
      // Marked let go rather than removed: a removed query still on screen would be fetched, locking it again.
      if (caseId) queryClient.setQueryData(caseLockQuery(caseId).queryKey, LET_GO);
      if (!result.task) {
        setTask(null);
        setEmpty(result);
        await navigate({ search: {} });
        return;
      }
      const { task: taken } = result;
      setEmpty(null);
      setTask(taken);
      if (taken.lockedUntil) {
        const state: LockState = {
          lock: { caseId: taken.caseId, lockedBy: '', lockedByName: null, lockedUntil: taken.lockedUntil },
          refused: null,
        };
        queryClient.setQueryData(caseLockQuery(taken.caseId).queryKey, state);
      }
      await navigate({ search: { caseId: taken.caseId, taskId: taken.id } });
    },
  });

  const release = useMutation({
    mutationFn: (id: string) => releaseCase(id),
    onSuccess: async (_result, id) => {
      queryClient.setQueryData(caseLockQuery(id).queryKey, LET_GO);
      resetCall();
      setTask(null);
      await navigate({ search: {} });
    },
  });

  const outcome = useMutation({
    mutationFn: (input: OutcomeInput) => recordOutcome(caseId ?? '', input),
    meta: { silent: true },
    onSuccess: (result) => {
      notifications.show({
        color: 'teal',
        message: result.callbackActionId
          ? t('workspace.outcome.callbackSaved')
          : t('workspace.outcome.saved'),
      });
      resetCall();
      refreshCase();
      // The outcome closes the task and lets the case go: the forms leave until the next case is taken.
      if (caseId) queryClient.setQueryData(caseLockQuery(caseId).queryKey, LET_GO);
    },
  });

  const withCall = (input: Omit<OutcomeInput, 'taskId' | 'phone' | 'scriptAnswers'>): OutcomeInput => ({
    ...input,
    ...(taskId ? { taskId } : {}),
    ...(currentTask?.phone ? { phone: currentTask.phone } : {}),
    ...(shownWalk.answers.length > 0 ? { scriptAnswers: shownWalk.answers } : {}),
  });

  const promise = useMutation({
    mutationFn: (input: PromiseInput) => createPromise(caseId ?? '', input),
    meta: { silent: true },
    onSuccess: (created) => {
      setLinked((current) => ({ ...current, promiseId: created.id }));
      setSuggested('promise');
      setForm(null);
      notifications.show({
        color: 'teal',
        message: created.confirmation
          ? t('workspace.promise.savedConfirmed', { channel: channelName(created.confirmation.channel) })
          : t('workspace.promise.saved'),
      });
      refreshCase();
    },
  });

  const plan = useMutation({
    mutationFn: (input: PlanInput) => createPlan(caseId ?? '', input),
    meta: { silent: true },
    onSuccess: (created) => {
      setCreatedPlan(created);
      setLinked((current) => ({ ...current, planId: created.id }));
      // The plan's own disposition: its outcome names the plan (the plan's event came from the plan endpoint).
      setSuggested('payment_plan');
      refreshCase();
    },
  });

  const dispute = useMutation({
    mutationFn: (sent: { readonly input: DisputeInput; readonly files: readonly File[] }) =>
      openDisputeWithDocuments(caseId ?? '', sent.input, sent.files),
    meta: { silent: true },
    onSuccess: ({ dispute: created, failures }) => {
      setLinked((current) => ({ ...current, disputeId: created.id }));
      setSuggested('dispute');
      // A refused document keeps the form open to say which; the dispute itself is opened either way.
      if (failures.length > 0) setUploadFailures(failures);
      else setForm(null);
      notifications.show({ color: 'teal', message: t('workspace.dispute.saved') });
      refreshCase();
    },
  });

  const callbackCode =
    catalogue.data?.dispositions.find((item) => item.code === 'callback_requested')?.code ??
    catalogue.data?.dispositions.find((item) => item.needs.callback)?.code ??
    'callback_requested';

  const open = (which: WorkspaceForm) => {
    if (!caseId || !lock.data?.lock) return;
    promise.reset();
    plan.reset();
    dispute.reset();
    outcome.reset();
    if (which === 'plan') setCreatedPlan(null);
    setUploadFailures(null);
    setForm(which);
  };

  const onAnswer = (option: ScriptAnswerOption) => {
    if (!script.data) return;
    setWalk(answer(shownWalk, script.data, option));
    if (option.suggest) setSuggested(option.suggest);
    const target = formOf(option.action);
    if (target) open(target);
  };

  useHotkeys(
    form
      ? []
      : [
          ['n', () => next.mutate()],
          ['o', () => dispositionRef.current?.focus()],
          ['p', () => open('promise')],
          ['e', () => open('plan')],
          ['d', () => open('dispute')],
          ['r', () => open('callback')],
          ['l', () => open('paymentLink')],
        ],
  );

  const held = lock.data?.lock ?? null;
  const reasonLabel = (code: string) =>
    catalogue.data?.reasons.find((item) => item.code === code)?.label[format.language] ?? code;

  return (
    <Stack gap="md">
      <NextCaseBar
        task={currentTask}
        lock={held}
        lockError={lock.data?.refused ?? null}
        empty={caseId ? null : empty}
        pending={next.isPending}
        error={next.error}
        releasing={release.isPending}
        onNext={() => next.mutate()}
        onRelease={caseId && held ? () => release.mutate(caseId) : null}
        onRenew={
          caseId && !lock.data?.refused
            ? () => void queryClient.invalidateQueries({ queryKey: ['workspace', 'lock', caseId] })
            : null
        }
        caseOpen={Boolean(caseId)}
      />
      <ShortcutLegend />
      {!caseId && !empty && (
        <Paper withBorder p="md">
          <EmptyState title={t('workspace.start.title')} hint={t('workspace.start.hint')} />
        </Paper>
      )}
      {caseId && detail.isPending && <LoadingState />}
      {caseId && detail.isError && <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />}
      {caseId && detail.data && (
        <Grid gap="md" align="flex-start">
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <CaseColumn detail={detail.data} calledPhone={currentTask?.phone ?? null} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="md">
              <ScriptPanel
                script={script.data}
                pending={script.isPending}
                error={script.error}
                walk={shownWalk}
                onAnswer={onAnswer}
                onBack={() => setWalk(back(shownWalk))}
                onRestart={() => setWalk(startWalk(script.data))}
                reasonLabel={reasonLabel}
              />
              {held && <ActionBar onOpen={open} />}
              {held && (
                <OutcomeForm
                  key={outcomeKey}
                  catalogue={catalogue.data}
                  suggested={suggested}
                  reason={shownWalk.reason}
                  linked={linked}
                  saving={outcome.isPending}
                  error={outcome.error}
                  selectRef={dispositionRef}
                  onSubmit={(input) => outcome.mutate(withCall(input))}
                />
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 3 }}>
            <Stack gap="md">
              <EvidencePanel caseId={detail.data.case.id} />
              <EnginePanel
                caseId={detail.data.case.id}
                currency={detail.data.case.currency}
                showInterest={false}
              />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
      {canReviewActions(user) && <QueuePanel />}
      {canReviewActions(user) && <AgentsPanel />}
      {caseId && detail.data && form === 'promise' && (
        <PromiseForm
          currency={detail.data.case.currency}
          saving={promise.isPending}
          error={promise.error}
          onClose={() => setForm(null)}
          onSubmit={(input) => promise.mutate(input)}
        />
      )}
      {caseId && detail.data && form === 'plan' && (
        <PlanModal
          caseId={caseId}
          currency={detail.data.case.currency}
          saving={plan.isPending}
          error={plan.error}
          created={createdPlan}
          onClose={() => setForm(null)}
          onSubmit={(input) => plan.mutate(input)}
        />
      )}
      {caseId && detail.data && form === 'dispute' && (
        <DisputeModal
          claims={detail.data.claims}
          saving={dispute.isPending}
          error={dispute.error}
          failures={uploadFailures}
          onClose={() => setForm(null)}
          onSubmit={(input, files) => dispute.mutate({ input, files })}
        />
      )}
      {caseId && detail.data && form === 'paymentLink' && (
        <PaymentLinkModal
          caseId={caseId}
          contacts={detail.data.debtor.contacts}
          onClose={() => setForm(null)}
        />
      )}
      {caseId && form === 'callback' && (
        <CallbackModal
          saving={outcome.isPending}
          error={outcome.error}
          onClose={() => setForm(null)}
          onSubmit={({ callbackAt, note }) =>
            outcome.mutate(withCall({ disposition: callbackCode, callbackAt, ...(note ? { note } : {}) }))
          }
        />
      )}
    </Stack>
  );
}
