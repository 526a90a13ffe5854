import { ForbiddenActorError, InvalidInputError, StateError } from '../../src/domain/errors';
import { confirmInput, overrideInputs, unconfirmedInputs } from '../../src/domain/keyInputs';
import { chooseNextStep, nextStepsBlockedBy } from '../../src/domain/nextSteps';
import {
  addOutputArea,
  answerOutput,
  outputAreas,
  saveOutputsForm,
  signOffOutputs,
  unansweredAreas,
  type AnswerInput,
} from '../../src/domain/outputs';
import { updateSettings } from '../../src/domain/settings';
import { changeTaskStatus } from '../../src/domain/transitions';
import type { Engagement, Person } from '../../src/domain/types';
import { anEngagement, people, seedPlaybook, T0 } from '../fixtures/engagement';

const inputs = seedPlaybook.keyInputs;
const steps = seedPlaybook.nextSteps.map((s) => s.text);
const base = anEngagement({ servicesInScope: ['AADP', 'Intune'] });
const T1 = new Date('2026-11-03T10:00:00.000Z');

function answeredAll(e: Engagement): Engagement {
  return outputAreas(e).reduce(
    (acc, area) => answerOutput(acc, { area, answer: 'enabled', date: '2026-11-20' }, people.customer, T0),
    e,
  );
}

function allTasksSettled(e: Engagement): Engagement {
  return e.tasks
    .filter((t) => t.status === 'notStarted')
    .reduce(
      (acc, t) => changeTaskStatus(acc, { taskId: t.id, action: 'complete', actor: people.manager }, T0).engagement,
      e,
    );
}

const finished = signOffOutputs(answeredAll(allTasksSettled(base)), people.customer, T0);

type Rule = [string, (actor: Person) => Engagement, Person[], Person[]];
const everyone = Object.values(people);
const rules: Rule[] = [
  [
    'confirm a Key Input',
    (a) => confirmInput(base, inputs, inputs[0]!, a, T0),
    [people.sme, people.manager, people.engineer],
    [],
  ],
  [
    'proceed without Key Inputs',
    (a) => overrideInputs(base, inputs, 'Customer confirmed by mail', a, T0),
    [people.manager],
    [],
  ],
  [
    'answer for an area',
    (a) => answerOutput(base, { area: 'Intune', answer: 'enabled' }, a, T0),
    [people.customer],
    [],
  ],
  ['add a feature', (a) => addOutputArea(base, 'Defender for Cloud Apps', a, T0), [people.customer], []],
  ['sign off', (a) => signOffOutputs(answeredAll(base), a, T0), [people.customer], []],
  ['choose the next step', (a) => chooseNextStep(finished, steps, 0, a, T0), [people.manager], []],
];

describe('who may do what with Key Inputs, Key Outputs and Next Steps', () => {
  it.each(
    rules.flatMap(([what, act, allowed]) => everyone.map((p) => [what, p.name, allowed.includes(p), act, p] as const)),
  )('%s: %s allowed=%s', (_what, _name, allowed, act, person) => {
    if (allowed) expect(act(person)).toEqual(expect.objectContaining({ id: base.id }));
    else expect(() => act(person)).toThrow(ForbiddenActorError);
  });
});

describe('Key Inputs', () => {
  it('records who confirmed each, and refuses to confirm one twice', () => {
    const once = confirmInput(base, inputs, inputs[0]!, people.sme, T0);
    expect(unconfirmedInputs(once, inputs)).toEqual([inputs[1]]);
    expect(once.audit.at(-1)).toMatchObject({ action: 'inputConfirmed', subject: inputs[0], actor: people.sme });
    expect(() => confirmInput(once, inputs, inputs[0]!, people.engineer, T0)).toThrow(StateError);
  });

  it.each([[''], ['   '], [undefined]])('a manager cannot proceed without a reason (%p)', (reason) => {
    expect(() => overrideInputs(base, inputs, reason, people.manager, T0)).toThrow(InvalidInputError);
  });

  it('refuses an input the playbook does not name', () => {
    expect(() => confirmInput(base, inputs, 'Something else', people.sme, T0)).toThrow(InvalidInputError);
  });
});

