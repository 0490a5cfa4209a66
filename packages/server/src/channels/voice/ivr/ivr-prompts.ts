import type { Locale } from '../../../db/schema.ts';
import type { PayFailure, PlanOffer, SpokenBalance } from './ivr-screens.ts';
import { spokenAmount, spokenDate, spokenNumber } from './spoken-amounts.ts';

/** Everything the IVR says, in French and English: courteous, short sentences, amounts in words. */
export type IvrTexts = {
  readonly greeting: (tenantName: string) => string;
  /** Said in the other language: how to switch to it. */
  readonly switchLanguage: string;
  readonly askReference: string;
  readonly notFound: string;
  readonly nothingKeyed: string;
  readonly notIdentified: string;
  readonly found: (creditorName: string) => string;
  readonly balance: (b: SpokenBalance) => string;
  readonly menu: string;
  readonly notUnderstood: string;
  readonly planActive: string;
  readonly noPlan: string;
  readonly askAmount: (minimumMinor: number, b: SpokenBalance) => string;
  readonly amountInvalid: (minimumMinor: number, b: SpokenBalance) => string;
  readonly offersIntro: string;
  readonly offer: (o: PlanOffer) => string;
  readonly offersBack: string;
  readonly confirmPlan: (o: PlanOffer) => string;
  readonly payIntro: (amountMinor: number, currency: string) => string;
  readonly planAgreed: string;
  readonly paid: (amountMinor: number, currency: string, remainingMinor: number) => string;
  readonly payFailed: Readonly<Record<PayFailure, string>>;
  readonly afterFailure: string;
  readonly callbackBooked: string;
  readonly nothingOwed: string;
  readonly goodbye: string;
};

const frParts = (b: SpokenBalance): string => {
  const a = (m: number) => spokenAmount(m, b.currency, 'fr');
  const parts = [`${a(b.principalMinor)} de principal`];
  if (b.interestMinor > 0) parts.push(`${a(b.interestMinor)} d’intérêts de retard`);
  if (b.feesMinor > 0) parts.push(`${a(b.feesMinor)} de frais de recouvrement`);
  return parts.length === 1 ? '' : ` : ${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}`;
};

