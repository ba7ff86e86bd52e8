// Edits to one action item, as data: the editor applies them with a WorkspaceEdit against the
// document version they were computed from; nothing else in the line is touched.
import { readActionFacts } from './action-text';
import { insertionPoint } from './rules/action-owner';
import type { Action, Meeting, TextEdit } from './model';
import type { PeopleIndex } from './people';

/** Box to `[x]` and a `✅ YYYY-MM-DD` done date (kept if one is already there). */
export function markDoneEdits(meeting: Meeting, action: Action, today: string): TextEdit[] {
  const edits: TextEdit[] = [];
  if (action.status !== 'done') edits.push({ span: { start: action.boxSpan.start + 1, end: action.boxSpan.start + 2 }, text: 'x' });
  if (!action.doneDate) {
    const at = insertionPoint(meeting, action);
    edits.push({ span: { start: at, end: at }, text: ` ✅ ${today}` });
  }
  return edits;
}

/** Replaces the action's own due date, or adds `📅 date` when it has none. */
export function setDueEdits(meeting: Meeting, action: Action, date: string): TextEdit[] {
  const own = action.dueMentions.find((mention) => mention.date !== null) ?? action.dueMentions[0];
  if (own) return [{ span: own.span, text: date }];
  const at = insertionPoint(meeting, action);
  return [{ span: { start: at, end: at }, text: ` 📅 ${date}` }];
}

/**
 * How `@name` reads in a meeting with these people: as exactly that name, or as someone else
 * (`张三丰` where only `张三` is known is read as 张三; `Bob Li`, unknown, as Bob), or as nobody.
 * An owner picked from a list or typed in must read back as itself, or the item names someone else.
 */
export function ownerReading(name: string, people: PeopleIndex): { exact: boolean; readAs: string | null } {
  const text = `@${name}`;
  const owner = readActionFacts(text, { start: 0, end: text.length }, null, people).owners[0];
  return { exact: owner !== undefined && owner.written === name, readAs: owner?.name ?? null };
}

/** Adds `@name` unless the action already has that owner of its own. */
export function assignOwnerEdits(meeting: Meeting, action: Action, name: string): TextEdit[] {
  if (!action.ownersInherited && action.owners.some((owner) => owner.name === name)) return [];
  const at = insertionPoint(meeting, action);
  return [{ span: { start: at, end: at }, text: ` @${name}` }];
}
