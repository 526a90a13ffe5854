import { ForbiddenActorError, InvalidInputError, StateError } from './errors';
import { CUSTOMER_CONTACT, isCustomerContact } from './people';
import { checkedText, cleanText, clipped, comparable, isCalendarDate } from './text';
import {
  OUTPUT_ANSWERS,
  type AuditEvent,
  type Engagement,
  type OutputAnswer,
  type OutputAnswerKind,
  type OutputsRecord,
  type Person,
} from './types';
import { withEvents } from './audit';

/** Bounds that keep the Key Outputs card, with every area answered at length, under Teams' 40 KB. */
export const OUTPUT_LIMITS = { area: 80, note: 500, reason: 500, addedAreas: 10 } as const;

export const outputsOf = (engagement: Engagement): OutputsRecord =>
  engagement.outputs ?? { addedAreas: [], answers: [] };

/** The areas the customer answers for: each service in scope, then each feature they added. */
export function outputAreas(engagement: Engagement): string[] {
  return [...engagement.servicesInScope, ...outputsOf(engagement).addedAreas];
}

/** The current answer for each area, unanswered areas included. */
export function outputAnswers(engagement: Engagement): { area: string; answer?: OutputAnswer }[] {
  const { answers } = outputsOf(engagement);
  return outputAreas(engagement).map((area) => ({ area, answer: answers.find((a) => a.area === area) }));
}

export const unansweredAreas = (engagement: Engagement): string[] =>
  outputAnswers(engagement)
    .filter((a) => !a.answer)
    .map((a) => a.area);

export interface AnswerInput {
  area: string;
  answer: string;
  date?: string;
  note?: string;
  reason?: string;
}

function mustBeContact(engagement: Engagement, actor: Person): void {
  if (!isCustomerContact(engagement, actor)) throw new ForbiddenActorError(actor.id, [CUSTOMER_CONTACT]);
  if (engagement.completion) throw new StateError('This engagement is complete; its Key Outputs are final.');
}

const describe = (a: OutputAnswer | undefined): string =>
  !a ? 'unanswered' : a.answer === 'enabled' ? `enabled${a.date ? ` on ${a.date}` : ''}` : 'not planned';

/** A sign-off that no longer holds (an answer or the areas changed): cleared, with its event. */
export function signOffCleared(
  engagement: Engagement,
  actor: Person,
  at: string,
  why: string,
): { engagement: Engagement; event: AuditEvent } | undefined {
  const outputs = outputsOf(engagement);
  if (!outputs.signedOff) return undefined;
  const { signedOff: _cleared, ...rest } = outputs;
  return {
    engagement: { ...engagement, outputs: rest },
    event: {
      at,
      actor,
      action: 'signOffCleared',
      subject: 'Key Outputs',
      before: 'signed off',
      after: 'not signed off',
      reason: why,
    },
  };
}

function answerOf(input: AnswerInput, actor: Person, at: string): OutputAnswer {
  if (!(OUTPUT_ANSWERS as readonly string[]).includes(input.answer)) {
    throw new InvalidInputError('answer', 'must be Enabled or Not planned');
  }
  const answer = input.answer as OutputAnswerKind;
  const note = checkedText('note', input.note, OUTPUT_LIMITS.note);
  const reason = checkedText('reason', input.reason, OUTPUT_LIMITS.reason);
  const date = input.date?.trim() || undefined;
  if (answer === 'notPlanned' && !reason) {
    throw new InvalidInputError('reason', 'is required for an area the customer does not plan to enable');
  }
  if (answer === 'enabled' && date && !isCalendarDate(date)) {
    throw new InvalidInputError('date', `"${date.slice(0, 20)}" is not a date (YYYY-MM-DD)`);
  }
  return {
    area: input.area,
    answer,
    ...(answer === 'enabled' && date && { date }),
    ...(answer === 'enabled' && note && { note }),
    ...(answer === 'notPlanned' && { reason }),
    by: actor,
    at,
  };
}

const sameAnswer = (a: OutputAnswer | undefined, b: OutputAnswer): boolean =>
  !!a && a.answer === b.answer && a.date === b.date && a.note === b.note && a.reason === b.reason;

/** An area the submit could not answer, and why; the other areas of the same submit are still saved. */
export interface RefusedAnswer {
  area: string;
  error: InvalidInputError | StateError;
}

export interface AnswersOutcome {
  engagement: Engagement;
  refused: RefusedAnswer[];
}

function areaOf(engagement: Engagement, named: string): string {
  // The form sends the area exactly as stored; anything else is not one of this engagement's areas.
  const area = outputAreas(engagement).find((a) => a === cleanText(named));
  if (area !== undefined) return area;
  throw new InvalidInputError(
    'area',
    `names "${clipped(cleanText(named), 60)}", which is not one of this engagement's areas`,
  );
}

/**
 * What a row leaves out, it keeps: the one-pass form sends no date and an empty text box for "as it is",
 * so an area answered the same way keeps its date and its reason or note.
 */
function withKept(input: AnswerInput, previous: OutputAnswer | undefined): AnswerInput {
  if (!previous || previous.answer !== input.answer) return input;
  const textSent = input.note !== undefined || input.reason !== undefined;
  return {
    ...input,
    ...(input.date === undefined && { date: previous.date }),
    ...(!textSent && { note: previous.note, reason: previous.reason }),
  };
}

