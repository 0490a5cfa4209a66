import { describe, expect, it } from 'vitest';
import { formatDate } from '../../app/format/dates.ts';
import { testTranslators } from '../../app/i18n/test-instance.ts';
import { previewReasonText, reasonText } from './reason-text.ts';

const t = await testTranslators();
const fr = { t: t.fr, date: (d: string) => formatDate(d, 'fr'), channel: (c: string) => `<${c}>` };
const en = { t: t.en, date: (d: string) => formatDate(d, 'en'), channel: (c: string) => `<${c}>` };

describe('reasonText', () => {
  it.each([
    [
      { code: 'step_due', params: { step: 'reminder-email', daysLate: 0 } },
      'Étape «\u00a0reminder-email\u00a0» due aujourd’hui.',
      'Step "reminder-email" due today.',
    ],
    [
      { code: 'step_due', params: { step: 'handover', daysLate: 3 } },
      'Étape «\u00a0handover\u00a0» due depuis 3 jours.',
      'Step "handover" due 3 days ago.',
    ],
    [
      { code: 'step_due', params: { step: 'handover', daysLate: 1 } },
      'Étape «\u00a0handover\u00a0» due depuis 1 jour.',
      'Step "handover" due 1 day ago.',
    ],
    [
      {
        code: 'channel_switched',
        params: { step: 'x', from: 'call_task', to: 'sms', because: 'call_unanswered' },
      },
      'Canal remplacé\u00a0: <call_task> → <sms> (appels sans réponse).',
      'Channel replaced: <call_task> → <sms> (unanswered calls).',
    ],
    [
      { code: 'channel_switched', params: { from: 'email', to: 'letter' } },
      'Canal remplacé\u00a0: <email> → <letter>.',
      'Channel replaced: <email> → <letter>.',
    ],
    [
      { code: 'promise_made', params: { dueOn: '2026-04-12', amountMinor: 15000 } },
      'Promesse de paiement pour le 12 avr. 2026.',
      'Promise to pay by 12 Apr 2026.',
    ],
    [
      { code: 'backlog_walk', params: { step: 'letter', daysBehind: 12 } },
      'Dossier en retard de 12 jours\u00a0: une étape par passage, «\u00a0letter\u00a0» aujourd’hui.',
      'Case 12 days behind: one step per run, "letter" today.',
    ],
    [
      { code: 'time_barred_no_threat', params: { step: 'x', channel: 'formal_notice' } },
      'Action «\u00a0<formal_notice>\u00a0» écartée\u00a0: une créance est prescrite, aucune menace d’action en justice.',
      'Action "<formal_notice>" left out: a claim is time-barred, no threat of legal action.',
    ],
    [
      { code: 'payment_full', params: {} },
      'Dossier soldé\u00a0: la relance s’arrête.',
      'Case paid in full: collection stops.',
    ],
    [{ code: 'something_new', params: {} }, 'something_new', 'something_new'],
  ])('%j', (reason, french, english) => {
    expect(reasonText(reason, fr)).toBe(french);
    expect(reasonText(reason, en)).toBe(english);
  });
});

describe('previewReasonText', () => {
  const reason = { code: 'step_due', params: { step: 'handover', daysLate: 3 } };

  it('takes the server’s sentence in the UI language when the reason carries it', () => {
    const text = {
      fr: 'Étape «\u00a0Transmission au contentieux\u00a0» due depuis 3 jours.',
      en: 'Step "Hand-over" due 3 days ago.',
    };
    expect(previewReasonText({ ...reason, text }, 'fr', fr)).toBe(text.fr);
    expect(previewReasonText({ ...reason, text }, 'en', en)).toBe(text.en);
  });

  it('translates the code here only when the server gave no sentence', () => {
    expect(previewReasonText(reason, 'fr', fr)).toBe('Étape «\u00a0handover\u00a0» due depuis 3 jours.');
    expect(previewReasonText({ ...reason, text: { fr: '', en: '' } }, 'en', en)).toBe(
      'Step "handover" due 3 days ago.',
    );
  });
});
