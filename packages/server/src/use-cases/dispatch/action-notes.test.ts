import { describe, expect, it } from 'vitest';
import { HOLD_NOTES, WITHDRAWN_NOTE } from '../creditor-portal/case-control.ts';
import { actionNote } from './action-notes.ts';
import { WAITING_NOTES } from './held-by-creditor.ts';

describe('actionNote', () => {
  it('reads every note Relance writes in French and English, and leaves a server’s words as they came', () => {
    const ours = [HOLD_NOTES.planned, HOLD_NOTES.review, WITHDRAWN_NOTE, ...Object.values(WAITING_NOTES)];
    for (const text of ours) {
      expect(actionNote(text, 'en')).toEqual({ text, ours: true });
      const fr = actionNote(text, 'fr');
      expect(fr?.ours).toBe(true);
      expect(fr?.text).not.toBe(text);
    }
    expect(actionNote(WAITING_NOTES.promise ?? '', 'fr')?.text).toBe(
      'Non envoyée : le débiteur a promis de payer après sa planification.',
    );
    expect(actionNote('Cancelled: the whole case is disputed (dispute 0190-ab).', 'fr')?.text).toBe(
      'Annulée : tout le dossier est contesté (contestation 0190-ab).',
    );
    expect(actionNote('payment plan ended', 'en')?.text).toBe('Payment plan ended.');
    expect(actionNote('550 5.1.1 <x@example.test>: Recipient address rejected', 'fr')).toEqual({
      text: '550 5.1.1 <x@example.test>: Recipient address rejected',
      ours: false,
    });
    expect(actionNote(null, 'fr')).toBeNull();
  });
});
