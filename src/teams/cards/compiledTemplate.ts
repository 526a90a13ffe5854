import { condition, stringValue, type Evaluate, type Scope } from './templateExpressions';

/**
 * Adaptive Card templates compiled once, at start, into functions that write the expanded card's JSON text
 * directly, with adaptivecards-templating's meaning (templateExpressions.ts has the part of the language
 * the cards use). Whatever does not depend on the data is serialised when the template is compiled, so a
 * render writes little more than the data's own values; the cards' texts are then sent as they are. The
 * card tests prove the output equal to the library's for every template and its largest data.
 */

/** Fields the templating language owns; they never reach the card. */
const RESERVED = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);

/** Text already serialised, placed whole where a template substitutes it (a task row in its workshop card). */
export class JsonFragment {
  constructor(readonly text: string) {}
}

const valueText = (value: unknown): string =>
  value instanceof JsonFragment ? value.text : (JSON.stringify(value) ?? 'null');

/** A whole expression's value in an object's field: an array stays an array. */
const fieldText = (value: unknown): string =>
  Array.isArray(value) ? `[${value.map(valueText).join(',')}]` : valueText(value);

/** A string that is one expression and nothing else keeps its value's type (an array, a number). */
const isWholeExpression = (text: string): boolean => text.startsWith('${') && text.indexOf('}') === text.length - 1;

/** Does the node always give exactly one value? Else it gives none ($when, null) or several ($data, arrays). */
function exactlyOne(node: unknown): boolean {
  if (node === null) return false;
  if (typeof node === 'string') return !isWholeExpression(node);
  if (Array.isArray(node)) return false;
  if (typeof node === 'object') return !('$data' in node) && !('$when' in node);
  return true;
}

/**
 * Writes the JavaScript of one template's expansion. The source holds only literal JSON text and variable
 * names made here, each literal through JSON.stringify; the template's expressions stay compiled functions,
 * called by index, so nothing a template says becomes code.
 */
class Generator {
  readonly evaluators: unknown[] = [];
  private readonly lines: string[] = [];
  private pending = '';
  private names = 0;

  source(): string {
    this.flush();
    return this.lines.join('\n');
  }

  /** Text that does not depend on the data, joined with its neighbours at compile time. */
  literal(text: string): void {
    this.pending += text;
  }

  code(line: string): void {
    this.flush();
    this.lines.push(line);
  }

  fn(evaluate: unknown): string {
    this.evaluators.push(evaluate);
    return `E[${this.evaluators.length - 1}]`;
  }

  name(prefix: string): string {
    return `${prefix}${this.names++}`;
  }

  private flush(): void {
    if (this.pending) this.lines.push(`t += ${JSON.stringify(this.pending)};`);
    this.pending = '';
  }
}

function writeValue(g: Generator, node: unknown, scope: string): void {
  if (node === null) return g.literal('null');
  if (typeof node === 'string') return writeString(g, node, scope);
  if (Array.isArray(node)) return writeArray(g, node, scope);
  if (typeof node === 'object') return writeObjectValue(g, node as Record<string, unknown>, scope);
  g.literal(JSON.stringify(node));
}

function writeString(g: Generator, text: string, scope: string): void {
  if (!text.includes('${')) return g.literal(JSON.stringify(text));
  const evaluate = g.fn(stringValue(text));
  g.code(`t += ${isWholeExpression(text) ? 'F' : 'V'}(${evaluate}(${scope}));`);
}

function writeArray(g: Generator, items: unknown[], scope: string): void {
  g.literal('[');
  writeElements(g, items, scope);
  g.literal(']');
}

/** Array items, separated by commas: known at compile time until the first item that may give none or several. */
function writeElements(g: Generator, items: unknown[], scope: string, counter?: string): void {
  let known = counter ? undefined : 0;
  let count = counter ?? '';
  for (const item of items) {
    if (known !== undefined && exactlyOne(item)) {
      if (known++ > 0) g.literal(',');
      writeValue(g, item, scope);
      continue;
    }
    if (known !== undefined) {
      count = g.name('n');
      g.code(`let ${count} = ${known};`);
      known = undefined;
    }
    writeItem(g, item, scope, count);
  }
}

