import { describe, expect, it } from 'vitest';
import { readTwiml, stepOf } from './ivr-twiml-read.ts';

const base = 'https://relance.example/api/v1/webhooks/ivr/t1';

describe('reading the IVR’s TwiML (the simulator)', () => {
  it('a question: what is said and where the keys go', () => {
    const turn = readTwiml(
      `<?xml version="1.0" encoding="UTF-8"?><Response><Gather input="dtmf" action="${base}/reference?lang=fr&amp;try=1" method="POST" finishOnKey="#"><Say language="fr-FR">Bonjour, c&apos;est ici.</Say><Say language="en-GB">For English, press 9.</Say></Gather></Response>`,
    );
    expect(turn.said).toEqual(["Bonjour, c'est ici.", 'For English, press 9.']);
    expect(turn.next).toEqual({ kind: 'gather', step: 'reference', query: { lang: 'fr', try: '1' } });
    expect(turn.pay).toBeNull();
    expect(turn.hangup).toBe(false);
  });

  it('a card payment: the amount, the result and progress steps', () => {
    const turn = readTwiml(
      `<Response><Say language="fr-FR">Vous allez payer…</Say><Pay paymentConnector="Default" chargeAmount="500.50" currency="eur" action="${base}/pay-result?lang=fr" statusCallback="${base}/pay-status?lang=fr"/></Response>`,
    );
    expect(turn.next).toEqual({ kind: 'pay', step: 'pay-result', query: { lang: 'fr' } });
    expect(turn.pay).toEqual({ statusStep: 'pay-status', amount: '500.50', currency: 'EUR' });
  });

  it('the end of the call', () => {
    const turn = readTwiml('<Response><Say language="en-GB">Goodbye.</Say><Hangup/></Response>');
    expect(turn).toEqual({ said: ['Goodbye.'], next: null, pay: null, hangup: true });
    expect(stepOf(`${base}/plan-confirm?lang=en&count=3`)).toEqual({
      step: 'plan-confirm',
      query: { lang: 'en', count: '3' },
    });
  });
});
