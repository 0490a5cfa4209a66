import { lookupVariable, type VariableEntry } from './catalog.ts';
import { type Position, parseTemplate, type SyntaxIssueCode, type TemplateNode } from './engine.ts';

export type TemplateIssueCode =
  | SyntaxIssueCode
  | 'unknown_variable'
  | 'not_a_list'
  | 'not_printable'
  | 'outside_each'
  | 'unguarded_optional'
  | 'empty';

/**
 * A mistake in a template, located by line and column, explained in both languages. Errors refuse the save;
 * warnings (an optional value printed outside an `{{#if}}` that tests it) are shown but allowed.
 */
export type TemplateIssue = {
  readonly code: TemplateIssueCode;
  readonly severity: 'error' | 'warning';
  readonly line: number;
  readonly column: number;
  readonly path: string;
  readonly message: { readonly fr: string; readonly en: string };
};

type Lookup = Pick<VariableEntry, 'type' | 'optional' | 'items'>;
type Context = {
  /** Innermost first: the list paths of the enclosing `{{#each}}` (`claims`), then '' for the root. */
  readonly scopes: readonly { readonly list: string; readonly items: 'object' | 'text' | undefined }[];
  /** Paths tested by an enclosing `{{#if}}`, or iterated by an enclosing `{{#each}}`. */
  readonly guarded: ReadonlySet<string>;
};

/** Checks syntax and every path against VARIABLE_CATALOG. An empty list (or warnings only) means savable. */
export function checkTemplate(source: string): TemplateIssue[] {
  if (source.trim() === '') return [issue('empty', { line: 1, column: 1 }, '')];
  const parsed = parseTemplate(source);
  const issues: TemplateIssue[] = parsed.issues.map((i) => issue(i.code, i.at, i.path));
  checkNodes(parsed.nodes, { scopes: [{ list: '', items: 'object' }], guarded: new Set() }, issues);
  return issues.sort((a, b) => a.line - b.line || a.column - b.column);
}

