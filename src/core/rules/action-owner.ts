import { itemTailStart } from '../action-text';
import { lineContentEnd } from '../lines';
import type { Action, Meeting } from '../model';
import { pendingActions, type Rule } from './rule';

/** Where to add a field to an action: the end of its first line, before a trailing `^block-id`. */
export function insertionPoint(meeting: Meeting, action: Action): number {
  const firstLineEnd = Math.min(lineContentEnd(meeting.text, meeting.lineStarts, action.line), Math.max(action.textSpan.end, action.boxSpan.end));
  const line = meeting.text.slice(action.boxSpan.end, firstLineEnd);
  // Before a trailing block id and the comments after the words (see itemTailStart).
  let end = action.boxSpan.end + itemTailStart(line);
  while (end > action.boxSpan.end && /[ \t]/u.test(meeting.text[end - 1]!)) end--;
  return end;
}

export const actionOwner: Rule = {
  id: 'action-owner',
  defaultSeverity: 'warning',
  description: { en: 'An open or in-progress action item has no owner.', 'zh-CN': '未完成的行动项没有负责人。' },
  check({ meeting, t, report }) {
    const people = [...new Set([...meeting.fields.attendees, meeting.fields.facilitator, meeting.fields.notetaker].filter((name): name is string => !!name))];
    for (const action of pendingActions(meeting)) {
      if (action.owners.length > 0) continue;
      const at = insertionPoint(meeting, action);
      report({
        span: action.boxSpan,
        message: t('action-owner.missing'),
        fixes: people.map((name) => ({
          title: t('fix.assign', { name }),
          edits: [{ span: { start: at, end: at }, text: ` @${name}` }],
          safe: false,
        })),
      });
    }
  },
};
