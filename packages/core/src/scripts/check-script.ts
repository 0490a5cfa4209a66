import { checkTemplate } from '../templates/check-template.ts';
import type { ScriptDefinition } from './definition.ts';
import { SCRIPT_ACTIONS, SCRIPT_REASONS, SUGGESTED_DISPOSITIONS } from './definition.ts';

export type ScriptIssueCode =
  | 'no_nodes'
  | 'unknown_start'
  | 'unknown_next'
  | 'unreachable'
  | 'no_terminal'
  | 'empty_say'
  | 'empty_label'
  | 'unknown_reason'
  | 'unknown_suggestion'
  | 'unknown_action'
  | 'template';

/** A mistake in a script, located at its node (and answer), explained in both languages. */
export type ScriptIssue = {
  readonly code: ScriptIssueCode;
  readonly nodeId: string;
  readonly answer?: number | undefined;
  readonly message: { readonly fr: string; readonly en: string };
};

/**
 * Checks a script before it is saved: the start and every `next` exist, every node can be reached from the
 * start, at least one node ends the call, labels and texts are not empty, codes are known, and every text's
 * {{variables}} are in the template catalog (errors only; an unguarded optional value is allowed).
 */
export function checkScript(def: ScriptDefinition): readonly ScriptIssue[] {
  const issues: ScriptIssue[] = [];
  const ids = Object.keys(def.nodes);
  if (ids.length === 0) {
    return [
      {
        code: 'no_nodes',
        nodeId: def.start,
        message: { fr: 'Le script n’a aucune étape.', en: 'The script has no step.' },
      },
    ];
  }
  if (!Object.hasOwn(def.nodes, def.start)) {
    issues.push({
      code: 'unknown_start',
      nodeId: def.start,
      message: {
        fr: `L’étape de départ « ${def.start} » n’existe pas.`,
        en: `The start step "${def.start}" does not exist.`,
      },
    });
  }
  for (const id of ids) {
    const node = def.nodes[id]!;
    if (node.say.trim() === '') {
      issues.push({
        code: 'empty_say',
        nodeId: id,
        message: { fr: `L’étape « ${id} » ne dit rien.`, en: `Step "${id}" says nothing.` },
      });
    }
    for (const text of [node.say, ...(node.arguments ?? [])]) {
      if (text.trim() === '') continue;
      for (const t of checkTemplate(text)) {
        if (t.severity !== 'error') continue;
        issues.push({
          code: 'template',
          nodeId: id,
          message: { fr: `Étape « ${id} » : ${t.message.fr}`, en: `Step "${id}": ${t.message.en}` },
        });
      }
    }
    (node.answers ?? []).forEach((a, i) => {
      const where = { fr: `Étape « ${id} », réponse ${i + 1}`, en: `Step "${id}", answer ${i + 1}` };
      if (a.label.trim() === '') {
        issues.push({
          code: 'empty_label',
          nodeId: id,
          answer: i,
          message: { fr: `${where.fr} : le libellé est vide.`, en: `${where.en}: the label is empty.` },
        });
      }
      if (a.next !== undefined && !Object.hasOwn(def.nodes, a.next)) {
        issues.push({
          code: 'unknown_next',
          nodeId: id,
          answer: i,
          message: {
            fr: `${where.fr} : l’étape suivante « ${a.next} » n’existe pas.`,
            en: `${where.en}: the next step "${a.next}" does not exist.`,
          },
        });
      }
      if (a.reason !== undefined && !SCRIPT_REASONS.includes(a.reason)) {
        issues.push({
          code: 'unknown_reason',
          nodeId: id,
          answer: i,
          message: {
            fr: `${where.fr} : motif inconnu « ${a.reason} ».`,
            en: `${where.en}: unknown reason "${a.reason}".`,
          },
        });
      }
      if (a.suggest !== undefined && !SUGGESTED_DISPOSITIONS.includes(a.suggest)) {
        issues.push({
          code: 'unknown_suggestion',
          nodeId: id,
          answer: i,
          message: {
            fr: `${where.fr} : issue d’appel inconnue « ${a.suggest} ».`,
            en: `${where.en}: unknown disposition "${a.suggest}".`,
          },
        });
      }
      if (a.action !== undefined && !SCRIPT_ACTIONS.includes(a.action)) {
        issues.push({
          code: 'unknown_action',
          nodeId: id,
          answer: i,
          message: {
            fr: `${where.fr} : action inconnue « ${a.action} ».`,
            en: `${where.en}: unknown action "${a.action}".`,
          },
        });
      }
    });
  }
  const terminal = ids.some(
    (id) =>
      (def.nodes[id]!.answers ?? []).length === 0 ||
      def.nodes[id]!.answers!.some((a) => a.next === undefined),
  );
  if (!terminal) {
    issues.push({
      code: 'no_terminal',
      nodeId: def.start,
      message: {
        fr: 'Aucune étape ne termine l’appel : le script tourne en rond.',
        en: 'No step ends the call: the script goes round in circles.',
      },
    });
  }
  if (Object.hasOwn(def.nodes, def.start)) {
    const seen = new Set<string>([def.start]);
    const queue = [def.start];
    while (queue.length > 0) {
      const id = queue.shift()!;
      for (const a of def.nodes[id]?.answers ?? []) {
        if (a.next !== undefined && Object.hasOwn(def.nodes, a.next) && !seen.has(a.next)) {
          seen.add(a.next);
          queue.push(a.next);
        }
      }
    }
    for (const id of ids) {
      if (!seen.has(id)) {
        issues.push({
          code: 'unreachable',
          nodeId: id,
          message: {
            fr: `L’étape « ${id} » n’est jamais atteinte depuis le départ.`,
            en: `Step "${id}" cannot be reached from the start.`,
          },
        });
      }
    }
  }
  return issues;
}
