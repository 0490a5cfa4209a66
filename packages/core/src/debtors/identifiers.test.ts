import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import {
  frenchVatNumber,
  generateSiren,
  generateSiret,
  isValidSiren,
  isValidSiret,
  isValidVatNumber,
  normalizeEmail,
  normalizeSiren,
  normalizeSiret,
} from './identifiers.ts';

describe('isValidSiren', () => {
  it.each([
    ['732829320', true],
    ['404833048', true],
    ['356000000', true],
    ['732829321', false],
    ['000000000', false],
    ['73282932', false],
    ['7328293200', false],
    ['732 829 320', false],
    ['73282932A', false],
    ['', false],
  ])('%s → %s', (siren, expected) => {
    expect(isValidSiren(siren)).toBe(expected);
  });
});

describe('isValidSiret', () => {
  it.each([
    ['73282932000074', true],
    ['73282932000075', false],
    ['73282932100074', false], // the SIREN part is not valid
    ['35600000000048', true], // La Poste head office: Luhn
    ['35600000012346', true], // La Poste establishment: digit sum 30, a multiple of 5
    ['35600000000042', true],
    ['35600000012345', false], // digit sum 29
    ['35600000000049', false],
    ['7328293200007', false],
    ['732829320000745', false],
    ['732 829 320 00074', false],
  ])('%s → %s', (siret, expected) => {
    expect(isValidSiret(siret)).toBe(expected);
  });
});

describe('normalizeSiren / normalizeSiret', () => {
  it.each([
    ['732 829 320', '732829320'],
    ['732.829.320', '732829320'],
    ['\u00a0732\u202f829\u00a0320 ', '732829320'],
    ['732829321', '732829321'], // format only: the Luhn check is isValidSiren's job
    ['73282932', null],
    ['732829320A', null],
    ['', null],
  ])('SIREN %j → %s', (text, expected) => {
    expect(normalizeSiren(text)).toBe(expected);
  });

  it.each([
    ['732 829 320 00074', '73282932000074'],
    ['732.829.320.00074', '73282932000074'],
    ['73282932000074', '73282932000074'],
    ['732 829 320', null],
    ['FR83404833048', null],
  ])('SIRET %j → %s', (text, expected) => {
    expect(normalizeSiret(text)).toBe(expected);
  });
});

describe('VAT numbers', () => {
  it.each([
    ['404833048', 'FR83404833048'],
    ['732829320', 'FR44732829320'],
    ['356000000', 'FR39356000000'], // La Poste's published number,
  ])('frenchVatNumber(%s) = %s', (siren, vat) => {
    expect(frenchVatNumber(siren)).toBe(vat);
  });

  it('frenchVatNumber refuses a malformed SIREN', () => {
    expect(() => frenchVatNumber('12345')).toThrow(DomainError);
  });

  it.each([
    ['FR83404833048', true],
    ['FR 83 404 833 048', true],
    ['fr83404833048', true],
    ['FR84404833048', false],
    ['FR8340483304', false],
    ['FRAB404833048', true], // new alphanumeric key: shape only
    ['FRIO404833048', false], // I and O are never used in keys
    ['DE123456789', true],
    ['BE0123456789', true],
    ['EL123456789', true],
    ['NL123456789B01', true],
    ['ATU12345678', true],
    ['DE1', false],
    ['DE12345678901234', false],
    ['GB123456789', false], // no longer an EU member state
    ['US123456789', false],
    ['', false],
  ])('isValidVatNumber(%s) → %s', (vat, expected) => {
    expect(isValidVatNumber(vat)).toBe(expected);
  });
});

describe('normalizeEmail', () => {
  it.each([
    [' Jean.Dupont@Example.FR ', 'Jean.Dupont@example.fr'],
    ['compta+relance@acme.co.uk', 'compta+relance@acme.co.uk'],
    ['mailto:a@acme.fr', 'a@acme.fr'],
    ["o'brien@acme.ie", "o'brien@acme.ie"],
    ['jean@société.fr', 'jean@société.fr'],
    ['a@xn--socit-esab.fr', 'a@xn--socit-esab.fr'],
    ['a@sub-domain.acme.fr', 'a@sub-domain.acme.fr'],
    ['a@b', null],
    ['@acme.fr', null],
    ['a@', null],
    ['a@@acme.fr', null],
    ['a..b@acme.fr', null],
    ['.a@acme.fr', null],
    ['a.@acme.fr', null],
    ['a b@acme.fr', null],
    ['a@-acme.fr', null],
    ['a@acme-.fr', null],
    ['a@acme..fr', null],
    ['a@acme.fr.', null],
    ['a@acme.f', null],
    ['a@acme.123', null],
    ['jean dupont', null],
    ['', null],
    [`${'a'.repeat(65)}@acme.fr`, null],
    [`a@${'b'.repeat(64)}.fr`, null],
  ])('%j → %j', (text, expected) => {
    expect(normalizeEmail(text)).toBe(expected);
  });
});

describe('generators', () => {
  it.each([
    [73282932, '732829320'],
    [40483304, '404833048'],
    [1, '000000018'],
  ])('generateSiren(%i) = %s', (base, siren) => {
    expect(generateSiren(base)).toBe(siren);
  });

  it.each([
    ['732829320', 7, '73282932000074'],
    ['356000000', 4, '35600000000042'],
  ])('generateSiret(%s, %i) = %s', (siren, nic, siret) => {
    expect(generateSiret(siren, nic)).toBe(siret);
  });

  it('always generates valid identifiers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), fc.integer({ min: 0, max: 9999 }), (base, nic) => {
        const siren = generateSiren(base);
        expect(isValidSiren(siren)).toBe(true);
        expect(isValidSiret(generateSiret(siren, nic))).toBe(true);
      }),
    );
  });

  it.each([
    () => generateSiren(0),
    () => generateSiren(100_000_000),
    () => generateSiren(1.5),
    () => generateSiret('732829321', 1),
    () => generateSiret('732829320', 10_000),
  ])('refuses bad input %#', (run) => {
    expect(run).toThrow(DomainError);
  });
});
