import type { Bilingual, WeeklyWindow } from '../compliance/types.ts';
import { formatMoney } from '../shared/money.ts';

/** One reason a call task sits where it does in the queue, as a supervisor reads it. */
export type ScorePart = {
  readonly key: 'amount' | 'age' | 'promises' | 'contact' | 'hour';
  readonly points: number;
  readonly detail: Bilingual;
};

export type CallScoreInput = {
  readonly outstandingMinor: number;
  readonly currency: string;
  /** Days since the oldest unpaid due date (0 when not yet due). */
  readonly ageDays: number;
  readonly brokenPromises: number;
  readonly keptPromises: number;
  /** Past call outcomes of this debtor: right-party contacts among all attempts. */
  readonly rightPartyContacts: number;
  readonly attempts: number;
  /** The window's opening in the debtor's local time: ISO weekday (1 = Monday) and minutes after midnight. */
  readonly localWeekday: number;
  readonly localMinutes: number;
  /** The hours the debtor's profile answers best (PROFILE_WINDOWS). */
  readonly preferred: readonly WeeklyWindow[];
};

export type CallScore = { readonly priority: number; readonly parts: readonly ScorePart[] };

const AMOUNT_MAX = 40;
const AGE_MAX = 40;
const BROKEN_POINTS = 10;
const BROKEN_MAX = 20;
const KEPT_POINTS = 5;
const KEPT_MAX = 10;
const CONTACT_MAX = 20;
const HOUR_POINTS = 10;

/**
 * The queue's priority, higher first, with its parts so that a supervisor sees why: the balance (3 points per
 * doubling in major units, up to 40), the age of the debt (a point per 9 days, up to 40), the promise history
 * (broken promises raise it — the debtor needs a call —, kept ones lower it — they pay when asked), the
 * right-party-contact likelihood ((contacts + 1) / (attempts + 2): a prior of one in two that past outcomes
 * move, up to 20), and whether the window opens in the hours the debtor's profile answers best. Integers
 * only, so every engine sorts the same; never below 0.
 */
export function callScore(input: CallScoreInput): CallScore {
  const major = Math.max(1, Math.floor(input.outstandingMinor / 100));
  const amount = Math.min(AMOUNT_MAX, Math.max(0, Math.floor(Math.log2(major)) * 3));
  const age = Math.min(AGE_MAX, Math.max(0, Math.floor(input.ageDays / 9)));
  const promises =
    Math.min(BROKEN_MAX, input.brokenPromises * BROKEN_POINTS) -
    Math.min(KEPT_MAX, input.keptPromises * KEPT_POINTS);
  const contact = Math.floor((CONTACT_MAX * (input.rightPartyContacts + 1)) / (input.attempts + 2));
  const inHours = input.preferred.some(
    (w) =>
      (w.days as readonly number[]).includes(input.localWeekday) &&
      minutesOf(w.from) <= input.localMinutes &&
      input.localMinutes < minutesOf(w.to),
  );
  const money = (l: 'fr' | 'en') => formatMoney(input.outstandingMinor, input.currency, l);
  const parts: readonly ScorePart[] = [
    {
      key: 'amount',
      points: amount,
      detail: { fr: `${money('fr')} dus`, en: `${money('en')} outstanding` },
    },
    {
      key: 'age',
      points: age,
      detail: {
        fr: `${input.ageDays} jours depuis la plus ancienne échéance`,
        en: `${input.ageDays} days past the oldest due date`,
      },
    },
    {
      key: 'promises',
      points: promises,
      detail: promisesDetail(input.brokenPromises, input.keptPromises),
    },
    {
      key: 'contact',
      points: contact,
      detail: contactDetail(input.rightPartyContacts, input.attempts),
    },
    {
      key: 'hour',
      points: inHours ? HOUR_POINTS : 0,
      detail: inHours
        ? { fr: 'créneau aux meilleures heures du profil', en: "window in the profile's best hours" }
        : {
            fr: 'créneau hors des meilleures heures du profil',
            en: "window outside the profile's best hours",
          },
    },
  ];
  const total = parts.reduce((sum, p) => sum + p.points, 0);
  return { priority: Math.max(0, total), parts };
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function promisesDetail(broken: number, kept: number): Bilingual {
  if (broken === 0 && kept === 0) return { fr: 'aucune promesse passée', en: 'no past promise' };
  return {
    fr: `promesses passées : ${plural(broken, 'non tenue', 'non tenues')}, ${plural(kept, 'tenue', 'tenues')}`,
    en: `past promises: ${broken} broken, ${kept} kept`,
  };
}

/** The right-party-contact part: with no call yet, the prior (one chance in two) is what scores. */
function contactDetail(contacts: number, attempts: number): Bilingual {
  if (attempts === 0)
    return {
      fr: 'jamais appelé : une chance sur deux de joindre le débiteur, a priori',
      en: 'never called: even odds of reaching the debtor, as a prior',
    };
  return {
    fr: `débiteur joint ${plural(contacts, 'fois', 'fois')} sur ${plural(attempts, 'appel', 'appels')}`,
    en: `debtor reached ${plural(contacts, 'time', 'times')} in ${plural(attempts, 'call', 'calls')}`,
  };
}

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':');
  return Number(h) * 60 + Number(m);
}
