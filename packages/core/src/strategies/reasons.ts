import { formatDate } from '../shared/dates.ts';
import type { ActionChannel, StrategyDefinition } from './definition.ts';
import type { Reason, ReasonCode } from './plan-types.ts';

type Locale = 'fr' | 'en';
type Params = Reason['params'];

const CHANNELS: Readonly<Record<ActionChannel, { readonly fr: string; readonly en: string }>> = {
  email: { fr: 'e-mail', en: 'e-mail' },
  sms: { fr: 'SMS', en: 'SMS' },
  letter: { fr: 'lettre', en: 'letter' },
  registered_letter: { fr: 'lettre recommandée', en: 'registered letter' },
  formal_notice: { fr: 'mise en demeure', en: 'formal notice' },
  call_task: { fr: 'appel d’un conseiller', en: 'agent call' },
  ivr_call: { fr: 'appel SVI', en: 'IVR call' },
  agency_handover: { fr: 'transmission à une agence', en: 'agency hand-over' },
  legal_handover: { fr: 'transmission au contentieux', en: 'legal hand-over' },
};

export function channelName(channel: ActionChannel, locale: Locale): string {
  return CHANNELS[channel][locale];
}

const s = (value: string | number | undefined): string => String(value ?? '');
const jours = (n: string | number | undefined): string => (Number(n) > 1 ? `${s(n)} jours` : `${s(n)} jour`);
const days = (n: string | number | undefined): string => (Number(n) === 1 ? '1 day' : `${s(n)} days`);
const sf = (p: Params): string => s(p.stepFr ?? p.step);
const se = (p: Params): string => s(p.stepEn ?? p.step);
const d = (value: string | number | undefined, locale: Locale): string =>
  typeof value === 'string' ? formatDate(value, locale) : s(value);
const ch = (value: string | number | undefined, locale: Locale): string =>
  typeof value === 'string' && value in CHANNELS ? channelName(value as ActionChannel, locale) : s(value);

