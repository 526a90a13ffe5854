import { inputsCommand, outputsCommand, statusCommand } from './cardCommands';
import { deleteEngagementCommand } from './deleteEngagement';
import { helpCommand } from './help';
import { historyCommand } from './history';
import { myTasksCommand } from './myTasks';
import { remindCommand } from './remind';
import { reportCommand } from './report';
import { settingsCommand } from './settings';
import { tasksCommand } from './tasks';
import type { Command, CommandName } from './types';
import { workshopsCommand } from './workshops';

export function commandMap(): ReadonlyMap<CommandName, Command> {
  const commands: Command[] = [];
  // In the order `help` lists them: what people use every day first.
  commands.push(
    workshopsCommand,
    statusCommand,
    tasksCommand,
    myTasksCommand,
    inputsCommand,
    outputsCommand,
    historyCommand,
    reportCommand,
    settingsCommand,
    remindCommand,
    deleteEngagementCommand,
    helpCommand(() => commands),
  );
  return new Map(commands.map((c) => [c.name, c]));
}

/** Finds the command a text starts with (two-word names first) and the words after it. */
export function parseCommandText(text: string, names: Iterable<string>): { name: string; args: string[] } {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const known = new Set(names);
  const two = words.slice(0, 2).join(' ');
  if (known.has(two)) return { name: two, args: words.slice(2) };
  return { name: words[0] ?? '', args: words.slice(1) };
}
