// The workspace's meetings, keyed by URI or path: what the tree, the series look-ups and the
// quick fixes read. Pure and synchronous; adapters feed it and listen to its changes.
import type { ResolvedConfig } from './config';
import type { Action, Meeting } from './model';

export interface IndexedMeeting {
  key: string;
  meeting: Meeting;
  config: ResolvedConfig;
  /** Editor document version the meeting was parsed from, or null when read from disk. */
  version: number | null;
}

export interface IndexedAction {
  entry: IndexedMeeting;
  action: Action;
  index: number;
}

export class MeetingIndex {
  private readonly entries = new Map<string, IndexedMeeting>();
  private readonly listeners = new Set<(keys: readonly string[]) => void>();

  get size(): number {
    return this.entries.size;
  }

  get(key: string): IndexedMeeting | undefined {
    return this.entries.get(key);
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  /** Stores a parsed file; a file that is not a meeting is removed instead. */
  set(entry: IndexedMeeting): void {
    if (entry.meeting.meetingReason) this.entries.set(entry.key, entry);
    else if (!this.entries.delete(entry.key)) return;
    this.emit([entry.key]);
  }

  delete(key: string): void {
    if (this.entries.delete(key)) this.emit([key]);
  }

  /** Removes every key for which `predicate` holds (a deleted folder, an excluded glob). */
  deleteWhere(predicate: (key: string) => boolean): void {
    const removed = this.keys().filter(predicate);
    for (const key of removed) this.entries.delete(key);
    if (removed.length > 0) this.emit(removed);
  }

  clear(): void {
    const keys = this.keys();
    this.entries.clear();
    if (keys.length > 0) this.emit(keys);
  }

  onDidChange(listener: (keys: readonly string[]) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  actions(filter: (action: Action) => boolean = () => true): IndexedAction[] {
    const result: IndexedAction[] = [];
    for (const entry of this.entries.values()) {
      entry.meeting.actions.forEach((action, index) => {
        if (filter(action)) result.push({ entry, action, index });
      });
    }
    return result;
  }

  /** Meetings of a series, ordered by date (undated last), then by key. */
  series(name: string): IndexedMeeting[] {
    return [...this.entries.values()]
      .filter((entry) => entry.meeting.fields.series === name)
      .sort((a, b) => (a.meeting.fields.date ?? '9999').localeCompare(b.meeting.fields.date ?? '9999') || a.key.localeCompare(b.key));
  }

  /** Date of the series' first meeting after `date`, if one is known. */
  nextMeetingDate(series: string | null, date: string | null): string | null {
    if (!series || !date) return null;
    return this.series(series).find((entry) => (entry.meeting.fields.date ?? '') > date)?.meeting.fields.date ?? null;
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
