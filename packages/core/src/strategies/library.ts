import type { AssignmentRules, Reactions, StrategyDefinition } from './definition.ts';

/**
 * Three ready strategies drawn from the sources (domain.md, "The life of a file" and "Timing and channel
 * by profile"). Tenants get a copy as version 1 and edit from there.
 */

const reactions = (overrides: Partial<Reactions>): Reactions => ({
  paymentFull: { thankTemplate: 'thanks', channel: 'email' },
  paymentPartial: { pauseDays: 0 },
  promise: { graceDays: 3, confirmTemplate: 'promise-confirmation', channel: 'email' },
  brokenPromise: { mode: 'resume' },
  plan: { graceDays: 5 },
  debtorReplied: { pauseDays: 5 },
  unansweredCalls: { count: 3, switchTo: { channel: 'sms', template: 'reminder-sms' } },
  emailBounce: { switchTo: { channel: 'letter', template: 'reminder-letter' } },
  wrongNumber: { switchTo: { channel: 'letter', template: 'reminder-letter' } },
  ...overrides,
});

export const B2B_LADDER: StrategyDefinition = {
  key: 'b2b-standard',
  name: { fr: 'Relance B2B', en: 'B2B ladder' },
  description: {
    fr: 'E-mail avant échéance, appel cordial à J+1, e-mail, lettre, trois recommandés à une semaine d’intervalle, mise en demeure, transmission.',
    en: 'Pre-due e-mail, cordial call at D+1, e-mail, letter, three registered letters a week apart, formal notice, hand-over.',
  },
  profile: 'standard',
  backlog: 'jump',
  steps: [
    step('pre-due', 'Rappel avant échéance', 'Pre-due reminder', 'due_date', -5, [
      ['email', 'pre-due-email'],
    ]),
    step('cordial-call', 'Appel cordial', 'Cordial call', 'due_date', 1, [['call_task', 'cordial-call']]),
    step('reminder-email', 'E-mail de relance', 'Reminder e-mail', 'previous_step', 4, [
      ['email', 'reminder-email'],
    ]),
    step('reminder-letter', 'Lettre de relance', 'Reminder letter', 'previous_step', 7, [
      ['letter', 'reminder-letter'],
    ]),
    step('registered-1', 'Premier recommandé', 'First registered letter', 'previous_step', 7, [
      ['registered_letter', 'registered-reminder'],
    ]),
    step('registered-2', 'Deuxième recommandé', 'Second registered letter', 'previous_step', 7, [
      ['registered_letter', 'registered-reminder'],
    ]),
    step('registered-3', 'Troisième recommandé', 'Third registered letter', 'previous_step', 7, [
      ['registered_letter', 'registered-reminder'],
    ]),
    {
      ...step('formal-notice', 'Mise en demeure', 'Formal notice', 'previous_step', 7, [
        ['formal_notice', 'formal-notice'],
      ]),
      review: true,
    },
    {
      ...step('handover', 'Transmission à une agence', 'Agency hand-over', 'previous_step', 15, [
        ['agency_handover', 'handover'],
      ]),
      review: true,
    },
  ],
  reactions: reactions({ brokenPromise: { mode: 'jump', toStep: 'formal-notice' } }),
};

