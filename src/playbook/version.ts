import { createHash } from 'node:crypto';
import type { RefreshEntry } from './types';

/** A Refresh Summary date (M/D/YYYY, as the FastTrack playbooks write it, or YYYY-MM-DD) as YYYY-MM-DD. */
export function refreshDate(date: string): string | undefined {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(date.trim());
  if (us) return `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(date.trim()) ? date.trim() : undefined;
}

/**
 * A playbook's version, from its content: the newest date of its Refresh Summary, then a hash of the whole
 * file, so an edit without a new row is still a new version ("2019-10-25.3fa9c2d1").
 */
export function playbookVersion(refresh: RefreshEntry[], content: string): string {
  const newest =
    refresh
      .map((r) => refreshDate(r.date) ?? '')
      .sort()
      .at(-1) || 'undated';
  return `${newest}.${createHash('sha256').update(content).digest('hex').slice(0, 8)}`;
}

/** The date part of a version, for people: "25 Oct 2019", or undefined for a version without one. */
export function versionDate(version: string): string | undefined {
  const date = /^(\d{4}-\d{2}-\d{2})\./.exec(version)?.[1];
  return date;
}