const TEXT: Readonly<Record<ReasonCode, (p: Params) => { fr: string; en: string }>> = {
  assigned: (p) => ({
    fr: `Stratégie « ${s(p.nameFr ?? p.strategy)} » attribuée.`,
    en: `Strategy "${s(p.nameEn ?? p.strategy)}" assigned.`,
  }),
  step_due: (p) =>
    Number(p.daysLate) > 0
      ? {
          fr: `Étape « ${sf(p)} » due depuis ${jours(p.daysLate)}.`,
          en: `Step "${se(p)}" due ${days(p.daysLate)} ago.`,
        }
      : { fr: `Étape « ${sf(p)} » due aujourd’hui.`, en: `Step "${se(p)}" due today.` },
  backlog_jump: (p) => ({
    fr: `Dossier en retard sur l’échelle : passage direct à « ${sf(p)} » (étapes sautées : ${s(p.skippedFr ?? p.skipped)}).`,
    en: `Case behind its ladder: straight to "${se(p)}" (steps skipped: ${s(p.skippedEn ?? p.skipped)}).`,
  }),
  backlog_walk: (p) => ({
    fr: `Dossier en retard de ${jours(p.daysBehind)} : une étape par passage, « ${sf(p)} » aujourd’hui.`,
    en: `Case ${days(p.daysBehind)} behind: one step per run, "${se(p)}" today.`,
  }),
  step_skipped_condition: (p) => ({
    fr: `Étape « ${sf(p)} » sautée : ses conditions ne s’appliquent pas à ce dossier.`,
    en: `Step "${se(p)}" skipped: its conditions do not apply to this case.`,
  }),
  pre_due_expired: (p) => ({
    fr: `Rappel avant échéance « ${sf(p)} » sauté : l’échéance est passée.`,
    en: `Pre-due reminder "${se(p)}" skipped: the due date has passed.`,
  }),
  channel_switched: (p) => ({
    fr: `Canal remplacé : ${ch(p.from, 'fr')} → ${ch(p.to, 'fr')}${p.because ? ` (${because(p.because, 'fr')})` : ''}.`,
    en: `Channel replaced: ${ch(p.from, 'en')} → ${ch(p.to, 'en')}${p.because ? ` (${because(p.because, 'en')})` : ''}.`,
  }),
  payment_full: () => ({
    fr: 'Dossier soldé : la relance s’arrête.',
    en: 'Case paid in full: collection stops.',
  }),
  payment_partial: () => ({ fr: 'Paiement partiel reçu.', en: 'Partial payment received.' }),
  promise_made: (p) => ({
    fr: `Promesse de paiement pour le ${d(p.dueOn, 'fr')}.`,
    en: `Promise to pay by ${d(p.dueOn, 'en')}.`,
  }),
  promise_kept: () => ({ fr: 'Promesse tenue.', en: 'Promise kept.' }),
  promise_date_kept: (p) => ({
    fr: `Promesse : échéance n° ${s(p.date)} du ${d(p.dueOn, 'fr')} tenue.`,
    en: `Promise: payment ${s(p.date)} due ${d(p.dueOn, 'en')} kept.`,
  }),
  promise_partly_kept: () => ({
    fr: 'Promesse tenue en partie : la relance reprend.',
    en: 'Promise partly kept: collection resumes.',
  }),
  promise_broken: () => ({
    fr: 'Promesse non tenue : la relance reprend.',
    en: 'Promise broken: collection resumes.',
  }),
  promise_cancelled: () => ({
    fr: 'Promesse annulée : la relance reprend.',
    en: 'Promise cancelled: collection resumes.',
  }),
  plan_agreed: (p) => ({
    fr: `Échéancier accepté (${s(p.instalments)} échéances) : la relance suit le plan.`,
    en: `Payment plan agreed (${s(p.instalments)} instalments): collection follows the plan.`,
  }),
  plan_instalment_kept: (p) => ({
    fr: `Échéance n° ${s(p.instalment)} payée.`,
    en: `Instalment ${s(p.instalment)} paid.`,
  }),
  plan_completed: () => ({ fr: 'Échéancier mené à terme.', en: 'Payment plan completed.' }),
  plan_broken: (p) => ({
    fr: `Échéance n° ${s(p.instalment)} impayée : l’échéancier est rompu.`,
    en: `Instalment ${s(p.instalment)} missed: the plan is broken.`,
  }),
  plan_cancelled: () => ({ fr: 'Échéancier annulé.', en: 'Payment plan cancelled.' }),
  dispute_recorded: () => ({
    fr: 'Contestation enregistrée : les factures contestées sont suspendues.',
    en: 'Dispute recorded: the disputed invoices are on hold.',
  }),
  dispute_resolved: (p) => ({
    fr: `Contestation close (${disputeOutcome(p.resolution, 'fr')}).`,
    en: `Dispute closed (${disputeOutcome(p.resolution, 'en')}).`,
  }),
  held_mandate: (p) => ({
    fr: `Stratégie « ${s(p.strategy)} » hors du mandat du client (autorisées : ${s(p.allowed)}) : dossier suspendu.`,
    en: `Strategy "${s(p.strategy)}" is outside the client’s mandate (allowed: ${s(p.allowed)}): case on hold.`,
  }),
  held_dispute: () => ({
    fr: 'Tout le solde est contesté : dossier suspendu jusqu’à la résolution.',
    en: 'The whole balance is disputed: case on hold until resolved.',
  }),
  debtor_replied: (p) => ({
    fr: `Le débiteur a répondu : pause de ${jours(p.pauseDays)}.`,
    en: `The debtor replied: paused for ${days(p.pauseDays)}.`,
  }),
  call_unanswered: (p) => ({
    fr: `Appel sans réponse (${s(p.count)} d’affilée).`,
    en: `Unanswered call (${s(p.count)} in a row).`,
  }),
  conversation: () => ({ fr: 'Conversation avec le débiteur.', en: 'Conversation with the debtor.' }),
  // `on` and `at` are the debtor's local date and time of the agreed callback.
  callback_requested: (p) =>
    p.on
      ? {
          fr: `Rappel demandé par le débiteur pour le ${d(p.on, 'fr')} à ${s(p.at)}.`,
          en: `Callback requested by the debtor for ${d(p.on, 'en')} at ${s(p.at)}.`,
        }
      : { fr: 'Rappel demandé par le débiteur.', en: 'Callback requested by the debtor.' },
  payment_receipt: () => ({
    fr: 'Quittance du paiement reçu (art. R124-6 du code des procédures civiles d’exécution).',
    en: 'Receipt for the payment received (French Code of civil enforcement procedures, R124-6).',
  }),
  payment_link_requested: (p) =>
    p.channel === 'email'
      ? {
          fr: 'Lien de paiement demandé par le débiteur pendant l’appel, envoyé par e-mail.',
          en: 'Payment link asked for by the debtor during the call, sent by e-mail.',
        }
      : {
          fr: 'Lien de paiement demandé par le débiteur pendant l’appel, envoyé par SMS.',
          en: 'Payment link asked for by the debtor during the call, sent by SMS.',
        },
  email_bounce: () => ({
    fr: 'E-mail revenu en erreur : l’adresse est signalée.',
    en: 'E-mail bounced: the address is flagged.',
  }),
  wrong_number: () => ({
    fr: 'Mauvais numéro : le numéro est signalé.',
    en: 'Wrong number: the number is flagged.',
  }),
  paused: () => ({ fr: 'Relance mise en pause.', en: 'Collection paused.' }),
  paused_until: (p) => ({
    fr: `Relance mise en pause jusqu’au ${d(p.until, 'fr')}.`,
    en: `Collection paused until ${d(p.until, 'en')}.`,
  }),
  pause_ended: (p) => ({
    fr: `Fin de la pause prévue le ${d(p.since, 'fr')} : la relance reprend.`,
    en: `The pause ended on ${d(p.since, 'en')}: collection resumes.`,
  }),
  resumed: () => ({ fr: 'Relance reprise.', en: 'Collection resumed.' }),
  ladder_finished: () => ({
    fr: 'Fin de l’échelle de relance : dossier à examiner.',
    en: 'End of the ladder: the case needs a review.',
  }),
  time_barred_no_threat: (p) => ({
    fr: `Action « ${ch(p.channel, 'fr')} » écartée : une créance est prescrite, aucune menace d’action en justice.`,
    en: `Action "${ch(p.channel, 'en')}" left out: a claim is time-barred, no threat of legal action.`,
  }),
};

