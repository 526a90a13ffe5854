import { mandatoryProgress } from '../../domain/progress';
import type { Catalog } from '../../playbook/catalog';
import type { Playbook, Workshop } from '../../playbook/types';
import type { HelpCardData, WelcomeCardData, PlaybookWorkshopCardData } from './cardTypes';
import { joined, plural } from './format';

/** A workshop as the playbook defines it, before any engagement tracks it. */
export function playbookWorkshopView(playbook: Playbook, workshop: Workshop, footer: string): PlaybookWorkshopCardData {
  const mandatory = mandatoryProgress(workshop.tasks.map((t) => ({ ...t, status: 'notStarted' })));
  return {
    playbookTitle: playbook.title,
    name: workshop.name,
    primaryRole: workshop.primaryRole,
    appliesTo: joined(workshop.appliesTo),
    mandatorySummary: `${mandatory.total} of ${plural(workshop.tasks.length, 'task')}`,
    tasks: workshop.tasks.map((t) => ({
      id: t.id,
      name: t.name,
      marker: t.mandatory ? 'Mandatory' : 'Optional',
      role: t.role,
      services: joined(t.services),
    })),
    footer,
  };
}

/** What the help card says of a command. */
export interface CommandHelp {
  usage: string;
  description: string;
}

/** The commands `help` shows at once; the rest open from a toggle, so the card fits a screen. */
const HELP_SHOWN = 6;

export function helpView(commands: readonly CommandHelp[], inChannel: boolean): HelpCardData {
  const facts = commands.map((c) => ({ usage: c.usage, description: c.description }));
  const more = facts.slice(HELP_SHOWN);
  return {
    intro: 'I turn the FastTrack security workshops playbook into a checklist that everyone here shares.',
    commands: facts.slice(0, HELP_SHOWN),
    moreCommands: more,
    moreLabel: more.length ? `Show ${more.length} more ${more.length === 1 ? 'command' : 'commands'}` : '',
    howToAsk: inChannel ? 'In a channel, @mention me before the command.' : 'Type a command in this chat.',
  };
}

export function welcomeView(catalog: Catalog, inChannel: boolean): WelcomeCardData {
  return {
    audience: inChannel ? 'everyone' : 'there',
    playbooks: catalog.playbooks.map((p) => ({ title: p.title, workshops: joined(p.workshops.map((w) => w.name)) })),
    howToStart: `${inChannel ? '@mention me and type' : 'Type'} **workshops** to see the task lists, or **help** for everything I can do.`,
  };
}
