import { describe, expect, it } from 'vitest';
import { textId } from '../../db/case-texts.ts';
import { type ActionRow, type BatchWrites, type CaseRow, packedActions, packWrites } from './write-batch.ts';

const action = (n: number, channel: string): ActionRow => ({
  actionId: `act-${n}`,
  caseId: `case-${n % 2}`,
  actionKey: `s:0:step:${n}`,
  scheduledAt: '2026-11-23T08:00:00Z',
  channel,
  template: 'reminder-email',
  language: 'fr',
  purpose: 'reminder',
  status: 'planned',
  strategyKey: 's',
  strategyVersion: 1,
  stepKey: 'step',
  reason: '{"reason":{"code":"step_due"}}',
  gate: '{"kind":"allowed"}',
  amounts: null,
});

const kase = (n: number): CaseRow => ({
  caseId: `case-${n}`,
  strategyKey: 's',
  stage: 'active',
  progress: '{}',
  nextRunOn: n === 0 ? null : '2026-11-30',
  nextAction: null,
  lastNotes: '[]',
});

describe('packWrites', () => {
  const w: BatchWrites = {
    tenantId: 't1',
    runId: 'run-1',
    runOn: '2026-11-23',
    now: '2026-11-23T05:00:00.000Z',
    actions: [action(0, 'email'), action(1, 'sms'), action(2, 'email')],
    cases: [kase(0), kase(1)],
    blocked: [],
    eventIds: ['e1'],
  };

  it('keeps each distinct value once and every row in the statements column order', () => {
    const p = packWrites(w);
    const row = (i: number) => Array.from(p.actions.subarray(i * 19, (i + 1) * 19), (k) => p.values[k]);
    expect(row(1)).toEqual([
      't1',
      'act-1',
      'case-1',
      's:0:step:1',
      'run-1',
      '2026-11-23',
      '2026-11-23T08:00:00Z',
      'sms',
      'reminder-email',
      'fr',
      'reminder',
      'planned',
      's',
      1,
      'step',
      '{"reason":{"code":"step_due"}}',
      '{"kind":"allowed"}',
      null,
      '2026-11-23T05:00:00.000Z',
    ]);
    const kaseRow = (i: number) => Array.from(p.cases.subarray(i * 9, (i + 1) * 9), (k) => p.values[k]);
    // The notes are cited by their text's id; the text goes once to `case_texts`.
    expect(kaseRow(0)).toEqual(['s', 'active', '{}', null, null, textId('[]'), '2026-11-23', 't1', 'case-0']);
    expect(kaseRow(1)[3]).toBe('2026-11-30');
    expect(Array.from(p.texts, (k) => p.values[k])).toEqual(['t1', textId('[]'), '[]']);
    expect(p.values.filter((v) => v === 'email')).toHaveLength(1);
    expect(p.values.filter((v) => v === 't1')).toHaveLength(1);
  });

  it('tells each action id and channel back', () => {
    expect(packedActions(packWrites(w))).toEqual([
      { actionId: 'act-0', channel: 'email' },
      { actionId: 'act-1', channel: 'sms' },
      { actionId: 'act-2', channel: 'email' },
    ]);
  });
});
