// Action items as an iCalendar file (RFC 5545): one VTODO per action (or, with --events, one
// all-day VEVENT on each due date, for calendars that do not import to-dos), with a stable UID,
// TEXT escaping and line folding at 75 octets without splitting a character.
import { createHash } from 'node:crypto';
import type { Locale, Priority } from '../core/model';
import type { ActionRow } from './rows';
import { VERSION } from './version';

export interface IcsOptions {
  /** For DTSTAMP. */
  now: Date;
  /** All-day events on the due dates instead of to-dos. */
  events: boolean;
  locale: Locale;
}

const TEXT = {
  en: { calendar: 'Meeting actions', owner: 'Owner', meeting: 'Meeting', file: 'File', due: 'Due' },
  'zh-CN': { calendar: '会议行动项', owner: '负责人', meeting: '会议', file: '文件', due: '截止' },
} as const;

const TODO_STATUS = { open: 'NEEDS-ACTION', 'in-progress': 'IN-PROCESS', done: 'COMPLETED', cancelled: 'CANCELLED' } as const;
const EVENT_STATUS = { open: 'CONFIRMED', 'in-progress': 'CONFIRMED', done: 'CONFIRMED', cancelled: 'CANCELLED' } as const;
/** RFC 5545 3.8.1.9: 1 is the highest, 5 medium, 9 the lowest. */
const PRIORITY: Record<Priority, number> = { highest: 1, high: 3, medium: 5, low: 7, lowest: 9 };

export function formatIcs(rows: readonly ActionRow[], options: IcsOptions): string {
  const text = TEXT[options.locale];
  const stamp = utcStamp(options.now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Meetings as Code//meetings ${VERSION}//EN`,
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(text.calendar)}`,
  ];
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (options.events && !row.due) continue;
    let uid = uidOf(row);
    const count = (seen.get(uid) ?? 0) + 1;
    seen.set(uid, count);
    if (count > 1) uid = `${uid}-${count}`;
    const summary = row.label || row.text;
    const meeting = [row.meeting.title, row.meeting.date ? `(${row.meeting.date})` : null].filter(Boolean).join(' ');
    const description = [
      row.owners.length > 0 ? `${text.owner}: ${row.owners.join(', ')}` : null,
      meeting ? `${text.meeting}: ${meeting}` : null,
      `${text.file}: ${row.file}:${row.line}`,
      row.label && row.label !== row.text ? row.text : null,
    ].filter((line): line is string => line !== null);
    const component = options.events ? 'VEVENT' : 'VTODO';
    lines.push(`BEGIN:${component}`, `UID:${uid}@meetings-as-code`, `DTSTAMP:${stamp}`);
    if (options.events) {
      lines.push(`DTSTART;VALUE=DATE:${compact(row.due!)}`, `DTEND;VALUE=DATE:${compact(nextDay(row.due!))}`, 'TRANSP:TRANSPARENT');
      lines.push(`SUMMARY:${escapeText(`${text.due}: ${summary}`)}`, `STATUS:${EVENT_STATUS[row.status]}`);
    } else {
      lines.push(`SUMMARY:${escapeText(summary)}`);
      if (row.due) lines.push(`DUE;VALUE=DATE:${compact(row.due)}`);
      lines.push(`STATUS:${TODO_STATUS[row.status]}`);
      if (row.status === 'done') lines.push('PERCENT-COMPLETE:100');
    }
    if (row.priority) lines.push(`PRIORITY:${PRIORITY[row.priority]}`);
    row.owners.forEach((owner, index) => {
      const email = row.ownerEmails?.[index] ?? null;
      // Without an address the owner is still named; `invalid:nomail` is what Thunderbird writes.
      lines.push(`ATTENDEE;CN=${paramValue(owner)};ROLE=REQ-PARTICIPANT:${email ? `mailto:${email}` : 'invalid:nomail'}`);
    });
    if (row.meeting.series) lines.push(`CATEGORIES:${escapeText(row.meeting.series)}`);
    lines.push(`DESCRIPTION:${escapeText(description.join('\n'))}`, `END:${component}`);
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** The same action gets the same UID in every export: its file name and its id or normalised text. */
function uidOf(row: ActionRow): string {
  const file = row.file.split('/').pop() ?? row.file;
  const seed = row.uidSeed ?? `text:${row.text}`;
  return createHash('sha256').update(`${file}\n${seed}`).digest('hex').slice(0, 32);
}

function compact(iso: string): string {
  return iso.replace(/-/gu, '');
}

function nextDay(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/gu, '').replace(/\.\d{3}/u, '');
}

/** RFC 5545 3.3.11 TEXT: backslash, semicolon, comma and line breaks escaped; other control characters dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n|\r|\n/gu, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/gu, '')
    .replace(/[\\;,]/gu, (char) => `\\${char}`)
    .replace(/\n/gu, '\\n');
}

/** A parameter value, always quoted: DQUOTE cannot be escaped, so it becomes an apostrophe. */
function paramValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${value.replace(/[\u0000-\u001f\u007f]/gu, ' ').replace(/"/gu, "'")}"`;
}

/** RFC 5545 3.1: lines longer than 75 octets are folded with CRLF and a space, never inside a UTF-8 sequence. */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const code = char.codePointAt(0)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
