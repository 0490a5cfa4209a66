import type { PlanViolation, PlanViolationCode } from '@relance/core';
import type { Locale } from '../../db/schema.ts';
import type { ReasonMessages } from './types.ts';

/** Error messages of the agent workspace's plans (issue #5), in French and English, by reason. */
export const plansMessages: ReasonMessages = {
  plan_policy_refused: {
    fr: 'Le plan dépasse les limites fixées par le créancier.',
    en: 'The plan goes beyond the limits set by the creditor.',
  },
  plan_claims_invalid: {
    fr: 'Un plan ne couvre que des factures ouvertes et non contestées du dossier.',
    en: 'A plan covers only open, undisputed invoices of the case.',
  },
  plan_no_claims: {
    fr: 'Le dossier n’a aucune facture ouverte et non contestée à mettre dans un plan.',
    en: 'The case has no open, undisputed invoice to put in a plan.',
  },
  plan_already_active: {
    fr: 'Le dossier a déjà un plan de paiement en cours : annulez-le d’abord.',
    en: 'The case already has an active payment plan: cancel it first.',
  },
  plan_not_active: {
    fr: 'Ce plan de paiement n’est plus en cours.',
    en: 'This payment plan is no longer active.',
  },
  plan_not_found: { fr: 'Plan de paiement introuvable.', en: 'Payment plan not found.' },
  plan_policy_invalid: {
    fr: 'Ces limites ne sont pas valables (nombres entiers positifs, au moins une fréquence).',
    en: 'These limits are not valid (whole positive numbers, at least one frequency).',
  },
};

type Text = (limit: string, actual: string) => string;

const VIOLATIONS: Readonly<Record<PlanViolationCode, { readonly fr: Text; readonly en: Text }>> = {
  total_not_positive: {
    fr: () => 'Il n’y a rien à échelonner : le montant dû est nul.',
    en: () => 'There is nothing to schedule: nothing is owed.',
  },
  count_invalid: {
    fr: () => 'Indiquez un nombre d’échéances (au moins 1).',
    en: () => 'Give a number of instalments (at least 1).',
  },
  too_many_instalments: {
    fr: (l, a) => `${a} échéances demandées : le créancier en accepte ${l} au plus.`,
    en: (l, a) => `${a} instalments asked: the creditor accepts ${l} at most.`,
  },
  too_long: {
    fr: (l, a) => `Le plan durerait ${a} mois : le créancier accepte ${l} mois au plus.`,
    en: (l, a) => `The plan would run ${a} months: the creditor accepts ${l} months at most.`,
  },
  instalment_too_small: {
    fr: (l, a) => `Échéance de ${a} : le minimum du créancier est ${l}.`,
    en: (l, a) => `An instalment of ${a}: the creditor’s minimum is ${l}.`,
  },
  down_payment_too_small: {
    fr: (l, a) => `Acompte de ${a} : le créancier demande au moins ${l}.`,
    en: (l, a) => `A down payment of ${a}: the creditor asks for at least ${l}.`,
  },
  down_payment_too_large: {
    fr: (l) => `L’acompte doit rester inférieur au total (au plus ${l}).`,
    en: (l) => `The down payment must stay below the total (at most ${l}).`,
  },
  first_due_in_past: {
    fr: (l, a) => `La première échéance (${a}) est passée : au plus tôt le ${l}.`,
    en: (l, a) => `The first instalment (${a}) is in the past: ${l} at the earliest.`,
  },
  scheduled_not_later: {
    fr: (l, a) => `Un paiement programmé se fait après aujourd’hui (${l}), pas le ${a}.`,
    en: (l, a) => `A scheduled payment falls after today (${l}), not on ${a}.`,
  },
  frequency_not_allowed: {
    fr: (l, a) => `Fréquence « ${a} » non acceptée par le créancier (acceptées : ${l}).`,
    en: (l, a) => `Frequency "${a}" is not accepted by the creditor (accepted: ${l}).`,
  },
};

const MONEY_CODES: ReadonlySet<PlanViolationCode> = new Set([
  'instalment_too_small',
  'down_payment_too_small',
  'down_payment_too_large',
]);

/** A violation as a sentence in the reader's language; amounts formatted in the case's currency. */
export function violationMessage(v: PlanViolation, locale: Locale, money: (minor: number) => string): string {
  const show = (x: number | string) =>
    MONEY_CODES.has(v.code) && typeof x === 'number' ? money(x) : String(x);
  if (v.by === 'mandate') {
    const byMandate = MANDATE_VIOLATIONS[v.code as keyof typeof MANDATE_VIOLATIONS];
    if (byMandate) return byMandate[locale](show(v.limit), show(v.actual));
  }
  return VIOLATIONS[v.code][locale](show(v.limit), show(v.actual));
}

/** The limits an agency's mandate sets (CPCE R124-3), named as the mandate's, not the creditor's. */
const MANDATE_VIOLATIONS = {
  too_many_instalments: {
    fr: (l: string, a: string) => `${a} échéances demandées : le mandat du client en autorise ${l} au plus.`,
    en: (l: string, a: string) => `${a} instalments asked: the client’s mandate allows ${l} at most.`,
  },
  instalment_too_small: {
    fr: (l: string, a: string) => `Échéance de ${a} : le mandat du client fixe un minimum de ${l}.`,
    en: (l: string, a: string) => `An instalment of ${a}: the client’s mandate sets a minimum of ${l}.`,
  },
} as const;
