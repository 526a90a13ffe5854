import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../deps';

export const COMMAND_NAMES = ['help', 'workshops'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export interface CommandContext {
  turn: TurnContext;
  deps: BotDeps;
  /** Words after the command name, lower-cased. */
  args: string[];
  inChannel: boolean;
}

export interface Command {
  name: CommandName;
  usage: string;
  description: string;
  run(context: CommandContext): Promise<void>;
}
