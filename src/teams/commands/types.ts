import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../deps';
import type { EngagementCards } from '../cards/engagementCards';

export const COMMAND_NAMES = [
  'help',
  'workshops',
  'status',
  'tasks',
  'settings',
  'my tasks',
  'remind',
  'inputs',
  'outputs',
  'history',
  'report',
  'delete engagement',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export type CommandScope = 'all' | 'personal' | 'conversation';

export interface CommandContext {
  turn: TurnContext;
  deps: BotDeps;
  cards: EngagementCards;
  /** Words after the command name, lower-cased. */
  args: string[];
  inChannel: boolean;
}

export interface Command {
  name: CommandName;
  usage: string;
  description: string;
  /** Where the command is offered: everywhere, 1:1 chat only, or channels and group chats only. */
  scope: CommandScope;
  /** False for a command Teams' command menu leaves out (it lists 10 at most): it still answers when typed. */
  inMenu?: false;
  run(context: CommandContext): Promise<void>;
}
