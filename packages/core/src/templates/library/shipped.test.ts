import { describe, expect, it } from 'vitest';
import { READY_STRATEGIES } from '../../strategies/library.ts';
import { checkTemplate } from '../check-template.ts';
import { renderTemplate } from '../engine.ts';
import { sampleVariables } from '../sample-variables.ts';
import { SHIPPED_TEMPLATES, shippedTemplate, templateChannelOf } from './shipped.ts';

// GSM 03.38 basic set, and the extension characters that count twice.
const GSM7 =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXT = '^{}\\[~]|€';

describe('shipped templates', () => {
  it.each(SHIPPED_TEMPLATES.map((t) => [`${t.key}/${t.channel}/${t.language}`, t] as const))(
    '%s checks against the catalog without a mistake or a warning',
    (_name, template) => {
      expect(checkTemplate(template.body)).toEqual([]);
      if (template.subject !== null) expect(checkTemplate(template.subject)).toEqual([]);
      expect(template.subject === null).toBe(template.channel !== 'email');
    },
  );

  it('exist in French and English for every template of the ready strategies and their reactions', () => {
    const used = new Set<string>();
    for (const strategy of READY_STRATEGIES) {
      for (const step of strategy.steps) {
        for (const action of step.actions) {
          const channel = templateChannelOf(action.channel);
          if (channel) used.add(`${action.template}/${channel}`);
        }
      }
      const r = strategy.reactions;
      used.add(`${r.paymentFull.thankTemplate}/${r.paymentFull.channel}`);
      if (r.promise.confirmTemplate) used.add(`${r.promise.confirmTemplate}/${r.promise.channel}`);
      for (const s of [r.unansweredCalls.switchTo, r.emailBounce.switchTo, r.wrongNumber.switchTo]) {
        const channel = s ? templateChannelOf(s.channel) : null;
        if (s && channel) used.add(`${s.template}/${channel}`);
      }
    }
    expect(used.size).toBeGreaterThan(14);
    for (const name of used) {
      const [key = '', channel = ''] = name.split('/');
      for (const language of ['fr', 'en'] as const) {
        expect(shippedTemplate(key, channel as 'email', language), `${name}/${language}`).toBeDefined();
      }
    }
  });

  it('render on a sample case in their language; agency letters recall the first letter', () => {
    for (const template of SHIPPED_TEMPLATES) {
      const vars = sampleVariables(template.language);
      const text = renderTemplate(template.body, vars, { escape: 'none' });
      expect(text, template.key).not.toMatch(/\{\{|\}\}|undefined|null|\[object/);
      if (template.key !== 'thanks' && !template.key.startsWith('pre-due'))
        expect(text, `${template.key}/${template.channel}`).toContain('L-2026-000101');
    }
    const email = shippedTemplate('reminder-email', 'email', 'fr');
    const text = renderTemplate(email?.body ?? '', sampleVariables('fr'), { escape: 'none' });
    expect(text).toContain(
      '- Facture F-2026-0042 du 3 mars 2026, échue le 2 avril 2026 : reste dû 1\u00a0250,00\u00a0€',
    );
    expect(text).toContain('Total : 1\u00a0650,89\u00a0€');
    expect(text).toContain('RF18539007547034');
  });

  it('state the instalment a plan reminder is for, and every instalment in the agreement', () => {
    const render = (key: string, channel: 'email' | 'sms', language: 'fr' | 'en') =>
      renderTemplate(shippedTemplate(key, channel, language)?.body ?? '', sampleVariables(language), {
        escape: 'none',
      }).replaceAll('\u00a0', ' ');
    expect(render('plan-reminder', 'sms', 'fr')).toContain(
      '550,30 € de votre plan de paiement à régler le 12 juin 2026',
    );
    expect(render('plan-reminder', 'sms', 'en')).toContain(
      '€550.30 of your payment plan due on 12 June 2026',
    );
    expect(render('plan-reminder', 'email', 'fr')).toContain(
      'l’échéance de 550,30 € du plan de paiement convenu avec Moulins Durand SAS, à régler au plus tard le 12 juin 2026',
    );
    expect(render('plan-reminder', 'email', 'en')).toContain('instalment of €550.30 under the payment plan');
    const subject = shippedTemplate('plan-reminder', 'email', 'fr')?.subject ?? '';
    expect(renderTemplate(subject, sampleVariables('fr'), { escape: 'none' }).replaceAll('\u00a0', ' ')).toBe(
      'Rappel : échéance de 550,30 € le 12 juin 2026 — dossier D-00042',
    );
    const agreement = render('plan-agreement', 'email', 'fr');
    expect(agreement).toContain('Montant total : 1 650,89 €, selon l’échéancier suivant :');
    expect(agreement).toContain(
      '- 550,29 € le 12 mai 2026\n- 550,30 € le 12 juin 2026\n- 550,30 € le 12 juillet 2026',
    );
    expect(render('plan-agreement', 'email', 'en')).toContain(
      '- €550.29 on 12 May 2026\n- €550.30 on 12 June 2026',
    );
    // Without a plan (a tenant's preview on a case without one) the texts still read.
    const none = { ...sampleVariables('fr'), plan: null };
    const sms = shippedTemplate('plan-reminder', 'sms', 'fr')?.body ?? '';
    expect(renderTemplate(sms, none, { escape: 'none' })).toContain(
      'une échéance de votre plan de paiement arrive',
    );
  });

  it('keep SMS in GSM-7 and within two segments on the sample', () => {
    for (const template of SHIPPED_TEMPLATES.filter((t) => t.channel === 'sms')) {
      const text = renderTemplate(template.body, sampleVariables(template.language), {
        escape: 'none',
      }).replaceAll('\u00a0', ' ');
      let units = 0;
      for (const char of text) {
        if (GSM7_EXT.includes(char)) units += 2;
        else if (GSM7.includes(char)) units += 1;
        else throw new Error(`${template.key}/${template.language}: "${char}" is not GSM-7 in "${text}"`);
      }
      expect(units, `${template.key}/${template.language}: ${text}`).toBeLessThanOrEqual(306);
    }
  });
});
