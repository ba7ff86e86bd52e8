// Meetings of one series and how their actions follow each other: "carried" means the same
// action (by stable id, else by normalised text) appears in a later meeting.
import { actionLabel } from './action-label';
import type { Action, Meeting } from './model';

export interface SeriesEntry {
  /** Path or URI, for messages and ordering of meetings on the same day. */
  key: string;
  meeting: Meeting;
}

/** Meetings of a series ordered by date (undated last), then by key. */
export function sortSeries<T extends SeriesEntry>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) => (a.meeting.fields.date ?? '9999').localeCompare(b.meeting.fields.date ?? '9999') || a.key.localeCompare(b.key),
  );
}

/** The meeting of the same series just before `current`, or null. */
export function previousInSeries<T extends SeriesEntry>(entries: readonly T[], current: SeriesEntry): T | null {
  const series = current.meeting.fields.series;
  if (!series) return null;
  const ordered = sortSeries(entries.filter((entry) => entry.meeting.fields.series === series));
  const index = ordered.findIndex((entry) => entry.key === current.key);
  if (index > 0) return ordered[index - 1]!;
  if (index === 0) return null;
  // `current` is not in the list (a new meeting): the last one dated before it.
  const date = current.meeting.fields.date;
  const before = ordered.filter((entry) => date !== null && entry.meeting.fields.date !== null && entry.meeting.fields.date < date);
  return before.at(-1) ?? null;
}

/**
 * Text that identifies an action across meetings: its words without owners, dates, priority and
 * ids, case- and width-folded, punctuation and spaces removed.
 */
export function normaliseActionText(action: Action, documentText: string): string {
  return actionLabel(action, documentText)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, '');
}

/** The action of `later` that carries `action` (same id, else same normalised text), or null. */
export function findCarried(action: Action, from: Meeting, later: Meeting): Action | null {
  if (action.id) {
    const byId = later.actions.find((candidate) => candidate.id === action.id);
    if (byId) return byId;
  }
  const text = normaliseActionText(action, from.text);
  if (!text) return null;
  return later.actions.find((candidate) => normaliseActionText(candidate, later.text) === text) ?? null;
}
