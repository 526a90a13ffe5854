import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'adaptivecards-templating';
import { CardFactory, type Attachment } from 'botbuilder';
import { CARD_NAMES, type CardData, type CardName } from './cardTypes';

export const CARDS_DIR = join(__dirname, '../../cards');

export type AdaptiveCard = Record<string, unknown>;

/** Teams drops bot messages over about 40 KB; a card must stay under this. */
export const CARD_SIZE_LIMIT = 40 * 1024;

/** Task rows are rendered on their own and reused while unchanged: most of a workshop card stays the same. */
const ROW_CACHE_LIMIT = 1000;

export class CardRenderer {
  private readonly templates: Map<CardName, Template>;
  private readonly rows = new Map<string, unknown>();

  /** Compiles every template once; a missing or broken template stops the start. */
  constructor(cardsDir: string = CARDS_DIR) {
    this.templates = new Map(
      CARD_NAMES.map((name) => [name, new Template(JSON.parse(readFileSync(join(cardsDir, `${name}.json`), 'utf8')))]),
    );
  }

  card<K extends CardName>(name: K, data: CardData[K]): AdaptiveCard {
    const template = this.templates.get(name);
    if (!template) throw new Error(`no card template named ${name}`);
    const workshop = data as CardData['workshop'];
    const root =
      name === 'workshop'
        ? { ...data, openRows: this.taskRows(workshop.openTasks), finishedRows: this.taskRows(workshop.finishedTasks) }
        : data;
    return template.expand({ $root: root }) as AdaptiveCard;
  }

  private taskRows(rows: CardData['taskRow'][]): unknown[] {
    return rows.map((row) => {
      const key = JSON.stringify(row);
      const cached = this.rows.get(key);
      if (cached) return cached;
      const rendered = (this.card('taskRow', row).body as unknown[])[0];
      if (this.rows.size >= ROW_CACHE_LIMIT) this.rows.delete(this.rows.keys().next().value as string);
      this.rows.set(key, rendered);
      return rendered;
    });
  }

  attachment<K extends CardName>(name: K, data: CardData[K]): Attachment {
    return CardFactory.adaptiveCard(this.card(name, data));
  }
}
