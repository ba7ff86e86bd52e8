// Renders action items: a terminal table for people, JSON for scripts, CSV for spreadsheets and
// a Markdown table for pasting into notes or issues.
import type { Locale } from '../core/model';
import {
  displayWidth,
  padEndToWidth,
  singleLine,
  truncateStartToWidth,
  truncateToWidth,
} from './display-width';
import { formatIcs } from './format-ics';
import type { ActionRow } from './rows';

export type ActionsFormat = 'table' | 'json' | 'csv' | 'markdown' | 'ics';

export interface ActionsFormatOptions {
  color: boolean;
  /** `YYYY-MM-DD`; due dates before it are overdue. */
  today: string;
  locale: Locale;
  /** For the DTSTAMP of `ics`; the current time when absent. */
  now?: Date;
  /** `ics` only: all-day events on the due dates instead of to-dos. */
  events?: boolean;
}

export function formatActions(rows: ActionRow[], format: ActionsFormat, options: ActionsFormatOptions): string {
  switch (format) {
    case 'json':
      return formatJson(rows);
    case 'csv':
      return formatCsv(rows);
    case 'markdown':
      return formatMarkdown(rows, options.locale);
    case 'table':
      return formatTable(rows, options);
    case 'ics':
      return formatIcs(rows, { now: options.now ?? new Date(), events: options.events ?? false, locale: options.locale });
  }
}

function isOpen(row: ActionRow): boolean {
  return row.status === 'open' || row.status === 'in-progress';
}

function isOverdue(row: ActionRow, today: string): boolean {
  // ISO dates compare correctly as strings.
  return isOpen(row) && row.due !== null && row.due < today;
}

