import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import {
  civilFromDays,
  daysFromCivil,
  formatInstant,
  isoDateOfDay,
  parseClock,
  parseInstant,
  weekdayOfDay,
} from './instants.ts';
import { instantOfWallClock, isKnownTimeZone, localDay, offsetAt } from './zones.ts';

describe('calendar arithmetic', () => {
  it('matches Temporal for any date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const date = Temporal.PlainDate.from('1970-01-01').add({ days: day });
        expect(isoDateOfDay(day)).toBe(date.toString());
        expect(daysFromCivil(date.year, date.month, date.day)).toBe(day);
        expect(civilFromDays(day)).toBe(date.year * 10000 + date.month * 100 + date.day);
        expect(weekdayOfDay(day)).toBe(date.dayOfWeek);
      }),
    );
  });
});

describe('parseInstant / formatInstant', () => {
  it.each([
    ['2026-11-23T09:00:00Z', '2026-11-23T09:00:00Z'],
    ['2026-11-23T09:00Z', '2026-11-23T09:00:00Z'],
    ['2026-11-23T10:00:00+01:00', '2026-11-23T09:00:00Z'],
    ['2026-11-23T04:30:00-04:30', '2026-11-23T09:00:00Z'],
    ['2026-11-23T09:00:00.5Z', '2026-11-23T09:00:00.500Z'],
    ['2026-11-23T09:00:00.123456789Z', '2026-11-23T09:00:00.123Z'],
    ['2024-02-29T23:59:59Z', '2024-02-29T23:59:59Z'],
  ])('%s → %s', (text, formatted) => {
    expect(formatInstant(parseInstant(text))).toBe(formatted);
    expect(parseInstant(text)).toBe(Temporal.Instant.from(text).epochMilliseconds);
  });

  it.each([
    '2026-11-23T09:00:00',
    '2026-11-23',
    '2026-02-30T09:00:00Z',
    '2026-11-23T24:00:00Z',
    '2026-11-23T09:60:00Z',
    'yesterday',
  ])('refuses %j', (text) => {
    expect(() => parseInstant(text)).toThrow(DomainError);
  });
});

describe('parseClock', () => {
  it.each([
    ['10:00', false, 600],
    ['00:00', false, 0],
    ['24:00', true, 1440],
    ['24:00', false, null],
    ['23:60', true, null],
    ['9:00', false, null],
  ] as const)('%s (end of day %s) → %s', (text, end, minutes) => {
    expect(parseClock(text, end)).toBe(minutes);
  });
});

describe('zones', () => {
  it('knows real zones only', () => {
    expect(isKnownTimeZone('Europe/Paris')).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
  });

  const zones = [
    'Europe/Paris',
    'America/New_York',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'America/Santiago',
  ];
  it('offsets and wall clocks match Temporal (compatible disambiguation), DST days included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        (zone, ms) => {
          const zoned = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
          expect(offsetAt(zone, ms)).toBe(zoned.offsetNanoseconds / 1e6);
          const wall = zoned.toPlainDateTime();
          const wallMs = Temporal.Instant.from(`${wall.toString()}Z`).epochMilliseconds;
          const expected = wall.toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
          expect(instantOfWallClock(zone, wallMs)).toBe(expected);
        },
      ),
    );
  });

  it.each([
    ['Europe/Paris', '2026-03-29T02:30:00', '2026-03-29T01:30:00Z', 'skipped hour: moved forward'],
    ['Europe/Paris', '2026-10-25T02:30:00', '2026-10-25T00:30:00Z', 'repeated hour: the first one'],
    ['America/New_York', '2026-03-08T02:30:00', '2026-03-08T07:30:00Z', 'skipped hour'],
    ['America/New_York', '2026-11-01T01:30:00', '2026-11-01T05:30:00Z', 'repeated hour'],
  ])('%s %s → %s (%s)', (zone, wall, instant) => {
    const wallMs = Temporal.Instant.from(`${wall}Z`).epochMilliseconds;
    expect(formatInstant(instantOfWallClock(zone, wallMs))).toBe(instant);
  });

  it('reads the local date', () => {
    expect(isoDateOfDay(localDay('Pacific/Auckland', parseInstant('2026-11-23T12:00:00Z')))).toBe(
      '2026-11-24',
    );
    expect(isoDateOfDay(localDay('America/Los_Angeles', parseInstant('2026-11-23T05:00:00Z')))).toBe(
      '2026-11-22',
    );
  });
});
