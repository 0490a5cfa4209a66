import type { HolidayCalendar } from './holidays.ts';

export type ContactChannel = 'call' | 'ivr_call' | 'sms' | 'email' | 'letter' | 'registered_letter';
export type ContactPurpose =
  | 'reminder'
  | 'formal_notice'
  | 'legal_threat'
  | 'handover_notice'
  | 'confirmation'
  | 'thanks';
export type DebtorProfile = 'standard' | 'active' | 'senior';
export type DebtorKind = 'business' | 'consumer';
export type ContactStarter = 'engine' | 'agent';
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export type Bilingual = { readonly fr: string; readonly en: string };

/** Local wall-clock hours on some weekdays (1 = Monday). 'HH:MM', `to` excluded; `to` may be '24:00'. */
export type WeeklyWindow = {
  readonly days: readonly IsoWeekday[];
  readonly from: string;
  readonly to: string;
};

/** What a channel needs from the contact's consent status. */
export type ConsentRequirement = 'granted' | 'not_withdrawn' | 'none';

export type ChannelRule = {
  /** Whose wall clock the windows are read on: the debtor's (every zone of the request) or the sender's. */
  readonly clock: 'debtor' | 'sender';
  readonly windows: Readonly<Record<DebtorKind, readonly WeeklyWindow[]>>;
  /** Closed on the public holidays of the policy's calendar. */
  readonly skipHolidays: boolean;
  readonly consent: ConsentRequirement;
  /** The text or the policy choice behind the hours, shown in explanations. */
  readonly reference: Bilingual;
};

/** At most `max` contacts on `channels` for one debt within `days` consecutive local calendar days. */
export type ContactCap = {
  readonly channels: readonly ContactChannel[];
  readonly max: number;
  readonly days: number;
  /** Purposes that neither count nor are held back (a thank-you is not pressure). */
  readonly exemptPurposes: readonly ContactPurpose[];
  readonly reference: Bilingual;
};

/** No contact on `channels` for `days` local calendar days after a conversation, its day being day 1. */
export type QuietPeriod = {
  readonly channels: readonly ContactChannel[];
  readonly days: number;
  readonly exemptPurposes: readonly ContactPurpose[];
  readonly reference: Bilingual;
};

/** What may still be sent once the debtor asked for contacts to cease. */
export type CeaseException = {
  readonly startedBy: readonly ContactStarter[];
  readonly channels: readonly ContactChannel[];
  readonly purposes: readonly ContactPurpose[];
  readonly reference: Bilingual;
};

export type PolicyNote = {
  readonly topic: string;
  readonly fr: string;
  readonly en: string;
  readonly sources: readonly string[];
};

/**
 * A jurisdiction's contact rules as plain data (it could come from JSON): every country-specific choice
 * lives here, the gate's code has no branch per country.
 */
export type CompliancePolicy = {
  readonly key: string;
  /** ISO 3166 country code the policy is written for ('FR', 'US'). */
  readonly jurisdiction: string;
  readonly name: Bilingual;
  /** The creditor's zone: the clock of 'sender' channels (posting letters) and the fallback for day counts. */
  readonly senderTimeZone: string;
  readonly holidayCalendar: HolidayCalendar | null;
  readonly channels: Readonly<Record<ContactChannel, ChannelRule>>;
  readonly caps: readonly ContactCap[];
  readonly quietPeriods: readonly QuietPeriod[];
  /** A call placed before `history.callConsentUntil` escapes caps and quiet periods (it still keeps the hours). */
  readonly consentedCallsExempt: boolean;
  /** The debtor asked for contacts to cease: everything is blocked but the exceptions. */
  readonly ceaseContact: { readonly exceptions: readonly CeaseException[]; readonly reference: Bilingual };
  /** Purposes forbidden once the claim is time-barred: no threat of legal action on a time-barred debt. */
  readonly timeBarred: { readonly blockedPurposes: readonly ContactPurpose[]; readonly reference: Bilingual };
  readonly notes: readonly PolicyNote[];
};

export type ContactStatus = {
  readonly consent: 'granted' | 'withdrawn' | 'unknown';
  readonly validity: 'valid' | 'invalid' | 'unverified';
  readonly optedOut: boolean;
};

export type ContactRequest = {
  readonly channel: ContactChannel;
  readonly purpose: ContactPurpose;
  /** ISO instant with an offset, normally UTC ('2026-11-23T09:00:00Z'). */
  readonly at: string;
  readonly debtorKind: DebtorKind;
  /**
   * Every zone the person may be in (address, phone area code…), the most likely first. With conflicting
   * zones a time is allowed only when it is allowed in all of them (Reg F comment 6(b)(1)(i)-2).
   */
  readonly timeZones: readonly string[];
  readonly startedBy: ContactStarter;
  /** The contact for this channel (phone, e-mail, address); null when there is no usable one. */
  readonly contact: ContactStatus | null;
  readonly case: { readonly ceaseContact: boolean; readonly timeBarred: boolean; readonly debtId: string };
};

export type ContactAttempt = {
  readonly channel: ContactChannel;
  readonly at: string;
  /** false for attempts the caps ignore: not connected, placed with the debtor's consent, inbound. */
  readonly countsTowardCap?: boolean;
};

/** The outbound attempts already made (or scheduled) for the debt of the request. */
export type ContactHistory = {
  readonly attempts: readonly ContactAttempt[];
  /** The last telephone conversation with the debtor about this debt. */
  readonly lastConversationAt: string | null;
  /** The debtor asked to be called until this instant (Reg F 1006.14(b)(3)(i): 7 days after the consent). */
  readonly callConsentUntil?: string | null;
};

export type GateBlockCode =
  | 'outside_window'
  | 'holiday'
  | 'cap_reached'
  | 'quiet_period'
  | 'cease_contact'
  | 'opted_out'
  | 'no_consent'
  | 'no_contact'
  | 'invalid_contact'
  | 'time_barred_threat'
  | 'unknown_time_zone';

export type GateDecision =
  | {
      readonly kind: 'allowed';
      readonly policy: string;
      readonly rule: string;
      readonly explanation: Bilingual;
    }
  | {
      readonly kind: 'blocked';
      readonly policy: string;
      readonly code: GateBlockCode;
      readonly explanation: Bilingual;
      /** The earliest instant the contact would be allowed when the block is only a matter of time; else null. */
      readonly retryAt: string | null;
    };
