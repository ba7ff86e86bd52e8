// The workspace's meetings, keyed by URI or path: what the tree, the series look-ups and the
// quick fixes read. Pure and synchronous; adapters feed it and listen to its changes.
import { weekdayOfWeek } from './calendar';
import type { ResolvedConfig } from './config';
import { compareInSeries, firstDatedFrom, previousInSortedSeries, sortSeries } from './series';
import { lowerBound } from './sorted';
import type { ActionSummary, MeetingSummary } from './summary';

export interface IndexedMeeting {
  key: string;
  /** What the index keeps of the meeting (the full model is kept only for open documents). */
  meeting: MeetingSummary;
  config: ResolvedConfig;
  /** Editor document version the meeting was parsed from, or null when read from disk. */
  version: number | null;
}

export interface IndexedAction {
  entry: IndexedMeeting;
  action: ActionSummary;
  index: number;
}

export type DueBucket = 'overdue' | 'today' | 'week' | 'later' | 'none';
export const DUE_BUCKETS: readonly DueBucket[] = ['overdue', 'today', 'week', 'later', 'none'];
export type DueCounts = Record<DueBucket, number> & { open: number };

let weekEnd = { today: '', sunday: '' };

/** The due bucket of an open action on `today` (weeks end on Sunday). */
export function dueBucket(due: string | null | undefined, today: string): DueBucket {
  if (!due) return 'none';
  if (due < today) return 'overdue';
  if (due === today) return 'today';
  // Asked for every open action of a workspace in a row: the week's end is worked out once a day.
  if (weekEnd.today !== today) weekEnd = { today, sunday: weekdayOfWeek(today, 7) };
  return due <= weekEnd.sunday ? 'week' : 'later';
}

/** Open or in progress: an action still to be done. */
export const isPending = (action: Pick<ActionSummary, 'status'>) => action.status === 'open' || action.status === 'in-progress';
const zeroCounts = (): DueCounts => ({ open: 0, overdue: 0, today: 0, week: 0, later: 0, none: 0 });

export class MeetingIndex {
  private readonly entries = new Map<string, IndexedMeeting>();
  private readonly listeners = new Set<(keys: readonly string[]) => void>();
  // Counts of open actions per due bucket, kept up to date entry by entry: a change to one file
  // costs the same in a workspace of 100 or 10,000 meetings.
  private countsDay: string | null = null;
  private readonly contributions = new Map<string, DueCounts>();
  private totals = zeroCounts();
  // Members of each series, kept as entries change; the ordered list is rebuilt only for a series
  // that changed, so looking up every meeting's neighbours stays linear in the workspace.
  private readonly seriesMembers = new Map<string, Set<string>>();
  private readonly orderedSeries = new Map<string, IndexedMeeting[]>();

  get size(): number {
    return this.entries.size;
  }

