import { deepFreeze } from '../deepFreeze';

/** The JSON text of objects that will not change again (rendered cards), kept so each is serialised once. */
const texts = new WeakMap<object, string>();

const refuseChange = (): never => {
  throw new TypeError('A rendered card does not change: render it again.');
};

/**
 * An object given by its JSON text: the text is kept (jsonText reuses it), and the object form is parsed
 * from it only when something first reads it. Sending a rendered card never does, so a card goes from its
 * template to the wire as text; tests and any reader still see a plain, read-only object.
 */
export function parsedWhenRead(text: string): Record<string, unknown> {
  let parsed: Record<string, unknown> | undefined;
  const value = () => (parsed ??= deepFreeze(JSON.parse(text) as Record<string, unknown>));
  const object = new Proxy<Record<string, unknown>>(
    {},
    {
      get: (_target, key) => Reflect.get(value(), key),
      has: (_target, key) => Reflect.has(value(), key),
      ownKeys: () => Reflect.ownKeys(value()),
      // Reported configurable, as the proxy's own empty target requires; the values stay read-only.
      getOwnPropertyDescriptor: (_target, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(value(), key);
        return descriptor && { ...descriptor, configurable: true };
      },
      set: refuseChange,
      defineProperty: refuseChange,
      deleteProperty: refuseChange,
      setPrototypeOf: refuseChange,
      preventExtensions: refuseChange,
    },
  );
  texts.set(object, text);
  return object;
}

const isPlainObject = (value: object): value is Record<string, unknown> =>
  Object.getPrototypeOf(value) === Object.prototype && !('toJSON' in value);

const skipped = (value: unknown): boolean =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';

/**
 * What JSON.stringify gives for `value`, with the kept text of any object given by its text, looked for up to
 * `depth` levels down: an invoke answer holds its card one level down, an activity three.
 */
export function jsonText(value: unknown, depth = 3): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  const kept = texts.get(value);
  if (kept !== undefined) return kept;
  if (depth === 0) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (skipped(v) ? 'null' : jsonText(v, depth - 1))).join(',')}]`;
  if (!isPlainObject(value)) return JSON.stringify(value);
  const members: string[] = [];
  for (const [key, member] of Object.entries(value)) {
    if (!skipped(member)) members.push(`${JSON.stringify(key)}:${jsonText(member, depth - 1)}`);
  }
  return `{${members.join(',')}}`;
}
