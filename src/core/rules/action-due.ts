import { addDays, endOfMonth } from '../calendar';
import { insertionPoint } from './action-owner';
import { pendingActions, type Rule } from './rule';

export const actionDue: Rule = {
  id: 'action-due',
  defaultSeverity: 'warning',
  description: { en: 'An open or in-progress action item has no due date.', 'zh-CN': '未完成的行动项没有截止日期。' },
  check({ meeting, nextMeetingDate, t, weekday, report }) {
    const date = meeting.fields.date;
    for (const action of pendingActions(meeting)) {
      if (action.due || action.dueMentions.length > 0) continue;
      const at = insertionPoint(meeting, action);
      const choices = date
        ? [
            { iso: addDays(date, 7), id: 'fix.due-in-week' as const },
            ...(nextMeetingDate ? [{ iso: nextMeetingDate, id: 'fix.due-next-meeting' as const }] : []),
            { iso: endOfMonth(date), id: 'fix.due-end-of-month' as const },
          ].filter((choice, index, all) => all.findIndex((other) => other.iso === choice.iso) === index)
        : [];
      report({
        span: action.boxSpan,
        message: t('action-due.missing'),
        fixes: choices.map((choice) => ({
          title: t(choice.id, { iso: choice.iso, weekday: weekday(choice.iso) }),
          edits: [{ span: { start: at, end: at }, text: ` 📅 ${choice.iso}` }],
          safe: false,
        })),
      });
    }
  },
};
