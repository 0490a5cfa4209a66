import type { ReasonMessages } from './types.ts';

/** Error messages of card payments (issue #6): providers' webhooks, the provider's settings, the funnel. */
export const paymentsMessages: ReasonMessages = {
  payment_webhook_signature_invalid: {
    fr: (d) =>
      `La signature ${provider(d)} de cette requête est absente, fausse ou trop ancienne : rien n’a été enregistré.`,
    en: (d) =>
      `The ${provider(d, 'en')} signature of this request is missing, wrong or too old: nothing was recorded.`,
  },
  payment_webhook_not_configured: {
    fr: (d) =>
      `Cet espace n’a pas de secret de signature ${provider(d)} : le webhook est refusé et rien n’a été enregistré.`,
    en: (d) =>
      `This tenant has no ${provider(d, 'en')} signing secret: the webhook is refused and nothing was recorded.`,
  },
  payment_settings_incomplete: {
    fr: (d) => `Stripe a besoin de : ${fields(d)}.`,
    en: (d) => `Stripe needs: ${fields(d)}.`,
  },
  payment_provider_unavailable: {
    fr: 'Le prestataire de paiement n’a pas pu ouvrir la page de paiement : réessayez dans un instant.',
    en: 'The payment provider could not open the payment page: please try again in a moment.',
  },
  funnel_period_invalid: {
    fr: 'La période va d’une date à une autre (AAAA-MM-JJ), sur 1 à 366 jours.',
    en: 'The period runs from one date to another (YYYY-MM-DD), over 1 to 366 days.',
  },
};

type Details = Readonly<Record<string, unknown>> | undefined;

/** The provider as the sentence names it: 'Stripe', or the built-in provider in each language. */
function provider(d: Details, locale: 'fr' | 'en' = 'fr'): string {
  if (d?.provider === 'stripe') return 'Stripe';
  return locale === 'fr' ? 'du prestataire intégré' : 'built-in provider';
}

function fields(d: Details): string {
  return Array.isArray(d?.fields) ? d.fields.join(', ') : '?';
}