export const B2C_ACTIVE_LADDER: StrategyDefinition = {
  key: 'b2c-active',
  name: { fr: 'Particuliers actifs', en: 'Consumers — active' },
  description: {
    fr: 'Canaux autonomes aux heures du déjeuner, en soirée et le samedi matin : SMS et e-mail avec lien de paiement, campagne SVI, puis appel.',
    en: 'Autonomous channels at lunch time, in the evening and on Saturday morning: SMS and e-mail with a payment link, an IVR campaign, then a call.',
  },
  profile: 'active',
  backlog: 'jump',
  steps: [
    step('pre-due', 'Rappel avant échéance', 'Pre-due reminder', 'due_date', -3, [['sms', 'pre-due-sms']]),
    step('payment-link', 'Lien de paiement', 'Payment link', 'due_date', 2, [
      ['sms', 'payment-link-sms'],
      ['email', 'payment-link-email'],
    ]),
    step('ivr-campaign', 'Campagne SVI', 'IVR campaign', 'previous_step', 5, [['ivr_call', 'ivr-reminder']]),
    step('second-link', 'Nouveau lien de paiement', 'Second payment link', 'previous_step', 5, [
      ['sms', 'payment-link-sms'],
      ['email', 'reminder-email'],
    ]),
    step('agent-call', 'Appel d’un conseiller', 'Agent call', 'previous_step', 6, [
      ['call_task', 'consumer-call'],
    ]),
    step('reminder-letter', 'Lettre de relance', 'Reminder letter', 'previous_step', 10, [
      ['letter', 'reminder-letter'],
    ]),
    {
      ...step('formal-notice', 'Mise en demeure', 'Formal notice', 'previous_step', 14, [
        ['formal_notice', 'formal-notice'],
      ]),
      review: true,
    },
    {
      ...step('handover', 'Transmission à une agence', 'Agency hand-over', 'previous_step', 15, [
        ['agency_handover', 'handover'],
      ]),
      review: true,
    },
  ],
  reactions: reactions({}),
};

export const B2C_SENIOR_LADDER: StrategyDefinition = {
  key: 'b2c-senior',
  name: { fr: 'Particuliers seniors', en: 'Consumers — senior' },
  description: {
    fr: 'Un conseiller appelle en journée et propose un paiement accompagné ; des lettres prennent le relais.',
    en: 'An agent calls in the daytime and offers an assisted payment; letters follow.',
  },
  profile: 'senior',
  backlog: 'walk',
  steps: [
    step('first-call', 'Appel d’un conseiller', 'Agent call', 'due_date', 3, [
      ['call_task', 'consumer-call'],
    ]),
    step('reminder-letter', 'Lettre de relance', 'Reminder letter', 'previous_step', 5, [
      ['letter', 'reminder-letter'],
    ]),
    step('second-call', 'Deuxième appel', 'Second call', 'previous_step', 7, [
      ['call_task', 'consumer-call'],
    ]),
    step('registered-letter', 'Lettre recommandée', 'Registered letter', 'previous_step', 10, [
      ['registered_letter', 'registered-reminder'],
    ]),
    step('third-call', 'Troisième appel', 'Third call', 'previous_step', 7, [['call_task', 'consumer-call']]),
    {
      ...step('formal-notice', 'Mise en demeure', 'Formal notice', 'previous_step', 14, [
        ['formal_notice', 'formal-notice'],
      ]),
      review: true,
    },
  ],
  reactions: reactions({
    unansweredCalls: { count: 4, switchTo: { channel: 'letter', template: 'reminder-letter' } },
    wrongNumber: { switchTo: { channel: 'letter', template: 'reminder-letter' } },
  }),
};

export const READY_STRATEGIES: readonly StrategyDefinition[] = [
  B2B_LADDER,
  B2C_ACTIVE_LADDER,
  B2C_SENIOR_LADDER,
];

export const DEFAULT_ASSIGNMENT: AssignmentRules = {
  rules: [
    { name: 'Entreprises / Businesses', when: { debtorKind: 'business' }, strategy: 'b2b-standard' },
    { name: 'Seniors', when: { debtorKind: 'consumer', profile: ['senior'] }, strategy: 'b2c-senior' },
    { name: 'Particuliers / Consumers', when: { debtorKind: 'consumer' }, strategy: 'b2c-active' },
  ],
  defaultStrategy: 'b2b-standard',
};

function step(
  key: string,
  fr: string,
  en: string,
  after: 'due_date' | 'previous_step',
  days: number,
  actions: readonly (readonly [StrategyDefinition['steps'][number]['actions'][number]['channel'], string])[],
): StrategyDefinition['steps'][number] {
  return {
    key,
    name: { fr, en },
    at: { after, days },
    actions: actions.map(([channel, template]) => ({ channel, template })),
  };
}
