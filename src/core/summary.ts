// What a workspace keeps of each meeting it is not editing: its fields and its actions without
// text spans. The action list, the due counts, series look-ups and follow-up checks read this; a
// full `Meeting` is about five times larger and is kept only for open documents.
import { actionLabel } from './action-label';
import type { Action, ActionStatus, Meeting, MeetingFields, Priority } from './model';
import { memoOf } from './reading-memo';

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
    // An open document's labels are kept from one keystroke to the next, like its items' facts.
    const memo = memoOf(meeting);
    const labelOf = (action: Action) =>
      memo ? memo.labels.get(meeting.text.slice(action.textSpan.start, action.textSpan.end), () => actionLabel(action, meeting.text)) : actionLabel(action, meeting.text);
    summary = {
      isMeeting: meeting.meetingReason !== null,
      fields: meeting.fields,
      actions: meeting.actions.map((action) => ({
        line: action.line,
        status: action.status,
        text: action.text,
        label: labelOf(action),
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

/** One shared, frozen empty list for the many actions without owners. */
export const NO_OWNERS: string[] = [];
Object.freeze(NO_OWNERS);

/**
 * A copy of `text` that does not share memory with the string it was cut from: V8 keeps a whole
 * text alive for any slice of it, so a workspace of summaries would keep every file's text. JSON
 * makes a plain string; a slice of a copy would cost a second string header.
 */
function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/**
 * A summary that keeps nothing of the document alive. Values that repeat across a workspace
 * (names, dates, series) are taken from `pool` when given, one string per value; a closed action
 * keeps only its label, as its text is shown nowhere.
 */
export function detachedSummary(meeting: Meeting, pool?: StringPool): MeetingSummary {
  const summary = summaryOf(meeting);
  const share = pool ? pool.shared : detached;
  const optional = (value: string | null) => (value === null ? null : share(value));
  const fields = meeting.fields;
  return {
    isMeeting: summary.isMeeting,
    fields: {
      ...fields,
      title: fields.title === null ? null : detached(fields.title),
      date: optional(fields.date),
      attendees: fields.attendees.map(share),
      facilitator: optional(fields.facilitator),
      notetaker: optional(fields.notetaker),
      type: optional(fields.type),
      series: optional(fields.series),
      departments: fields.departments.map(share),
      timezone: optional(fields.timezone),
      tags: fields.tags.map(share),
    },
    actions: summary.actions.map((action) => {
      const closed = action.status === 'done' || action.status === 'cancelled';
      const label = detached(action.label);
      return {
        ...action,
        text: closed || action.label === action.text ? label : detached(action.text),
        label,
        owners: action.owners.length === 0 ? NO_OWNERS : action.owners.map(share),
        due: optional(action.due),
        id: action.id === null ? null : detached(action.id),
      };
    }),
  };
}

/**
 * One detached string per value, for `detachedSummary`: a workspace repeats the same names and
 * dates thousands of times. It keeps every value it was given (names, dates, tags: a few thousand
 * strings for a large workspace), or, with a limit, starts afresh when it holds that many (for
 * values that come and go with files: problem messages, group ids).
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  constructor(private readonly limit = Infinity) {}

  readonly shared = (value: string): string => {
    let kept = this.strings.get(value);
    if (kept === undefined) {
      if (this.strings.size >= this.limit) this.strings.clear();
      kept = detached(value);
      this.strings.set(kept, kept);
    }
    return kept;
  };
}
