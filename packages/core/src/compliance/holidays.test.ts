import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { easterSunday, isPublicHoliday } from './holidays.ts';
import { isoDateOfDay } from './instants.ts';

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i → %s', (year, date) => {
    expect(isoDateOfDay(easterSunday(year))).toBe(date);
  });
});

describe('isPublicHoliday fr (C. trav. L3133-1)', () => {
  it.each([
    ['2026-01-01', true, 'New Year'],
    ['2026-04-05', false, 'Easter Sunday is a Sunday, not a holiday of its own'],
    ['2026-04-06', true, 'Easter Monday'],
    ['2026-05-01', true, 'Labour Day'],
    ['2026-05-08', true, 'Victory in Europe'],
    ['2026-05-14', true, 'Ascension'],
    ['2026-05-25', true, 'Whit Monday'],
    ['2026-07-14', true, 'Bastille Day'],
    ['2026-08-15', true, 'Assumption'],
    ['2026-11-01', true, 'All Saints'],
    ['2026-11-11', true, 'Armistice'],
    ['2026-12-25', true, 'Christmas'],
    ['2026-12-26', false, 'Saint Stephen: Alsace-Moselle only'],
    ['2026-04-03', false, 'Good Friday: Alsace-Moselle only'],
    ['2026-11-23', false, 'an ordinary Monday'],
    ['2027-05-06', true, 'Ascension 2027'],
    ['2027-05-17', true, 'Whit Monday 2027'],
    ['2027-03-29', true, 'Easter Monday 2027'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isPublicHoliday('fr', date)).toBe(expected);
  });
});

describe('isPublicHoliday us-federal (5 U.S.C. 6103)', () => {
  it.each([
    ['2026-01-01', true, 'New Year'],
    ['2026-01-19', true, 'Martin Luther King Jr. Day, third Monday'],
    ['2026-02-16', true, 'Washington’s Birthday, third Monday'],
    ['2026-05-25', true, 'Memorial Day, last Monday'],
    ['2026-06-19', true, 'Juneteenth'],
    ['2026-07-03', true, 'Independence Day on a Saturday: observed Friday'],
    ['2026-07-04', true, 'Independence Day itself'],
    ['2026-09-07', true, 'Labor Day, first Monday'],
    ['2026-10-12', true, 'Columbus Day, second Monday'],
    ['2026-11-11', true, 'Veterans Day'],
    ['2026-11-26', true, 'Thanksgiving, fourth Thursday'],
    ['2026-12-25', true, 'Christmas'],
    ['2026-11-27', false, 'the day after Thanksgiving'],
    ['2026-04-06', false, 'Easter Monday is French only'],
    ['2021-12-31', true, '1 Jan 2022 is a Saturday: observed Friday 31 Dec 2021'],
    ['2022-01-01', true, 'New Year 2022 itself'],
    ['2022-12-26', true, 'Christmas 2022 on a Sunday: observed Monday'],
    ['2023-01-02', true, 'New Year 2023 on a Sunday: observed Monday'],
    ['2027-12-31', true, '1 Jan 2028 is a Saturday: observed Friday 31 Dec 2027'],
    ['2027-06-18', true, 'Juneteenth 2027 on a Saturday: observed Friday'],
    ['2020-06-19', false, 'Juneteenth before 2021'],
    ['2026-05-18', false, 'the Monday before Memorial Day'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isPublicHoliday('us-federal', date)).toBe(expected);
  });
});

describe('isPublicHoliday input', () => {
  it.each(['2026-02-30', '26-01-01', '2026-1-1', ''])('throws on %j', (date) => {
    expect(() => isPublicHoliday('fr', date)).toThrow(DomainError);
  });
});
