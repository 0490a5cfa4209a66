import { expect, it } from 'vitest';
import { summarizeEntry } from '../../src/use-cases/evidence/summarize-entry.ts';

it('says an entry in the reader’s language: statuses, providers and instants translated, the rest as stored', () => {
  const payload = {
    to: '+33606060606',
    template: 'payment-link-sms',
    status: 'delivered',
    provider: 'builtin-sms',
    providerMessageId: 'SM01',
    windowStart: '2026-11-23T11:01:00.000Z',
  };
  expect(summarizeEntry('sms_sent', payload, 'fr')).toBe(
    'à : +33606060606 · modèle : payment-link-sms · statut : remis · prestataire : SMS intégré (démo) · ' +
      'id prestataire : SM01 · à partir de : 23 nov. 2026, 11:01 UTC',
  );
  expect(summarizeEntry('sms_sent', payload, 'en')).toBe(
    'to: +33606060606 · template: payment-link-sms · status: delivered · provider: built-in SMS (demo) · ' +
      'provider id: SM01 · from: 23 Nov 2026, 11:01 UTC',
  );
  expect(summarizeEntry('agent_note', { text: 'Rappeler  lundi', author: 'Claire' }, 'fr')).toBe(
    'Rappeler lundi · auteur : Claire',
  );
});

it('says what a promise, a plan, a dispute and a call outcome agreed or recorded, in French and English', () => {
  const promise = {
    promiseId: 'p1',
    channel: 'phone',
    schedule: [
      { dueOn: '2026-03-20', amountMinor: 300_00 },
      { dueOn: '2026-04-20', amountMinor: 300_00 },
    ],
    amountMinor: 600_00,
    currency: 'EUR',
    supersedes: [],
  };
  expect(summarizeEntry('promise_recorded', promise, 'fr')).toBe(
    'Promesse de 600,00 € · 300,00 € le 20/03/2026, 300,00 € le 20/04/2026 · canal : téléphone',
  );
  expect(summarizeEntry('promise_recorded', promise, 'en')).toBe(
    'Promise of €600.00 · €300.00 on 20 Mar 2026, €300.00 on 20 Apr 2026 · channel: phone',
  );
  expect(summarizeEntry('promise_cancelled', { promiseId: 'p1', note: 'payé' }, 'en')).toBe(
    'Promise cancelled · note: payé',
  );
  const plan = {
    planId: 'pl1',
    kind: 'instalments',
    currency: 'EUR',
    totalMinor: 1200_00,
    instalments: [
      { seq: 0, dueOn: '2026-03-16', amountMinor: 200_00 },
      { seq: 1, dueOn: '2026-04-16', amountMinor: 1000_00 },
    ],
  };
  expect(summarizeEntry('plan_agreed', plan, 'fr')).toBe(
    'Échéancier de 1 200,00 € en 2 échéances · 200,00 € le 16/03/2026, 1 000,00 € le 16/04/2026',
  );
  expect(summarizeEntry('plan_agreed', plan, 'en')).toBe(
    'Payment plan of €1,200.00 in 2 instalments · €200.00 on 16 Mar 2026, €1,000.00 on 16 Apr 2026',
  );
  expect(
    summarizeEntry('plan_cancelled', { planId: 'pl1', reason: 'debtor asked', cancelledReminders: 2 }, 'fr'),
  ).toBe('Échéancier annulé · motif : debtor asked · rappels annulés : 2');
  const dispute = {
    disputeId: 'd1',
    reason: 'not_received',
    amountMinor: 300_00,
    currency: 'EUR',
    claims: [],
    wholeCase: false,
  };
  expect(summarizeEntry('dispute_opened', dispute, 'fr')).toBe(
    'Contestation de 300,00 € · motif : facture ou prestation non reçue',
  );
  expect(summarizeEntry('dispute_opened', dispute, 'en')).toBe(
    'Dispute of €300.00 · reason: invoice or service not received',
  );
  expect(
    summarizeEntry('dispute_resolved', { disputeId: 'd1', resolution: 'credit_note', note: null }, 'en'),
  ).toBe('Dispute closed (credit note)');
  const outcome = {
    outcomeId: 'o1',
    phone: '+33612345678',
    outcome: 'callback_requested',
    reason: 'cash_difficulty',
    note: 'Rappeler mardi',
    callbackAt: '2026-03-17T09:30:00.000Z',
  };
  expect(summarizeEntry('call_outcome', outcome, 'fr')).toBe(
    'résultat : Rappel demandé · motif : Difficulté de trésorerie passagère · téléphone : +33612345678 · ' +
      'rappel : 17 mars 2026, 09:30 UTC · note : Rappeler mardi',
  );
  expect(summarizeEntry('call_outcome', outcome, 'en')).toBe(
    'outcome: Callback requested · reason: Temporary cash difficulty · phone: +33612345678 · ' +
      'callback: 17 Mar 2026, 09:30 UTC · note: Rappeler mardi',
  );
});

it('tells instants in the reader’s zone, named, when the reader gives it', () => {
  const outcome = { outcome: 'callback_requested', callbackAt: '2026-03-17T09:30:00.000Z' };
  expect(summarizeEntry('call_outcome', outcome, 'fr', 'Europe/Paris')).toBe(
    'résultat : Rappel demandé · rappel : 17 mars 2026, 10:30 UTC+1',
  );
  expect(summarizeEntry('call_outcome', outcome, 'en', 'America/New_York')).toBe(
    'outcome: Callback requested · callback: 17 Mar 2026, 05:30 GMT-4',
  );
  const resolved = { disputeId: 'd1', resolution: 'cleared' };
  expect(summarizeEntry('dispute_resolved', resolved, 'fr')).toBe(
    'Contestation close (levée par le fichier du créancier)',
  );
});