const enParts = (b: SpokenBalance): string => {
  const a = (m: number) => spokenAmount(m, b.currency, 'en');
  const parts = [`${a(b.principalMinor)} of principal`];
  if (b.interestMinor > 0) parts.push(`${a(b.interestMinor)} of late interest`);
  if (b.feesMinor > 0) parts.push(`${a(b.feesMinor)} of recovery fees`);
  return parts.length === 1 ? '' : `: ${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
};

const FR_FREQUENCY = {
  monthly: 'mensualités',
  biweekly: 'versements tous les quinze jours',
  weekly: 'versements hebdomadaires',
};
const EN_FREQUENCY = {
  monthly: 'monthly payments',
  biweekly: 'payments every two weeks',
  weekly: 'weekly payments',
};

function frOffer(o: PlanOffer): string {
  const a = (m: number) => spokenAmount(m, o.currency, 'fr');
  const down =
    o.downPaymentMinor > 0 ? `un premier versement de ${a(o.downPaymentMinor)} aujourd’hui, puis ` : '';
  const amounts =
    o.firstAmountMinor === o.lastAmountMinor
      ? `de ${a(o.lastAmountMinor)}`
      : `de ${a(o.lastAmountMinor)}, la première arrondie à ${a(o.firstAmountMinor)}`;
  return `${down}${spokenNumber(o.count, 'fr')} ${FR_FREQUENCY[o.frequency]} ${amounts}, à partir du ${spokenDate(o.firstDueOn, 'fr')}`;
}

function enOffer(o: PlanOffer): string {
  const a = (m: number) => spokenAmount(m, o.currency, 'en');
  const down = o.downPaymentMinor > 0 ? `a first payment of ${a(o.downPaymentMinor)} today, then ` : '';
  const amounts =
    o.firstAmountMinor === o.lastAmountMinor
      ? `of ${a(o.lastAmountMinor)}`
      : `of ${a(o.lastAmountMinor)}, the first one rounded to ${a(o.firstAmountMinor)}`;
  return `${down}${spokenNumber(o.count, 'en')} ${EN_FREQUENCY[o.frequency]} ${amounts}, starting on ${spokenDate(o.firstDueOn, 'en')}`;
}

const FR: IvrTexts = {
  greeting: (name) => `Bonjour, bienvenue sur le service de paiement par téléphone de ${name}.`,
  switchLanguage: 'Pour le français, tapez 9.',
  askReference:
    'Tapez les chiffres de votre référence de paiement, qui commence par les lettres R F, sans ces lettres, puis la touche dièse. ' +
    'Si un conseiller vous a donné un code à six chiffres, tapez ce code, puis dièse.',
  notFound: 'Nous ne trouvons pas cette référence.',
  nothingKeyed: 'Nous n’avons rien reçu.',
  notIdentified:
    'Nous n’avons pas pu retrouver votre dossier. Vous pouvez rappeler avec votre courrier sous les yeux, ou répondre à notre dernier message. Merci de votre appel, au revoir.',
  found: (creditor) => `Merci. Votre dossier auprès de ${creditor} est bien identifié.`,
  balance: (b) => `Le montant à régler est de ${spokenAmount(b.totalMinor, b.currency, 'fr')}${frParts(b)}.`,
  menu:
    'Pour payer la totalité par carte bancaire, tapez 1. Pour payer une partie, tapez 2. ' +
    'Pour payer en plusieurs fois, tapez 3. Pour être rappelé par un conseiller, tapez 4. Pour réécouter, tapez 0.',
  notUnderstood: 'Nous n’avons pas compris votre choix.',
  planActive: 'Un échéancier est déjà en cours sur ce dossier : il ne peut pas être remplacé par téléphone.',
  noPlan: 'Aucun paiement en plusieurs fois n’est possible pour ce montant par téléphone.',
  askAmount: (min, b) =>
    `Tapez le montant à payer, entre ${spokenAmount(min, b.currency, 'fr')} et ${spokenAmount(b.totalMinor, b.currency, 'fr')}, en unités, puis dièse. ` +
    'Pour des centimes, tapez étoile puis les centimes : par exemple, pour cent vingt euros cinquante, tapez 1 2 0 étoile 5 0 dièse.',
  amountInvalid: (min, b) =>
    `Ce montant n’est pas possible : il doit être compris entre ${spokenAmount(min, b.currency, 'fr')} et ${spokenAmount(b.totalMinor, b.currency, 'fr')}.`,
  offersIntro: 'Voici les paiements en plusieurs fois possibles.',
  offer: (o) => `Pour ${frOffer(o)}, tapez ${o.key}.`,
  offersBack: 'Pour revenir au menu, tapez 0.',
  confirmPlan: (o) =>
    `Vous avez choisi ${frOffer(o)}. Pour accepter cet échéancier, tapez 1. Pour revenir au menu, tapez 0.`,
  payIntro: (amount, currency) =>
    `Vous allez payer ${spokenAmount(amount, currency, 'fr')} par carte bancaire. Les chiffres de votre carte sont saisis par notre prestataire de paiement sécurisé : nous ne les recevons jamais.`,
  planAgreed:
    'Votre échéancier est enregistré. Vous recevrez l’accord par écrit, avec un rappel avant chaque échéance.',
  paid: (amount, currency, remaining) =>
    `Merci, votre paiement de ${spokenAmount(amount, currency, 'fr')} est accepté. Vous recevrez un reçu. ` +
    (remaining > 0
      ? `Il reste ${spokenAmount(remaining, currency, 'fr')} à régler.`
      : 'Votre dossier est réglé.'),
  payFailed: {
    declined: 'Le paiement a été refusé par votre banque : aucun montant n’a été débité.',
    card_invalid: 'Les informations de la carte n’ont pas pu être validées : aucun montant n’a été débité.',
    timeout: 'Nous n’avons pas reçu les informations de votre carte : aucun montant n’a été débité.',
    other: 'Le paiement n’a pas abouti : aucun montant n’a été débité.',
  },
  afterFailure: 'Pour être rappelé par un conseiller, tapez 4. Sinon, vous pouvez raccrocher.',
  callbackBooked: 'C’est noté : un conseiller vous rappellera dès que possible, aux heures d’ouverture.',
  nothingOwed: 'Ce dossier ne présente aucun montant à régler par téléphone.',
  goodbye: 'Merci de votre appel. Au revoir.',
};

const EN: IvrTexts = {
  greeting: (name) => `Hello, and welcome to the pay-by-phone service of ${name}.`,
  switchLanguage: 'For English, press 9.',
  askReference:
    'Please key in the digits of your payment reference, which starts with the letters R F, without those letters, then the hash key. ' +
    'If an adviser gave you a six-digit code, key in that code, then hash.',
  notFound: 'We cannot find this reference.',
  nothingKeyed: 'We did not receive anything.',
  notIdentified:
    'We could not find your account. You can call again with your letter at hand, or reply to our last message. Thank you for calling, goodbye.',
  found: (creditor) => `Thank you. Your account with ${creditor} has been found.`,
  balance: (b) => `The amount due is ${spokenAmount(b.totalMinor, b.currency, 'en')}${enParts(b)}.`,
  menu:
    'To pay everything by card, press 1. To pay part of it, press 2. ' +
    'To pay in instalments, press 3. To be called back by an adviser, press 4. To hear this again, press 0.',
  notUnderstood: 'Sorry, we did not understand your choice.',
  planActive: 'A payment plan is already running on this account: it cannot be replaced by phone.',
  noPlan: 'No instalment plan is possible for this amount by phone.',
  askAmount: (min, b) =>
    `Please key in the amount you want to pay, between ${spokenAmount(min, b.currency, 'en')} and ${spokenAmount(b.totalMinor, b.currency, 'en')}, in whole units, then hash. ` +
    'For cents, press star then the cents: for example, for one hundred twenty euros fifty, key 1 2 0 star 5 0 hash.',
  amountInvalid: (min, b) =>
    `This amount is not possible: it must be between ${spokenAmount(min, b.currency, 'en')} and ${spokenAmount(b.totalMinor, b.currency, 'en')}.`,
  offersIntro: 'Here are the instalment plans available.',
  offer: (o) => `For ${enOffer(o)}, press ${o.key}.`,
  offersBack: 'To go back to the menu, press 0.',
  confirmPlan: (o) =>
    `You chose ${enOffer(o)}. To accept this plan, press 1. To go back to the menu, press 0.`,
  payIntro: (amount, currency) =>
    `You are about to pay ${spokenAmount(amount, currency, 'en')} by card. Your card digits are taken by our secure payment provider: we never receive them.`,
  planAgreed:
    'Your payment plan is recorded. You will receive the agreement in writing, with a reminder before each payment.',
  paid: (amount, currency, remaining) =>
    `Thank you, your payment of ${spokenAmount(amount, currency, 'en')} has been accepted. You will receive a receipt. ` +
    (remaining > 0
      ? `${spokenAmount(remaining, currency, 'en')} remain to be paid.`
      : 'Your account is settled.'),
  payFailed: {
    declined: 'The payment was declined by your bank: nothing was charged.',
    card_invalid: 'Your card details could not be validated: nothing was charged.',
    timeout: 'We did not receive your card details: nothing was charged.',
    other: 'The payment did not go through: nothing was charged.',
  },
  afterFailure: 'To be called back by an adviser, press 4. Otherwise, you may hang up.',
  callbackBooked: 'Noted: an adviser will call you back as soon as possible, during opening hours.',
  nothingOwed: 'There is nothing to pay by phone on this account.',
  goodbye: 'Thank you for calling. Goodbye.',
};

export function ivrTexts(language: Locale): IvrTexts {
  return language === 'fr' ? FR : EN;
}
