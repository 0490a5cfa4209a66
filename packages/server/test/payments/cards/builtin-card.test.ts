import { describe, expect, it } from 'vitest';
import { decideCard } from '../../../src/channels/payments/builtin-card.ts';

const today = '2026-03-16';

describe('the built-in card page’s test cards', () => {
  it.each([
    ['4242 4242 4242 4242', '03/26', '123', { kind: 'paid' }],
    ['5555-5555-5555-4444', '12/2030', '1234', { kind: 'paid' }],
    ['4000000000000002', '12/30', '123', { kind: 'declined', decline: 'generic_decline' }],
    ['4000 0000 0000 9995', '12/30', '123', { kind: 'declined', decline: 'insufficient_funds' }],
    ['4111 1111 1111 1111', '12/30', '123', { kind: 'declined', decline: 'test_mode_live_card' }],
    ['4242 4242 4242 4241', '12/30', '123', { kind: 'input_error', error: 'incorrect_number' }],
    ['4242', '12/30', '123', { kind: 'input_error', error: 'incorrect_number' }],
    ['4242424242424242', '13/30', '123', { kind: 'input_error', error: 'invalid_expiry' }],
    ['4242424242424242', '1230', '123', { kind: 'input_error', error: 'invalid_expiry' }],
    ['4242424242424242', '02/26', '123', { kind: 'input_error', error: 'expired_card' }],
    ['4242424242424242', '12/30', '12', { kind: 'input_error', error: 'invalid_cvc' }],
  ])('%s, %s, %s', (number, expiry, cvc, outcome) => {
    expect(decideCard({ number, expiry, cvc }, today)).toMatchObject(outcome);
  });
});
