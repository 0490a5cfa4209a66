import { addDays, compareDates, type IsoDate } from '../shared/dates.ts';
import { ACTION_CHANNELS, type ActionChannel } from '../strategies/definition.ts';
import { checkCount, checkDate, compareText, fail } from './common.ts';
import { type Ratio, ratio } from './ratio.ts';

/**
 * Actions sent by channel, and how many drew a response: a payment, a promise, a dispute or an inbound
 * contact (a reply, a call back) within `windowDays` days after the action (the day it was sent counts).
 * The server finds the candidate pairs (action, response) of the same case; pairs outside the window or
 * before the action are ignored here, so the window is applied in one place.
 *
 * Attribution: with 'every' (the default), each action followed by a response in its window counts as
 * responded — an e-mail on day 0 and an SMS on day 3 both get the payment of day 4. With 'last', a
 * response is given only to the latest action before it (ties: the greatest action id), so the channels'
 * responses add up to the responses.
 */
export const RESPONSE_KINDS = ['payment', 'promise', 'dispute', 'inbound'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];
export type Attribution = 'every' | 'last';

export type SentAction = {
  readonly actionId: string;
  readonly channel: ActionChannel;
  readonly sentOn: IsoDate;
};

export type ResponsePair = {
  readonly actionId: string;
  /** The payment, promise, dispute or inbound message (one response may follow several actions). */
  readonly responseId: string;
  readonly kind: ResponseKind;
  readonly respondedOn: IsoDate;
};

export type ChannelResponses = {
  readonly sent: number;
  /** Actions with at least one response. */
  readonly responded: number;
  /** responded / sent. */
  readonly rate: Ratio;
  /** Actions with at least one response of each kind (an action may count under several kinds). */
  readonly byKind: Readonly<Record<ResponseKind, number>>;
};

export type ChannelResponseInput = {
  readonly actions: readonly SentAction[];
  readonly responses: readonly ResponsePair[];
  readonly windowDays: number;
  readonly attribution?: Attribution | undefined;
};

export type ChannelResponseReport = {
  /** Channels with at least one action sent, in ACTION_CHANNELS order. */
  readonly channels: readonly (ChannelResponses & { readonly channel: ActionChannel })[];
  readonly total: ChannelResponses;
};

/** The pairs that count: inside their action's window, and under 'last' only the latest action's. */
function creditedPairs(
  input: ChannelResponseInput,
  actions: ReadonlyMap<string, SentAction>,
): readonly ResponsePair[] {
  const valid = input.responses.filter((pair) => {
    checkDate(pair.respondedOn, 'respondedOn');
    if (!RESPONSE_KINDS.includes(pair.kind)) fail(`Unknown response kind: ${pair.kind}`, { kind: pair.kind });
    const action = actions.get(pair.actionId);
    if (!action) fail(`A response to an action not given: ${pair.actionId}`, { actionId: pair.actionId });
    return (
      compareDates(pair.respondedOn, action.sentOn) >= 0 &&
      compareDates(pair.respondedOn, addDays(action.sentOn, input.windowDays)) <= 0
    );
  });
  if ((input.attribution ?? 'every') === 'every') return valid;
  // The sending date first (fixed width), then the id: the latest action wins, ties deterministically.
  const rank = (p: ResponsePair) => `${actions.get(p.actionId)?.sentOn ?? ''} ${p.actionId}`;
  const latest = new Map<string, ResponsePair>();
  for (const pair of valid) {
    const held = latest.get(pair.responseId);
    if (!held || compareText(rank(pair), rank(held)) > 0) latest.set(pair.responseId, pair);
  }
  return [...latest.values()];
}

type Tally = { sent: number; responded: Set<string>; byKind: Record<ResponseKind, Set<string>> };

const tally = (): Tally => ({
  sent: 0,
  responded: new Set(),
  byKind: { payment: new Set(), promise: new Set(), dispute: new Set(), inbound: new Set() },
});

function figures(t: Tally): ChannelResponses {
  return {
    sent: t.sent,
    responded: t.responded.size,
    rate: ratio(t.responded.size, t.sent),
    byKind: {
      payment: t.byKind.payment.size,
      promise: t.byKind.promise.size,
      dispute: t.byKind.dispute.size,
      inbound: t.byKind.inbound.size,
    },
  };
}

export function channelResponses(input: ChannelResponseInput): ChannelResponseReport {
  checkCount(input.windowDays, 'windowDays');
  const actions = new Map<string, SentAction>();
  const byChannel = new Map<ActionChannel, Tally>();
  const total = tally();
  for (const action of input.actions) {
    checkDate(action.sentOn, 'sentOn');
    if (!ACTION_CHANNELS.includes(action.channel))
      fail(`Unknown channel: ${action.channel}`, { channel: action.channel });
    if (actions.has(action.actionId))
      fail(`Action given twice: ${action.actionId}`, { actionId: action.actionId });
    actions.set(action.actionId, action);
    const t = byChannel.get(action.channel) ?? tally();
    byChannel.set(action.channel, t);
    t.sent += 1;
    total.sent += 1;
  }
  for (const pair of creditedPairs(input, actions)) {
    const channel = actions.get(pair.actionId)?.channel;
    const t = channel && byChannel.get(channel);
    if (!t) continue;
    for (const x of [t, total]) {
      x.responded.add(pair.actionId);
      x.byKind[pair.kind].add(pair.actionId);
    }
  }
  return {
    channels: ACTION_CHANNELS.flatMap((channel) => {
      const t = byChannel.get(channel);
      return t ? [{ channel, ...figures(t) }] : [];
    }),
    total: figures(total),
  };
}
