// Hover on an action item: its owners, its due date with the weekday and the days left or
// overdue, its status and priority, and for an action carried over from earlier meetings of the
// series the meeting it came from (and where it was first raised).
import * as vscode from 'vscode';
import {
  actionLabel,
  daysBetween,
  findCarried,
  isoWeekday,
  message,
  parseMeeting,
  previousInSeries,
  todayIn,
  summaryOf,
  type Action,
  type ActionSummary,
  type IndexedMeeting,
  type Meeting,
  type Priority,
  type ResolvedConfig,
  type SeriesEntry,
} from '../core';
import { statusLabel } from './actions-tree';
import { configForDocument, type ConfigResolver } from './config-resolver';
import { displayLocale } from './locale';
import type { MeetingStore } from './meeting-store';

export interface CarriedFrom {
  /** The meeting just before this one that has the action. */
  from: IndexedMeeting;
  action: ActionSummary;
  /** The earliest meeting of the series with the action, and how many meetings it went through. */
  origin: IndexedMeeting;
  originAction: ActionSummary;
  meetings: number;
}

export class ActionHovers implements vscode.HoverProvider {
  constructor(
    private readonly store: MeetingStore,
    private readonly configs: ConfigResolver,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const line = document.lineAt(position.line).text;
    // Only list items can be actions, or lines that continue one: skip the parse for headings and the like.
    if (/^\s*(?:#|---|$)/u.test(line)) return undefined;
    const key = document.uri.toString();
    const indexed = this.store.index.get(key);
    const config: ResolvedConfig = indexed?.config ?? (await configForDocument(this.configs, document.uri));
    const meeting =
      (indexed && indexed.version === document.version ? this.store.modelOf(key) : undefined) ?? parseMeeting(document.getText(), { config, path: document.uri.path });
    if (!meeting.meetingReason) return undefined;
    const offset = document.offsetAt(position);
    const action = actionAt(meeting, document, position.line, offset);
    if (!action) return undefined;
    const today = todayIn(config.timezone);
    const summary = summaryOf(meeting);
    const carried = carriedFrom(this.store.index.series(meeting.fields.series ?? ''), { key, meeting: summary }, summary.actions[meeting.actions.indexOf(action)]!);
    const range = new vscode.Range(document.positionAt(action.boxSpan.start), document.positionAt(Math.max(action.textSpan.end, action.boxSpan.end)));
    return new vscode.Hover(hoverMarkdown(meeting, action, today, carried), range);
  }
}

/** The action whose box line or continuation lines hold `line`. */
function actionAt(meeting: Meeting, document: vscode.TextDocument, line: number, offset: number): Action | undefined {
  let found: Action | undefined;
  for (const action of meeting.actions) {
    const first = action.line;
    const last = document.positionAt(Math.max(action.textSpan.end, action.boxSpan.end)).line;
    if (line >= first && line <= last && offset >= document.offsetAt(new vscode.Position(first, 0))) found = action; // the innermost wins
  }
  return found;
}

/** Where a carried action came from: the previous meeting that has it, and the first one. */
export function carriedFrom(series: readonly IndexedMeeting[], current: SeriesEntry, action: ActionSummary): CarriedFrom | null {
  const chain: Array<{ entry: IndexedMeeting; action: ActionSummary }> = [];
  let later: SeriesEntry = current;
  let laterAction = action;
  const visited = new Set<string>([current.key]);
  for (;;) {
    const previous = previousInSeries(series, later);
    if (!previous || visited.has(previous.key)) break;
    visited.add(previous.key);
    const earlier = previous.meeting.actions.find((candidate) => findCarried(candidate, later.meeting) === laterAction);
    if (!earlier) break;
    chain.push({ entry: previous, action: earlier });
    later = previous;
    laterAction = earlier;
  }
  if (chain.length === 0) return null;
  const first = chain[0]!;
  const last = chain.at(-1)!;
  return { from: first.entry, action: first.action, origin: last.entry, originAction: last.action, meetings: chain.length };
}

function hoverMarkdown(meeting: Meeting, action: Action, today: string, carried: CarriedFrom | null): vscode.MarkdownString {
  const locale = displayLocale();
  const weekday = (iso: string) => message(locale, `weekday.${isoWeekday(iso)}` as 'weekday.1');
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = false;
  md.appendMarkdown(`**${escape(actionLabel(action, meeting.text))}**\n\n`);
  const rows: string[] = [];

  const owners = action.owners.map((owner) => {
    const notes = [!owner.known ? vscode.l10n.t('not an attendee or in the roster') : '', owner.written !== owner.name ? vscode.l10n.t('written as {0}', owner.written) : '']
      .filter(Boolean)
      .join(', ');
    return `${escape(owner.name)}${notes ? ` (${escape(notes)})` : ''}`;
  });
  rows.push(
    `$(person) ${escape(vscode.l10n.t('Owner'))}: ${owners.length > 0 ? owners.join(', ') : `_${escape(vscode.l10n.t('nobody yet'))}_`}${action.ownersInherited ? ` · ${escape(vscode.l10n.t('from the parent task'))}` : ''}`,
  );

  const due = action.due;
  if (due?.date) {
    const days = daysBetween(today, due.date);
    const open = action.status === 'open' || action.status === 'in-progress';
    const when = !open
      ? ''
      : days < 0
        ? vscode.l10n.t('{0} days overdue', -days)
        : days === 0
          ? vscode.l10n.t('due today')
          : vscode.l10n.t('in {0} days', days);
    const written = !due.iso ? ` · ${vscode.l10n.t('written as {0}', due.written)}` : '';
    const inherited = action.dueInherited ? ` · ${vscode.l10n.t('from the parent task')}` : '';
    rows.push(`$(calendar) ${escape(vscode.l10n.t('Due'))}: ${due.date} ${weekday(due.date)}${when ? ` · **${escape(when)}**` : ''}${escape(written)}${escape(inherited)}`);
  } else if (due) {
    rows.push(`$(calendar) ${escape(vscode.l10n.t('Due'))}: ${escape(due.written || '—')} (${escape(vscode.l10n.t('not a date this tool can read'))})`);
  } else {
    rows.push(`$(calendar) ${escape(vscode.l10n.t('Due'))}: _${escape(vscode.l10n.t('no due date yet'))}_`);
  }

  const statusDate = action.status === 'done' ? action.doneDate : action.status === 'cancelled' ? action.cancelledDate : null;
  rows.push(`$(${statusIcon(action.status)}) ${escape(vscode.l10n.t('Status'))}: ${escape(statusLabel(action.status))}${statusDate ? ` ${statusDate}` : ''}`);
  if (action.priority) rows.push(`$(arrow-up) ${escape(vscode.l10n.t('Priority'))}: ${escape(priorityLabel(action.priority))}`);

  if (carried) {
    rows.push(`$(history) ${escape(vscode.l10n.t('Carried from'))}: ${meetingLink(carried.from, carried.action)}`);
    if (carried.meetings > 1) {
      rows.push(`$(debug-start) ${escape(vscode.l10n.t('First raised'))}: ${meetingLink(carried.origin, carried.originAction)} · ${escape(vscode.l10n.t('open through {0} meetings', carried.meetings))}`);
    }
  }
  md.appendMarkdown(rows.join('  \n'));
  return md;
}

function meetingLink(entry: IndexedMeeting, action: ActionSummary): string {
  const { title, date } = entry.meeting.fields;
  const uri = vscode.Uri.parse(entry.key);
  const name = title ?? uri.path.split('/').pop() ?? entry.key;
  const target = uri.with({ fragment: `L${action.line + 1}` });
  return `[${escape([name, date].filter(Boolean).join(' '))}](${target.toString()})`;
}

function statusIcon(status: Action['status']): string {
  switch (status) {
    case 'open':
      return 'circle-large-outline';
    case 'in-progress':
      return 'circle-large-filled';
    case 'done':
      return 'pass';
    default:
      return 'circle-slash';
  }
}

function priorityLabel(priority: Priority): string {
  switch (priority) {
    case 'highest':
      return vscode.l10n.t('highest');
    case 'high':
      return vscode.l10n.t('high');
    case 'medium':
      return vscode.l10n.t('medium');
    case 'low':
      return vscode.l10n.t('low');
    default:
      return vscode.l10n.t('lowest');
  }
}

/** Markdown-escapes text (names and action text are user data). */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$]/gu, '\\$&');
}
