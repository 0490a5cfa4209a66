import { describe, expect, it } from 'vitest';
import { explainPrescription, type PrescriptionEvent } from './prescription-explained.ts';

const effects = (
  events: readonly PrescriptionEvent[],
  basis: 'consumer_2y' | 'commercial_5y' = 'consumer_2y',
) => {
  const e = explainPrescription({ start: '2024-03-15', basis, events });
  return { lastDay: e.lastDay, effects: e.events.map((x) => [x.event.kind, x.effect, x.reason]) };
};

describe('explainPrescription', () => {
  it('gives the last day, the first time-barred day and the legal text', () => {
    expect(explainPrescription({ start: '2024-03-15', basis: 'commercial_5y', events: [] })).toEqual({
      basis: 'commercial_5y',
      years: 5,
      reference: 'C. com. L110-4',
      start: '2024-03-15',
      lastDay: '2029-03-15',
      timeBarredFrom: '2029-03-16',
      events: [],
      mediationMinimumNotApplied: false,
    });
  });

  it('a formal notice does not interrupt (Cass. com. 18 May 2022); an acknowledgement does', () => {
    expect(
      effects([
        { kind: 'formal-notice', date: '2025-01-10' },
        { kind: 'acknowledgement', date: '2025-06-01' },
      ]),
    ).toEqual({
      lastDay: '2027-06-01',
      effects: [
        ['formal-notice', 'none', 'not_interruptive'],
        ['acknowledgement', 'interrupts', 'new_period'],
      ],
    });
  });

  it('an acknowledgement after expiry does not interrupt: it renounces the prescription acquired', () => {
    expect(effects([{ kind: 'acknowledgement', date: '2026-03-16' }])).toEqual({
      lastDay: '2026-03-15',
      effects: [['acknowledgement', 'none', 'after_expiry']],
    });
  });

  it('explains a chain in date order, whatever the order given', () => {
    const e = explainPrescription({
      start: '2024-03-15',
      basis: 'consumer_2y',
      events: [
        { kind: 'court-claim', date: '2029-06-02' },
        { kind: 'payment', date: '2027-06-01' },
        { kind: 'acknowledgement', date: '2025-06-01' },
        { kind: 'payment', date: '2024-01-01' },
      ],
    });
    expect(e.lastDay).toBe('2029-06-01');
    expect(e.events.map((x) => [x.event.kind, x.reason, x.periodEnd])).toEqual([
      ['payment', 'before_start', undefined],
      ['acknowledgement', 'new_period', '2027-06-01'],
      ['payment', 'new_period', '2029-06-01'],
      ['court-claim', 'after_expiry', undefined],
    ]);
  });

  it('a mediation suspends (C. civ. 2238) and says by how many days; the 6-month minimum is flagged as not applied', () => {
    const e = explainPrescription({
      start: '2024-03-15',
      basis: 'consumer_2y',
      events: [{ kind: 'mediation', from: '2025-01-01', to: '2025-01-31' }],
    });
    expect(e.lastDay).toBe('2026-04-14');
    expect(e.events[0]).toMatchObject({ effect: 'suspends', reason: 'suspended', daysAdded: 30 });
    expect(e.mediationMinimumNotApplied).toBe(true);
  });

  it('a mediation erased by a later acknowledgement, or after expiry, changes nothing', () => {
    expect(
      effects([
        { kind: 'mediation', from: '2025-01-01', to: '2025-01-31' },
        { kind: 'acknowledgement', date: '2025-06-01' },
        { kind: 'mediation', from: '2028-01-01', to: '2028-02-01' },
      ]),
    ).toEqual({
      lastDay: '2027-06-01',
      effects: [
        ['mediation', 'none', 'no_change'],
        ['acknowledgement', 'interrupts', 'new_period'],
        ['mediation', 'none', 'after_expiry'],
      ],
    });
  });
});