/** One item of an array once commas depend on the data: `count` holds how many elements are written. */
function writeItem(g: Generator, item: unknown, scope: string, count: string): void {
  const comma = `if (${count}++ > 0) t += ',';`;
  if (item === null) return;
  if (Array.isArray(item)) return writeElements(g, item, scope, count);
  if (typeof item === 'string' && isWholeExpression(item)) {
    // A whole expression that gives an array is spliced into the array around it.
    const value = g.name('v');
    g.code(`{ const ${value} = ${g.fn(stringValue(item))}(${scope});`);
    g.code(`for (const x of Array.isArray(${value}) ? ${value} : [${value}]) { ${comma} t += V(x); } }`);
    return;
  }
  if (typeof item === 'object' && item !== null && !exactlyOne(item)) {
    const inner = g.name('s');
    g.code(`for (const ${inner} of ${g.fn(scopesOf(item as Record<string, unknown>))}(${scope})) { ${comma}`);
    writeObject(g, item as Record<string, unknown>, inner);
    g.code('}');
    return;
  }
  g.code(comma);
  writeValue(g, item, scope);
}

/** The scopes an object with $data or $when is written in: one per item of $data's list, those $when keeps. */
function scopesOf(node: Record<string, unknown>): (scope: Scope) => Scope[] {
  const when = condition(node.$when);
  const dataOf: Evaluate = typeof node.$data === 'string' ? stringValue(node.$data) : () => node.$data;
  return (scope) => {
    const data = node.$data === undefined ? undefined : dataOf(scope);
    const contexts = Array.isArray(data) ? (data as unknown[]) : [data];
    const kept: Scope[] = [];
    for (const context of contexts) {
      const inner = context === undefined ? scope : { root: scope.root, data: context };
      if (!when || when(inner)) kept.push(inner);
    }
    return kept;
  };
}

function writeObject(g: Generator, node: Record<string, unknown>, scope: string): void {
  const keys = Object.keys(node).filter((key) => !RESERVED.has(key));
  g.literal('{');
  keys.forEach((key, i) => {
    g.literal(`${i > 0 ? ',' : ''}${JSON.stringify(key)}:`);
    writeValue(g, node[key], scope);
  });
  g.literal('}');
}

/** As the library gives it in a field: no scope kept is null, one is the object itself, several an array. */
function writeObjectValue(g: Generator, node: Record<string, unknown>, scope: string): void {
  if (exactlyOne(node)) return writeObject(g, node, scope);
  const kept = g.name('k');
  const inner = g.name('s');
  g.code(`{ const ${kept} = ${g.fn(scopesOf(node))}(${scope});`);
  g.code(`if (${kept}.length === 0) t += 'null'; if (${kept}.length > 1) t += '[';`);
  g.code(`for (let i = 0; i < ${kept}.length; i++) { if (i > 0) t += ','; const ${inner} = ${kept}[i];`);
  writeObject(g, node, inner);
  g.code(`} if (${kept}.length > 1) t += ']'; }`);
}

/**
 * Compiles a card template into a function that gives the expanded card's JSON text; throws at once on an
 * expression outside the supported part of the language.
 */
export function compileTemplate(template: unknown): (root: unknown) => string {
  const g = new Generator();
  writeValue(g, template, 's');
  const body = `return function expand(root) { const s = { root, data: root }; let t = ''; ${g.source()} return t; };`;
  // Made from literal text and names only (see Generator): no text of a template or of its data runs.
  const make = new Function('E', 'V', 'F', body) as (...helpers: unknown[]) => (root: unknown) => string;
  return make(g.evaluators, valueText, fieldText);
}
