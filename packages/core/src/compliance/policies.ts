import type {
  Bilingual,
  ChannelRule,
  CompliancePolicy,
  ContactPurpose,
  IsoWeekday,
  WeeklyWindow,
} from './types.ts';

/** A citation reads the same in both languages. */
function cite(text: string): Bilingual {
  return { fr: text, en: text };
}

const RELANCE_POLICY: Bilingual = { fr: 'politique Relance', en: 'Relance policy' };

const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5];
const MON_TO_SAT: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6];
const EVERY_DAY: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];
const ALL_DAY: readonly WeeklyWindow[] = [{ days: EVERY_DAY, from: '00:00', to: '24:00' }];
const WORKING_DAYS: readonly WeeklyWindow[] = [{ days: WEEKDAYS, from: '00:00', to: '24:00' }];
const OFFICE_HOURS: readonly WeeklyWindow[] = [{ days: WEEKDAYS, from: '09:00', to: '18:00' }];
const COURTESY: readonly ContactPurpose[] = ['confirmation', 'thanks'];
const THREATS: readonly ContactPurpose[] = ['formal_notice', 'legal_threat', 'handover_notice'];

const FR_CONSUMER_CALLS: readonly WeeklyWindow[] = [
  { days: WEEKDAYS, from: '10:00', to: '13:00' },
  { days: WEEKDAYS, from: '14:00', to: '20:00' },
];
const FR_CALL: ChannelRule = {
  clock: 'debtor',
  windows: { consumer: FR_CONSUMER_CALLS, business: OFFICE_HOURS },
  skipHolidays: true,
  consent: 'not_withdrawn',
  reference: {
    fr: 'politique Relance, calquée sur C. conso. D223-9',
    en: 'Relance policy, modelled on C. conso. D223-9',
  },
};

/**
 * France, the default policy. French law sets no hours and no numeric cap for collection calls
 * (legal-rules.md §A7, open question Q7); these values are a POLICY CHOICE, conservative on purpose:
 *
 * - Calls and IVR calls to consumers: Monday–Friday, 10:00–13:00 and 14:00–20:00 debtor time, never on a
 *   public holiday — the hours C. conso. D223-9 imposes on telephone canvassing, the closest statutory
 *   benchmark. Businesses: office hours, Monday–Friday 09:00–18:00, not on holidays.
 * - SMS: Monday–Saturday 09:00–20:00, not on holidays. E-mail: any time (the caller schedules it into the
 *   debtor profile's hours). Letters: any working day (Monday–Friday, not a holiday), on the sender's clock.
 * - Caps per debt: 3 contacts by call, IVR or SMS within 7 consecutive days, and 1 call or IVR call a day.
 *   "Contacts au strict nécessaire" (ASF/FIGEC agreement), C. pén. 222-16 (two calls can already be
 *   "repeated"), C. conso. L121-7 3°; 3 a week also matches Washington's RCW 19.16.250 and sits between
 *   Massachusetts (2 a week) and the federal Reg F ceiling for calls alone (7 a week).
 * - After a telephone conversation: no call, IVR call or SMS for 3 days, the conversation's day being day 1
 *   (the debtor gets two clear days to act on what was agreed). Confirmations and thank-yous are exempt.
 * - A withdrawn consent blocks calls, IVR, SMS and e-mail; 'unknown' is enough: collecting an existing debt
 *   is not canvassing (FIGEC, legal-rules.md §A7) and rests on the contract / legitimate interest (§A8).
 * - Cease-contact (the debtor refused further contacts in writing): nothing automatic; an agent may still
 *   send the letters the law relies on (formal notice, notice of hand-over) and confirmations.
 * - Time-barred claim: no formal notice, legal threat or hand-over notice.
 */
