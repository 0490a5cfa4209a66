/**
 * What the built-in provider's card page does with what the payer typed: Stripe's test cards, so that a demo
 * or a browser test can walk every outcome. Nothing typed is kept; only the outcome leaves this function.
 */
export type CardEntry = { readonly number: string; readonly expiry: string; readonly cvc: string };

export type CardInputError = 'incorrect_number' | 'invalid_expiry' | 'expired_card' | 'invalid_cvc';

export type CardOutcome =
  | { readonly kind: 'input_error'; readonly error: CardInputError }
  | { readonly kind: 'declined'; readonly code: string; readonly decline: string; readonly message: string }
  | { readonly kind: 'paid' };

/** Stripe's test numbers and what they do (docs.stripe.com/testing). */
const TEST_CARDS: Readonly<Record<string, CardOutcome>> = {
  '4242424242424242': { kind: 'paid' },
  '5555555555554444': { kind: 'paid' },
  '4000000000000002': {
    kind: 'declined',
    code: 'card_declined',
    decline: 'generic_decline',
    message: 'Your card was declined.',
  },
  '4000000000009995': {
    kind: 'declined',
    code: 'card_declined',
    decline: 'insufficient_funds',
    message: 'Your card has insufficient funds.',
  },
};

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** MM/YY (or MM/YYYY) not before the month of `today` (YYYY-MM-DD). */
function expiryError(expiry: string, today: string): CardInputError | null {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(expiry);
  if (!match) return 'invalid_expiry';
  const month = Number(match[1]);
  const year = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  if (month < 1 || month > 12) return 'invalid_expiry';
  const thisMonth = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7));
  return year * 12 + month < thisMonth ? 'expired_card' : null;
}

export function decideCard(entry: CardEntry, today: string): CardOutcome {
  const number = entry.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(number) || !luhnValid(number))
    return { kind: 'input_error', error: 'incorrect_number' };
  const expiry = expiryError(entry.expiry, today);
  if (expiry) return { kind: 'input_error', error: expiry };
  if (!/^\d{3,4}$/.test(entry.cvc.trim())) return { kind: 'input_error', error: 'invalid_cvc' };
  return (
    TEST_CARDS[number] ?? {
      kind: 'declined',
      code: 'card_declined',
      decline: 'test_mode_live_card',
      message: 'The built-in provider takes test cards only (4242 4242 4242 4242).',
    }
  );
}
