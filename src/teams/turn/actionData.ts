/** Card action data arrives from the client and can be forged: read it field by field, never spread it. */
export class BadActionError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'BadActionError';
  }
}

export const ACTION_DATA_LIMITS = { fields: 100, key: 64, value: 4000 } as const;

export type ActionData = ReadonlyMap<string, string>;

export interface ParsedAction {
  verb: string;
  data: ActionData;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseAction(value: unknown): ParsedAction {
  const action = isRecord(value) ? value.action : undefined;
  if (!isRecord(action)) throw new BadActionError('The card sent no action.');
  const { verb, data = {} } = action;
  if (typeof verb !== 'string' || verb.length === 0 || verb.length > ACTION_DATA_LIMITS.key) {
    throw new BadActionError('The card action has no valid verb.');
  }
  if (!isRecord(data)) throw new BadActionError('The card action data is not a set of fields.');
  const entries = Object.keys(data).filter((key) => key !== 'verb' && key !== 'msteams');
  if (entries.length > ACTION_DATA_LIMITS.fields) throw new BadActionError('The card action has too many fields.');
  const fields = new Map<string, string>();
  for (const key of entries) {
    const field = Object.getOwnPropertyDescriptor(data, key)?.value;
    if (key.length > ACTION_DATA_LIMITS.key) throw new BadActionError('A card field name is too long.');
    if (typeof field !== 'string') throw new BadActionError(`The card field "${key.slice(0, 40)}" is not text.`);
    if (field.length > ACTION_DATA_LIMITS.value) throw new BadActionError(`The card field "${key}" is too long.`);
    fields.set(key, field);
  }
  return { verb, data: fields };
}

export function requiredField(data: ActionData, name: string, maxLength: number): string {
  const value = data.get(name)?.trim();
  if (!value) throw new BadActionError(`The card action is missing "${name}".`);
  if (value.length > maxLength) throw new BadActionError(`The card field "${name}" is too long.`);
  return value;
}

/** A field that may be empty or missing (then ""), refused when longer than `maxLength`. */
export function optionalField(data: ActionData, name: string, maxLength: number): string {
  const value = data.get(name)?.trim() ?? '';
  if (value.length > maxLength) throw new BadActionError(`The card field "${name}" is too long.`);
  return value;
}

export function listField(data: ActionData, name: string): string[] {
  return (data.get(name) ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** A field that names one of `count` items by its position: "0", "1", ... */
export function indexField(data: ActionData, name: string, count: number): number {
  const value = requiredField(data, name, 4);
  const index = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(index < count)) throw new BadActionError(`The card field "${name}" names nothing on this card.`);
  return index;
}
