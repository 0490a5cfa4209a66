/** What a TwiML answer of the IVR says and where the call goes next: the simulator reads it like Twilio. */
export type TwimlTurn = {
  readonly said: readonly string[];
  /** The next request: a `<Gather>` answered with keys, a `<Pay>` answered with a card result. */
  readonly next: {
    readonly kind: 'gather' | 'pay';
    readonly step: string;
    readonly query: Readonly<Record<string, string>>;
  } | null;
  /** `<Pay>`'s progress callback and what it charges. */
  readonly pay: { readonly statusStep: string; readonly amount: string; readonly currency: string } | null;
  readonly hangup: boolean;
};

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '');
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(` ${name}="([^"]*)"`).exec(tag);
  return match?.[1] === undefined ? null : decode(match[1]);
}

/** "https://…/webhooks/ivr/<tenant>/menu?lang=fr&try=1" → { step: 'menu', query: { lang: 'fr', try: '1' } }. */
export function stepOf(url: string): {
  readonly step: string;
  readonly query: Readonly<Record<string, string>>;
} {
  const parsed = new URL(url);
  return {
    step: parsed.pathname.split('/').pop() ?? '',
    query: Object.fromEntries(parsed.searchParams.entries()),
  };
}

export function readTwiml(xml: string): TwimlTurn {
  const said = [...xml.matchAll(/<Say[^>]*>([^<]*)<\/Say>/g)].map((m) => decode(m[1] ?? ''));
  const gather = /<Gather[^>]*>/.exec(xml)?.[0] ?? null;
  const pay = /<Pay[^>]*\/?>/.exec(xml)?.[0] ?? null;
  const action = (gather && attribute(gather, 'action')) ?? (pay && attribute(pay, 'action'));
  const statusCallback = pay ? attribute(pay, 'statusCallback') : null;
  return {
    said,
    next: action ? { kind: pay && !gather ? 'pay' : 'gather', ...stepOf(action) } : null,
    pay:
      pay && statusCallback
        ? {
            statusStep: stepOf(statusCallback).step,
            amount: attribute(pay, 'chargeAmount') ?? '',
            currency: (attribute(pay, 'currency') ?? '').toUpperCase(),
          }
        : null,
    hangup: xml.includes('<Hangup/>'),
  };
}