const FR_DEFAULT: CompliancePolicy = {
  key: 'fr-default',
  jurisdiction: 'FR',
  name: { fr: 'France — politique par défaut', en: 'France — default policy' },
  senderTimeZone: 'Europe/Paris',
  holidayCalendar: 'fr',
  channels: {
    call: FR_CALL,
    ivr_call: FR_CALL,
    sms: {
      clock: 'debtor',
      windows: {
        consumer: [{ days: MON_TO_SAT, from: '09:00', to: '20:00' }],
        business: [{ days: MON_TO_SAT, from: '09:00', to: '20:00' }],
      },
      skipHolidays: true,
      consent: 'not_withdrawn',
      reference: RELANCE_POLICY,
    },
    email: {
      clock: 'debtor',
      windows: { consumer: ALL_DAY, business: ALL_DAY },
      skipHolidays: false,
      consent: 'not_withdrawn',
      reference: RELANCE_POLICY,
    },
    letter: {
      clock: 'sender',
      windows: { consumer: WORKING_DAYS, business: WORKING_DAYS },
      skipHolidays: true,
      consent: 'none',
      reference: RELANCE_POLICY,
    },
    registered_letter: {
      clock: 'sender',
      windows: { consumer: WORKING_DAYS, business: WORKING_DAYS },
      skipHolidays: true,
      consent: 'none',
      reference: RELANCE_POLICY,
    },
  },
  caps: [
    {
      channels: ['call', 'ivr_call', 'sms'],
      max: 3,
      days: 7,
      exemptPurposes: COURTESY,
      reference: {
        fr: 'politique Relance : contacts au strict nécessaire (accord ASF), C. pén. 222-16',
        en: 'Relance policy: contacts kept to the strict minimum (ASF agreement), C. pén. 222-16',
      },
    },
    {
      channels: ['call', 'ivr_call'],
      max: 1,
      days: 1,
      exemptPurposes: COURTESY,
      reference: {
        fr: 'politique Relance : pas d’appels répétés (C. pén. 222-16)',
        en: 'Relance policy: no repeated calls (C. pén. 222-16)',
      },
    },
  ],
  quietPeriods: [
    {
      channels: ['call', 'ivr_call', 'sms'],
      days: 3,
      exemptPurposes: COURTESY,
      reference: RELANCE_POLICY,
    },
  ],
  consentedCallsExempt: true,
  ceaseContact: {
    exceptions: [
      {
        startedBy: ['agent'],
        channels: ['letter', 'registered_letter'],
        purposes: ['formal_notice', 'handover_notice', 'confirmation'],
        reference: {
          fr: 'politique Relance : la mise en demeure reste un préalable à l’action en justice',
          en: 'Relance policy: a formal notice remains a prerequisite to legal action',
        },
      },
    ],
    reference: {
      fr: 'politique Relance : plus de contact après un refus écrit',
      en: 'Relance policy: no contact after a written refusal',
    },
  },
  timeBarred: {
    blockedPurposes: THREATS,
    reference: {
      fr: 'politique Relance, comme FCA CONC 7.15 et Reg F 1006.26(b)',
      en: 'Relance policy, as FCA CONC 7.15 and Reg F 1006.26(b)',
    },
  },
  notes: [
    {
      topic: 'hours',
      fr: 'Aucun horaire légal pour les appels de recouvrement : reprise des horaires du démarchage (D223-9).',
      en: 'No statutory hours for collection calls: the canvassing hours (D223-9) are used as a default.',
      sources: ['C. conso. D223-9 (décret 2022-1313)', 'legal-rules.md §A7, Q7'],
    },
    {
      topic: 'frequency',
      fr: '3 contacts téléphoniques (appel, SVI, SMS) par 7 jours et 1 appel par jour, par créance.',
      en: '3 telephone contacts (call, IVR, SMS) per 7 days and 1 call a day, per debt.',
      sources: ['Accord ASF du 27 juillet 2004', 'C. pén. 222-16', 'C. conso. L121-7 3°', 'RCW 19.16.250'],
    },
    {
      topic: 'regions',
      fr: 'Jours fériés de métropole uniquement (pas le Vendredi saint ni le 26 décembre d’Alsace-Moselle).',
      en: 'Metropolitan holidays only (not Alsace-Moselle’s Good Friday and 26 December).',
      sources: ['C. trav. L3133-1'],
    },
  ],
};

const US_EIGHT_TO_NINE: readonly WeeklyWindow[] = [{ days: EVERY_DAY, from: '08:00', to: '21:00' }];
const US_TIMED = (consent: ChannelRule['consent']): ChannelRule => ({
  clock: 'debtor',
  windows: { consumer: US_EIGHT_TO_NINE, business: OFFICE_HOURS },
  skipHolidays: false,
  consent,
  reference: cite('12 CFR 1006.6(b)(1)(i)'),
});

