import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'adaptivecards-templating';
import { CardFactory, type Attachment } from 'botbuilder';
import { CARD_NAMES, type CardData, type CardName } from '../views/cardTypes';
import { serialiseOnce } from '../jsonText';
import { compileTemplate } from './compiledTemplate';

export const CARDS_DIR = join(__dirname, '../../../cards');

export type AdaptiveCard = Record<string, unknown>;

/** Teams drops bot messages over about 40 KB; a card must stay under this. */
export { MAX_ACTIVITY_BYTES as CARD_SIZE_LIMIT } from '../outbound/connectorHttp';

/** What a card may weigh, serialised: with the activity around it, a message stays at or under 36 KB. */
const CARD_BUDGET = 35 * 1024;

export const CARD_TOO_LARGE_TITLE = 'This card is too large to show here';

type Expand = (root: unknown) => unknown;

/**
 * How templates are expanded: compiled once into functions (the default, several times faster), or by
 * adaptivecards-templating itself, which the card tests use to prove both give the same cards.
 */
export type TemplateEngine = 'compiled' | 'library';

function expander(template: unknown, engine: TemplateEngine): Expand {
  if (engine === 'compiled') return compileTemplate(template);
  const library = new Template(template);
  return (root) => library.expand({ $root: root });
}

export class CardRenderer {
  private readonly templates: Map<CardName, Expand>;

  /** Compiles every template once; a missing or broken template stops the start. */
  constructor(
    cardsDir: string = CARDS_DIR,
    engine: TemplateEngine = 'compiled',
    /** Told when a card had to be replaced because it was too large. */
    private readonly onTooLarge?: (name: CardName, bytes: number) => void,
  ) {
    this.templates = new Map(
      CARD_NAMES.map((name) => {
        const template: unknown = JSON.parse(readFileSync(join(cardsDir, `${name}.json`), 'utf8'));
        return [name, expander(template, engine)];
      }),
    );
  }

  /**
   * The card for `data`. Every view keeps within CARD_BUDGET in its largest state; should one ever not, the
   * person gets a short card saying what to do instead, never a message Teams refuses in silence.
   */
  card<K extends CardName>(name: K, data: CardData[K]): AdaptiveCard {
    const card = this.expanded(name, data);
    // Serialised once: the answer to a click and a card update reuse this text (see jsonText).
    const text = serialiseOnce(card);
    // UTF-8 takes at most 3 bytes per UTF-16 unit: most cards are measured by their length alone.
    if (text.length * 3 <= CARD_BUDGET || name === 'notice') return card;
    const bytes = Buffer.byteLength(text);
    if (bytes <= CARD_BUDGET) return card;
    this.onTooLarge?.(name, bytes);
    return this.expanded('notice', {
      title: CARD_TOO_LARGE_TITLE,
      text: 'It would be over the size Teams allows for a message. Type **status**, **tasks** or **history** to see it in parts.',
    });
  }

  private expanded<K extends CardName>(name: K, data: CardData[K]): AdaptiveCard {
    const expand = this.templates.get(name);
    if (!expand) throw new Error(`no card template named ${name}`);
    const workshop = data as CardData['workshop'];
    const root =
      name === 'workshop'
        ? { ...data, openRows: this.taskRows(workshop.openTasks), finishedRows: this.taskRows(workshop.finishedTasks) }
        : data;
    return expand(root) as AdaptiveCard;
  }

  /** Each task row is its own template (taskRow.json), placed in the workshop card's body. */
  private taskRows(rows: CardData['taskRow'][]): unknown[] {
    return rows.map((row) => (this.expanded('taskRow', row).body as unknown[])[0]);
  }

  attachment<K extends CardName>(name: K, data: CardData[K]): Attachment {
    return CardFactory.adaptiveCard(this.card(name, data));
  }
}
