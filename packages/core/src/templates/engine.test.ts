import { describe, expect, it } from 'vitest';
import { lookupVariable, VARIABLE_CATALOG } from './catalog.ts';
import { checkTemplate, hasErrors } from './check-template.ts';
import { renderTemplate } from './engine.ts';
import { sampleVariables } from './sample-variables.ts';

const fr = sampleVariables('fr');
const en = sampleVariables('en');

describe('renderTemplate', () => {
  it('prints values, money and dates as their text, raw or HTML-escaped', () => {
    const vars = { ...en, debtor: { ...en.debtor, name: 'Smith & <Sons>' } };
    const source = 'Dear {{debtor.name}}, {{balance.total}} ({{balance.total.minor}}) by {{deadline.date}}.';
    expect(renderTemplate(source, vars, { escape: 'none' })).toBe(
      'Dear Smith & <Sons>, €1,650.89 (165089) by 20 May 2026.',
    );
    expect(renderTemplate(source, vars, { escape: 'html' })).toBe(
      'Dear Smith &amp; &lt;Sons&gt;, €1,650.89 (165089) by 20 May 2026.',
    );
  });

  it('walks lists with item-relative paths, the root still reachable, @number and else', () => {
    const source =
      '{{#each claims}}{{@number}}/{{@index}} {{number}} {{outstanding}} [{{case.ref}}]\n{{else}}none{{/each}}';
    expect(renderTemplate(source, fr, { escape: 'none' })).toBe(
      '1/0 F-2026-0042 1\u00a0250,00\u00a0€ [D-00042]\n2/1 F-2026-0057 300,00\u00a0€ [D-00042]\n',
    );
    expect(renderTemplate(source, { ...fr, claims: [] }, { escape: 'none' })).toBe('none');
    expect(renderTemplate('{{#each debtor.address.lines}}{{this}};{{/each}}', fr, { escape: 'none' })).toBe(
      '12 rue des Lilas;69003 Lyon;',
    );
  });

  it('chooses with if, unless and else; null, zero amounts and empty lists are false', () => {
    const source =
      '{{#if firstLetter}}ref {{firstLetter.reference}}{{else}}first{{/if}}|{{#unless balance.fees}}no fees{{/unless}}';
    expect(renderTemplate(source, en, { escape: 'none' })).toBe('ref L-2026-000101|no fees');
    expect(renderTemplate(source, { ...en, firstLetter: null }, { escape: 'none' })).toBe('first|no fees');
  });

  it('renders a null optional as empty, never throws, and drops comments', () => {
    expect(renderTemplate('[{{agent.name}}]{{! note }}', { ...en, agent: null }, { escape: 'none' })).toBe(
      '[]',
    );
  });

  it('evaluates nothing: an expression is not a path', () => {
    expect(renderTemplate('{{constructor.constructor}}|{{toString}}', en, { escape: 'none' })).toBe('|');
  });
});

describe('checkTemplate', () => {
  it('accepts a correct template', () => {
    const source =
      '{{debtor.salutation}}\n{{#each claims}}- {{label}}: {{outstanding}}{{#if issueDate}} ({{issueDate.iso}}){{/if}}\n{{/each}}' +
      '{{#if previousLetter}}Our letter {{previousLetter.reference}} of {{previousLetter.date}}{{/if}}';
    expect(checkTemplate(source)).toEqual([]);
  });

  it('locates unknown variables, non-lists, objects and @index outside a list, in both languages', () => {
    const source = 'Hello {{debtor.nom}}\n  {{#each balance}}x{{/each}} {{debtor}} {{@index}}';
    const issues = checkTemplate(source);
    expect(issues.map((i) => [i.code, `${i.line}:${i.column}`, i.path])).toEqual([
      ['unknown_variable', '1:7', 'debtor.nom'],
      ['not_a_list', '2:3', 'balance'],
      ['not_printable', '2:31', 'debtor'],
      ['outside_each', '2:42', '@index'],
    ]);
    expect(issues[0]?.message.fr).toContain('« debtor.nom » n’existe pas');
    expect(issues[0]?.message.en).toContain('"debtor.nom" does not exist');
    expect(hasErrors(issues)).toBe(true);
  });

  it('locates unclosed tags and blocks, stray closes and bad expressions', () => {
    const codes = (s: string) => checkTemplate(s).map((i) => `${i.code}@${i.line}:${i.column}`);
    expect(codes('{{#if agent}}\n{{agent.name}}')).toEqual(['unclosed_block@1:1']);
    expect(codes('a {{debtor.name')).toEqual(['unclosed_tag@1:3']);
    expect(codes('{{/each}}')).toEqual(['unexpected_close@1:1']);
    expect(codes('{{#if agent}}{{/each}}{{/if}}')).toEqual(['unexpected_close@1:14']);
    expect(codes('{{else}}')).toEqual(['unexpected_else@1:1']);
    expect(codes('{{ debtor.name + 1 }}')).toEqual(['bad_expression@1:1']);
  });

  it('warns when an optional value is printed outside an if that tests it, and only then', () => {
    const warn = checkTemplate(
      '{{previousLetter.reference}} {{debtor.email}} {{#each claims}}{{issueDate}}{{/each}}',
    );
    expect(warn.map((i) => [i.code, i.severity, i.path])).toEqual([
      ['unguarded_optional', 'warning', 'previousLetter.reference'],
      ['unguarded_optional', 'warning', 'debtor.email'],
      ['unguarded_optional', 'warning', 'issueDate'],
    ]);
    expect(warn[0]?.message.en).toContain('{{#if previousLetter}}');
    expect(warn[2]?.message.en).toContain('{{#if issueDate}}');
    expect(hasErrors(warn)).toBe(false);
    expect(checkTemplate('{{#if debtor}}{{debtor.email}}{{/if}}').map((i) => i.code)).toEqual([
      'unguarded_optional',
    ]);
    expect(checkTemplate('{{#if previousLetter}}{{previousLetter.date.text}}{{/if}}')).toEqual([]);
    expect(checkTemplate('{{agent.name}}').map((i) => i.message.en)).toEqual([
      '"agent.name" may be empty: put it inside {{#if agent}}…{{/if}}.',
    ]);
    expect(checkTemplate('{{#if agent}}{{agent.name}}{{/if}}')).toEqual([]);
  });
});

describe('VARIABLE_CATALOG', () => {
  it('describes every path in both languages, and sample values exist for every path', () => {
    for (const entry of VARIABLE_CATALOG) {
      expect(entry.description.fr.length, entry.path).toBeGreaterThan(2);
      expect(entry.description.en.length, entry.path).toBeGreaterThan(2);
      const parts = entry.path.split('.');
      let value: unknown = fr;
      for (const part of parts) {
        const [name = '', list] = part.split('[]');
        value = (value as Record<string, unknown>)[name];
        if (list !== undefined) value = (value as unknown[])[0];
      }
      expect(value, entry.path).not.toBeUndefined();
    }
    expect(lookupVariable('balance.total.minor')).toEqual({ type: 'number', optional: false });
    expect(lookupVariable('balance.total.cents')).toBeUndefined();
  });
});
