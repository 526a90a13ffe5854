/**
 * The part of adaptivecards-templating's expression language the cards in cards/ use, with the library's
 * meaning: property paths ($root., $data. or plain), string and number literals, count(), and the
 * comparisons == != > >= < <=. Anything else is refused when a template is compiled, at start.
 */

export interface Scope {
  root: unknown;
  data: unknown;
}

export type Evaluate = (scope: Scope) => unknown;

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

export class UnsupportedExpression extends Error {}

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

/** Equality as the library has it: a missing value equals another missing one, and nothing else. */
const same = (a: unknown, b: unknown): boolean =>
  a === b || ((a === undefined || a === null) && (b === undefined || b === null));

/** An ordering holds only between two numbers or two strings; anything else fails, and drops the element. */
const ordered =
  (compare: (a: number | string, b: number | string) => boolean) =>
  (a: unknown, b: unknown): boolean => {
    if (typeof a !== typeof b || (typeof a !== 'number' && typeof a !== 'string')) {
      throw new UnsupportedExpression('an ordering of values that are not two numbers or two strings');
    }
    return compare(a as number | string, b as number | string);
  };

const COMPARE: Record<string, (a: unknown, b: unknown) => boolean> = {
  '==': same,
  '!=': (a, b) => !same(a, b),
  '>': ordered((a, b) => a > b),
  '>=': ordered((a, b) => a >= b),
  '<': ordered((a, b) => a < b),
  '<=': ordered((a, b) => a <= b),
};

function expression(source: string): Evaluate {
  const comparison = COMPARISON.exec(source);
  if (!comparison) return operand(source);
  const [, left, op, right] = comparison;
  const a = operand(left!);
  const b = operand(right!);
  const compare = COMPARE[op!]!;
  return (scope) => compare(a(scope), b(scope));
}

/** A value, or the library's stand-in "${expression}" for one that is missing. */
function substituted(source: string, evaluate: Evaluate): Evaluate {
  return (scope) => {
    const value = evaluate(scope);
    return value === undefined || value === null ? `\${${source}}` : value;
  };
}

/** A string's literal parts and its expressions, each expression with the library's stand-in when missing. */
function stringParts(text: string): (string | Evaluate)[] {
  const parts: (string | Evaluate)[] = [];
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
    parts.push(substituted(source, expression(source)));
    at = end + 1;
  }
  return parts;
}

/** A string's value: a whole expression keeps its type; anything else is text. */
export function stringValue(text: string): Evaluate {
  const parts = stringParts(text);
  const [only] = parts;
  if (parts.length === 1 && typeof only !== 'string') return only!;
  return (scope) => {
    let joined = '';
    for (const part of parts) joined += typeof part === 'string' ? part : String(part(scope));
    return joined;
  };
}

/** `$when`: true only for a boolean true; a failed evaluation drops the element, as in the library. */
export function condition(when: unknown): ((scope: Scope) => boolean) | undefined {
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
