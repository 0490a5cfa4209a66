import type { TFunction } from 'i18next';
import type { Language } from '../../app/i18n/languages.ts';
import type { EngineReason } from './api.ts';

type Describe = {
  readonly t: TFunction;
  readonly date: (isoDate: string) => string;
  readonly channel: (channel: string) => string;
};

const str = (value: string | number | undefined): string => (value === undefined ? '' : String(value));
const num = (value: string | number | undefined): number =>
  typeof value === 'number' ? value : Number(value) || 0;

function because(value: string | number | undefined, t: TFunction): string {
  switch (value) {
    case 'call_unanswered':
    case 'email_bounce':
    case 'wrong_number':
      return t(`reasons.because.${value}`);
    default:
      return str(value);
  }
}

/**
 * The sentence a person reads for an engine reason, in the UI language, built here from its code and facts:
 * the fallback for a preview whose reasons come without the server's sentence. An unknown code is shown as
 * it is.
 */
export function reasonText(reason: EngineReason, { t, date, channel }: Describe): string {
  const p = reason.params;
  switch (reason.code) {
    case 'assigned':
      return t('reasons.assigned', { strategy: str(p.strategy) });
    case 'step_due':
      return num(p.daysLate) > 0
        ? t('reasons.step_late', { step: str(p.step), count: num(p.daysLate) })
        : t('reasons.step_due', { step: str(p.step) });
    case 'backlog_jump':
      return t('reasons.backlog_jump', { step: str(p.step), skipped: str(p.skipped) });
    case 'backlog_walk':
      return t('reasons.backlog_walk', { step: str(p.step), count: num(p.daysBehind) });
    case 'step_skipped_condition':
    case 'pre_due_expired':
      return t(`reasons.${reason.code}`, { step: str(p.step) });
    case 'channel_switched': {
      const from = channel(str(p.from));
      const to = channel(str(p.to));
      return p.because
        ? t('reasons.channel_switched_because', { from, to, because: because(p.because, t) })
        : t('reasons.channel_switched', { from, to });
    }
    case 'promise_made':
      return t('reasons.promise_made', { date: date(str(p.dueOn)) });
    case 'plan_agreed':
      return t('reasons.plan_agreed', { count: num(p.instalments) });
    case 'plan_instalment_kept':
    case 'plan_broken':
      return t(`reasons.${reason.code}`, { instalment: str(p.instalment) });
    case 'debtor_replied':
      return t('reasons.debtor_replied', { count: num(p.pauseDays) });
    case 'call_unanswered':
      return t('reasons.call_unanswered', { count: num(p.count) });
    case 'time_barred_no_threat':
      return t('reasons.time_barred_no_threat', { channel: channel(str(p.channel)) });
    case 'payment_full':
    case 'payment_partial':
    case 'promise_kept':
    case 'promise_partly_kept':
    case 'promise_broken':
    case 'plan_completed':
    case 'plan_cancelled':
    case 'dispute_recorded':
    case 'held_dispute':
    case 'conversation':
    case 'email_bounce':
    case 'wrong_number':
    case 'paused':
    case 'resumed':
    case 'ladder_finished':
    case 'payment_receipt':
      return t(`reasons.${reason.code}`);
    case 'paused_until':
      return t('reasons.paused_until', { date: date(str(p.until)) });
    case 'pause_ended':
      return t('reasons.pause_ended', { date: date(str(p.since)) });
    case 'callback_requested':
      return t('reasons.callback_requested', { date: date(str(p.on)), time: str(p.at) });
    case 'payment_link_requested':
      return t(`reasons.payment_link_requested_${p.channel === 'email' ? 'email' : 'sms'}`);
    default:
      return reason.code;
  }
}

/**
 * The server's sentence when the reason carries it, so the preview cannot drift from what the server says
 * elsewhere; the local translation only when it does not.
 */
export function previewReasonText(reason: EngineReason, language: Language, describe: Describe): string {
  const text = reason.text?.[language];
  return text ? text : reasonText(reason, describe);
}
