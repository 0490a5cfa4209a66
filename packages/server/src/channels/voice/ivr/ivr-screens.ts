import type { Locale } from '../../../db/schema.ts';

/** What the debtor owes, as the IVR says it: principal, late interest and fees (where the creditor charges them). */
export type SpokenBalance = {
  readonly currency: string;
  readonly principalMinor: number;
  readonly interestMinor: number;
  readonly feesMinor: number;
  readonly totalMinor: number;
};

/** An instalment plan the creditor's limits allow, offered on the keypad. */
export type PlanOffer = {
  /** The key that chooses it (1, 2, 3). */
  readonly key: number;
  readonly count: number;
  readonly frequency: 'monthly' | 'biweekly' | 'weekly';
  readonly downPaymentMinor: number;
  readonly firstAmountMinor: number;
  readonly lastAmountMinor: number;
  readonly firstDueOn: string;
  readonly currency: string;
};

export type PayFailure = 'declined' | 'card_invalid' | 'timeout' | 'other';

/**
 * What the IVR says and asks next, decided by the use cases and rendered as TwiML (`ivr-twiml.ts`): the call
 * flow is a value, so it is tested without parsing XML. `attempt` counts the tries of the same question.
 */
export type IvrScreen =
  | {
      readonly kind: 'ask_reference';
      readonly language: Locale;
      readonly attempt: number;
      readonly greeting: string | null;
      readonly notice: 'none' | 'not_found' | 'nothing_keyed';
      /** The other language offered on key 9, when the tenant speaks two. */
      readonly other: Locale | null;
    }
  | {
      readonly kind: 'menu';
      readonly language: Locale;
      readonly attempt: number;
      /** Said once, when the caller has just been identified. */
      readonly intro: { readonly creditorName: string } | null;
      readonly balance: SpokenBalance;
      readonly notice: 'none' | 'not_understood' | 'plan_active' | 'no_plan';
    }
  | {
      readonly kind: 'ask_amount';
      readonly language: Locale;
      readonly attempt: number;
      readonly balance: SpokenBalance;
      readonly minimumMinor: number;
      readonly notice: 'none' | 'invalid';
    }
  | {
      readonly kind: 'plan_offers';
      readonly language: Locale;
      readonly attempt: number;
      readonly offers: readonly PlanOffer[];
      readonly notice: 'none' | 'not_understood';
    }
  | { readonly kind: 'plan_confirm'; readonly language: Locale; readonly offer: PlanOffer }
  | {
      readonly kind: 'pay';
      readonly language: Locale;
      readonly amountMinor: number;
      readonly currency: string;
      readonly connector: string;
      readonly description: string;
      /** The plan just agreed, when this is its down payment. */
      readonly planAgreed: boolean;
    }
  | {
      readonly kind: 'paid';
      readonly language: Locale;
      readonly amountMinor: number;
      readonly currency: string;
      readonly remainingMinor: number;
    }
  | { readonly kind: 'pay_failed'; readonly language: Locale; readonly failure: PayFailure }
  | { readonly kind: 'plan_agreed'; readonly language: Locale }
  | { readonly kind: 'callback_booked'; readonly language: Locale }
  | { readonly kind: 'nothing_owed'; readonly language: Locale }
  | { readonly kind: 'not_identified'; readonly language: Locale }
  | { readonly kind: 'goodbye'; readonly language: Locale }
  /** The answer to a status callback: an empty TwiML response. */
  | { readonly kind: 'none' };

/** How many times a question is asked before the IVR gives up politely. */
export const MAX_TRIES = 3;
