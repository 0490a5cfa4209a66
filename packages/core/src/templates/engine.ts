/**
 * Relance's template language: small and safe, since tenants edit templates (nothing is evaluated).
 *
 *   {{debtor.name}}                     a value (money and dates print their text)
 *   {{#each claims}}{{label}}{{/each}}  a list; inside, paths are relative to the item ({{this}} for a
 *                                       list of texts, {{@index}} from 0, {{@number}} from 1); paths not
 *                                       found on the item are looked up from the root
 *   {{#if firstLetter}}…{{else}}…{{/if}}  also {{#unless …}}; empty lists, zero, '' and null are false
 *   {{! a comment }}
 */

export type Position = { readonly line: number; readonly column: number };

export type TemplateNode =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'value'; readonly path: string; readonly at: Position }
  | {
      readonly kind: 'each' | 'if' | 'unless';
      readonly path: string;
      readonly at: Position;
      readonly body: readonly TemplateNode[];
      readonly otherwise: readonly TemplateNode[];
    };

export type SyntaxIssueCode =
  | 'unclosed_tag'
  | 'unclosed_block'
  | 'unexpected_close'
  | 'unexpected_else'
  | 'bad_expression';

export type SyntaxIssue = { readonly code: SyntaxIssueCode; readonly at: Position; readonly path: string };

export type ParsedTemplate = {
  readonly nodes: readonly TemplateNode[];
  readonly issues: readonly SyntaxIssue[];
};

const PATH = /^(?:this|@index|@number|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)$/;

type Frame = {
  readonly kind: 'each' | 'if' | 'unless';
  readonly path: string;
  readonly at: Position;
  readonly body: TemplateNode[];
  readonly otherwise: TemplateNode[];
  inElse: boolean;
};

/** Parses the whole source, collecting every syntax mistake rather than stopping at the first. */
export function parseTemplate(source: string): ParsedTemplate {
  const issues: SyntaxIssue[] = [];
  const root: TemplateNode[] = [];
  const stack: Frame[] = [];
  const target = (): TemplateNode[] => {
    const top = stack.at(-1);
    if (!top) return root;
    return top.inElse ? top.otherwise : top.body;
  };
  const positionOf = lineIndex(source);
  let cursor = 0;
  while (cursor < source.length) {
    const open = source.indexOf('{{', cursor);
    if (open < 0) {
      target().push({ kind: 'text', text: source.slice(cursor) });
      break;
    }
    if (open > cursor) target().push({ kind: 'text', text: source.slice(cursor, open) });
    const at = positionOf(open);
    const close = source.indexOf('}}', open + 2);
    const nextOpen = source.indexOf('{{', open + 2);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      issues.push({ code: 'unclosed_tag', at, path: source.slice(open, open + 20).split('\n')[0] ?? '' });
      target().push({ kind: 'text', text: '{{' });
      cursor = open + 2;
      continue;
    }
    cursor = close + 2;
    const tag = source.slice(open + 2, close).trim();
    if (tag.startsWith('!')) continue;
    const block = /^#(each|if|unless)\s+(\S+)$/.exec(tag);
    if (block) {
      const [, kind, path = ''] = block;
      if (!PATH.test(path)) issues.push({ code: 'bad_expression', at, path: tag });
      stack.push({ kind: kind as Frame['kind'], path, at, body: [], otherwise: [], inElse: false });
      continue;
    }
    const end = /^\/(each|if|unless)$/.exec(tag);
    if (end) {
      const top = stack.at(-1);
      if (!top || top.kind !== end[1]) {
        issues.push({ code: 'unexpected_close', at, path: tag });
        continue;
      }
      stack.pop();
      const { kind, path, body, otherwise } = top;
      target().push({ kind, path, at: top.at, body, otherwise });
      continue;
    }
    if (tag === 'else') {
      const top = stack.at(-1);
      if (!top || top.inElse) issues.push({ code: 'unexpected_else', at, path: tag });
      else top.inElse = true;
      continue;
    }
    if (!PATH.test(tag)) {
      issues.push({ code: 'bad_expression', at, path: tag });
      continue;
    }
    target().push({ kind: 'value', path: tag, at });
  }
  for (const frame of stack.reverse()) {
    issues.push({ code: 'unclosed_block', at: frame.at, path: `#${frame.kind} ${frame.path}` });
  }
  // An unclosed block still renders nothing sensible; the issues say why.
  return { nodes: root, issues };
}

export type RenderOptions = { readonly escape: 'html' | 'none' };

/**
 * Renders a template. It never throws on data: an unknown or null path renders as '' (checkTemplate
 * refuses unknown paths at save time, so this only meets optional values left unguarded).
 */
export function renderTemplate(source: string, variables: unknown, options: RenderOptions): string {
  const { nodes } = parseTemplate(source);
  const out: string[] = [];
  renderNodes(nodes, [{ value: variables }], options, out);
  return out.join('');
}

type Scope = { readonly value: unknown; readonly index?: number };

function renderNodes(
  nodes: readonly TemplateNode[],
  scopes: readonly Scope[],
  options: RenderOptions,
  out: string[],
) {
  for (const node of nodes) {
    if (node.kind === 'text') {
      out.push(node.text);
    } else if (node.kind === 'value') {
      const printed = printable(resolve(node.path, scopes));
      out.push(options.escape === 'html' ? escapeHtml(printed) : printed);
    } else if (node.kind === 'each') {
      const list = resolve(node.path, scopes);
      if (Array.isArray(list) && list.length > 0) {
        for (const [index, item] of list.entries()) {
          renderNodes(node.body, [...scopes, { value: item, index }], options, out);
        }
      } else {
        renderNodes(node.otherwise, scopes, options, out);
      }
    } else {
      const truthy = isTruthy(resolve(node.path, scopes));
      const chosen = (node.kind === 'if') === truthy ? node.body : node.otherwise;
      renderNodes(chosen, scopes, options, out);
    }
  }
}

function resolve(path: string, scopes: readonly Scope[]): unknown {
  const innermost = scopes.at(-1);
  if (path === 'this') return innermost?.value;
  if (path === '@index') return innermost?.index;
  if (path === '@number') return innermost?.index === undefined ? undefined : innermost.index + 1;
  const segments = path.split('.');
  for (let i = scopes.length - 1; i >= 0; i--) {
    const found = walk(scopes[i]?.value, segments);
    if (found.found) return found.value;
  }
  return undefined;
}

function walk(value: unknown, segments: readonly string[]): { found: boolean; value?: unknown } {
  let current = value;
  for (const [i, segment] of segments.entries()) {
    if (current === null || current === undefined) return { found: i > 0, value: undefined };
    if (typeof current !== 'object' || !Object.hasOwn(current, segment)) return { found: false };
    current = (current as Record<string, unknown>)[segment];
  }
  return { found: true, value: current };
}

function printable(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && 'text' in value && typeof value.text === 'string') return value.text;
  return '';
}

function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && value !== null && 'minor' in value) return value.minor !== 0;
  return Boolean(value);
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function lineIndex(source: string): (offset: number) => Position {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let line = 0;
    while (line + 1 < starts.length && (starts[line + 1] ?? 0) <= offset) line++;
    return { line: line + 1, column: offset - (starts[line] ?? 0) + 1 };
  };
}
