import { readdirSync } from 'node:fs';
import { CardRenderer, CARDS_DIR } from '../../src/teams/cards';
import { CARD_NAMES, type CardData, type CardName } from '../../src/teams/cardTypes';
import { helpView, playbookWorkshopView, welcomeView } from '../../src/teams/views';
import { commandMap } from '../../src/teams/commands';
import { cardProblems } from '../fixtures/cardCheck';
import { seedCatalog, seedPlaybook } from '../fixtures/engagement';

const renderer = new CardRenderer();

/** Every template with the data the bot really gives it, including the largest case. */
const samples: { [K in CardName]: CardData[K][] } = {
  workshop: seedPlaybook.workshops.map((w) => playbookWorkshopView(seedPlaybook, w, 'footer')),
  help: [helpView([...commandMap().values()], true), helpView([...commandMap().values()], false)],
  welcome: [welcomeView(seedCatalog, true), welcomeView(seedCatalog, false)],
};

describe('card templates', () => {
  it('has a data type and a sample for every template file in cards/', () => {
    const files = readdirSync(CARDS_DIR).map((f) => f.replace(/\.json$/, ''));
    expect(files.sort()).toEqual([...CARD_NAMES].sort());
  });

  it.each(CARD_NAMES.flatMap((name) => samples[name].map((data, i) => [name, i, data] as const)))(
    '%s card #%i binds fully, parses as an Adaptive Card 1.5 and stays under 40 KB',
    (name, _i, data) => {
      const card = renderer.card(name, data as never);
      expect(card.version).toBe('1.5');
      expect(cardProblems(card)).toEqual([]);
    },
  );

  it('the checker catches what Teams would reject', () => {
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 3 }] })).toEqual([
      'TextBlock text is number',
    ]);
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${x}' }] })).toEqual(
      ['an unbound ${...} expression is left'],
    );
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Carousel2' }] })).toHaveLength(1);
    const huge = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x'.repeat(41 * 1024) }] };
    expect(cardProblems(huge)[0]).toMatch(/^card is \d+ bytes$/);
  });
});
