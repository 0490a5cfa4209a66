import type { StrategyIssue } from '@relance/core';
import type { z } from 'zod';

/** zod's complaints in the same form as core's: a JSON path and a sentence in French and in English. */
export function issuesOfZod(error: z.ZodError): StrategyIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path
      .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
      .join('');
    const { fr, en } = sentences(issue);
    return {
      path: path || '(root)',
      code: 'invalid_shape' as const,
      message: { fr: `${path || 'racine'} : ${fr}`, en: `${path || 'root'}: ${en}` },
    };
  });
}

/** The French of the format messages written in strategy-schema.ts. */
const FORMATS_FR: Readonly<Record<string, string>> = {
  'lower-case letters, digits and hyphens': 'minuscules, chiffres et tirets',
  'a decimal amount such as "1500.00"': 'un montant décimal comme « 1500.00 »',
};

const TYPES: Readonly<Record<string, string>> = {
  string: 'un texte',
  number: 'un nombre',
  boolean: 'vrai ou faux',
  object: 'un objet',
  array: 'une liste',
};

function sentences(issue: z.core.$ZodIssue): { fr: string; en: string } {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { fr: 'champ obligatoire', en: 'required' }
        : { fr: `${TYPES[issue.expected] ?? issue.expected} attendu`, en: `expected ${issue.expected}` };
    case 'invalid_value': {
      if (issue.input === undefined) return { fr: 'champ obligatoire', en: 'required' };
      const values = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return { fr: `valeur non reconnue (attendu : ${values})`, en: `unknown value (expected ${values})` };
    }
    case 'unrecognized_keys':
      return {
        fr: `champ inconnu : ${issue.keys.join(', ')}`,
        en: `unknown field: ${issue.keys.join(', ')}`,
      };
    case 'too_small':
      return issue.origin === 'array'
        ? { fr: `au moins ${issue.minimum} élément(s)`, en: `at least ${issue.minimum} item(s)` }
        : { fr: `au moins ${issue.minimum}`, en: `at least ${issue.minimum}` };
    case 'too_big':
      return issue.origin === 'array'
        ? { fr: `au plus ${issue.maximum} éléments`, en: `at most ${issue.maximum} items` }
        : { fr: `au plus ${issue.maximum}`, en: `at most ${issue.maximum}` };
    case 'invalid_format':
      return { fr: FORMATS_FR[issue.message] ?? 'format invalide', en: issue.message };
    case 'invalid_union':
      return { fr: 'aucune des formes admises', en: 'matches none of the accepted forms' };
    default:
      return { fr: issue.message, en: issue.message };
  }
}
