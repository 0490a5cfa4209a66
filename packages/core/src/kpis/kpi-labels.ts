import type { Localized } from '../strategies/definition.ts';
import type { AgeingBucket } from './ageing.ts';
import type { ResponseKind } from './channels.ts';
import type { KpiLocale } from './common.ts';
import type { DisputeAgeBucket, DisputeStatus } from './disputes.ts';
import type { FunnelChannel } from './funnel.ts';
import type { KpiDimension, PeriodGranularity } from './periods.ts';
import type { InstalmentStatus, PlanStatus } from './plans.ts';
import type { PromiseStatus } from './promises.ts';

/**
 * The names of the KPIs and of their buckets and statuses, in French and English: what the server's PDF
 * reports print (the web app keeps its own i18n files).
 */
export const KPI_KEYS = [
  'recovery_rate_amount',
  'recovery_rate_count',
  'dso',
  'dso_trend',
  'ageing_balance',
  'cei',
  'liquidation_curve',
  'right_party_contact_rate',
  'reach_rate',
  'promises_made',
  'promises_kept',
  'promises_broken',
  'promises_pending',
  'promise_kept_rate',
  'plans_active',
  'plans_completed',
  'plans_broken',
  'plan_completion_rate',
  'instalment_paid_rate',
  'disputes_open',
  'dispute_mean_age',
  'dispute_days_to_close',
  'payment_funnel',
  'payment_conversion_rate',
  'payment_abandonment_rate',
  'input_error_rate',
  'actions_sent',
  'response_rate',
  'collected_per_agent',
  'collected_per_team',
  'cash_forecast',
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

export const KPI_LABELS: Readonly<Record<KpiKey, Localized>> = {
  recovery_rate_amount: { fr: 'Taux de recouvrement (montant)', en: 'Recovery rate (amount)' },
  recovery_rate_count: {
    fr: 'Taux de recouvrement (nombre de créances)',
    en: 'Recovery rate (number of claims)',
  },
  dso: { fr: 'DSO (délai moyen de paiement clients)', en: 'DSO (days sales outstanding)' },
  dso_trend: { fr: 'Évolution du DSO', en: 'DSO trend' },
  ageing_balance: { fr: 'Balance âgée', en: 'Ageing balance' },
  cei: { fr: 'Indice d’efficacité du recouvrement (CEI)', en: 'Collection effectiveness index (CEI)' },
  liquidation_curve: {
    fr: 'Courbes de liquidation par mois de mise en recouvrement',
    en: 'Liquidation curves by placement month',
  },
  right_party_contact_rate: { fr: 'Taux de contact avec le débiteur', en: 'Right-party contact rate' },
  reach_rate: { fr: 'Taux de décroché', en: 'Reach rate' },
  promises_made: { fr: 'Promesses de paiement obtenues', en: 'Promises to pay made' },
  promises_kept: { fr: 'Promesses tenues', en: 'Promises kept' },
  promises_broken: { fr: 'Promesses non tenues', en: 'Promises broken' },
  promises_pending: { fr: 'Promesses en cours', en: 'Promises pending' },
  promise_kept_rate: { fr: 'Taux de promesses tenues', en: 'Promise kept rate' },
  plans_active: { fr: 'Échéanciers en cours', en: 'Active payment plans' },
  plans_completed: { fr: 'Échéanciers soldés', en: 'Completed payment plans' },
  plans_broken: { fr: 'Échéanciers rompus', en: 'Broken payment plans' },
  plan_completion_rate: { fr: 'Taux d’échéanciers menés à terme', en: 'Plan completion rate' },
  instalment_paid_rate: { fr: 'Taux d’échéances payées', en: 'Instalments paid rate' },
  disputes_open: { fr: 'Litiges ouverts', en: 'Open disputes' },
  dispute_mean_age: { fr: 'Âge moyen des litiges ouverts', en: 'Mean age of open disputes' },
  dispute_days_to_close: { fr: 'Délai moyen de traitement des litiges', en: 'Mean days to close a dispute' },
  payment_funnel: { fr: 'Tunnel de paiement', en: 'Payment funnel' },
  payment_conversion_rate: { fr: 'Taux de paiements aboutis', en: 'Payment conversion rate' },
  payment_abandonment_rate: { fr: 'Taux de paiements abandonnés', en: 'Payment abandonment rate' },
  input_error_rate: { fr: 'Taux d’erreurs de saisie', en: 'Input error rate' },
  actions_sent: { fr: 'Actions envoyées', en: 'Actions sent' },
  response_rate: { fr: 'Taux de réponse', en: 'Response rate' },
  collected_per_agent: { fr: 'Montant encaissé par agent', en: 'Amount collected per agent' },
  collected_per_team: { fr: 'Montant encaissé par équipe', en: 'Amount collected per team' },
  cash_forecast: { fr: 'Prévision d’encaissements', en: 'Cash-in forecast' },
};

export const AGEING_BUCKET_LABELS: Readonly<Record<AgeingBucket, Localized>> = {
  not_due: { fr: 'Non échu', en: 'Not due' },
  d1_30: { fr: '1–30 jours', en: '1–30 days' },
  d31_60: { fr: '31–60 jours', en: '31–60 days' },
  d61_90: { fr: '61–90 jours', en: '61–90 days' },
  d90_plus: { fr: 'Plus de 90 jours', en: 'Over 90 days' },
};

export const DISPUTE_AGE_LABELS: Readonly<Record<DisputeAgeBucket, Localized>> = {
  d0_7: { fr: '0–7 jours', en: '0–7 days' },
  d8_30: { fr: '8–30 jours', en: '8–30 days' },
  d31_90: { fr: '31–90 jours', en: '31–90 days' },
  d90_plus: { fr: 'Plus de 90 jours', en: 'Over 90 days' },
};

export const PROMISE_STATUS_LABELS: Readonly<Record<PromiseStatus, Localized>> = {
  open: { fr: 'En cours', en: 'Pending' },
  kept: { fr: 'Tenue', en: 'Kept' },
  partly_kept: { fr: 'Partiellement tenue', en: 'Partly kept' },
  broken: { fr: 'Non tenue', en: 'Broken' },
  cancelled: { fr: 'Annulée', en: 'Cancelled' },
};

export const PLAN_STATUS_LABELS: Readonly<Record<PlanStatus, Localized>> = {
  active: { fr: 'En cours', en: 'Active' },
  completed: { fr: 'Soldé', en: 'Completed' },
  broken: { fr: 'Rompu', en: 'Broken' },
  cancelled: { fr: 'Annulé', en: 'Cancelled' },
};

export const INSTALMENT_STATUS_LABELS: Readonly<Record<InstalmentStatus, Localized>> = {
  pending: { fr: 'À venir', en: 'Pending' },
  paid: { fr: 'Payée', en: 'Paid' },
  partly_paid: { fr: 'Partiellement payée', en: 'Partly paid' },
  missed: { fr: 'Impayée', en: 'Missed' },
};

export const DISPUTE_STATUS_LABELS: Readonly<Record<DisputeStatus, Localized>> = {
  open: { fr: 'Ouvert', en: 'Open' },
  resolved: { fr: 'Résolu', en: 'Resolved' },
  rejected: { fr: 'Rejeté', en: 'Rejected' },
  withdrawn: { fr: 'Retiré', en: 'Withdrawn' },
};

export const FUNNEL_STAGE_LABELS: Readonly<
  Record<'started' | 'completed' | 'failed' | 'abandoned' | 'open' | 'inputErrors', Localized>
> = {
  started: { fr: 'Paiements commencés', en: 'Started' },
  completed: { fr: 'Aboutis', en: 'Completed' },
  failed: { fr: 'Refusés', en: 'Failed' },
  abandoned: { fr: 'Abandonnés', en: 'Abandoned' },
  open: { fr: 'En cours', en: 'In progress' },
  inputErrors: { fr: 'Erreurs de saisie', en: 'Input errors' },
};

export const FUNNEL_CHANNEL_LABELS: Readonly<Record<FunnelChannel, Localized>> = {
  portal: { fr: 'Portail (lien de paiement)', en: 'Portal (payment link)' },
  ivr: { fr: 'Serveur vocal (SVI)', en: 'IVR' },
  agent: { fr: 'Avec un conseiller', en: 'Agent-assisted' },
};

export const RESPONSE_KIND_LABELS: Readonly<Record<ResponseKind, Localized>> = {
  payment: { fr: 'Paiement', en: 'Payment' },
  promise: { fr: 'Promesse de paiement', en: 'Promise to pay' },
  dispute: { fr: 'Contestation', en: 'Dispute' },
  inbound: { fr: 'Prise de contact du débiteur', en: 'Inbound contact' },
};

export const KPI_DIMENSION_LABELS: Readonly<Record<KpiDimension, Localized>> = {
  creditor: { fr: 'Créancier', en: 'Creditor' },
  strategy: { fr: 'Stratégie', en: 'Strategy' },
  segment: { fr: 'Segment', en: 'Segment' },
  channel: { fr: 'Canal', en: 'Channel' },
  agent: { fr: 'Agent', en: 'Agent' },
  period: { fr: 'Période', en: 'Period' },
};

export const PERIOD_GRANULARITY_LABELS: Readonly<Record<PeriodGranularity, Localized>> = {
  day: { fr: 'Jour', en: 'Day' },
  week: { fr: 'Semaine', en: 'Week' },
  month: { fr: 'Mois', en: 'Month' },
  quarter: { fr: 'Trimestre', en: 'Quarter' },
  year: { fr: 'Année', en: 'Year' },
};

/** The league table's row for the agents without a team. */
export const NO_TEAM_LABEL: Localized = { fr: 'Sans équipe', en: 'No team' };

export function kpiName(key: KpiKey, locale: KpiLocale): string {
  return KPI_LABELS[key][locale];
}

/**
 * A number of days as the KPIs write it ('49.4', '120', '+3.1') for a person: '49,4 jours' / '49.4 days'.
 * French keeps the singular under 2 ('1,5 jour'); English only for exactly one ('1 day', '1.0 day').
 */
export function formatDays(days: string, locale: KpiLocale): string {
  const magnitude = days.replace(/^[+-]/, '');
  const [whole = '0', fraction = ''] = magnitude.split('.');
  if (locale === 'fr') return `${days.replace('.', ',')}\u00a0${Number(whole) < 2 ? 'jour' : 'jours'}`;
  return `${days} ${whole === '1' && /^0*$/.test(fraction) ? 'day' : 'days'}`;
}
