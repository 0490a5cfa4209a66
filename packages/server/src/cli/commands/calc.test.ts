import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli } from '../../../test/cli/cli-support.ts';

// A database URL that cannot be reached: `calc` must never open one, so it must not matter.
const env = cliEnv({ RELANCE_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nothing' });
const dir = mkdtempSync(join(tmpdir(), 'relance-calc-'));
const calc = (args: readonly string[]) => runCli(['calc', ...args], { cwd: dir, env });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const example2 = [
  'interest',
  '--regime',
  'fr-legal',
  '--creditor',
  'individual',
  '--principal',
  '2 000,00',
  '--from',
  '17/09/2015',
  '--judgment-enforceable',
  '2015-09-17',
];

describe('relance calc interest', () => {
  it('service-public example 2 (official 205-day count: --to the day before payment) → 89.01 €', async () => {
    const run = await calc([...example2, '--to', '2016-04-09', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(
      doc.segments.map((s: Record<string, unknown>) => [s.from, s.to, s.days, s.ratePercent, s.interest]),
    ).toEqual([
      ['2015-09-17', '2015-11-17', 61, '4.29', '14.34'],
      ['2015-11-17', '2015-12-31', 44, '9.29', '22.40'],
      ['2015-12-31', '2016-04-09', 100, '9.54', '52.27'],
    ]);
    expect(doc).toMatchObject({
      interest: '89.01',
      interestMinor: 8901,
      currency: 'EUR',
      principal: '2000.00',
    });
    expect(doc.fixedCompensation).toMatchObject({ amount: '0.00', basis: 'none-legal-interest' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('service-public example 1 (30 days both ends included: --from the day before the judgment) → 5.11 €', async () => {
    const run = await calc([
      'interest',
      '--regime',
      'fr-legal',
      '--creditor',
      'individual',
      '--principal',
      '2000',
      '--from',
      '2020-08-31',
      '--to',
      '2020-09-30',
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.segments).toMatchObject([{ days: 30, ratePercent: '3.11', interest: '5.11' }]);
    expect(doc.interest).toBe('5.11');
  });

  it('prints a table in French by default, in English with --lang en', async () => {
    const french = await calc([...example2, '--to', '2016-04-10']);
    expect(french.code, french.stderr).toBe(0);
    expect(french.stdout).toContain('Après le');
    expect(french.stdout).toMatch(/31\/12\/2015\s+10\/04\/2016\s+101\s+9,54 %/);
    expect(french.stdout).toContain('Intérêts : 89,54');
    const english = await runCli(['--lang', 'en', 'calc', ...example2, '--to', '2016-04-10'], {
      cwd: dir,
      env,
    });
    expect(english.stdout).toContain('Interest: €89.54');
    expect(english.stdout).toContain('majorated legal rate (+5), individual');
  });

  it('fr-b2b: semesters, the 40 € indemnity and a partial payment imputed on interest first', async () => {
    const run = await calc([
      'interest',
      '--regime',
      'fr-b2b',
      '--principal',
      '10000',
      '--from',
      '15/05/2024',
      '--to',
      '30/09/2024',
      '--payment',
      '31/07/2024=3 000,00',
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.segments.map((s: Record<string, unknown>) => [s.days, s.ratePercent, s.interest])).toEqual([
      [46, '14.50', '182.74'],
      [31, '14.25', '121.03'],
      [61, '14.25', '174.89'],
    ]);
    expect(doc.fixedCompensation).toMatchObject({ amount: '40.00', basis: 'fr-indemnity-40' });
    expect(doc.payments[0]).toMatchObject({
      toInterestMinor: 30_377,
      toFeesMinor: 4000,
      toPrincipalMinor: 265_623,
    });
    expect(doc.outstanding).toEqual({
      principal: '7343.77',
      interest: '174.89',
      fees: '0.00',
      total: '7518.66',
    });
  });

  it('a missing rate is an error naming the regime and the period (exit 1)', async () => {
    const run = await calc([
      'interest',
      '--regime',
      'fr-b2b',
      '--principal',
      '100',
      '--from',
      '2026-06-01',
      '--to',
      '2026-08-01',
      '--json',
    ]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).error.details).toEqual({
      reason: 'missing_rate',
      regime: 'fr-b2b',
      period: '2026-S2',
      table: 'ecb-mro',
    });
    expect(run.stderr).toContain('fr-b2b, période 2026-S2');
  });

  it.each([
    [['--principal', 'abc'], '--principal'],
    [['--from', '31/02/2024'], '--from'],
    [['--creditor', 'individual'], '--creditor'],
    [['--to', '2024-01-01'], '--to'],
    [['--payment', '2024-07-31'], '--payment'],
    [['--contract-rate', 'ten'], '--contract-rate'],
  ])('bad input %j → usage error naming %s (exit 64)', async (change, option) => {
    const base = { '--regime': 'fr-b2b', '--principal': '100', '--from': '2024-05-15', '--to': '2024-09-30' };
    const args = Object.entries(base).flatMap(([k, v]) => (change.includes(k) ? [] : [k, v]));
    const run = await calc(['interest', ...args, ...change]);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain(option);
    expect(run.stderr).toContain('relance calc interest --help');
  });

  it('a missing or unknown option is a usage error too', async () => {
    const missing = await calc(['interest', '--regime', 'eu', '--principal', '100', '--to', '2024-01-01']);
    expect([missing.code, missing.stderr]).toEqual([64, expect.stringContaining('--from est obligatoire')]);
    const unknown = await calc(['interest', '--bogus']);
    expect([unknown.code, unknown.stderr]).toEqual([
      64,
      expect.stringContaining('relance calc interest --help'),
    ]);
  });
});

describe('relance calc prescription', () => {
  it('gives the last day and explains each event: a formal notice or a late acknowledgement does nothing', async () => {
    const run = await calc([
      'prescription',
      '--debtor',
      'b2c',
      '--from',
      '15/03/2024',
      '--event',
      'formal-notice=2025-01-10',
      '--event',
      'acknowledgement=2025-06-01',
      '--event',
      'acknowledgement=2028-01-01',
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({
      basis: 'consumer_2y',
      years: 2,
      lastDay: '2027-06-01',
      timeBarredFrom: '2027-06-02',
    });
    expect(doc.events.map((e: Record<string, unknown>) => [e.kind, e.date, e.effect, e.reason])).toEqual([
      ['formal-notice', '2025-01-10', 'none', 'not_interruptive'],
      ['acknowledgement', '2025-06-01', 'interrupts', 'new_period'],
      ['acknowledgement', '2028-01-01', 'none', 'after_expiry'],
    ]);
    expect(doc.events[0].explanation).toContain('n’interrompt pas');
  });

  it('prints the mediation it suspends for, and refuses an unknown event', async () => {
    const run = await calc([
      '--lang',
      'en',
      'prescription',
      '--debtor',
      'b2b',
      '--from',
      '2024-03-15',
      '--event',
      'mediation=2025-01-01..2025-01-31',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Last day to act: 14 Apr 2029');
    expect(run.stdout).toContain('suspends the period: 30 days added');
    const bad = await calc([
      'prescription',
      '--debtor',
      'b2b',
      '--from',
      '2024-03-15',
      '--event',
      'letter=2025-01-01',
    ]);
    expect([bad.code, bad.stderr]).toEqual([64, expect.stringContaining('--event')]);
  });
});
