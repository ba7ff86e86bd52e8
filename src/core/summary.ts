// What a workspace keeps of each meeting it is not editing: its fields and its actions without
// text spans. The action list, the due counts, series look-ups and follow-up checks read this; a
// full `Meeting` is some ten times larger and is kept only for open documents.
import { actionLabel } from './action-label';
import type { ActionStatus, Meeting, MeetingFields, Priority } from './model';

export interface ActionSummary {
  /** 0-based line of the task box. */
  line: number;
  status: ActionStatus;
  /**
   * The item's text as written, without the box. A detached summary keeps it only for open and
   * in-progress actions (what lists, tooltips and carry-over fixes show); a closed action's text
   * is its label there, which saves a sixth of a workspace index.
   */
  text: string;
  /** The text without owners, dates and other markers (see actionLabel). */
  label: string;
  /** Canonical owner names. */
  owners: string[];
  ownersInherited: boolean;
  /** Resolved `YYYY-MM-DD`, or null. */
  due: string | null;
  dueInherited: boolean;
  priority: Priority | null;
  id: string | null;
  /** Index of the parent task in `actions`, or -1. */
  parent: number;
  section: string | null;
}

export interface MeetingSummary {
  /** False for Markdown files that are not meetings. */
  isMeeting: boolean;
  fields: MeetingFields;
  actions: ActionSummary[];
}

const summaries = new WeakMap<Meeting, MeetingSummary>();

/** The summary of a parsed meeting (cached; its strings share memory with the meeting's text). */
export function summaryOf(meeting: Meeting | MeetingSummary): MeetingSummary {
  if (!('text' in meeting)) return meeting;
  let summary = summaries.get(meeting);
  if (!summary) {
    summary = {
      isMeeting: meeting.meetingReason !== null,
      fields: meeting.fields,
      actions: meeting.actions.map((action) => ({
        line: action.line,
        status: action.status,
        text: action.text,
        label: actionLabel(action, meeting.text),
        owners: action.owners.map((owner) => owner.name),
        ownersInherited: action.ownersInherited,
        due: action.due?.date ?? null,
        dueInherited: action.dueInherited,
        priority: action.priority,
        id: action.id,
        parent: action.parent,
        section: action.section,
      })),
    };
    summaries.set(meeting, summary);
  }
  return summary;
}

const NO_OWNERS: string[] = [];
Object.freeze(NO_OWNERS);

/**
 * A summary that keeps nothing of the document alive: strings cut from a text hold on to the
 * whole text in V8, so a workspace of summaries would keep every file's text in memory. Values
 * that repeat across a workspace (names, dates, section kinds) go through `shared`, which returns
 * one string per value (a `StringPool`); the rest is copied.
 */
export function detachedSummary(meeting: Meeting, shared: (value: string) => string = (value) => value): MeetingSummary {
  const summary = summaryOf(meeting);
  const copy = JSON.parse(JSON.stringify(summary)) as MeetingSummary;
  const fields = copy.fields;
  fields.attendees = fields.attendees.map(shared);
  if (fields.facilitator) fields.facilitator = shared(fields.facilitator);
  if (fields.notetaker) fields.notetaker = shared(fields.notetaker);
  if (fields.series) fields.series = shared(fields.series);
  if (fields.date) fields.date = shared(fields.date);
  copy.actions.forEach((action, index) => {
    const original = summary.actions[index]!;
    // Constants of the parser, not cut from the text: kept as they are.
    action.status = original.status;
    action.priority = original.priority;
    if (original.status === 'done' || original.status === 'cancelled') action.text = action.label;
    else if (original.label === original.text) action.label = action.text;
    action.owners = action.owners.length === 0 ? NO_OWNERS : action.owners.map(shared);
    if (action.due) action.due = shared(action.due);
    if (action.section) action.section = shared(action.section);
  });
  return copy;
}

/** One string per value, for `detachedSummary`: a workspace repeats the same names and dates thousands of times. */
export class StringPool {
  private readonly strings = new Map<string, string>();

  readonly shared = (value: string): string => {
    let kept = this.strings.get(value);
    if (kept === undefined) this.strings.set(value, (kept = value));
    return kept;
  };

  get size(): number {
    return this.strings.size;
  }
}
