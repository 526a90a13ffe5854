import { cardsShowing } from '../../src/teams/cards/cardsShowing';
import { anEngagement } from '../fixtures/engagement';

const engagement = anEngagement();
const workshops = [...new Set(engagement.tasks.map((t) => t.workshop))].map((w) => `workshop:${w}`);

describe('which posted cards a change refreshes', () => {
  it('a task: the summary and the workshop card the task is on, nothing else', () => {
    const task = engagement.tasks.find((t) => t.workshop !== engagement.tasks[0]!.workshop)!;
    expect(cardsShowing(engagement, { kind: 'task', taskId: task.id })).toEqual([
      'summary',
      `workshop:${task.workshop}`,
    ]);
  });

  it('a task the engagement does not have: only the summary', () => {
    expect(cardsShowing(engagement, { kind: 'task', taskId: 'NO-SUCH-TASK' })).toEqual(['summary']);
  });

  it('Key Inputs: their card, the summary and every workshop card, which say whether their inputs are confirmed', () => {
    expect(workshops.length).toBe(3);
    expect(cardsShowing(engagement, { kind: 'keyInputs' })).toEqual(['keyInputs', 'summary', ...workshops]);
  });

  it('Key Outputs, a Next Step, and settings (which every card shows)', () => {
    expect(cardsShowing(engagement, { kind: 'keyOutputs' })).toEqual(['keyOutputs', 'summary']);
    expect(cardsShowing(engagement, { kind: 'nextStep' })).toEqual(['summary']);
    expect(cardsShowing(engagement, { kind: 'settings' })).toEqual([
      'keyInputs',
      ...workshops,
      'summary',
      'keyOutputs',
    ]);
  });

  it('task lists posted in the channel: with every task change and settings change, once per list', () => {
    const posts = [
      { card: 'tasks:', activityId: 'a1' },
      { card: 'tasks:sme', activityId: 'a2' },
      { card: 'tasks:', activityId: 'a3' },
      { card: 'summary', activityId: 'a4' },
    ];
    const listed = { ...engagement, posts };
    const task = engagement.tasks[0]!;
    expect(cardsShowing(listed, { kind: 'task', taskId: task.id })).toEqual([
      'summary',
      `workshop:${task.workshop}`,
      'tasks:',
      'tasks:sme',
    ]);
    expect(cardsShowing(listed, { kind: 'settings' }).slice(-2)).toEqual(['tasks:', 'tasks:sme']);
    expect(cardsShowing(listed, { kind: 'keyOutputs' })).toEqual(['keyOutputs', 'summary']);
  });
});
