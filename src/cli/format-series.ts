// The follow-up record of a series as a terminal table, JSON or a Markdown table, and the list of
// series with their totals.
import type { Locale, SeriesStep } from '../core';
import { displayWidth, padEndToWidth, singleLine, truncateToWidth } from './display-width';

export type SeriesFormat = 'table' | 'json' | 'markdown';

export interface SeriesFormatOptions {
  locale: Locale;
  /** How a meeting's key (its absolute path) is shown. */
  display: (key: string) => string;
}

export interface SeriesListRow {
  series: string;
  meetings: number;
  first: string | null;
  last: string | null;
  /** Open actions after the latest meeting. */
  open: number;
  /** Actions dropped along the way (not followed up by the next meeting). */
  dropped: number;
}

const TEXT = {
  en: {
    headers: ['Date', 'Meeting', 'Opened', 'Closed', 'Carried', 'Dropped', 'Open', 'File'],
    title: (name: string, count: number) => `Series ${name}: ${count} ${count === 1 ? 'meeting' : 'meetings'}`,
    droppedTitle: 'Not followed up by the next meeting:',
    droppedLine: (date: string, text: string, from: string) => `${date}  “${text}” (from ${from})`,
    allFollowed: 'Every open action was followed up by the next meeting.',
    listHeaders: ['Series', 'Meetings', 'First', 'Last', 'Open', 'Dropped'],
    noSeries: 'No meeting with a `series` field.',
  },
  'zh-CN': {
    headers: ['日期', '会议', '新增', '关闭', '跟进', '遗漏', '未完成', '文件'],
    title: (name: string, count: number) => `系列 ${name}：共 ${count} 次会议`,
    droppedTitle: '下次会议没有跟进的行动项：',
    droppedLine: (date: string, text: string, from: string) => `${date}  “${text}”（来自 ${from}）`,
    allFollowed: '所有未完成的行动项都在下次会议得到了跟进。',
    listHeaders: ['系列', '会议数', '首次', '最近', '未完成', '遗漏'],
    noSeries: '没有带 `series` 字段的会议。',
  },
} as const;

export function formatSeries(name: string, steps: readonly SeriesStep[], format: SeriesFormat, options: SeriesFormatOptions): string {
  if (format === 'json') return formatJson(steps, options);
  const text = TEXT[options.locale];
  const rows = steps.map((step) => [
    step.entry.meeting.fields.date ?? '-',
    step.entry.meeting.fields.title ?? '-',
    String(step.opened),
    String(step.closed),
    String(step.carried),
    String(step.dropped.length),
    String(step.open),
    options.display(step.entry.key),
  ]);
  const dropped = steps.flatMap((step) =>
    step.dropped.map((item) => ({
      date: step.entry.meeting.fields.date ?? '-',
      text: item.action.label,
      from: `${options.display(step.previous!.key)}:${item.action.line + 1}`,
    })),
  );
  if (format === 'markdown') {
    const cell = (value: string) => value.replace(/\|/gu, '\\|').replace(/\s+/gu, ' ').trim();
    const lines = [
      `| ${text.headers.join(' | ')} |`,
      `| ${text.headers.map((_, index) => (index >= 2 && index <= 6 ? '---:' : '---')).join(' | ')} |`,
      ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
    ];
    if (dropped.length > 0) lines.push('', text.droppedTitle, '', ...dropped.map((item) => `- ${cell(text.droppedLine(item.date, item.text, item.from))}`));
    return lines.join('\n') + '\n';
  }
  const lines = [text.title(name, steps.length), '', ...table(text.headers, rows, [2, 3, 4, 5, 6], 1)];
  lines.push('');
  if (dropped.length === 0) lines.push(text.allFollowed);
  else lines.push(text.droppedTitle, ...dropped.map((item) => `  ${singleLine(text.droppedLine(item.date, item.text, item.from))}`));
  return lines.join('\n') + '\n';
}

function formatJson(steps: readonly SeriesStep[], options: SeriesFormatOptions): string {
  const plain = steps.map((step) => ({
    file: options.display(step.entry.key),
    date: step.entry.meeting.fields.date,
    title: step.entry.meeting.fields.title,
    type: step.entry.meeting.fields.type,
    previous: step.previous ? options.display(step.previous.key) : null,
    opened: step.opened,
    closed: step.closed,
    carried: step.carried,
    dropped: step.dropped.map((item) => ({
      text: item.action.label,
      owners: item.action.owners,
      due: item.action.due,
      status: item.action.status,
      file: options.display(step.previous!.key),
      line: item.action.line + 1,
    })),
    open: step.open,
  }));
  return JSON.stringify(plain, null, 2) + '\n';
}

export function formatSeriesList(rows: readonly SeriesListRow[], format: SeriesFormat, locale: Locale): string {
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n';
  const text = TEXT[locale];
  if (rows.length === 0) return format === 'markdown' ? `${text.noSeries}\n` : `${text.noSeries}\n`;
  const cells = rows.map((row) => [row.series, String(row.meetings), row.first ?? '-', row.last ?? '-', String(row.open), String(row.dropped)]);
  if (format === 'markdown') {
    const cell = (value: string) => value.replace(/\|/gu, '\\|');
    return (
      [`| ${text.listHeaders.join(' | ')} |`, `| ${text.listHeaders.map((_, index) => (index === 1 || index >= 4 ? '---:' : '---')).join(' | ')} |`, ...cells.map((row) => `| ${row.map(cell).join(' | ')} |`)].join(
        '\n',
      ) + '\n'
    );
  }
  return table(text.listHeaders, cells, [1, 4, 5]).join('\n') + '\n';
}

const MAX_TITLE = 30;

/** A plain terminal table: columns padded to their widest cell, numbers right-aligned, long titles cut. */
function table(headers: readonly string[], rows: readonly string[][], numeric: readonly number[], titleColumn = -1): string[] {
  const shown = rows.map((row) => row.map((value, index) => (index === titleColumn ? truncateToWidth(singleLine(value), MAX_TITLE) : singleLine(value))));
  const widths = headers.map((header, index) => Math.max(displayWidth(header), ...shown.map((row) => displayWidth(row[index] ?? ''))));
  const line = (row: readonly string[]) =>
    row
      .map((value, index) => (numeric.includes(index) ? ' '.repeat(Math.max(0, widths[index]! - displayWidth(value))) + value : padEndToWidth(value, widths[index]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...shown.map(line)];
}