function because(value: string | number, locale: Locale): string {
  const texts: Record<string, { fr: string; en: string }> = {
    call_unanswered: { fr: 'appels sans réponse', en: 'unanswered calls' },
    email_bounce: { fr: 'e-mail en erreur', en: 'bounced e-mail' },
    wrong_number: { fr: 'mauvais numéro', en: 'wrong number' },
  };
  return texts[String(value)]?.[locale] ?? String(value);
}

/** The sentence a person reads for a reason, in their language. */
export function describeReason(reason: Reason, locale: Locale): string {
  return TEXT[reason.code](reason.params)[locale];
}

/**
 * Adds to a stored reason the names of the steps and strategy it cites by key, from the strategy's
 * definition, so that `describeReason` speaks the supervisor's words. Keys unknown to it stay keys.
 */
export function nameReason(reason: Reason, strategy: StrategyDefinition | null): Reason {
  if (!strategy) return reason;
  const p = reason.params;
  const stepOf = (key: string | number | undefined) => strategy.steps.find((step) => step.key === key);
  const extra: Record<string, string> = {};
  const step = stepOf(p.step);
  if (step) {
    extra.stepFr = step.name.fr;
    extra.stepEn = step.name.en;
  }
  if (typeof p.skipped === 'string') {
    const keys = p.skipped.split(', ');
    extra.skippedFr = keys.map((key) => stepOf(key)?.name.fr ?? key).join(', ');
    extra.skippedEn = keys.map((key) => stepOf(key)?.name.en ?? key).join(', ');
  }
  if (p.strategy === strategy.key) {
    extra.nameFr = strategy.name.fr;
    extra.nameEn = strategy.name.en;
  }
  return { code: reason.code, params: { ...p, ...extra } };
}

const DISPUTE_OUTCOMES: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  credit_note: { fr: 'avoir', en: 'credit note' },
  write_off: { fr: 'abandon de créance', en: 'write-off' },
  rejected: { fr: 'rejetée, la relance reprend', en: 'rejected, collection resumes' },
  withdrawn: { fr: 'retirée par le débiteur', en: 'withdrawn by the debtor' },
};

function disputeOutcome(resolution: string | number | undefined, locale: Locale): string {
  return DISPUTE_OUTCOMES[String(resolution)]?.[locale] ?? String(resolution ?? '');
}
