import { helpCommand } from './help';
import type { Command, CommandName } from './types';
import { workshopsCommand } from './workshops';

export function commandMap(): ReadonlyMap<CommandName, Command> {
  const commands: Command[] = [];
  commands.push(
    helpCommand(() => commands),
    workshopsCommand,
  );
  return new Map(commands.map((c) => [c.name, c]));
}

/** Splits "  Tasks   SME " into the command name and its arguments. */
export function parseCommandText(text: string): { name: string; args: string[] } {
  const [name = '', ...args] = text.trim().toLowerCase().split(/\s+/);
  return { name, args };
}
