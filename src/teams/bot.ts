import { MessageFactory, TeamsActivityHandler, TurnContext } from 'botbuilder';
import { commandMap, parseCommandText } from './commands';
import type { Command, CommandName } from './commands/types';
import type { BotDeps } from './deps';
import { welcomeView } from './views';

const MENTION = /<at>[^<]*<\/at>/gi;

function isChannel(turn: TurnContext): boolean {
  return turn.activity.conversation.conversationType === 'channel';
}

/** Parses each turn and dispatches it; the work is in the command and card-action handlers. */
export class WorkshopBot extends TeamsActivityHandler {
  private readonly commands: ReadonlyMap<CommandName, Command> = commandMap();

  constructor(private readonly deps: BotDeps) {
    super();
    this.onMessage(async (turn, next) => {
      await this.handleMessage(turn);
      await next();
    });
    this.onMembersAdded(async (turn, next) => {
      const botAdded = (turn.activity.membersAdded ?? []).some((m) => m.id === turn.activity.recipient.id);
      if (botAdded) await this.greet(turn);
      await next();
    });
  }

  private async handleMessage(turn: TurnContext): Promise<void> {
    const text = TurnContext.removeRecipientMention(turn.activity) ?? turn.activity.text ?? '';
    const { name, args } = parseCommandText(text.replace(MENTION, ' '));
    const command = this.commands.get(name as CommandName);
    if (!command) {
      const shown = name ? `"${name.slice(0, 40)}"` : 'an empty message';
      await turn.sendActivity(`I don't know ${shown}. Type **help** to see what I can do.`);
      return;
    }
    await command.run({ turn, deps: this.deps, args, inChannel: isChannel(turn) });
  }

  private async greet(turn: TurnContext): Promise<void> {
    const card = this.deps.cards.attachment('welcome', welcomeView(this.deps.catalog, isChannel(turn)));
    await turn.sendActivity(MessageFactory.attachment(card));
  }
}
