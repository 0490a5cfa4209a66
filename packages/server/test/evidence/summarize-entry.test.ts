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