  get(key: string): IndexedMeeting | undefined {
    return this.entries.get(key);
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** `keys` ordered by their meeting's date, latest first; undated and unknown keys last, in the order given. */
  newestFirst(keys: Iterable<string>): string[] {
    const dated = [...keys].map((key) => ({ key, date: this.entries.get(key)?.meeting.fields.date ?? '' }));
    // Array.prototype.sort is stable: equal dates keep the order given.
    dated.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    return dated.map(({ key }) => key);
  }

  /** Stores a parsed file; a file that is not a meeting is removed instead. */
  set(entry: IndexedMeeting): void {
    this.uncount(entry.key);
    this.leaveSeries(entry.key);
    if (entry.meeting.isMeeting) {
      this.entries.set(entry.key, entry);
      this.count(entry);
      this.joinSeries(entry);
    } else if (!this.entries.delete(entry.key)) {
      return;
    }
    this.emit([entry.key]);
  }

  delete(key: string): void {
    this.uncount(key);
    this.leaveSeries(key);
    if (this.entries.delete(key)) this.emit([key]);
  }

  private joinSeries(entry: IndexedMeeting): void {
    const series = entry.meeting.fields.series;
    if (!series) return;
    let members = this.seriesMembers.get(series);
    if (!members) this.seriesMembers.set(series, (members = new Set()));
    members.add(entry.key);
    // A new array (callers may hold the old one), the entry put in place by binary search: sorting
    // a series of thousands of meetings again on every keystroke would cost milliseconds.
    const ordered = this.orderedSeries.get(series);
    if (!ordered) return;
    const low = lowerBound(ordered, entry, compareInSeries);
    this.orderedSeries.set(series, [...ordered.slice(0, low), entry, ...ordered.slice(low)]);
  }

  private leaveSeries(key: string): void {
    const series = this.entries.get(key)?.meeting.fields.series;
    if (!series) return;
    const members = this.seriesMembers.get(series);
    members?.delete(key);
    const ordered = this.orderedSeries.get(series);
    if (members?.size === 0) {
      this.seriesMembers.delete(series);
      this.orderedSeries.delete(series);
    } else if (ordered) {
      this.orderedSeries.set(series, ordered.filter((member) => member.key !== key));
    }
  }

  /** Open and in-progress actions per due bucket on `today`. */
  dueCounts(today: string): DueCounts {
    if (today !== this.countsDay) {
      this.countsDay = today;
      this.contributions.clear();
      this.totals = zeroCounts();
      for (const entry of this.entries.values()) this.count(entry);
    }
    return { ...this.totals };
  }

  private count(entry: IndexedMeeting): void {
    if (this.countsDay === null) return;
    const counts = zeroCounts();
    for (const action of entry.meeting.actions) {
      if (!isPending(action)) continue;
      counts.open++;
      counts[dueBucket(action.due, this.countsDay)]++;
    }
    this.contributions.set(entry.key, counts);
    for (const bucket of ['open', ...DUE_BUCKETS] as const) this.totals[bucket] += counts[bucket];
  }

  private uncount(key: string): void {
    const counts = this.contributions.get(key);
    if (!counts) return;
    this.contributions.delete(key);
    for (const bucket of ['open', ...DUE_BUCKETS] as const) this.totals[bucket] -= counts[bucket];
  }

  /** Removes every key for which `predicate` holds (a deleted folder, an excluded glob). */
  deleteWhere(predicate: (key: string) => boolean): void {
    const removed = this.keys().filter(predicate);
    for (const key of removed) {
      this.uncount(key);
      this.leaveSeries(key);
      this.entries.delete(key);
    }
    if (removed.length > 0) this.emit(removed);
  }

  clear(): void {
    const keys = this.keys();
    this.entries.clear();
    this.seriesMembers.clear();
    this.orderedSeries.clear();
    this.contributions.clear();
    this.totals = zeroCounts();
    if (keys.length > 0) this.emit(keys);
  }

  onDidChange(listener: (keys: readonly string[]) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Names of the series with at least one meeting. */
  seriesNames(): IterableIterator<string> {
    return this.seriesMembers.keys();
  }

  /** Meetings of a series, ordered by date (undated last), then by key. Do not modify. */
  series(name: string): readonly IndexedMeeting[] {
    let ordered = this.orderedSeries.get(name);
    if (!ordered) {
      const members = this.seriesMembers.get(name);
      if (!members) return [];
      this.orderedSeries.set(name, (ordered = sortSeries([...members].map((key) => this.entries.get(key)!))));
    }
    return ordered;
  }

  /** Where the entry stands in `series(...)` of its series, by binary search; -1 when it is not there. */
  seriesPosition(entry: IndexedMeeting): number {
    const series = entry.meeting.fields.series;
    if (!series) return -1;
    const ordered = this.series(series);
    const at = lowerBound(ordered, entry, compareInSeries);
    return ordered[at] === entry ? at : -1;
  }

  /** The previous meeting of the entry's series (see previousInSeries). */
  previous(entry: IndexedMeeting): IndexedMeeting | null {
    const series = entry.meeting.fields.series;
    return series ? previousInSortedSeries(this.series(series), entry) : null;
  }

  /** Date of the series' first meeting after `date`, if one is known. */
  nextMeetingDate(series: string | null, date: string | null): string | null {
    if (!series || !date) return null;
    const ordered = this.series(series);
    return ordered[firstDatedFrom(ordered, date, true)]?.meeting.fields.date ?? null;
  }

  /** Every person known to the workspace: attendees, facilitators, note-takers and roster names. */
  people(): string[] {
    const names = new Set<string>();
    for (const { meeting, config } of this.entries.values()) {
      for (const name of [...meeting.fields.attendees, meeting.fields.facilitator, meeting.fields.notetaker]) if (name) names.add(name);
      for (const person of config.people) names.add(person.name);
    }
    return [...names].sort((a, b) => a.localeCompare(b));
  }

  private emit(keys: readonly string[]): void {
    for (const listener of this.listeners) listener(keys);
  }
}
