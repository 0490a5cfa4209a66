import { describe, expect, it } from 'vitest';
import type { LetterKind, TemplateVariables } from '../../src/channels/letters/letter-model.ts';
import { L111_8_AL2, L111_8_AL3 } from '../../src/channels/letters/letter-texts.ts';
import { renderLetter } from '../../src/channels/letters/render-letter.ts';
import { pdfFonts, pdfPages, pdfText } from './pdf-inspect.ts';
import { letterVariables, reminderBody } from './variables-fixture.ts';

const squash = (s: string) => s.replace(/[\s\u00a0]+/g, ' ');

const kinds: readonly LetterKind[] = ['letter', 'registered_letter', 'formal_notice'];
const variants = kinds.flatMap((kind) =>
  (['fr', 'en'] as const).flatMap((language) => [true, false].map((agency) => ({ kind, language, agency }))),
);

async function render(kind: LetterKind, v: TemplateVariables, trackingNumber: string | null = null) {
  return renderLetter({ kind, variables: v, body: reminderBody[v.language], trackingNumber });
}

describe('letters on paper', () => {
  it.each(variants)(
    '$kind in $language (agency: $agency) carries every mention, in an embedded font, on real pages',
    async ({ kind, language, agency }) => {
      const v = letterVariables({ language, agency, firstLetter: true });
      const pdf = await render(kind, v, kind === 'letter' ? null : '1A 234 567 8901 2');
      const text = pdfText(pdf);
      const fr = language === 'fr';

      // The parties, the basis of the claim, the split of the amount, how to pay.
      const mustShow = [
        v.collector.name,
        v.debtor.name,
        '69002 Lyon',
        'L-2026-000123',
        'D-00042',
        ...v.claims.flatMap((c) => [c.number, c.dueDate.text, c.issueDate?.text ?? '', c.outstanding.text]),
        v.balance.principal.text,
        v.balance.interest.text,
        v.balance.compensation.text,
        v.balance.total.text,
        fr ? 'L441-10' : 'L441-10',
        'FR76 3000 6000 0112 3456 7890 189',
        'AGRIFRPP',
        'RF18 5390 0754 7034',
        v.payment.link,
        fr ? 'réf. L-2026-000101 du 2 octobre 2026' : 'ref. L-2026-000101 of 2 October 2026',
      ];
      for (const expected of mustShow) expect(text).toContain(squash(expected));

      if (kind !== 'letter') {
        expect(text).toContain(
          fr
            ? 'Lettre recommandée avec accusé de réception'
            : 'Registered letter with acknowledgement of receipt',
        );
        expect(text).toContain('1A 234 567 8901 2');
      } else expect(text).not.toMatch(/recommandée|Registered letter/);

      if (kind === 'formal_notice') {
        expect(text).toContain(
          squash(
            fr
              ? `je vous mets en demeure de me régler la somme de ${v.balance.total.text} dans un délai de 8 jours à compter de la réception de la présente, soit au plus tard le 1er décembre 2026`
              : `I hereby give you formal notice to pay the sum of ${v.balance.total.text} within 8 days of receiving this letter, that is by 1 December 2026`,
          ),
        );
        expect(text).toContain(
          fr ? 'Les intérêts continuent de courir au taux de 12,15' : 'Interest continues to run at 12.15%',
        );
        expect(text).toContain(fr ? 'juridiction compétente' : 'competent court');
      } else expect(text).not.toMatch(/mets en demeure|formal notice to pay/);

      if (agency) {
        // R124-4 CPCE 1° to 5°: the agency and its activity, the creditor, costs excluded, how to pay, L111-8.
        expect(text).toContain(
          fr
            ? 'exerçant une activité de recouvrement amiable de créances pour le compte d’autrui'
            : 'carrying on an amicable debt-collection activity on behalf of others',
        );
        expect(text).toContain('8 boulevard Haussmann');
        expect(text).toContain('Œnologie Durand & Fils SAS, 12 rue des Vignes, 21000 Dijon');
        expect(text).toContain(
          fr ? 'restent à la charge du créancier (art. L111-8' : 'remain payable by the creditor',
        );
        expect(text).toContain(squash(L111_8_AL2));
        expect(text).toContain(squash(L111_8_AL3));
      } else {
        expect(text).not.toContain('R124-4');
        expect(text).not.toContain(squash(L111_8_AL3));
      }

      // Nothing that imitates a court or an official document (C. pén. 433-13), and no U+202F printed.
      expect(text).not.toMatch(/République|Marianne|huissier|commissaire de justice|sommation/i);
      expect(text).not.toContain('\u202f');

      const fonts = pdfFonts(pdf);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font.name).toMatch(/^[A-Z]{6}\+DejaVuSans/);
        expect(font.embedded).toBe(true);
      }

      const pages = pdfPages(pdf);
      expect(pages.length).toBeGreaterThanOrEqual(1);
      expect(pages.length).toBeLessThanOrEqual(3);
      for (const page of pages) {
        // A4 at 50 dpi, with ink on it but not a black page.
        expect(page.width).toBeGreaterThanOrEqual(412);
        expect(page.width).toBeLessThanOrEqual(414);
        expect(page.height).toBeGreaterThanOrEqual(584);
        expect(page.height).toBeLessThanOrEqual(586);
        expect(page.darkShare).toBeGreaterThan(0.005);
        expect(page.darkShare).toBeLessThan(0.2);
      }
    },
  );

  it('prints the €40 compensation only where it applies, and renders the same bytes twice', async () => {
    const base = letterVariables({ language: 'fr', agency: false });
    const consumer: TemplateVariables = {
      ...base,
      debtor: { ...base.debtor, kind: 'consumer' },
      balance: { ...base.balance, compensation: { minor: 0, currency: 'EUR', text: '0,00 €' } },
    };
    const text = pdfText(await render('formal_notice', consumer));
    expect(text).not.toContain('Indemnité forfaitaire');
    expect(text).not.toContain('L441-10');
    expect(pdfText(await render('formal_notice', base))).toContain('Indemnité forfaitaire');

    const once = await render('letter', base);
    const twice = await render('letter', base);
    expect(Buffer.from(once).equals(Buffer.from(twice))).toBe(true);
  });

  it('keeps a long list of invoices readable across pages, the slip on the last one', async () => {
    const base = letterVariables({ language: 'en', agency: true });
    const claims = Array.from({ length: 40 }, (_, i) => ({
      ...(base.claims[0] as TemplateVariables['claims'][number]),
      number: `F-2026-${String(1000 + i)}`,
    }));
    const pdf = await render('formal_notice', { ...base, claims, claimCount: claims.length });
    const text = pdfText(pdf);
    for (const claim of claims) expect(text).toContain(claim.number);
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(text.lastIndexOf('Payment slip')).toBeGreaterThan(text.lastIndexOf('F-2026-1039'));
  });
});