describe('Key Outputs', () => {
  it('lists each service in scope and each added feature as an area', () => {
    const added = addOutputArea(base, 'Defender for Cloud Apps', people.customer, T0);
    expect(outputAreas(added)).toEqual(['AADP', 'Intune', 'Defender for Cloud Apps']);
    expect(() => addOutputArea(added, 'defender for cloud apps', people.customer, T0)).toThrow(StateError);
  });

  it.each([
    ['not planned without a reason', { answer: 'notPlanned' }],
    ['not planned with a blank reason', { answer: 'notPlanned', reason: ' \n\t ' }],
    ['an unknown answer', { answer: 'maybe' }],
    ['an area of another engagement', { area: 'Exchange Online Protection', answer: 'enabled' }],
    ['a reason over 500 characters', { answer: 'notPlanned', reason: 'r'.repeat(501) }],
    ['a note over 1000 characters', { answer: 'enabled', note: 'n'.repeat(1001) }],
    ['a date that is not one', { answer: 'enabled', date: '2026-02-30' }],
  ])('refuses %s and changes nothing', (_name, input) => {
    expect(() => answerOutput(base, { area: 'Intune', ...input }, people.customer, T0)).toThrow(InvalidInputError);
  });

  it('needs every area answered before sign-off', () => {
    const one = answerOutput(
      base,
      { area: 'AADP', answer: 'notPlanned', reason: 'No P2 licences' },
      people.customer,
      T0,
    );
    expect(unansweredAreas(one)).toEqual(['Intune']);
    expect(() => signOffOutputs(one, people.customer, T0)).toThrow(/still unanswered: Intune/);
  });

  it('a revision after sign-off clears the sign-off, and the trail keeps both', () => {
    const signed = signOffOutputs(answeredAll(base), people.customer, T0);
    const revised = answerOutput(
      signed,
      { area: 'Intune', answer: 'notPlanned', reason: 'Using another MDM' },
      people.customer,
      T1,
    );
    expect(revised.outputs?.signedOff).toBeUndefined();
    expect(revised.audit.slice(-3).map((e) => e.action)).toEqual(['signedOff', 'outputAnswered', 'signOffCleared']);
    expect(signOffOutputs(revised, people.customer, T1).outputs?.signedOff).toEqual({
      by: people.customer,
      at: T1.toISOString(),
    });
  });

  it('a change of the services in scope clears the sign-off', () => {
    const signed = signOffOutputs(answeredAll(base), people.customer, T0);
    const settings = { ...signed, servicesInScope: ['AADP'] };
    const changed = updateSettings(signed, seedPlaybook, settings, people.manager, T1);
    expect(changed.outputs?.signedOff).toBeUndefined();
    expect(changed.audit.map((e) => e.action)).toContain('signOffCleared');
  });
});

