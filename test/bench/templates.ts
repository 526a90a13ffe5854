import { CardRenderer, CARDS_DIR, type TemplateEngine } from '../../src/teams/cards/renderer';
import { summaryView } from '../../src/teams/views/summary';
import { workshopView } from '../../src/teams/views/workshop';
import { anEngagement, people, seedPlaybook } from '../fixtures/engagement';

export interface TemplateFigures {
  renders: number;
  /** Microseconds per render of the cards a task action sends: the clicked workshop card and the summary. */
  microseconds: Record<TemplateEngine, number>;
}

const ROUNDS = 7;
const PER_ROUND = 300;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * The template compiler against adaptivecards-templating on the same cards and data: the FastTrack
 * Manager's own copy of the Device Security workshop card and of the summary, rendered in rounds that
 * alternate between the two engines.
 */
export function templateBench(): TemplateFigures {
  const engagement = anEngagement();
  const viewer = { person: people.manager };
  const workshop = workshopView(engagement, seedPlaybook, 'Device Security', viewer);
  const summary = summaryView(engagement, seedPlaybook, seedPlaybook.title, viewer);
  const renderers: Record<TemplateEngine, CardRenderer> = {
    compiled: new CardRenderer(CARDS_DIR, 'compiled'),
    library: new CardRenderer(CARDS_DIR, 'library'),
  };
  // Fresh rows each time, as after a click: the renderer keeps each row's text by the row, and a bench that
  // gave it the same rows again would measure that memo, not the template.
  const render = (renderer: CardRenderer) => {
    renderer.card('workshop', {
      ...workshop,
      openTasks: workshop.openTasks.map((row) => ({ ...row })),
      finishedTasks: workshop.finishedTasks.map((row) => ({ ...row })),
    });
    renderer.card('summary', summary);
  };
  for (const renderer of Object.values(renderers)) for (let i = 0; i < PER_ROUND; i++) render(renderer);
  const times: Record<TemplateEngine, number[]> = { compiled: [], library: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const engine of ['compiled', 'library'] as const) {
      const started = performance.now();
      for (let i = 0; i < PER_ROUND; i++) render(renderers[engine]);
      times[engine].push(((performance.now() - started) * 1000) / (PER_ROUND * 2));
    }
  }
  return {
    renders: ROUNDS * PER_ROUND * 2,
    microseconds: { compiled: median(times.compiled), library: median(times.library) },
  };
}
