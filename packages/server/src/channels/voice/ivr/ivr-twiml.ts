import { assertNever, minorToDecimalString } from '@relance/core';
import twilio from 'twilio';
import type { Locale } from '../../../db/schema.ts';
import { ivrTexts } from './ivr-prompts.ts';
import type { IvrScreen } from './ivr-screens.ts';

type VoiceResponse = InstanceType<typeof twilio.twiml.VoiceResponse>;
type Sayer = Pick<VoiceResponse, 'say'>;

/** The IVR's steps: each is a webhook under `/webhooks/ivr/:tenantId/`. */
export type IvrStep =
  | 'voice'
  | 'reference'
  | 'menu'
  | 'amount'
  | 'plan'
  | 'plan-confirm'
  | 'pay-result'
  | 'pay-status'
  | 'after-failure'
  | 'status';

const VOICE: Readonly<Record<Locale, 'fr-FR' | 'en-GB'>> = { fr: 'fr-FR', en: 'en-GB' };

/** The absolute URL of a step (Twilio signs the URL it calls, query included). */
export function stepUrl(
  base: string,
  step: IvrStep,
  query: Readonly<Record<string, string | number>> = {},
): string {
  const search = new URLSearchParams(
    Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
  return `${base}/${step}${search ? `?${search}` : ''}`;
}

function say(target: Sayer, language: Locale, text: string): void {
  target.say({ language: VOICE[language] }, text);
}

/**
 * The TwiML of a screen (Twilio's documented verbs: `<Gather>`, `<Say>`, `<Pay>`, `<Hangup>`). `base` is the
 * tenant's IVR address (`…/api/v1/webhooks/ivr/<tenant>`): every action points back there.
 */
export function renderIvrScreen(screen: IvrScreen, base: string): string {
  const response = new twilio.twiml.VoiceResponse();
  if (screen.kind === 'none') return response.toString();
  const t = ivrTexts(screen.language);
  const lang = screen.language;
  const gather = (step: IvrStep, query: Record<string, string | number>, digits: number | null) =>
    response.gather({
      input: ['dtmf'],
      action: stepUrl(base, step, { lang, ...query }),
      method: 'POST',
      timeout: 8,
      actionOnEmptyResult: true,
      ...(digits === null ? { finishOnKey: '#' } : { numDigits: digits }),
    });
  const end = (...texts: string[]) => {
    for (const text of texts) say(response, lang, text);
    response.hangup();
  };
  switch (screen.kind) {
    case 'ask_reference': {
      const g = gather('reference', { try: screen.attempt }, null);
      if (screen.greeting) say(g, lang, t.greeting(screen.greeting));
      if (screen.notice === 'not_found') say(g, lang, t.notFound);
      if (screen.notice === 'nothing_keyed') say(g, lang, t.nothingKeyed);
      if (screen.other) say(g, screen.other, ivrTexts(screen.other).switchLanguage);
      say(g, lang, t.askReference);
      break;
    }
    case 'menu': {
      const g = gather('menu', { try: screen.attempt }, 1);
      if (screen.intro) say(g, lang, t.found(screen.intro.creditorName));
      if (screen.notice === 'not_understood') say(g, lang, t.notUnderstood);
      if (screen.notice === 'plan_active') say(g, lang, t.planActive);
      if (screen.notice === 'no_plan') say(g, lang, t.noPlan);
      if (screen.intro || screen.notice === 'none') say(g, lang, t.balance(screen.balance));
      say(g, lang, t.menu);
      break;
    }
    case 'ask_amount': {
      const g = gather('amount', { try: screen.attempt }, null);
      if (screen.notice === 'invalid') say(g, lang, t.amountInvalid(screen.minimumMinor, screen.balance));
      say(g, lang, t.askAmount(screen.minimumMinor, screen.balance));
      break;
    }
    case 'plan_offers': {
      const g = gather('plan', { try: screen.attempt }, 1);
      if (screen.notice === 'not_understood') say(g, lang, t.notUnderstood);
      say(g, lang, t.offersIntro);
      for (const offer of screen.offers) say(g, lang, t.offer(offer));
      say(g, lang, t.offersBack);
      break;
    }
    case 'plan_confirm':
      say(gather('plan-confirm', { count: screen.offer.count }, 1), lang, t.confirmPlan(screen.offer));
      break;
    case 'pay':
      if (screen.planAgreed) say(response, lang, t.planAgreed);
      say(response, lang, t.payIntro(screen.amountMinor, screen.currency));
      response.pay({
        paymentConnector: screen.connector,
        chargeAmount: minorToDecimalString(screen.amountMinor, screen.currency),
        currency: screen.currency.toLowerCase(),
        description: screen.description,
        input: 'dtmf',
        language: VOICE[lang],
        maxAttempts: 3,
        timeout: 10,
        securityCode: true,
        postalCode: 'false',
        action: stepUrl(base, 'pay-result', { lang }),
        statusCallback: stepUrl(base, 'pay-status', { lang }),
        statusCallbackMethod: 'POST',
      });
      break;
    case 'paid':
      end(t.paid(screen.amountMinor, screen.currency, screen.remainingMinor), t.goodbye);
      break;
    case 'pay_failed': {
      const g = response.gather({
        input: ['dtmf'],
        action: stepUrl(base, 'after-failure', { lang }),
        method: 'POST',
        timeout: 6,
        numDigits: 1,
      });
      say(g, lang, t.payFailed[screen.failure]);
      say(g, lang, t.afterFailure);
      end(t.goodbye);
      break;
    }
    case 'plan_agreed':
      end(t.planAgreed, t.goodbye);
      break;
    case 'callback_booked':
      end(t.callbackBooked, t.goodbye);
      break;
    case 'nothing_owed':
      end(t.nothingOwed, t.goodbye);
      break;
    case 'not_identified':
      end(t.notIdentified);
      break;
    case 'goodbye':
      end(t.goodbye);
      break;
    default:
      return assertNever(screen);
  }
  return response.toString();
}