function formatJson(rows: ActionRow[]): string {
  // Rebuilt key by key so the output never carries extra properties and keeps a fixed order.
  const plain = rows.map((row) => ({
    file: row.file,
    line: row.line,
    text: row.text,
    owners: [...row.owners],
    due: row.due,
    status: row.status,
    priority: row.priority,
    meeting: {
      title: row.meeting.title,
      date: row.meeting.date,
      series: row.meeting.series,
      type: row.meeting.type,
    },
  }));
  return JSON.stringify(plain, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180)

const CSV_HEADER = [
  'file',
  'line',
  'status',
  'owners',
  'due',
  'priority',
  'text',
  'meeting_title',
  'meeting_date',
  'series',
];

// Spreadsheets run a cell starting with these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  // A leading apostrophe makes the spreadsheet show the text instead of evaluating it; numbers
  // such as "-3" are harmless and stay numbers.
  if (typeof value === 'string' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function formatCsv(rows: ActionRow[]): string {
  const records = [CSV_HEADER.join(',')];
  for (const row of rows) {
    const cells: Array<string | number | null> = [
      row.file,
      row.line,
      row.status,
      row.owners.join('; '),
      row.due,
      row.priority,
      row.text,
      row.meeting.title,
      row.meeting.date,
      row.meeting.series,
    ];
    records.push(cells.map(csvCell).join(','));
  }
  // The BOM tells Excel the file is UTF-8, otherwise Chinese text comes out garbled.
  return '\ufeff' + records.map((record) => record + '\r\n').join('');
}

// ---------------------------------------------------------------------------------------------
// Markdown (GFM table)

const MARKDOWN_HEADERS: Record<Locale, string[]> = {
  en: ['File', 'Line', 'Status', 'Owner', 'Due', 'Priority', 'Action', 'Meeting'],
  'zh-CN': ['文件', '行', '状态', '负责人', '截止', '优先级', '行动项', '会议'],
};

function markdownCell(text: string): string {
  // The text stays Markdown (links, emphasis); only what would end the cell or the row is escaped.
  return text
    .replace(/\|/g, '\\|')
    .replace(/\r\n|[\r\n\u2028\u2029]/g, '<br>')
    .trim();
}

function meetingLabel(row: ActionRow): string {
  const { title, date } = row.meeting;
  if (title && date) return `${title} (${date})`;
  return title ?? date ?? '';
}

function formatMarkdown(rows: ActionRow[], locale: Locale): string {
  const headers = MARKDOWN_HEADERS[locale];
  const lines = [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map((_, index) => (index === 1 ? '---:' : '---')).join(' | ')} |`,
  ];
  for (const row of rows) {
    const cells = [
      row.file,
      String(row.line),
      row.status,
      row.owners.join(', '),
      row.due ?? '',
      row.priority ?? '',
      row.text,
      meetingLabel(row),
    ].map(markdownCell);
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Terminal table

const MAX_LINE_WIDTH = 120;
const COLUMN_GAP = '  ';
const MAX_OWNER_WIDTH = 20;
const MIN_ACTION_WIDTH = 20;
const MISSING = '-';

const TABLE_TEXT = {
  en: {
    headers: ['Due', 'Owner', 'Action', 'Location'],
    empty: 'No open actions.',
    count(total: number, open: number, overdue: number): string {
      const openPart = `${open} open ${open === 1 ? 'action' : 'actions'}, ${overdue} overdue`;
      return total === open ? openPart : `${total} ${total === 1 ? 'action' : 'actions'}: ${openPart}`;
    },
  },
  'zh-CN': {
    headers: ['截止', '负责人', '行动项', '位置'],
    empty: '没有未完成的行动项。',
    count(total: number, open: number, overdue: number): string {
      const openPart = `${open} 个未完成行动项，${overdue} 个已逾期`;
      return total === open ? openPart : `共 ${total} 个行动项，${openPart}`;
    },
  },
} as const;

function paint(color: boolean, codes: string, text: string): string {
  return color ? `\x1b[${codes}m${text}\x1b[0m` : text;
}

function formatTable(rows: ActionRow[], options: ActionsFormatOptions): string {
  const text = TABLE_TEXT[options.locale];
  if (rows.length === 0) return text.empty + '\n';
  const { color, today } = options;

  const cells = rows.map((row) => ({
    due: row.due ?? MISSING,
    owner: truncateToWidth(singleLine(row.owners.join(', ')) || MISSING, MAX_OWNER_WIDTH),
    action: singleLine(row.text).trim(),
    location: singleLine(`${row.file}:${row.line}`),
    overdue: isOverdue(row, today),
    closed: !isOpen(row),
  }));
  const [dueHeader, ownerHeader, actionHeader, locationHeader] = text.headers;
  const widest = (header: string, values: string[]) => Math.max(displayWidth(header), ...values.map(displayWidth));
  const dueWidth = widest(dueHeader, cells.map((cell) => cell.due));
  const ownerWidth = widest(ownerHeader, cells.map((cell) => cell.owner));
  const fixedWidth = dueWidth + ownerWidth + COLUMN_GAP.length * 3;
  // Location keeps its full width when it can; the action text gives way first, then, for very
  // long paths, the start of the path.
  const locationWidth = Math.min(
    widest(locationHeader, cells.map((cell) => cell.location)),
    MAX_LINE_WIDTH - fixedWidth - MIN_ACTION_WIDTH,
  );
  const actionWidth = Math.min(
    widest(actionHeader, cells.map((cell) => cell.action)),
    MAX_LINE_WIDTH - fixedWidth - locationWidth,
  );

  const lines = [
    paint(
      color,
      '1',
      [
        padEndToWidth(dueHeader, dueWidth),
        padEndToWidth(ownerHeader, ownerWidth),
        padEndToWidth(actionHeader, actionWidth),
        locationHeader,
      ].join(COLUMN_GAP),
    ),
  ];
  for (const cell of cells) {
    // Finished actions, when listed at all, are dimmed as a whole so the open ones stand out.
    const styled = color && !cell.closed;
    const due = padEndToWidth(cell.due, dueWidth);
    const line = [
      cell.overdue ? paint(styled, '31', due) : due,
      padEndToWidth(cell.owner, ownerWidth),
      padEndToWidth(truncateToWidth(cell.action, actionWidth), actionWidth),
      paint(styled, '2', truncateStartToWidth(cell.location, locationWidth)),
    ].join(COLUMN_GAP);
    lines.push(cell.closed ? paint(color, '2', line) : line);
  }
  const open = rows.filter(isOpen).length;
  const overdue = cells.filter((cell) => cell.overdue).length;
  lines.push('', text.count(rows.length, open, overdue));
  return lines.join('\n') + '\n';
}