export function hasErrors(issues: readonly TemplateIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

function checkNodes(nodes: readonly TemplateNode[], context: Context, issues: TemplateIssue[]): void {
  for (const node of nodes) {
    if (node.kind === 'text') continue;
    const found = resolvePath(node.path, context);
    if (node.kind === 'value') {
      if (found === 'outside_each') issues.push(issue('outside_each', node.at, node.path));
      else if (!found) issues.push(issue('unknown_variable', node.at, node.path));
      else if (found.entry.type === 'object' || found.entry.type === 'list')
        issues.push(issue('not_printable', node.at, node.path));
      else if (mayBeEmpty(found) && !isGuarded(found, context))
        issues.push(issue('unguarded_optional', node.at, node.path, guardFor(found)));
      continue;
    }
    if (found === 'outside_each') {
      issues.push(issue('outside_each', node.at, node.path));
      continue;
    }
    if (!found) {
      issues.push(issue('unknown_variable', node.at, node.path));
      continue;
    }
    const guarded = new Set(context.guarded).add(found.full);
    if (node.kind === 'each') {
      if (found.entry.type !== 'list') {
        issues.push(issue('not_a_list', node.at, node.path));
        continue;
      }
      const inner = { list: `${found.full}[]`, items: found.entry.items };
      checkNodes(node.body, { scopes: [inner, ...context.scopes], guarded }, issues);
      checkNodes(node.otherwise, context, issues);
    } else {
      checkNodes(node.body, node.kind === 'if' ? { ...context, guarded } : context, issues);
      checkNodes(node.otherwise, node.kind === 'unless' ? { ...context, guarded } : context, issues);
    }
  }
}

type Found = { readonly full: string; readonly base: string; readonly entry: Lookup };

function resolvePath(path: string, context: Context): Found | 'outside_each' | null {
  const innermost = context.scopes[0];
  const inEach = context.scopes.length > 1;
  if (path === '@index' || path === '@number') {
    return inEach ? { full: path, base: '', entry: { type: 'number', optional: false } } : 'outside_each';
  }
  if (path === 'this') {
    if (!inEach) return 'outside_each';
    const type = innermost?.items === 'text' ? 'text' : 'object';
    return { full: innermost?.list ?? '', base: '', entry: { type, optional: false } };
  }
  for (const scope of context.scopes) {
    const full = scope.list === '' ? path : `${scope.list}.${path}`;
    const entry = lookupVariable(full);
    if (entry) return { full, base: scope.list, entry };
  }
  return null;
}

/** A path is guarded when it, or one of its optional parents, is tested by an enclosing block. */
function isGuarded(found: Found, context: Context): boolean {
  for (const prefix of prefixes(found).reverse()) {
    if (prefix.full !== found.full && !lookupVariable(prefix.full)?.optional) return false;
    if (context.guarded.has(prefix.full)) return true;
  }
  return false;
}

/** The value, or one of its parents, may be null. */
function mayBeEmpty(found: Found): boolean {
  return found.entry.optional || prefixes(found).some((prefix) => lookupVariable(prefix.full)?.optional);
}

/** What to test in `{{#if …}}`: the outermost optional part of the path, as the template names it. */
function guardFor(found: Found): string {
  return prefixes(found).find((prefix) => lookupVariable(prefix.full)?.optional)?.relative ?? found.full;
}

function prefixes(found: Found): { full: string; relative: string }[] {
  const relative = found.base === '' ? found.full : found.full.slice(found.base.length + 1);
  const segments = relative.split('.');
  return segments.map((_, n) => {
    const part = segments.slice(0, n + 1).join('.');
    return { relative: part, full: found.base === '' ? part : `${found.base}.${part}` };
  });
}

const MESSAGES: Record<TemplateIssueCode, (path: string, guard: string) => { fr: string; en: string }> = {
  unclosed_tag: (p) => ({
    fr: `La balise « ${p} » n’est pas fermée par }}.`,
    en: `Tag "${p}" is not closed with }}.`,
  }),
  unclosed_block: (p) => ({
    fr: `Le bloc « ${p} » n’est jamais fermé.`,
    en: `Block "${p}" is never closed.`,
  }),
  unexpected_close: (p) => ({
    fr: `« {{${p}}} » ne ferme aucun bloc ouvert.`,
    en: `"{{${p}}}" closes no open block.`,
  }),
  unexpected_else: () => ({
    fr: '« {{else}} » est hors d’un bloc, ou en double.',
    en: '"{{else}}" is outside a block, or repeated.',
  }),
  bad_expression: (p) => ({
    fr: `« ${p} » n’est pas une expression permise (un chemin comme debtor.name, ou #each, #if, #unless, else).`,
    en: `"${p}" is not an allowed expression (a path like debtor.name, or #each, #if, #unless, else).`,
  }),
  unknown_variable: (p) => ({
    fr: `La variable « ${p} » n’existe pas.`,
    en: `Variable "${p}" does not exist.`,
  }),
  not_a_list: (p) => ({
    fr: `« ${p} » n’est pas une liste : {{#each}} ne peut pas la parcourir.`,
    en: `"${p}" is not a list: {{#each}} cannot go through it.`,
  }),
  not_printable: (p) => ({
    fr: `« ${p} » regroupe plusieurs valeurs : nommez l’une d’elles (par exemple ${p}.name).`,
    en: `"${p}" groups several values: name one of them (for example ${p}.name).`,
  }),
  outside_each: (p) => ({
    fr: `« ${p} » n’a de sens qu’à l’intérieur de {{#each}}.`,
    en: `"${p}" only makes sense inside {{#each}}.`,
  }),
  empty: () => ({ fr: 'Le texte est vide.', en: 'The text is empty.' }),
  unguarded_optional: (p, guard) => ({
    fr: `« ${p} » peut être vide : placez-la dans {{#if ${guard}}}…{{/if}}.`,
    en: `"${p}" may be empty: put it inside {{#if ${guard}}}…{{/if}}.`,
  }),
};

function issue(code: TemplateIssueCode, at: Position, path: string, guard = path): TemplateIssue {
  const severity = code === 'unguarded_optional' ? 'warning' : 'error';
  return { code, severity, line: at.line, column: at.column, path, message: MESSAGES[code](path, guard) };
}
