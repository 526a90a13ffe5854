import type { PlaybookDiff } from '../../domain/playbookDiff';
import type { Engagement } from '../../domain/types';
import { versionDate } from '../../playbook/version';
import type { PlaybookUpdateCardData } from './cardTypes';
import { customer, day, plural, possessive, shown } from './format';

const NAME_BYTES = 160;
const LIST_SHOWN = 8;

/** "25 Oct 2019" for a dated version, else the version itself. */
export function versionText(version: string): string {
  const date = versionDate(version);
  return date ? day(date) : version;
}

function section(heading: string, lines: string[]): PlaybookUpdateCardData['sections'] {
  if (lines.length === 0) return [];
  const shownLines = lines.slice(0, LIST_SHOWN).map((text) => ({ text: `• ${text}` }));
  const more = lines.length > LIST_SHOWN ? [{ text: `…and ${lines.length - LIST_SHOWN} more` }] : [];
  return [{ heading, lines: [...shownLines, ...more] }];
}

const task = (t: { id: string; name: string }) => `${t.id} ${shown(t.name, NAME_BYTES)}`;

const listChanged = (change: PlaybookDiff['keyInputs']) => change.added.length + change.removed.length > 0;

/** The changes counted, in one line: "Applying it: 3 tasks added, 1 workshop renamed, Key Outputs changed." */
function inShort(diff: PlaybookDiff): string {
  const counts = [
    [diff.tasksAdded.length, 'task', 'added'],
    [diff.workshopsAdded.length, 'workshop', 'added'],
    [diff.workshopsRenamed.length, 'workshop', 'renamed'],
    [diff.tasksRenamed.length, 'task', 'renamed'],
    [diff.tasksChanged.length, 'task', 'changed'],
    [diff.tasksRemoved.length, 'task', 'retired'],
  ] as const;
  const parts = [
    ...counts.filter(([n]) => n > 0).map(([n, what, how]) => `${plural(n, what)} ${how}`),
    ...(listChanged(diff.keyInputs) ? ['Key Inputs changed'] : []),
    ...(listChanged(diff.keyOutputs) ? ['Key Outputs changed'] : []),
    ...(listChanged(diff.nextSteps) ? ['Next Steps changed'] : []),
  ];
  return parts.length ? `Applying it: ${parts.join(', ')}.` : 'Applying it changes nothing this engagement shows.';
}

/** The card that shows the FastTrack Manager what applying the newer playbook changes for this engagement. */
export function playbookUpdateView(
  engagement: Engagement,
  diff: PlaybookDiff,
  playbookTitle: string,
  canApply: boolean,
): PlaybookUpdateCardData {
  const lists = (name: string, change: PlaybookDiff['keyInputs']) =>
    section(name, [
      ...change.added.map((x) => `New: ${shown(x, NAME_BYTES)}`),
      ...change.removed.map((x) => `Gone: ${shown(x, NAME_BYTES)}`),
    ]);
  return {
    title: `${shown(playbookTitle, 200)}: a newer version`,
    intro:
      `The playbook was updated on ${versionText(diff.to)}; ${possessive(customer(engagement.customerName))} engagement ` +
      `runs on the version of ${versionText(diff.from)}.`,
    inShort: inShort(diff),
    changesId: `playbook-changes-${engagement.id}`,
    sections: [
      ...section(
        `${plural(diff.tasksAdded.length, 'task')} added`,
        diff.tasksAdded.map(
          (t) =>
            `${task(t)} (${t.workshop}, ${t.mandatory ? 'mandatory' : 'optional'}, ${t.role})` +
            (t.outOfScope ? ': not in the licensing, so not applicable' : ': arrives not started'),
        ),
      ),
      ...section(
        'Workshops renamed',
        diff.workshopsRenamed.map((w) => `${shown(w.from, NAME_BYTES)} → ${shown(w.to, NAME_BYTES)}`),
      ),
      ...section(
        'Workshops added',
        diff.workshopsAdded.map((w) => shown(w, NAME_BYTES)),
      ),
      ...section(
        'Tasks renamed (they keep their status and history)',
        diff.tasksRenamed.map((t) => `${t.id}: ${shown(t.from, NAME_BYTES)} → ${shown(t.to, NAME_BYTES)}`),
      ),
      ...section(
        'Tasks changed',
        diff.tasksChanged.map((t) => `${task(t)}: ${t.changes.join('; ')}`),
      ),
      ...section(
        'Tasks no longer in the playbook (retired: they keep their state and history, and leave progress and reminders)',
        diff.tasksRemoved.map(task),
      ),
      ...lists('Key Inputs', diff.keyInputs),
      ...lists('Key Outputs', diff.keyOutputs),
      ...lists('Next Steps', diff.nextSteps),
    ],
    footer: canApply
      ? 'Apply moves the engagement in one change, recorded in its history. Not now leaves it as it is; the summary keeps offering the newer version.'
      : 'The FastTrack Manager of this engagement can apply it.',
    canApply,
    data: { engagementId: engagement.id, version: diff.to },
  };
}
