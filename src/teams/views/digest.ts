import type { Digest, DigestItem } from '../../domain/reminders';
import type { DigestCardData, DigestRow } from './cardTypes';
import { customer, day, NAME_BYTES, nameList, plural, shown } from './format';

/** Lines per card, so that it stays well under Teams' 40 KB for any number of engagements. */
export const DIGEST_LIMITS = { rows: 15, escalations: 25, notes: 15 } as const;

function take<T>(items: T[], budget: { left: number }): T[] {
  const taken = items.slice(0, Math.max(0, budget.left));
  budget.left -= taken.length;
  return taken;
}

const TITLES = { daily: 'Your reminders', weekly: 'Your week ahead', now: 'Your open mandatory tasks' } as const;

function when(item: DigestItem): string {
  if (item.state === 'overdue')
    return `Overdue by ${plural(item.overdueDays ?? 0, 'business day')} (due ${day(item.due!)})`;
  if (item.due) return `Due ${day(item.due)}`;
  return 'No target date';
}

function row(item: DigestItem): DigestRow {
  const data = { engagementId: item.engagementId, taskId: item.taskId };
  return {
    text: `**${item.taskId}** · ${item.taskName}`,
    detail: `${item.workshop} · ${item.role} · ${when(item)}`,
    canStart: item.status === 'notStarted',
    data,
    snooze1: { ...data, days: '1' },
    snooze3: { ...data, days: '3' },
    snooze7: { ...data, days: '7' },
  };
}

/** One digest card: the person's tasks per customer, overdue first; escalations and notes for managers. */
export function digestView(digest: Digest | undefined, kind: Digest['kind'] = digest?.kind ?? 'now'): DigestCardData {
  const items = digest?.sections.flatMap((s) => s.items) ?? [];
  const overdue = items.filter((i) => i.state === 'overdue').length;
  const dueSoon = items.filter((i) => i.state === 'dueSoon').length;
  const counts = [overdue && `${overdue} overdue`, dueSoon && `${dueSoon} due soon`].filter(Boolean).join(', ');
  const budgets = {
    rows: { left: DIGEST_LIMITS.rows },
    escalations: { left: DIGEST_LIMITS.escalations },
    notes: { left: DIGEST_LIMITS.notes },
  };
  const visible = (digest?.sections ?? [])
    .map((section) => ({
      section,
      rows: take(section.items, budgets.rows),
      escalations: take(section.escalations, budgets.escalations),
      notes: take(
        [
          ...section.unassignedRoles.map((role) => `Nobody holds the role ${role}: assign someone in **settings**.`),
          ...section.unreachable.map(
            (name) => `${shown(name, NAME_BYTES)} cannot be reached by the bot (blocked or removed the app).`,
          ),
        ],
        budgets.notes,
      ),
    }))
    .filter((s) => s.rows.length + s.escalations.length + s.notes.length > 0);
  const hidden = items.length - visible.reduce((n, s) => n + s.rows.length, 0);
  return {
    title: `${TITLES[kind]}${digest ? ` · ${day(digest.date)}` : ''}`,
    intro: items.length
      ? `${plural(items.length, 'mandatory task')} of your roles ${items.length === 1 ? 'is' : 'are'} open${counts ? `: ${counts}` : ''}.`
      : '',
    sections: visible.map(({ section, rows, escalations, notes }) => ({
      customer: customer(section.customerName),
      items: rows.map(row),
      escalations: escalations.map((e) => ({
        text: `**${e.taskId}** · ${e.taskName} — ${e.role}: ${e.owners.length ? nameList(e.owners) : 'nobody'} · ${when(e)}`,
      })),
      notes: notes.map((text) => ({ text })),
    })),
    footer: !digest
      ? 'No open mandatory tasks for you. 🎉'
      : hidden > 0
        ? `…and ${plural(hidden, 'more task')}. Type **my tasks** in this chat to see them all.`
        : '',
  };
}
