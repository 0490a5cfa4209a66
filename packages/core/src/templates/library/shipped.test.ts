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
