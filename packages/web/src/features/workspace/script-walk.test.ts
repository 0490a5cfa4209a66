import { describe, expect, it } from 'vitest';
import type { CallScript } from './api.ts';
import { answer, back, formOf, startWalk } from './script-walk.ts';

const script: CallScript = {
  key: 'b2c-first',
  version: 1,
  title: 'First call',
  start: 'hello',
  nodes: {
    hello: {
      say: 'Am I speaking to the debtor?',
      answers: [
        { label: 'Yes', next: 'why' },
        { label: 'No', suggest: 'third_party' },
      ],
    },
    why: {
      say: 'Why is the invoice unpaid?',
      answers: [
        { label: 'Forgot', reason: 'oversight', next: 'offer' },
        { label: 'Never received it', reason: 'invoice_not_received', action: 'dispute' },
      ],
    },
    offer: {
      say: 'Can you pay by Friday?',
      answers: [{ label: 'Yes', suggest: 'promise', action: 'promise' }],
    },
  },
};

describe('walking a call script', () => {
  it('keeps each question with its answer, the qualified reason and the suggested disposition', () => {
    let walk = startWalk(script);
    walk = answer(walk, script, { label: 'Yes', next: 'why' });
    walk = answer(walk, script, { label: 'Forgot', reason: 'oversight', next: 'offer' });
    walk = answer(walk, script, { label: 'Yes', suggest: 'promise', action: 'promise' });
    expect(walk.nodeId).toBeNull();
    expect(walk.reason).toBe('oversight');
    expect(walk.suggest).toBe('promise');
    expect(walk.answers).toEqual([
      { question: 'Am I speaking to the debtor?', answer: 'Yes' },
      { question: 'Why is the invoice unpaid?', answer: 'Forgot' },
      { question: 'Can you pay by Friday?', answer: 'Yes' },
    ]);
  });

  it('goes back one question and forgets its answer; an unknown next node ends the script', () => {
    let walk = answer(startWalk(script), script, { label: 'Yes', next: 'why' });
    walk = back(walk);
    expect(walk.nodeId).toBe('hello');
    expect(walk.answers).toEqual([]);
    expect(answer(walk, script, { label: 'Odd', next: 'missing' }).nodeId).toBeNull();
  });
});

describe('the form an answer opens', () => {
  it('opens the payment link for payment_link, the plan for plan or payment_plan, nothing for the rest', () => {
    expect(formOf('payment_link')).toBe('paymentLink');
    expect(formOf('plan')).toBe('plan');
    expect(formOf('payment_plan')).toBe('plan');
    expect(formOf('promise')).toBe('promise');
    expect(formOf('callback')).toBe('callback');
    expect(formOf(undefined)).toBeNull();
    expect(formOf('transfer_ivr')).toBeNull();
  });
});
