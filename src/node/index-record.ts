// What the workspace index keeps of each meeting file: enough for the actions list, the tree and
// series look-ups, far smaller than the parsed model (no text, no spans). Records are stored and
// passed between threads encoded (one compact JSON array per file) and decoded when read.
import { actionLabel, normaliseLabel, type ActionStatus, type Meeting, type Priority } from '../core';

export interface ActionRecord {
  line: number;
  status: ActionStatus;
  text: string;
  /** The text without owners, dates and other markers. */
  title: string;
  owners: string[];
  due: string | null;
  priority: Priority | null;
  id: string | null;
  section: string | null;
  /** Index of the action this one is a sub-task of, or -1. */
  parent: number;
}

export interface IndexRecord {
  /** Absolute, `/`-separated. */
  path: string;
  size: number;
  mtimeMs: number;
  /** False for Markdown files that are not meetings (kept so a warm start need not read them). */
  isMeeting: boolean;
  title: string | null;
  date: string | null;
  series: string | null;
  type: string | null;
  attendees: string[];
  actions: ActionRecord[];
}

/**
 * A file of the index whose record is decoded only when asked for: a warm start compares sizes
 * and times, and a caller that needs one meeting decodes one meeting.
 */
export class IndexEntry {
  private decoded: IndexRecord | null;

  private constructor(
    readonly path: string,
    readonly size: number,
    readonly mtimeMs: number,
    /** The record without path, size and time as `encodeRecord` writes it: a string, or a range of UTF-8 bytes read on demand. */
    private encodedForm: string | EncodedBytes | null,
    decoded: IndexRecord | null,
  ) {
    this.decoded = decoded;
  }

  /** A record just parsed. */
  static of(record: IndexRecord): IndexEntry {
    return new IndexEntry(record.path, record.size, record.mtimeMs, null, record);
  }

  /** A record encoded elsewhere (a worker thread, the disk cache). */
  static encoded(path: string, size: number, mtimeMs: number, encoded: string | EncodedBytes): IndexEntry {
    return new IndexEntry(path, size, mtimeMs, encoded, null);
  }

  /** The encoded record, as a string to post to another thread. */
  encoded(): string {
    const form = this.encodedForm ?? encodeRecord(this.decoded!); // not kept: needed once, to save or post
    return typeof form === 'string' ? form : form.bytes().toString('utf8', form.start, form.end);
  }

  /** The encoded record as UTF-8 (the cache's own bytes, uncopied, when it came from there). */
  bytes(): Buffer {
    const form = this.encodedForm ?? encodeRecord(this.decoded!);
    return typeof form === 'string' ? Buffer.from(form, 'utf8') : form.bytes().subarray(form.start, form.end);
  }

  record(): IndexRecord {
    if (!this.decoded) {
      this.decoded = decodeRecord(this.path, this.size, this.mtimeMs, this.encoded());
      this.encodedForm = null; // lets the cache's bytes go once every record is decoded
    }
    return this.decoded;
  }
}

/** A range of a buffer that is read only when first needed (the records file of the disk cache). */
export interface EncodedBytes {
  bytes: () => Buffer;
  start: number;
  end: number;
}

/** The normalised text that identifies the action across meetings (see core/series.ts). */
export function actionKey(action: ActionRecord): string {
  return normaliseLabel(action.title);
}

export function notMeetingRecord(path: string, size: number, mtimeMs: number): IndexRecord {
  return { path, size, mtimeMs, isMeeting: false, title: null, date: null, series: null, type: null, attendees: [], actions: [] };
}

export function recordOf(meeting: Meeting, path: string, size: number, mtimeMs: number): IndexRecord {
  const { fields } = meeting;
  return {
    path,
    size,
    mtimeMs,
    isMeeting: true,
    title: fields.title,
    date: fields.date,
    series: fields.series,
    type: fields.type,
    attendees: fields.attendees,
    actions: meeting.actions.map((action) => {
      const label = actionLabel(action, meeting.text);
      return {
        line: action.line,
        status: action.status,
        text: action.text,
        title: label === action.text ? action.text : label,
        owners: action.owners.map((owner) => owner.name),
        due: action.due?.date ?? null,
        priority: action.priority,
        id: action.id,
        section: action.section,
        parent: action.parent,
      };
    }),
  };
}

// The encoded form: arrays instead of objects (no key names), the title left out when it equals
// the text.
type EncodedAction = [line: number, status: ActionStatus, text: string, title: string | 0, owners: string[], due: string | null, priority: Priority | null, id: string | null, section: string | null, parent: number];
type EncodedRecord = [isMeeting: 0 | 1, title: string | null, date: string | null, series: string | null, type: string | null, attendees: string[], actions: EncodedAction[]];

export function encodeRecord(record: IndexRecord): string {
  const actions = record.actions.map((a): EncodedAction => [a.line, a.status, a.text, a.title === a.text ? 0 : a.title, a.owners, a.due, a.priority, a.id, a.section, a.parent]);
  return JSON.stringify([record.isMeeting ? 1 : 0, record.title, record.date, record.series, record.type, record.attendees, actions] satisfies EncodedRecord);
}

export function decodeRecord(path: string, size: number, mtimeMs: number, encoded: string): IndexRecord {
  const [isMeeting, title, date, series, type, attendees, actions] = JSON.parse(encoded) as EncodedRecord;
  return {
    path,
    size,
    mtimeMs,
    isMeeting: isMeeting === 1,
    title,
    date,
    series,
    type,
    attendees,
    actions: actions.map(([line, status, text, label, owners, due, priority, id, section, parent]) => {
      const actionTitle = label === 0 ? text : label;
      return { line, status, text, title: actionTitle, owners, due, priority, id, section, parent };
    }),
  };
}
