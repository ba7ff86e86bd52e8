// Commands on one action of the tree: mark done, set due date, assign owner, open its meeting.
// Each re-reads the document (unsaved changes included), finds the same action again and
// applies edits guarded by the document's version, so nothing lands in the wrong place.
import * as vscode from 'vscode';
import {
  addDays,
  assignOwnerEdits,
  endOfMonth,
  isoWeekday,
  markDoneEdits,
  message,
  ownerReading,
  parseMeeting,
  peopleOf,
  readDateExpression,
  setDueEdits,
  todayIn,
  type Action,
  type Meeting,
  type PeopleIndex,
  type TextEdit,
} from '../core';
import type { ActionNode } from './actions-tree';
import { applyVersionedEdits } from './edits';
import { displayLocale } from './locale';
import type { MeetingStore } from './meeting-store';

type EditBuilder = (meeting: Meeting, action: Action) => Promise<TextEdit[] | undefined> | TextEdit[] | undefined;

export async function editAction(node: ActionNode | undefined, build: EditBuilder): Promise<boolean> {
  if (!node || node.kind !== 'action') return false;
  const { entry, action: shown } = node.item;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(entry.key));
  const version = document.version;
  const meeting = parseMeeting(document.getText(), { config: entry.config, path: document.uri.path });
  const action =
    meeting.actions.find((candidate) => candidate.line === shown.line && candidate.text === shown.text) ??
    uniqueByText(meeting.actions, shown.text);
  if (!action) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This action is no longer in {0}; nothing was changed.', vscode.workspace.asRelativePath(document.uri)));
    return false;
  }
  const edits = await build(meeting, action);
  if (!edits) return false;
  return applyVersionedEdits(document, version, edits);
}

function uniqueByText(actions: readonly Action[], text: string): Action | undefined {
  const matches = actions.filter((candidate) => candidate.text === text);
  return matches.length === 1 ? matches[0] : undefined;
}

export function markDone(node: ActionNode | undefined): Promise<boolean> {
  return editAction(node, (meeting, action) => markDoneEdits(meeting, action, todayIn(node!.item.entry.config.timezone)));
}

export function setDueDate(node: ActionNode | undefined, store: MeetingStore, preset?: string): Promise<boolean> {
  return editAction(node, async (meeting, action) => {
    const date = preset ?? (await pickDate(meeting, store));
    return date ? setDueEdits(meeting, action, date) : undefined;
  });
}

export function assignOwner(node: ActionNode | undefined, store: MeetingStore, preset?: string): Promise<boolean> {
  return editAction(node, async (meeting, action) => {
    const people = peopleOf(meeting, node!.item.entry.config);
    const name = preset ?? (await pickPerson(meeting, store, people));
    if (!name) return undefined;
    // Written as `@name`, it must read back as that person, or the item would name someone else.
    const problem = ownerProblem(name, people);
    if (problem) {
      void vscode.window.showErrorMessage(problem);
      return undefined;
    }
    return assignOwnerEdits(meeting, action, name);
  });
}

function ownerProblem(name: string, people: PeopleIndex): string | undefined {
  const reading = ownerReading(name, people);
  if (reading.exact) return undefined;
  return reading.readAs
    ? message(displayLocale(), 'owner.reads-as', { name, readAs: reading.readAs })
    : message(displayLocale(), 'owner.unreadable', { name });
}

export async function openMeeting(node: ActionNode | undefined): Promise<void> {
  if (!node || node.kind !== 'action') return;
  await vscode.window.showTextDocument(vscode.Uri.parse(node.item.entry.key), { preview: false });
}

async function pickDate(meeting: Meeting, store: MeetingStore): Promise<string | undefined> {
  const locale = displayLocale();
  const today = todayIn(null);
  const base = meeting.fields.date && meeting.fields.date > today ? meeting.fields.date : today;
  const next = store.index.nextMeetingDate(meeting.fields.series, meeting.fields.date);
  const label = (iso: string) => `${iso} ${message(locale, `weekday.${isoWeekday(iso)}` as 'weekday.1')}`;
  const choices: Array<vscode.QuickPickItem & { date?: string }> = [
    { label: label(addDays(today, 1)), description: vscode.l10n.t('tomorrow'), date: addDays(today, 1) },
    { label: label(addDays(base, 7)), description: vscode.l10n.t('in a week'), date: addDays(base, 7) },
    ...(next && next > today ? [{ label: label(next), description: vscode.l10n.t('next meeting of the series'), date: next }] : []),
    { label: label(endOfMonth(today)), description: vscode.l10n.t('end of the month'), date: endOfMonth(today) },
    { label: vscode.l10n.t('Other date…') },
  ];
  const picked = await vscode.window.showQuickPick(choices, { placeHolder: vscode.l10n.t('Due date') });
  if (!picked) return undefined;
  if (picked.date) return picked.date;
  const typed = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('Due date: YYYY-MM-DD, or a form such as 下周五 or next Friday'),
    validateInput: (value) => (readableDate(value, today) ? undefined : vscode.l10n.t('Not a date this tool can read')),
  });
  return typed ? readableDate(typed, today) ?? undefined : undefined;
}

function readableDate(value: string, today: string): string | null {
  const text = value.trim();
  const reading = readDateExpression(text, 0, today);
  return reading.date && reading.end === text.length ? reading.date : null;
}

async function pickPerson(meeting: Meeting, store: MeetingStore, people: PeopleIndex): Promise<string | undefined> {
  const attendees = meeting.fields.attendees;
  // Owners of other meetings that this one would read as written (not `Bob Li` where only Bob is known).
  const others = store.index.people().filter((name) => !attendees.includes(name) && ownerReading(name, people).exact);
  const items: vscode.QuickPickItem[] = [
    ...attendees.map((name) => ({ label: name, description: vscode.l10n.t('attendee') })),
    ...others.map((name) => ({ label: name })),
    { label: vscode.l10n.t('Someone else…'), alwaysShow: true },
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Owner') });
  if (!picked) return undefined;
  if (picked.label !== vscode.l10n.t('Someone else…')) return picked.label;
  const typed = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Owner name'), validateInput: (value) => (value.trim() ? ownerProblem(value.trim(), people) : undefined) });
  return typed?.trim() || undefined;
}