/**
 * United States, Regulation F (12 CFR part 1006), legal-rules.md §D.
 *
 * - Calls, IVR calls, SMS and e-mails to consumers: 08:00–21:00 local time, every day. The time rule covers
 *   every communication, and an electronic one happens when it is sent (comment 6(b)(1)(i)-1). With
 *   conflicting locations, only times convenient in all of them (comment 6(b)(1)(i)-2). Businesses are
 *   outside the FDCPA: office hours, a policy choice. Letters: any time.
 * - Federal holidays (5 U.S.C. 6103) are not a legal block for contacts; the calendar is kept for the
 *   §1006.34 validation period and for creditors who choose to skip holidays.
 * - Calls (a prerecorded/IVR call is a call; texts and e-mails are not, comment 14(b)-1): at most 7 within
 *   7 consecutive days per debt, none within 7 days after a telephone conversation, its date being day 1
 *   (§1006.14(b)(2)(i)). POLICY: at most 3 calls a day, concentrated calls being a factor that rebuts the
 *   presumption of compliance (comment 14(b)(2)(i)-2.i). Calls made with the consumer's direct consent, within
 *   7 days of it, are excluded (§1006.14(b)(3)(i)).
 * - SMS and IVR calls need consent given ('granted'): a POLICY CHOICE echoing the TCPA's prior express
 *   consent for automated calls and texts to mobiles, which legal-rules.md does not cover.
 * - Opt-out per medium (§1006.6(e), §1006.14(h)); cease communication (§1006.6(c)): only an agent's letter
 *   saying efforts end or naming a remedy; time-barred debt: no threat of legal action (§1006.26(b)).
 */
const US_REG_F: CompliancePolicy = {
  key: 'us-reg-f',
  jurisdiction: 'US',
  name: { fr: 'États-Unis — Regulation F', en: 'United States — Regulation F' },
  senderTimeZone: 'America/New_York',
  holidayCalendar: 'us-federal',
  channels: {
    call: US_TIMED('not_withdrawn'),
    ivr_call: US_TIMED('granted'),
    sms: US_TIMED('granted'),
    email: US_TIMED('not_withdrawn'),
    letter: {
      clock: 'sender',
      windows: { consumer: ALL_DAY, business: ALL_DAY },
      skipHolidays: false,
      consent: 'none',
      reference: cite('12 CFR 1006.6(b)(1)'),
    },
    registered_letter: {
      clock: 'sender',
      windows: { consumer: ALL_DAY, business: ALL_DAY },
      skipHolidays: false,
      consent: 'none',
      reference: cite('12 CFR 1006.6(b)(1)'),
    },
  },
  caps: [
    {
      channels: ['call', 'ivr_call'],
      max: 7,
      days: 7,
      exemptPurposes: [],
      reference: cite('12 CFR 1006.14(b)(2)(i)(A)'),
    },
    {
      channels: ['call', 'ivr_call'],
      max: 3,
      days: 1,
      exemptPurposes: [],
      reference: {
        fr: 'politique Relance, commentaire 14(b)(2)(i)-2.i',
        en: 'Relance policy, comment 14(b)(2)(i)-2.i',
      },
    },
  ],
  quietPeriods: [
    {
      channels: ['call', 'ivr_call'],
      days: 7,
      exemptPurposes: [],
      reference: cite('12 CFR 1006.14(b)(2)(i)(B)'),
    },
  ],
  consentedCallsExempt: true,
  ceaseContact: {
    exceptions: [
      {
        startedBy: ['agent'],
        channels: ['letter', 'registered_letter'],
        purposes: ['confirmation', 'handover_notice'],
        reference: cite('12 CFR 1006.6(c)(2)'),
      },
    ],
    reference: cite('12 CFR 1006.6(c)(1)'),
  },
  timeBarred: { blockedPurposes: THREATS, reference: cite('12 CFR 1006.26(b)') },
  notes: [
    {
      topic: 'state law',
      fr: 'Les lois des États plus protectrices (Massachusetts, Washington…) ne sont pas modélisées.',
      en: 'More protective state laws (Massachusetts, Washington…) are not modelled.',
      sources: ['12 CFR 1006.104', '940 CMR 7.04(1)(f)', 'RCW 19.16.250'],
    },
    {
      topic: 'holidays',
      fr: 'Les jours fériés fédéraux ne bloquent pas les contacts.',
      en: 'Federal holidays do not block contacts.',
      sources: ['5 U.S.C. 6103(a)'],
    },
  ],
};

export const COMPLIANCE_POLICIES: Readonly<Record<'fr-default' | 'us-reg-f', CompliancePolicy>> = {
  'fr-default': FR_DEFAULT,
  'us-reg-f': US_REG_F,
};

/**
 * The policy of a debtor's jurisdiction: 'US' ('USA') and its subdivisions ('US-CA') get Regulation F; anything
 * else — France, other countries, an unknown or empty code — gets the French default, the more restrictive
 * of the two for calls and SMS, so that an unknown jurisdiction errs on the side of fewer contacts.
 */
export function policyFor(jurisdiction: string): CompliancePolicy {
  const code = jurisdiction.trim().toUpperCase();
  return code === 'US' || code === 'USA' || code.startsWith('US-') ? US_REG_F : FR_DEFAULT;
}
