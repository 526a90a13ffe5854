import { clipped } from '../../domain/text';
import { plain } from '../views/format';

const quoted = (typed: string): string => (typed ? `"${plain(clipped(typed, 40))}"` : 'an empty message');

/** Edits (insert, delete, replace) from `a` to `b`. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

/** The command a slip of the keyboard most likely meant: at most two edits away, and not a short guess. */
export function closestCommand(word: string, names: Iterable<string>): string | undefined {
  if (word.length < 3) return undefined;
  const ranked = [...names].map((name) => ({ name, edits: distance(word, name) })).sort((a, b) => a.edits - b.edits);
  return ranked[0] && ranked[0].edits <= 2 ? ranked[0].name : undefined;
}

export interface Elsewhere {
  inChannel: boolean;
  /** `tasks mine` in a 1:1 chat, where `my tasks` is the command. */
  mine: boolean;
}

/** The answer to a message that is no command here: what was typed, where it works, or what was meant. */
export function notHere(typed: string, elsewhere: Elsewhere | undefined, meant?: string): string {
  const help = 'Type **help** to see what I can do.';
  if (elsewhere?.mine && !elsewhere.inChannel)
    return 'In our chat, type **my tasks** for your open tasks in every engagement.';
  if (!elsewhere) return `I don't know ${quoted(typed)}.${meant ? ` Did you mean **${meant}**?` : ''} ${help}`;
  if (elsewhere.inChannel) return `I don't know ${quoted(typed)} here; it works in our 1:1 chat. ${help}`;
  return (
    `I don't know ${quoted(typed)} here; it works in a customer's channel. ` +
    `In our chat, **my tasks** lists your open tasks in every engagement. ${help}`
  );
}
