// Meetings of one series and how their actions follow each other: "carried" means the same
// action (by stable id, else by normalised text) appears in a later meeting. A series is ordered
// by `date`; the previous meeting of a meeting is the one with the latest date strictly before
// its own (the last by key among several on that date), so meetings on the same day never
// follow each other.
import { actionLabel } from './action-label';
import type { Action, ActionStatus, Meeting } from './model';
import { summaryOf, type ActionSummary, type MeetingSummary } from './summary';

export interface SeriesEntry<M extends Meeting | MeetingSummary = Meeting | MeetingSummary> {
  /** Path or URI, for messages and ordering of meetings on the same day. */
  key: string;
  /** The parsed meeting, or what a workspace index keeps of it. */
  meeting: M;
}

/** The last segment of a path or URI, decoded. */
export function fileName(key: string): string {
  const last = key.split(/[\\/]/u).filter(Boolean).pop() ?? key;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** Meetings of a series ordered by date (undated last), then by key. */
export function sortSeries<T extends SeriesEntry>(entries: readonly T[]): T[] {
  return [...entries].sort(compareInSeries);
}

/**
 * The order of `sortSeries`: by date (undated last), then by key. Plain code-unit order: the same
 * on every machine whatever its locale, and many times faster than `localeCompare`.
 */
export function compareInSeries(a: SeriesEntry, b: SeriesEntry): number {
  return seriesOrder(a.meeting.fields.date, a.key, b.meeting.fields.date, b.key);
}

function seriesOrder(dateA: string | null | undefined, keyA: string, dateB: string | null | undefined, keyB: string): number {
  const a = dateA ?? '9999';
  const b = dateB ?? '9999';
  if (a !== b) return a < b ? -1 : 1;
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

/**
 * In meetings in `sortSeries` order (undated last), the index of the first dated on or after
 * `date`, or strictly after it when `after` is set; the length when there is none.
 */
export function firstDatedFrom(ordered: readonly SeriesEntry[], date: string, after: boolean): number {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const other = ordered[middle]!.meeting.fields.date ?? '9999';
    if (other < date || (after && other === date)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * `previousInSeries` for the meetings of `current`'s series already in `sortSeries` order: a
 * binary search, for callers that look up every meeting of a large workspace.
 */
export function previousInSortedSeries<T extends SeriesEntry>(ordered: readonly T[], current: SeriesEntry): T | null {
  const { series, date } = current.meeting.fields;
  if (!series || !date) return null;
  const low = firstDatedFrom(ordered, date, false);
  if (low === 0) return null;
  // Several on the latest earlier date: the last by key, as previousInSeries decides it.
  let best = ordered[low - 1]!;
  for (let i = low - 2; i >= 0 && ordered[i]!.meeting.fields.date === best.meeting.fields.date; i--) if (ordered[i]!.key > best.key) best = ordered[i]!;
  return best;
}

/**
 * The previous meeting of `current` in its series: among `entries` of the same series, the one
 * with the latest date strictly before `current`'s date; the last by key when several share it.
 * Null for a meeting without a series or a date.
 */
export function previousInSeries<T extends SeriesEntry>(entries: readonly T[], current: SeriesEntry): T | null {
  const { series, date } = current.meeting.fields;
  if (!series || !date) return null;
  let best: T | null = null;
  for (const entry of entries) {
    if (entry.key === current.key || entry.meeting.fields.series !== series) continue;
    const other = entry.meeting.fields.date;
    if (!other || other >= date) continue;
    const bestDate = best?.meeting.fields.date ?? '';
    if (!best || other > bestDate || (other === bestDate && entry.key > best.key)) best = entry;
  }
  return best;
}

/**
 * Text that identifies an action across meetings: its words without owners, dates, priority and
 * ids, case- and width-folded, punctuation and spaces removed.
 */
export function normaliseActionText(action: Action, documentText: string): string {
  return normaliseLabel(actionLabel(action, documentText));
}

const DROPPED = /[\p{P}\p{S}\s]/u;
/** Which ASCII characters `DROPPED` matches. */
const ASCII_DROPPED = Array.from({ length: 128 }, (_, code) => DROPPED.test(String.fromCharCode(code)));

/**
 * The identifying form of an action's label (see normaliseActionText): NFKC, lower case, without
 * punctuation, symbols and spaces. Equal to `.replace(/[\p{P}\p{S}\s]+/gu, '')` after the first two
 * steps, which took twice as long: the tree and the carry-over check work it out for every action.
 */
export function normaliseLabel(label: string): string {
  const text = label.normalize('NFKC').toLowerCase();
  let kept = '';
  let runStart = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    let width = 1;
    let dropped: boolean;
    if (code < 128) dropped = ASCII_DROPPED[code]!;
    else if (code >= 0x4e00 && code <= 0x9fff) dropped = false; // CJK ideographs: letters
    else {
      const next = text.charCodeAt(at + 1);
      if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) width = 2; // one code point
      dropped = DROPPED.test(text.slice(at, at + width));
    }
    if (dropped) {
      kept += text.slice(runStart, at);
      runStart = at + width;
    }
    at += width - 1;
  }
  return runStart === 0 ? text : kept + text.slice(runStart);
}

interface ActionLookup {
  byId: Map<string, ActionSummary>;
  byText: Map<string, ActionSummary>;
}

const lookups = new WeakMap<MeetingSummary, ActionLookup>();

function lookupOf(meeting: MeetingSummary): ActionLookup {
  let lookup = lookups.get(meeting);
  if (!lookup) {
    lookup = { byId: new Map(), byText: new Map() };
    for (const action of meeting.actions) {
      if (action.id && !lookup.byId.has(action.id)) lookup.byId.set(action.id, action);
      const text = normaliseLabel(action.label);
      if (text && !lookup.byText.has(text)) lookup.byText.set(text, action);
    }
    lookups.set(meeting, lookup);
  }
  return lookup;
}

/** The action of `later` that carries `action` (same id, else same normalised text), or null. */
export function findCarried(action: ActionSummary, later: Meeting | MeetingSummary): ActionSummary | null {
  const lookup = lookupOf(summaryOf(later));
  if (action.id) {
    const byId = lookup.byId.get(action.id);
    if (byId) return byId;
  }
  const text = normaliseLabel(action.label);
  return text ? lookup.byText.get(text) ?? null : null;
}

export type FollowUpStatus = 'closed' | 'carried' | 'dropped';

export interface FollowUpItem {
  /** The open or in-progress action of the previous meeting. */
  action: ActionSummary;
  /** Where it appears in the later meeting, or null. */
  carried: ActionSummary | null;
  /**
   * `closed`: marked done or cancelled in the later meeting (or its parent task was);
   * `carried`: still open or in progress there; `dropped`: not followed up at all.
   */
  status: FollowUpStatus;
}

function isClosed(action: { status: Action['status'] }): boolean {
  return action.status === 'done' || action.status === 'cancelled';
}

/**
 * What became of each open or in-progress action of `previous` in `current`. A sub-task counts as
 * closed when its parent task is carried into `current` as done or cancelled.
 */
export function followUp(previousMeeting: Meeting | MeetingSummary, current: Meeting | MeetingSummary): FollowUpItem[] {
  const previous = summaryOf(previousMeeting);
  const items: FollowUpItem[] = [];
  for (const action of previous.actions) {
    if (isClosed(action)) continue;
    const carried = findCarried(action, current);
    if (carried) {
      items.push({ action, carried, status: isClosed(carried) ? 'closed' : 'carried' });
      continue;
    }
    let parent = action.parent >= 0 ? previous.actions[action.parent] : undefined;
    let closedByParent = false;
    while (parent && !closedByParent) {
      const parentCarried = findCarried(parent, current);
      if (parentCarried && isClosed(parentCarried)) closedByParent = true;
      parent = parent.parent >= 0 ? previous.actions[parent.parent] : undefined;
    }
    items.push({ action, carried: null, status: closedByParent ? 'closed' : 'dropped' });
  }
  return items;
}

export interface SeriesStep<T extends SeriesEntry = SeriesEntry> {
  entry: T;
  previous: T | null;
  /** Actions that first appear in this meeting (not carried from the previous one), any status. */
  opened: number;
  /** Actions closed in this meeting: done or cancelled here and not already closed before. */
  closed: number;
  /** Open actions of the previous meeting that are still open here. */
  carried: number;
  /** Open actions of the previous meeting that this meeting does not follow up. */
  dropped: FollowUpItem[];
  /** Follow-up of every open action of the previous meeting. */
  followUp: FollowUpItem[];
  /** Open and in-progress actions at the end of this meeting. */
  open: number;
}

/** The follow-up record of a series: its meetings in order, each with what it opened, closed, carried and dropped. */
export function seriesRecord<T extends SeriesEntry>(entries: readonly T[]): Array<SeriesStep<T>> {
  const ordered = sortSeries(entries);
  return ordered.map((entry) => seriesStep(entry, entry.meeting.fields.series ? previousInSortedSeries(ordered, entry) : previousInSeries(entries, entry)));
}

/** One meeting's step of the follow-up record, given the meeting before it. */
export function seriesStep<T extends SeriesEntry>(entry: T, previous: T | null): SeriesStep<T> {
  const items = previous ? followUp(previous.meeting, entry.meeting) : [];
  let opened = 0;
  let closed = 0;
  for (const action of summaryOf(entry.meeting).actions) {
    const before = previous ? findCarried(action, previous.meeting) : null;
    if (!before) opened++;
    if (isClosed(action) && !(before && isClosed(before))) closed++;
  }
  return {
    entry,
    previous,
    opened,
    closed,
    carried: items.filter((item) => item.status === 'carried').length,
    dropped: items.filter((item) => item.status === 'dropped'),
    followUp: items,
    open: entry.meeting.actions.filter((action) => !isClosed(action)).length,
  };
}

/** An action as the carried-forward check sees it. */
export interface FollowedAction {
  /** `id:…` and `text:…` (see actionIdentities). */
  identities: readonly string[];
  /** The action it is a sub-task of, or -1. */
  parent: number;
  /** Done or cancelled. */
  closed: boolean;
}

/** A meeting as the carried-forward check sees it. */
export interface SeriesMember {
  key: string;
  series: string | null;
  date: string | null;
  actions: readonly FollowedAction[];
}

/** The carried-forward check's view of an action. */
export function followedAction(id: string | null, normalisedText: string, parent: number, status: ActionStatus): FollowedAction {
  return { identities: actionIdentities(id, normalisedText), parent, closed: isClosed({ status }) };
}

/** `id:<block id>` and `text:<normalised text>` of an action, for matching copies across meetings. */
export function actionIdentities(id: string | null, normalisedText: string): string[] {
  return [...(id ? [`id:${id}`] : []), ...(normalisedText ? [`text:${normalisedText}`] : [])];
}

/**
 * Actions that the next meeting of their series repeats (carried forward): `${member.key}#${index}`.
 * The later copy is the live one, so lists show each carried action once, where it now stands.
 */
export function carriedForward(members: readonly SeriesMember[]): Set<string> {
  const bySeries = new Map<string, SeriesMember[]>();
  for (const member of members) {
    if (!member.series) continue;
    let list = bySeries.get(member.series);
    if (!list) bySeries.set(member.series, (list = []));
    list.push(member);
  }
  const carried = new Set<string>();
  for (const list of bySeries.values()) {
    list.sort((a, b) => seriesOrder(a.date, a.key, b.date, b.key));
    for (const [key, indices] of carriedInSeries(list)) for (const index of indices) carried.add(`${key}#${index}`);
  }
  return carried;
}

/**
 * `carriedForward` for the meetings of one series already in `sortSeries` order: the indices of
 * the carried actions of each meeting that has any.
 */
export function carriedInSeries(ordered: readonly Pick<SeriesMember, 'key' | 'actions'>[]): Map<string, Set<number>> {
  const carried = new Map<string, Set<number>>();
  for (let i = 0; i + 1 < ordered.length; i++) {
    const indices = followedUpIn(ordered[i]!.actions, ordered[i + 1]!.actions);
    if (indices.size > 0) carried.set(ordered[i]!.key, indices);
  }
  return carried;
}

/**
 * Indices of the actions that `next` follows up, so that a list shows them there and not twice:
 * those it repeats (carried, or closed there), and the sub-tasks of an action it records as done
 * or cancelled (closed with their parent, as `followUp` counts them). A copy is found as
 * `findCarried` finds it: by id, else by text, the first action of `next` with it.
 */
export function followedUpIn(actions: readonly FollowedAction[], next: readonly FollowedAction[]): Set<number> {
  const copyClosed = new Map<string, boolean>();
  let anyClosed = false;
  for (const action of next) {
    anyClosed ||= action.closed;
    for (const identity of action.identities) if (!copyClosed.has(identity)) copyClosed.set(identity, action.closed);
  }
  const indices = new Set<number>();
  actions.forEach((action, index) => {
    if (action.identities.some((identity) => copyClosed.has(identity))) indices.add(index);
  });
  if (!anyClosed) return indices;
  const closedThere = (action: FollowedAction): boolean => {
    const copy = action.identities.find((identity) => copyClosed.has(identity));
    return copy !== undefined && copyClosed.get(copy) === true;
  };
  actions.forEach((action, index) => {
    // (a parent comes before its sub-tasks: the walk up always ends)
    for (let parent = action.parent; parent >= 0 && parent < index; parent = actions[parent]!.parent) {
      if (closedThere(actions[parent]!)) {
        indices.add(index);
        break;
      }
    }
  });
  return indices;
}