describe('Key Outputs in one pass', () => {
  const answered = answerOutput(
    base,
    { area: 'Intune', answer: 'enabled', date: '2026-11-20', note: 'All laptops' },
    people.customer,
    T0,
  );
  const signed = signOffOutputs(
    answerOutput(answered, { area: 'AADP', answer: 'notPlanned', reason: 'No P2' }, people.customer, T0),
    people.customer,
    T0,
  );
  const save = (e: Engagement, answers: AnswerInput[], newArea?: string) =>
    saveOutputsForm(e, { answers, newArea }, people.customer, T1);
  const view = (e: Engagement) =>
    e.outputs!.answers.map((a) => `${a.area}: ${a.answer}${a.date ? ` ${a.date}` : ''} ${a.note ?? a.reason ?? ''}`);

  it.each<[string, Engagement, AnswerInput[], string | undefined, string[], string[], number]>([
    [
      'every row in one change',
      base,
      [
        { area: 'AADP', answer: 'notPlanned', reason: 'No P2' },
        { area: 'Intune', answer: 'enabled' },
      ],
      undefined,
      ['AADP: notPlanned No P2', 'Intune: enabled '],
      [],
      2,
    ],
    [
      'a row without its reason is refused; the others are saved',
      base,
      [
        { area: 'AADP', answer: 'notPlanned' },
        { area: 'Intune', answer: 'enabled', note: 'ok' },
      ],
      undefined,
      ['Intune: enabled ok'],
      ['AADP'],
      1,
    ],
    [
      'an empty box keeps the date and the note: nothing changes',
      answered,
      [{ area: 'Intune', answer: 'enabled' }],
      undefined,
      ['Intune: enabled 2026-11-20 All laptops'],
      [],
      0,
    ],
    [
      'a new text replaces the note, and the date stays',
      answered,
      [{ area: 'Intune', answer: 'enabled', note: 'All desktops too' }],
      undefined,
      ['Intune: enabled 2026-11-20 All desktops too'],
      [],
      1,
    ],
    [
      'a change of answer does not carry the note over as a reason',
      answered,
      [{ area: 'Intune', answer: 'notPlanned' }],
      undefined,
      ['Intune: enabled 2026-11-20 All laptops'],
      ['Intune'],
      0,
    ],
    [
      'a named feature arrives enabled',
      base,
      [],
      'Defender for Cloud Apps',
      ['Defender for Cloud Apps: enabled '],
      [],
      2,
    ],
    [
      'a feature already on the list is refused, and the rows are still saved',
      base,
      [{ area: 'AADP', answer: 'enabled' }],
      'aadp',
      ['AADP: enabled '],
      ['aadp'],
      1,
    ],
    [
      "an area that is not the engagement's is refused",
      base,
      [{ area: 'Exchange', answer: 'enabled' }],
      undefined,
      [],
      ['Exchange'],
      0,
    ],
  ])('%s', (_case, engagement, answers, newArea, kept, refused, events) => {
    const outcome = save(engagement, answers, newArea);
    expect(outcome.engagement.outputs ? view(outcome.engagement) : []).toEqual(kept);
    expect(outcome.refused.map((r) => r.area)).toEqual(refused);
    expect(outcome.engagement.audit.length - engagement.audit.length).toBe(events);
    if (events === 0) expect(outcome.engagement).toBe(engagement);
  });

  it('a revision of several areas after sign-off clears it once, naming them', () => {
    const outcome = save(signed, [
      { area: 'AADP', answer: 'enabled' },
      { area: 'Intune', answer: 'notPlanned', reason: 'Moving MDM' },
    ]);
    expect(outcome.engagement.outputs?.signedOff).toBeUndefined();
    const cleared = outcome.engagement.audit.filter((e) => e.action === 'signOffCleared');
    expect(cleared.map((e) => e.reason)).toEqual(['AADP and Intune were revised']);
  });

  it('is for customer contacts, and not once the engagement is complete', () => {
    expect(() => saveOutputsForm(base, { answers: [] }, people.sme, T1)).toThrow(ForbiddenActorError);
    const complete = { ...base, completion: { nextStep: 'x', by: people.manager, at: T0.toISOString() } };
    expect(() => save(complete, [{ area: 'AADP', answer: 'enabled' }], 'New')).toThrow(StateError);
  });
});

describe('Next Steps', () => {
  it.each([
    ['tasks open, not signed off', 2, base],
    ['tasks done, not signed off', 1, allTasksSettled(base)],
    ['signed off, tasks open', 1, signOffOutputs(answeredAll(base), people.customer, T0)],
    ['tasks done and signed off', 0, finished],
  ])('%s: %i reasons they are closed', (_name, reasons, engagement) => {
    expect(nextStepsBlockedBy(engagement)).toHaveLength(reasons);
    if (reasons > 0) expect(() => chooseNextStep(engagement, steps, 0, people.manager, T0)).toThrow(StateError);
  });

  it('choosing one completes the engagement, once', () => {
    const complete = chooseNextStep(finished, steps, 1, people.manager, T1);
    expect(complete.completion).toEqual({ nextStep: steps[1], by: people.manager, at: T1.toISOString() });
    expect(() => chooseNextStep(complete, steps, 0, people.manager, T1)).toThrow(StateError);
    expect(() => answerOutput(complete, { area: 'Intune', answer: 'enabled' }, people.customer, T1)).toThrow(
      StateError,
    );
  });

  it('refuses a step the playbook does not have', () => {
    expect(() => chooseNextStep(finished, steps, 7, people.manager, T0)).toThrow(InvalidInputError);
  });
});
