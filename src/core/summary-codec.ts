// A meeting summary as compact JSON, for the editor's cache of the workspace index: arrays instead
// of objects (no key names), an action's text left out when it equals its label. Decoding checks
// every value, so a damaged or foreign cache gives "no summary", never a malformed one.
import { isIsoDate } from './calendar';
import type { ActionStatus, MeetingFields, Priority } from './model';
import { NO_OWNERS, type ActionSummary, type MeetingSummary } from './summary';

type EncodedFields = [
  title: string | null,
  date: string | null,
  attendees: string[],
  facilitator: string | null,
  notetaker: string | null,
  type: string | null,
  series: string | null,
  duration: number | null,
  departments: string[],
  timezone: string | null,
  tags: string[],
];
type EncodedAction = [
  line: number,
  status: ActionStatus,
  text: string | 0,
  label: string,
  owners: string[],
  ownersInherited: 0 | 1,
  due: string | null,
  dueInherited: 0 | 1,
  priority: Priority | null,
  id: string | null,
  parent: number,
  section: string | null,
];
export type EncodedSummary = [isMeeting: 0 | 1, fields: EncodedFields, actions: EncodedAction[]];

const STATUSES: ReadonlySet<unknown> = new Set<ActionStatus>(['open', 'in-progress', 'done', 'cancelled']);
const PRIORITIES: ReadonlySet<unknown> = new Set<Priority>(['highest', 'high', 'medium', 'low', 'lowest']);

export function encodeSummary(summary: MeetingSummary): EncodedSummary {
  const f = summary.fields;
  return [
    summary.isMeeting ? 1 : 0,
    [f.title, f.date, f.attendees, f.facilitator, f.notetaker, f.type, f.series, f.duration, f.departments, f.timezone, f.tags],
    summary.actions.map((a): EncodedAction => [
      a.line,
      a.status,
      a.text === a.label ? 0 : a.text,
      a.label,
      a.owners,
      a.ownersInherited ? 1 : 0,
      a.due,
      a.dueInherited ? 1 : 0,
      a.priority,
      a.id,
      a.parent,
      a.section,
    ]),
  ];
}

/**
 * The summary `encodeSummary` wrote, or null when `value` is not one. Values that repeat across a
 * workspace (names, dates, series, sections) go through `share`, one string per value.
 */
export function decodeSummary(value: unknown, share: (text: string) => string = (text) => text): MeetingSummary | null {
  if (!Array.isArray(value) || value.length !== 3 || (value[0] !== 0 && value[0] !== 1)) return null;
  const fields = decodeFields(value[1], share);
  if (!fields || !Array.isArray(value[2])) return null;
  const actions: ActionSummary[] = [];
  for (const encoded of value[2] as unknown[]) {
    const action = decodeAction(encoded, share, actions.length);
    // Actions are in line order, one per line: the tree's item ids are made of the lines.
    if (!action || (actions.length > 0 && action.line <= actions[actions.length - 1]!.line)) return null;
    actions.push(action);
  }
  return { isMeeting: value[0] === 1, fields, actions };
}

function decodeFields(value: unknown, share: (text: string) => string): MeetingFields | null {
  if (!Array.isArray(value) || value.length !== 11) return null;
  const [title, date, attendees, facilitator, notetaker, type, series, duration, departments, timezone, tags] = value as unknown[];
  if (!isText(title) || !isText(date) || !isText(facilitator) || !isText(notetaker) || !isText(type) || !isText(series) || !isText(timezone)) return null;
  if (!(duration === null || (typeof duration === 'number' && Number.isFinite(duration) && duration >= 0))) return null;
  // Dates are worked with (weekdays, days overdue), and throw when they are not dates.
  if (date !== null && !isIsoDate(date)) return null;
  if (!isTextList(attendees) || !isTextList(departments) || !isTextList(tags)) return null;
  const shared = (text: string | null) => (text === null ? null : share(text));
  return {
    title,
    date: shared(date),
    attendees: attendees.map(share),
    facilitator: shared(facilitator),
    notetaker: shared(notetaker),
    type: shared(type),
    series: shared(series),
    duration,
    departments: departments.map(share),
    timezone: shared(timezone),
    tags: tags.map(share),
  };
}

function decodeAction(value: unknown, share: (text: string) => string, index: number): ActionSummary | null {
  if (!Array.isArray(value) || value.length !== 12) return null;
  const [line, status, text, label, owners, ownersInherited, due, dueInherited, priority, id, parent, section] = value as unknown[];
  if (!isCount(line) || !STATUSES.has(status) || typeof label !== 'string' || !(text === 0 || typeof text === 'string')) return null;
  if (!isTextList(owners) || (ownersInherited !== 0 && ownersInherited !== 1) || (dueInherited !== 0 && dueInherited !== 1)) return null;
  if (!isText(due) || (due !== null && !isIsoDate(due)) || !(priority === null || PRIORITIES.has(priority)) || !isText(id) || !isText(section)) return null;
  // A parent comes before its children: the tree and the carry-over checks rely on it.
  if (!(parent === -1 || (isCount(parent) && parent < index))) return null;
  return {
    line,
    status: status as ActionStatus,
    text: text === 0 ? label : text,
    label,
    owners: owners.length === 0 ? NO_OWNERS : owners.map(share),
    ownersInherited: ownersInherited === 1,
    due: due === null ? null : share(due),
    dueInherited: dueInherited === 1,
    priority: priority as Priority | null,
    id,
    parent,
    section: section === null ? null : share(section),
  };
}

const isText = (value: unknown): value is string | null => value === null || typeof value === 'string';
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isTextList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
