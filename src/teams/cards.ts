import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'adaptivecards-templating';
import { CardFactory, type Attachment } from 'botbuilder';
import { CARD_NAMES, type CardData, type CardName } from './cardTypes';

export const CARDS_DIR = join(__dirname, '../../cards');

export type AdaptiveCard = Record<string, unknown>;

/** Teams drops bot messages over about 40 KB; a card must stay under this. */
export const CARD_SIZE_LIMIT = 40 * 1024;

export class CardRenderer {
  private readonly templates: Map<CardName, Template>;

  /** Compiles every template once; a missing or broken template stops the start. */
  constructor(cardsDir: string = CARDS_DIR) {
    this.templates = new Map(
      CARD_NAMES.map((name) => [name, new Template(JSON.parse(readFileSync(join(cardsDir, `${name}.json`), 'utf8')))]),
    );
  }

  card<K extends CardName>(name: K, data: CardData[K]): AdaptiveCard {
    const template = this.templates.get(name);
    if (!template) throw new Error(`no card template named ${name}`);
    return template.expand({ $root: data }) as AdaptiveCard;
  }

  attachment<K extends CardName>(name: K, data: CardData[K]): Attachment {
    return CardFactory.adaptiveCard(this.card(name, data));
  }
}
