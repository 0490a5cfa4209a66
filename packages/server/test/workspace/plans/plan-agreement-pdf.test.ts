import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeSchedule, DEFAULT_PLAN_POLICY, sampleVariables } from '@relance/core';
import { describe, expect, it } from 'vitest';
import { renderPlanAgreement } from '../../../src/channels/letters/render-plan-agreement.ts';

/** The PDF's text line by line as laid out on the page (a table row stays one line), spaces made single. */
function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'relance-plan-'));
  try {
    const path = join(dir, 'plan.pdf');
    writeFileSync(path, pdf);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })
      .split('\n')
      .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
      .filter((line) => line !== '')
      .join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const schedule = computeSchedule(
  {
    kind: 'instalments',
    totalMinor: 1_650_89,
    count: 12,
    frequency: 'monthly',
    firstDueOn: '2026-01-31',
    downPaymentMinor: 150_00,
    today: '2026-01-15',
  },
  DEFAULT_PLAN_POLICY,
);

function model(language: 'fr' | 'en') {
  return {
    variables: sampleVariables(language),
    kind: 'instalments' as const,
    agreedOn: '2026-01-15',
    currency: 'EUR',
    claims: [
      { invoiceNumber: 'F-2026-0042', dueDate: '2025-04-02', outstandingMinor: 1_250_00 },
      { invoiceNumber: 'F-2026-0057', dueDate: '2025-05-10', outstandingMinor: 310_89 },
    ],
    principalMinor: 1_560_89,
    interestMinor: 50_00,
    feesMinor: 40_00,
    totalMinor: 1_650_89,
    instalments: schedule.instalments,
  };
}

describe('the payment plan agreement (PDF)', () => {
  it('states the parties, claims, split, the whole schedule and how to pay, in English', async () => {
    const text = pdfText(await renderPlanAgreement(model('en')));
    expect(text).toContain('Payment agreement');
    expect(text).toContain('Agreed on 15 January 2026.');
    expect(text).toContain('F-2026-0042');
    expect(text).toContain('F-2026-0057');
    expect(text).toContain('Total to pay €1,650.89');
    expect(text).toContain('Down payment 15 January 2026 €150.00');
    // 1,500.89 in 12: 150,089 cents = 12 × 12,507 + 5: the first five instalments carry the odd cents.
    expect(text).toContain('1 31 January 2026 €125.08');
    expect(text).toContain('2 28 February 2026 €125.08');
    expect(text).toContain('6 30 June 2026 €125.07');
    expect(text).toContain('12 31 December 2026 €125.07');
    expect(text).toMatch(/Reference to quote with every payment: RF\d\d/);
    expect(text).toContain('5 31 May 2026 €125.08');
    expect(text).toContain('ends the agreement');
    expect(text).not.toContain('Créancier');
  });

  it('is written in French for a French debtor, and renders the same bytes twice', async () => {
    const first = await renderPlanAgreement(model('fr'));
    const text = pdfText(first);
    expect(text).toContain('Accord de paiement');
    expect(text).toContain('Total à régler 1 650,89 €');
    expect(text).toContain('Acompte 15 janvier 2026 150,00 €');
    expect(text).toContain('12 31 décembre 2026 125,07 €');
    expect(Buffer.from(await renderPlanAgreement(model('fr'))).equals(Buffer.from(first))).toBe(true);
  });
});