const revisedReason = (areas: string[]): string =>
  areas.length === 1 ? `${areas[0]} was revised` : `${areas.slice(0, -1).join(', ')} and ${areas.at(-1)} were revised`;

/**
 * A customer contact answers any number of areas in one submit, in one change with an event per area.
 * An area whose answer is not valid (a missing reason, say) is refused by name; the others are kept.
 * A revision after sign-off clears the sign-off.
 */
export function answerOutputs(engagement: Engagement, inputs: AnswerInput[], actor: Person, now: Date): AnswersOutcome {
  mustBeContact(engagement, actor);
  const at = now.toISOString();
  const outputs = outputsOf(engagement);
  const changed = new Map<string, OutputAnswer>();
  const events: AuditEvent[] = [];
  const refused: RefusedAnswer[] = [];
  for (const input of inputs) {
    try {
      const area = areaOf(engagement, input.area);
      const previous = changed.get(area) ?? outputs.answers.find((a) => a.area === area);
      const answer = answerOf({ ...withKept(input, previous), area }, actor, at);
      if (sameAnswer(previous, answer)) continue;
      changed.set(area, answer);
      events.push({
        at,
        actor,
        action: 'outputAnswered',
        subject: area,
        before: describe(previous),
        after: describe(answer),
        ...(answer.reason && { reason: answer.reason }),
        ...(answer.note && { note: answer.note }),
      });
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      refused.push({ area: clipped(cleanText(input.area), 60), error });
    }
  }
  if (changed.size === 0) return { engagement, refused };
  const answered: Engagement = {
    ...engagement,
    outputs: { ...outputs, answers: [...outputs.answers.filter((a) => !changed.has(a.area)), ...changed.values()] },
  };
  const cleared = signOffCleared(answered, actor, at, revisedReason([...changed.keys()]));
  return {
    engagement: withEvents(cleared?.engagement ?? answered, cleared ? [...events, cleared.event] : events),
    refused,
  };
}

/** A customer contact answers for one area (the form of cards posted before the one-pass form). */
export function answerOutput(engagement: Engagement, input: AnswerInput, actor: Person, now: Date): Engagement {
  const outcome = answerOutputs(engagement, [input], actor, now);
  if (outcome.refused[0]) throw outcome.refused[0].error;
  return outcome.engagement;
}

/** A customer contact adds a feature they enable per their organizational policy. */
export function addOutputArea(engagement: Engagement, name: string, actor: Person, now: Date): Engagement {
  mustBeContact(engagement, actor);
  const area = checkedText('feature', name, OUTPUT_LIMITS.area);
  if (!area) throw new InvalidInputError('feature', 'needs a name');
  const outputs = outputsOf(engagement);
  if (outputAreas(engagement).some((a) => comparable(a) === comparable(area))) {
    throw new StateError(`"${area}" is already on the list.`);
  }
  if (outputs.addedAreas.length >= OUTPUT_LIMITS.addedAreas) {
    throw new InvalidInputError('feature', `would be more than ${OUTPUT_LIMITS.addedAreas} added features`);
  }
  const at = now.toISOString();
  const added: Engagement = { ...engagement, outputs: { ...outputs, addedAreas: [...outputs.addedAreas, area] } };
  const event: AuditEvent = { at, actor, action: 'areaAdded', subject: area, after: 'unanswered' };
  const cleared = signOffCleared(added, actor, at, `${area} was added`);
  return withEvents(cleared?.engagement ?? added, cleared ? [event, cleared.event] : [event]);
}

/** A customer contact signs the outputs off, once every area has an answer. */
export function signOffOutputs(engagement: Engagement, actor: Person, now: Date): Engagement {
  mustBeContact(engagement, actor);
  const outputs = outputsOf(engagement);
  if (outputs.signedOff)
    throw new StateError(`The Key Outputs are already signed off by ${outputs.signedOff.by.name}.`);
  const open = unansweredAreas(engagement);
  if (open.length > 0) {
    throw new StateError(`Sign-off needs an answer for every area; still unanswered: ${open.join(', ')}.`);
  }
  const at = now.toISOString();
  return withEvents({ ...engagement, outputs: { ...outputs, signedOff: { by: actor, at } } }, [
    { at, actor, action: 'signedOff', subject: 'Key Outputs', before: 'not signed off', after: 'signed off' },
  ]);
}

/** The one-pass form: every row the contact chose an answer for, and a feature they name, which is enabled. */
export interface OutputsForm {
  answers: AnswerInput[];
  newArea?: string;
}

/** Saves the whole form in one change; what cannot be saved is refused by name, and the rest is kept. */
export function saveOutputsForm(engagement: Engagement, form: OutputsForm, actor: Person, now: Date): AnswersOutcome {
  mustBeContact(engagement, actor);
  let current = engagement;
  const answers = [...form.answers];
  const refused: RefusedAnswer[] = [];
  if (form.newArea) {
    try {
      current = addOutputArea(current, form.newArea, actor, now);
      answers.push({ area: outputsOf(current).addedAreas.at(-1)!, answer: 'enabled' });
    } catch (error) {
      if (!(error instanceof InvalidInputError || error instanceof StateError)) throw error;
      refused.push({ area: clipped(cleanText(form.newArea), 60), error });
    }
  }
  const outcome = answerOutputs(current, answers, actor, now);
  return { engagement: outcome.engagement, refused: [...refused, ...outcome.refused] };
}
