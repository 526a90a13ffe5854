import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'adaptivecards-templating';
import { CardFactory, type Attachment } from 'botbuilder';
import { CARD_NAMES, type CardData, type CardName } from '../views/cardTypes';
import { parsedWhenRead } from '../jsonText';
import { compileTemplate, JsonFragment } from './compiledTemplate';

export const CARDS_DIR = join(__dirname, '../../../cards');

export type AdaptiveCard = Record<string, unknown>;

/** Teams drops bot messages over about 40 KB; a card must stay under this. */
export { MAX_ACTIVITY_BYTES as CARD_SIZE_LIMIT } from '../outbound/connectorHttp';

/** What a card may weigh, serialised: with the activity around it, a message stays at or under 36 KB. */
const CARD_BUDGET = 35 * 1024;

export const CARD_TOO_LARGE_TITLE = 'This card is too large to show here';

/** A template's expansion for its data, as JSON text. */
type Expand = (root: unknown) => string;

/**
 * How templates are expanded: compiled once into functions (the default, several times faster), or by
 * adaptivecards-templating itself, which the card tests use to prove both give the same cards.
 */
export type TemplateEngine = 'compiled' | 'library';

function expander(template: unknown, engine: TemplateEngine): Expand {
  if (engine === 'compiled') return compileTemplate(template);
  const library = new Template(template);
  // The library takes objects: text already expanded (a task row) is given to it parsed.
  const parsed = (_key: string, value: unknown) => (value instanceof JsonFragment ? JSON.parse(value.text) : value);
  return (root) => JSON.stringify(library.expand({ $root: JSON.parse(JSON.stringify(root, parsed)) }));
}

export class CardRenderer {
  private readonly templates: Map<CardName, Expand>;
  /** The one element of taskRow.json's body, which the workshop card places once per task. */
  private readonly taskRow: Expand;
  /**
   * Each row's text, by the row: the workshop view gives the same row again for a task that did not change.
   * Only frozen rows (as the view gives them) are kept: a row that could change has its text written anew.
   */
  private readonly rowTexts = new WeakMap<CardData['taskRow'], JsonFragment>();

  /** Compiles every template once; a missing or broken template stops the start. */
  constructor(
    cardsDir: string = CARDS_DIR,
    engine: TemplateEngine = 'compiled',
    /** Told when a card had to be replaced because it was too large. */
    private readonly onTooLarge?: (name: CardName, bytes: number) => void,
  ) {
    const templates = new Map(
      CARD_NAMES.map((name) => [name, JSON.parse(readFileSync(join(cardsDir, `${name}.json`), 'utf8')) as unknown]),
    );
    this.templates = new Map([...templates].map(([name, template]) => [name, expander(template, engine)]));
    const row = (templates.get('taskRow') as { body?: unknown[] } | undefined)?.body?.[0];
    if (row === undefined) throw new Error('taskRow.json has no element in its body');
    this.taskRow = expander(row, engine);
  }

  /**
   * The card for `data`. Every view keeps within CARD_BUDGET in its largest state; should one ever not, the
   * person gets a short card saying what to do instead, never a message Teams refuses in silence.
   */
  card<K extends CardName>(name: K, data: CardData[K]): AdaptiveCard {
    // Expanded straight to the text that is sent (the answer to a click and card updates reuse it, see
    // jsonText); the object form is only parsed if something reads it.
    const text = this.expanded(name, data);
    // UTF-8 takes at most 3 bytes per UTF-16 unit: most cards are measured by their length alone.
    if (text.length * 3 <= CARD_BUDGET || name === 'notice') return parsedWhenRead(text);
    const bytes = Buffer.byteLength(text);
    if (bytes <= CARD_BUDGET) return parsedWhenRead(text);
    this.onTooLarge?.(name, bytes);
    return parsedWhenRead(
      this.expanded('notice', {
        title: CARD_TOO_LARGE_TITLE,
        text: 'It would be over the size Teams allows for a message. Type **status**, **tasks** or **history** to see it in parts.',
      }),
    );
  }

  private expanded<K extends CardName>(name: K, data: CardData[K]): string {
    const expand = this.templates.get(name);
    if (!expand) throw new Error(`no card template named ${name}`);
    const workshop = data as CardData['workshop'];
    const root =
      name === 'workshop'
        ? { ...data, openRows: this.taskRows(workshop.openTasks), finishedRows: this.taskRows(workshop.finishedTasks) }
        : data;
    return expand(root);
  }

  /** Each task row is its own template (taskRow.json), placed in the workshop card's body as its text. */
  private taskRows(rows: CardData['taskRow'][]): JsonFragment[] {
    return rows.map((row) => {
      const kept = this.rowTexts.get(row);
      if (kept) return kept;
      const text = new JsonFragment(this.taskRow(row));
      if (Object.isFrozen(row)) this.rowTexts.set(row, text);
      return text;
    });
  }

  attachment<K extends CardName>(name: K, data: CardData[K]): Attachment {
    return CardFactory.adaptiveCard(this.card(name, data));
  }
}
