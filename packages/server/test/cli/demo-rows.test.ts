import { createHash } from 'node:crypto';
import { isValidSiren, isValidSiret, normalizeEmail, normalizePhone } from '@relance/core';
import { describe, expect, it } from 'vitest';
import { epochDay, isoDate } from '../../src/use-cases/setup/demo/days.ts';
import { type DemoRow, debtorRows } from '../../src/use-cases/setup/demo/debtor-rows.ts';
import { mixSeed, mulberry32 } from '../../src/use-cases/setup/demo/prng.ts';
import { demoCreditors } from '../../src/use-cases/setup/seed-demo-portfolio.ts';

const today = '2026-11-22';

function debtors(count: number, seed = 7): DemoRow[][] {
  return Array.from({ length: count }, (_, i) => {
    const creditor = demoCreditors[i % demoCreditors.length]!;
    const spec = { profile: creditor.profile, localIndex: i, globalIndex: i, seed, today };
    return debtorRows(spec, mulberry32(mixSeed(seed, i)));
  });
}

const euros = (text: string): number => Number(text.replace(',', '.'));
const isoOf = (french: string): string => french.split('/').reverse().join('-');

describe('demo rows', () => {
  const sample = debtors(6_000);
  const rows = sample.flat();

  it('counts days like the calendar', () => {
    for (let day = -25_000; day < 80_000; day += 7) {
      expect(isoDate(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
    }
    expect(epochDay('2026-11-22')).toBe(Date.UTC(2026, 10, 22) / 86_400_000);
  });

  it('is deterministic: same seed, same rows; another seed, other rows', () => {
    expect(debtors(50, 7)).toEqual(debtors(50, 7));
    expect(debtors(50, 8)).not.toEqual(debtors(50, 7));
  });

  it('gives companies valid, distinct SIRENs and SIRETs', () => {
    const companies = rows.filter((r) => r['Type client'] === 'Professionnel');
    for (const r of companies) {
      expect(isValidSiren(r.SIREN!), r.SIREN).toBe(true);
      expect(isValidSiret(r.SIRET!), r.SIRET).toBe(true);
      expect(r.SIRET!.startsWith(r.SIREN!)).toBe(true);
    }
    const sirens = new Set(sample.map((d) => d[0]!.SIREN).filter((s) => s !== ''));
    expect(sirens.size).toBe(sample.filter((d) => d[0]!.SIREN !== '').length);
    expect(companies.some((r) => / (SAS|SARL|SA|EURL|SASU|SNC)$/.test(r['Raison sociale']!))).toBe(true);
    expect(companies.some((r) => r['Raison sociale']!.startsWith('SCI '))).toBe(true);
  });

  it('mixes businesses and consumers about 60/40 over the three creditors', () => {
    const share = sample.filter((d) => d[0]!['Type client'] === 'Professionnel').length / sample.length;
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(0.7);
  });

  it('has 1 to 6 invoices per debtor and amounts from 45 € to 48 000 €', () => {
    const counts = new Set(sample.map((d) => d.length));
    expect([...counts].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const amounts = rows.map((r) => euros(r['Montant TTC']!));
    expect(Math.min(...amounts)).toBeGreaterThanOrEqual(45);
    expect(Math.max(...amounts)).toBeLessThanOrEqual(48_000);
    expect(amounts.filter((a) => a > 10_000).length).toBeGreaterThan(0);
    expect(rows.every((r) => /^\d+,\d{2}$/.test(r['Montant TTC']!))).toBe(true);
  });

  it('spreads the ages from not yet due to over 3 years, with consumer claims past 2 years', () => {
    const ages = rows.map((r) => epochDay(today) - epochDay(isoOf(r["Date d'échéance"]!)));
    expect(ages.filter((a) => a < 0).length / rows.length).toBeGreaterThan(0.03);
    expect(ages.filter((a) => a > 3 * 365).length).toBeGreaterThan(0);
    const barred = rows.filter(
      (r) =>
        r['Type client'] === 'Particulier' &&
        epochDay(today) - epochDay(isoOf(r["Date d'échéance"]!)) > 2 * 365 + 10 &&
        r['Reste à payer'] === r['Montant TTC'],
    );
    expect(barred.length).toBeGreaterThan(10);
  });

  it('has disputes (~5 % of debtors), paid (~8 %) and partly paid invoices', () => {
    const disputed = sample.filter((d) => d.some((r) => r.Litige === 'Oui')).length / sample.length;
    expect(disputed).toBeGreaterThan(0.03);
    expect(disputed).toBeLessThan(0.07);
    const paid = rows.filter((r) => r['Reste à payer'] === '0,00').length / rows.length;
    expect(paid).toBeGreaterThan(0.05);
    expect(paid).toBeLessThan(0.11);
    const partly = rows.filter(
      (r) => r['Reste à payer'] !== '0,00' && r['Reste à payer'] !== r['Montant TTC'],
    );
    expect(partly.length).toBeGreaterThan(0);
  });

  it('writes mostly valid contacts, a few broken ones, overseas addresses and English speakers', () => {
    const firsts = sample.map((d) => d[0]!);
    const emails = firsts.map((r) => r['E-mail']!);
    expect(
      emails.filter((e) => e !== '' && normalizeEmail(e) !== null).length / emails.length,
    ).toBeGreaterThan(0.9);
    expect(emails.some((e) => e !== '' && normalizeEmail(e) === null)).toBe(true);
    const phones = firsts.map((r) => r.Mobile || r.Téléphone || '');
    expect(phones.some((p) => p === '')).toBe(true);
    const valid = phones.filter((p) => p !== '' && normalizePhone(p, 'FR') !== null);
    expect(valid.length / phones.length).toBeGreaterThan(0.85);
    expect(firsts.some((r) => r['Code postal'] === '97110' && r.Ville === 'Pointe-à-Pitre')).toBe(true);
    expect(firsts.some((r) => r['Code postal'] === '97400' && r.Ville === 'Saint-Denis')).toBe(true);
    expect(firsts.filter((r) => r.Langue === 'en').length).toBeGreaterThan(100);
  });

  it('tags about a quarter of the consumers senior and a quarter actif, no business', () => {
    const firsts = sample.map((d) => d[0]!);
    const consumers = firsts.filter((r) => r['Type client'] === 'Particulier');
    const share = (tag: string) => consumers.filter((r) => r.Étiquettes === tag).length / consumers.length;
    expect(share('senior')).toBeGreaterThan(0.2);
    expect(share('senior')).toBeLessThan(0.3);
    expect(share('actif')).toBeGreaterThan(0.2);
    expect(share('actif')).toBeLessThan(0.3);
    expect(share('')).toBeGreaterThan(0.45);
    expect(firsts.filter((r) => r['Type client'] === 'Professionnel').every((r) => r.Étiquettes === '')).toBe(
      true,
    );
    // A debtor's invoices all carry its tags.
    expect(sample.every((d) => d.every((r) => r.Étiquettes === d[0]!.Étiquettes))).toBe(true);
  });

  it('draws the tags from a stream of their own: every other value is what it was before the demo had tags', () => {
    const hash = createHash('sha256');
    for (const debtor of sample.slice(0, 500)) {
      for (const { Étiquettes: _tags, ...rest } of debtor) hash.update(JSON.stringify(rest));
    }
    // The digest of the first 500 debtors' rows as generated before the tags column (commit 5025e7d). A change
    // of the demo's data on purpose updates it; a change of tags alone must not.
    expect(hash.digest('hex')).toBe('95865f4595b047f18d24c86f5076d74e6f8289b74702f5782559fd7109860b70');
  });
});
