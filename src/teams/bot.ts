import { ActivityTypes, MessageFactory, TeamsActivityHandler, TurnContext, type InvokeResponse } from 'botbuilder';
import { ACTION_HANDLERS, handleCardAction } from './actions';
import { commandMap, parseCommandText } from './commands';
import { closestCommand, notHere } from './commands/notHere';
import { offerSetup } from './commands/offerSetup';
import type { Command, CommandName } from './commands/types';
import type { BotDeps } from './deps';
import { engagementOfTurn } from './turn/engagementOfTurn';
import type { EngagementCards } from './cards/engagementCards';
import { actorOf, isChannel, isPersonal, tenantOf } from './turn/turnFacts';
import { userMessage } from './turn/userMessages';
import { welcomeView } from './views/catalog';

const MENTION = /<at>[^<]*<\/at>/gi;
export const OTHER_TENANT = 'This bot serves only the organization it is registered in. Nothing was changed.';

/** Parses each turn and dispatches it to a command or card-action handler; holds no business logic. */
export class WorkshopBot extends TeamsActivityHandler {
  private readonly commands: ReadonlyMap<CommandName, Command> = commandMap();
  constructor(
    private readonly deps: BotDeps,
    private readonly cards: EngagementCards,
  ) {
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

  override async run(turn: TurnContext): Promise<void> {
    const allowed = this.deps.allowedTenantId;
    if (!allowed || tenantOf(turn) === allowed) {
      await this.noteSender(turn);
      return super.run(turn);
    }
    this.deps.logger.warn({ tenant: tenantOf(turn), type: turn.activity.type }, 'refused a turn from another tenant');
    if (turn.activity.type === ActivityTypes.Invoke) {
      const body = {
        statusCode: 403,
        type: 'application/vnd.microsoft.error',
        value: { code: 'Forbidden', message: OTHER_TENANT },
      };
      await turn.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403, body } });
    } else if (turn.activity.type === ActivityTypes.Message) {
      await turn.sendActivity(OTHER_TENANT);
    }
  }

  protected override async onInvokeActivity(turn: TurnContext): Promise<InvokeResponse> {
    if (turn.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(turn);
    const response = await handleCardAction(turn, this.deps, this.cards, ACTION_HANDLERS, turn.activity.value);
    return { status: response.statusCode, body: response };
  }

  private async handleMessage(turn: TurnContext): Promise<void> {
    const text = TurnContext.removeRecipientMention(turn.activity) ?? turn.activity.text ?? '';
    const typed = text.replace(MENTION, ' ').replace(/\s+/g, ' ').trim();
    const { name, args } = parseCommandText(typed, this.commands.keys());
    const command = this.commands.get(name as CommandName);
    const inChannel = !isPersonal(turn);
    const elsewhere = command && command.scope !== 'all' && (command.scope === 'personal') === inChannel;
    if (!command || elsewhere) {
      const where = command && { inChannel, mine: name === 'tasks' && args[0] === 'mine' };
      await turn.sendActivity(notHere(typed, where, command ? undefined : closestCommand(name, this.commands.keys())));
      return;
    }
    try {
      await command.run({ turn, deps: this.deps, cards: this.cards, args, inChannel });
    } catch (error) {
      const message = userMessage(error);
      if (!message) throw error;
      await turn.sendActivity(message);
    }
  }

  /** What reminders learn from every activity: the sender's time zone and 1:1 chat, and that they are reachable. */
  private async noteSender(turn: TurnContext): Promise<void> {
    const { activity } = turn;
    if (!activity.from?.id || activity.from.id === activity.recipient?.id) return;
    await this.deps.people
      .note({
        person: actorOf(turn),
        tenantId: tenantOf(turn),
        serviceUrl: activity.serviceUrl,
        botId: activity.recipient.id,
        timeZone: activity.localTimezone,
        personalConversationId: isPersonal(turn) ? activity.conversation.id : undefined,
      })
      .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'could not note the sender for reminders'));
  }

  private async greet(turn: TurnContext): Promise<void> {
    const card = this.deps.renderer.attachment('welcome', welcomeView(this.deps.catalog, isChannel(turn)));
    await turn.sendActivity(MessageFactory.attachment(card));
    if (!isPersonal(turn) && !(await engagementOfTurn(turn, this.deps))) await offerSetup({ turn, deps: this.deps });
  }
}
