// What the workspace index keeps of each meeting file: enough for the actions list, the tree and
// series look-ups, far smaller than the parsed model (no text, no spans).
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
  /** The normalised text that identifies the action across meetings (see core/series.ts). */
  key: string;
  section: string | null;
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
      const title = actionLabel(action, meeting.text);
      return {
        line: action.line,
        status: action.status,
        text: action.text,
        title,
        owners: action.owners.map((owner) => owner.name),
        due: action.due?.date ?? null,
        priority: action.priority,
        id: action.id,
        key: normaliseLabel(title),
        section: action.section,
      };
    }),
  };
}
