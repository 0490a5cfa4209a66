import { formatMoney } from '@relance/core';
import type { CardInputError } from './builtin-card.ts';
import type { CheckoutLocale } from './payment-provider.ts';

/** The built-in provider's card page: it stands in for Stripe's hosted Checkout, in French and English. */
export type CheckoutPage =
  | {
      readonly kind: 'form';
      readonly locale: CheckoutLocale;
      readonly creditorName: string;
      readonly label: string;
      readonly amountMinor: number;
      readonly currency: string;
      readonly action: string;
      readonly session: string;
      readonly error: CardInputError | 'declined' | 'insufficient_funds' | null;
    }
  | { readonly kind: 'closed'; readonly locale: CheckoutLocale; readonly backUrl: string | null };

const WORDS = {
  fr: {
    title: 'Paiement par carte',
    test: 'Prestataire de test intégré : aucune carte réelle n’est débitée. Carte de test : 4242 4242 4242 4242.',
    to: 'Paiement à',
    number: 'Numéro de carte',
    expiry: 'Date d’expiration (MM/AA)',
    cvc: 'Cryptogramme (3 chiffres au dos)',
    expiryHint: 'MM/AA',
    pay: 'Payer',
    cancel: 'Annuler et revenir',
    closedTitle: 'Cette page de paiement n’est plus ouverte',
    closed: 'Elle a expiré ou son adresse est incomplète. Vous pouvez revenir en arrière et recommencer.',
    back: 'Revenir',
    errors: {
      incorrect_number: 'Ce numéro de carte n’est pas valide : vérifiez-le.',
      invalid_expiry: 'La date d’expiration s’écrit MM/AA (par exemple 04/29).',
      expired_card: 'Cette carte a expiré.',
      invalid_cvc: 'Le cryptogramme compte 3 ou 4 chiffres.',
      declined: 'Votre banque a refusé le paiement. Vous pouvez essayer une autre carte.',
      insufficient_funds:
        'Le paiement a été refusé : provision insuffisante. Vous pouvez essayer une autre carte.',
    },
  },
  en: {
    title: 'Card payment',
    test: 'Built-in test provider: no real card is charged. Test card: 4242 4242 4242 4242.',
    to: 'Payment to',
    number: 'Card number',
    expiry: 'Expiry date (MM/YY)',
    cvc: 'Security code (3 digits on the back)',
    expiryHint: 'MM/YY',
    pay: 'Pay',
    cancel: 'Cancel and go back',
    closedTitle: 'This payment page is no longer open',
    closed: 'It has expired or its address is incomplete. You can go back and start again.',
    back: 'Go back',
    errors: {
      incorrect_number: 'This card number is not valid: please check it.',
      invalid_expiry: 'The expiry date is written MM/YY (for instance 04/29).',
      expired_card: 'This card has expired.',
      invalid_cvc: 'The security code has 3 or 4 digits.',
      declined: 'Your bank declined the payment. You can try another card.',
      insufficient_funds: 'The payment was declined: insufficient funds. You can try another card.',
    },
  },
} as const;

const escapeHtml = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1a1b1e}
main{max-width:26rem;margin:0 auto;padding:1.5rem 1rem}
.card{background:#fff;border-radius:.75rem;padding:1.25rem;box-shadow:0 1px 3px #0002}
h1{font-size:1.25rem;margin:0 0 1rem}.amount{font-size:1.75rem;font-weight:700;margin:.25rem 0 1rem}
label{display:block;font-weight:500;margin:.75rem 0 .25rem}
input{box-sizing:border-box;width:100%;font-size:1.1rem;padding:.6rem;border:1px solid #868e96;border-radius:.4rem}
input:focus,button:focus-visible{outline:3px solid #1c7ed6;outline-offset:1px}
button{width:100%;font-size:1.1rem;padding:.75rem;margin-top:1.25rem;border:0;border-radius:.4rem;background:#1971c2;color:#fff;cursor:pointer}
button.link{background:none;color:#1864ab;text-decoration:underline;margin-top:.5rem}
.error{background:#fff5f5;color:#c92a2a;border:1px solid #ffc9c9;border-radius:.4rem;padding:.6rem;margin-bottom:.75rem}
.test{font-size:.85rem;color:#495057;margin-top:1rem}`;

function layout(locale: CheckoutLocale, title: string, body: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export function renderCheckoutPage(page: CheckoutPage): string {
  const w = WORDS[page.locale];
  if (page.kind === 'closed') {
    const back = page.backUrl ? `<p><a href="${escapeHtml(page.backUrl)}">${w.back}</a></p>` : '';
    return layout(
      page.locale,
      w.closedTitle,
      `<div class="card"><h1>${w.closedTitle}</h1><p>${w.closed}</p>${back}</div>`,
    );
  }
  const amount = formatMoney(page.amountMinor, page.currency, page.locale);
  const error = page.error
    ? `<div class="error" role="alert" id="card-error">${w.errors[page.error]}</div>`
    : '';
  const described = page.error ? ' aria-describedby="card-error"' : '';
  const session = `<input type="hidden" name="session" value="${escapeHtml(page.session)}">`;
  const body = `<div class="card"><h1>${w.title}</h1>
<p>${w.to} ${escapeHtml(page.creditorName)} — ${escapeHtml(page.label)}</p><p class="amount">${escapeHtml(amount)}</p>${error}
<form method="post" action="${escapeHtml(page.action)}" novalidate>${session}
<label for="number">${w.number}</label><input id="number" name="number" inputmode="numeric" autocomplete="cc-number" required${described} autofocus>
<label for="expiry">${w.expiry}</label><input id="expiry" name="expiry" inputmode="numeric" autocomplete="cc-exp" placeholder="${w.expiryHint}" required>
<label for="cvc">${w.cvc}</label><input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" required>
<button type="submit" name="action" value="pay">${w.pay} ${escapeHtml(amount)}</button>
<button type="submit" name="action" value="cancel" class="link" formnovalidate>${w.cancel}</button>
</form><p class="test">${w.test}</p></div>`;
  return layout(page.locale, w.title, body);
}
