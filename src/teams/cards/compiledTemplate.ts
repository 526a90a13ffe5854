/**
 * Adaptive Card templates compiled once into functions, with adaptivecards-templating's meaning for the
 * part of the expression language the cards in cards/ use: property paths ($root., $data. or plain),
 * string and number literals, count(), and the comparisons == != > >= < <=. Anything else is refused when
 * the template is compiled, at start. The card tests prove the output equal to the library's for every
 * template and its largest data.
 */

interface Scope {
  root: unknown;
  data: unknown;
}

type Compiled = (scope: Scope) => unknown;
type Evaluate = (scope: Scope) => unknown;

/** Fields the templating language owns; they never reach the card. */
const RESERVED = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);

const PATH = /^\$?[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const COMPARISON = /^(.+?)\s*(==|!=|>=|<=|>|<)\s*(.+)$/;
const COUNT = /^count\((.+)\)$/;

/** A path's value, read from $root or from the current data ($data, or a plain path); split once, at compile time. */
function pathReader(path: string): Evaluate {
  const [head, ...rest] = path.split('.');
  const fromRoot = head === '$root';
  const names = fromRoot || head === '$data' ? rest : [head!, ...rest];
  return (scope) => {
    let value = fromRoot ? scope.root : scope.data;
    for (const name of names) {
      if (value === null || value === undefined || typeof value !== 'object') return undefined;
      value = (value as Record<string, unknown>)[name];
    }
    return value;
  };
}

class UnsupportedExpression extends Error {}

function operand(source: string): Evaluate {
  const text = source.trim();
  if (/^'[^'\\]*'$/.test(text)) {
    const literal = text.slice(1, -1);
    return () => literal;
  }
  if (/^-?\d+(\.\d+)?$/.test(text)) {
    const literal = Number(text);
    return () => literal;
  }
  if (text === 'true' || text === 'false') return () => text === 'true';
  const count = COUNT.exec(text);
  if (count) {
    const path = operand(count[1]!);
    return (scope) => {
      const value = path(scope);
      if (Array.isArray(value) || typeof value === 'string') return value.length;
      throw new UnsupportedExpression(`count() of ${typeof value}`);
    };
  }
  if (PATH.test(text) && (!text.startsWith('$') || /^\$(root|data)(\.|$)/.test(text))) {
    return pathReader(text);
  }
  throw new UnsupportedExpression(`unsupported expression "${text}"`);
}

const COMPARE: Record<string, (a: unknown, b: unknown) => boolean> = {
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '>': (a, b) => (a as number) > (b as number),
  '>=': (a, b) => (a as number) >= (b as number),
  '<': (a, b) => (a as number) < (b as number),
  '<=': (a, b) => (a as number) <= (b as number),
};

function expression(source: string): Evaluate {
  const comparison = COMPARISON.exec(source);
  if (!comparison) return operand(source);
  const [, left, op, right] = comparison;
  const a = operand(left!);
  const b = operand(right!);
  const compare = COMPARE[op!]!;
  return (scope) => {
    const x = a(scope);
    const y = b(scope);
    if (x === undefined || y === undefined) throw new UnsupportedExpression(`comparison with a missing value`);
    return compare(x, y);
  };
}

/** A value, or the library's stand-in "${expression}" for one that is missing. */
function substituted(source: string, evaluate: Evaluate): Evaluate {
  return (scope) => {
    const value = evaluate(scope);
    return value === undefined || value === null ? `\${${source}}` : value;
  };
}

function compileString(text: string): Compiled {
  if (!text.includes('${')) return () => text;
  const parts: (string | { source: string; evaluate: Evaluate })[] = [];
  let at = 0;
  while (at < text.length) {
    const start = text.indexOf('${', at);
    if (start < 0) {
      parts.push(text.slice(at));
      break;
    }
    const end = text.indexOf('}', start);
    if (end < 0) throw new UnsupportedExpression(`unclosed expression in "${text}"`);
    if (start > at) parts.push(text.slice(at, start));
    const source = text.slice(start + 2, end).trim();
    parts.push({ source, evaluate: substituted(source, expression(source)) });
    at = end + 1;
  }
  const [only] = parts;
  if (parts.length === 1 && typeof only !== 'string') return only!.evaluate;
  return (scope) => parts.map((p) => (typeof p === 'string' ? p : String(p.evaluate(scope)))).join('');
}

function compileArray(items: unknown[]): Compiled {
  const compiled = items.map(compileNode);
  return (scope) => {
    const result: unknown[] = [];
    for (const item of compiled) {
      const value = item(scope);
      if (value === null) continue;
      if (Array.isArray(value)) result.push(...(value as unknown[]));
      else result.push(value);
    }
    return result;
  };
}

/** `$when`: true only for a boolean true; a failed evaluation drops the element, as in the library. */
function condition(when: unknown): ((scope: Scope) => boolean) | undefined {
  if (when === undefined) return undefined;
  // The library's own reading of a literal: a truthy one drops the element, a falsy one keeps it.
  if (typeof when !== 'string' || !when.includes('${')) return when ? () => false : undefined;
  const source = when.trim().replace(/^\$\{/, '').replace(/\}$/, '').trim();
  const evaluate = expression(source);
  return (scope) => {
    try {
      return evaluate(scope) === true;
    } catch (error) {
      if (error instanceof UnsupportedExpression) return false;
      throw error;
    }
  };
}

function compileObject(node: Record<string, unknown>): Compiled {
  const when = condition(node.$when);
  const dataOf = typeof node.$data === 'string' ? compileString(node.$data) : undefined;
  const rawData = node.$data;
  const fields = Object.keys(node)
    .filter((key) => !RESERVED.has(key))
    .map((key) => [key, compileNode(node[key])] as const);
  const expandOne = (scope: Scope) => {
    if (when && !when(scope)) return null;
    const result: Record<string, unknown> = {};
    for (const [key, field] of fields) {
      const value = field(scope);
      if (value !== undefined) result[key] = value;
    }
    return result;
  };
  return (scope) => {
    if (rawData === undefined) return expandOne(scope);
    const data = dataOf ? dataOf(scope) : rawData;
    const contexts = Array.isArray(data) ? (data as unknown[]) : [data];
    const results = contexts
      .map((context) => expandOne(context === undefined ? scope : { root: scope.root, data: context }))
      .filter((value) => value !== null);
    return results.length === 0 ? null : results.length === 1 ? results[0] : results;
  };
}

function compileNode(node: unknown): Compiled {
  if (typeof node === 'string') return compileString(node);
  if (Array.isArray(node)) return compileArray(node);
  if (typeof node === 'object' && node !== null) return compileObject(node as Record<string, unknown>);
  return () => node;
}

/** Compiles a card template; throws at once on an expression outside the supported part of the language. */
export function compileTemplate(template: unknown): (root: unknown) => unknown {
  const expand = compileNode(template);
  return (root) => expand({ root, data: root });
}
