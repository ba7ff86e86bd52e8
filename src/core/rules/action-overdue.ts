import { daysBetween } from '../calendar';
import { countedMessage } from '../messages';
import type { Meeting } from '../model';
import { pendingActions, type Rule } from './rule';

export const actionOverdue: Rule = {
  id: 'action-overdue',
  defaultSeverity: 'info',
  description: { en: 'An open or in-progress action item is past its due date.', 'zh-CN': '未完成的行动项已超过截止日期。' },
  check({ meeting, today, locale, weekday, report }) {
    for (const action of pendingActions(meeting)) {
      const due = action.due?.date;
      if (!due || due >= today) continue;
      report({
        span: action.dueInherited ? action.boxSpan : action.due!.span,
        message: countedMessage(locale, 'action-overdue', { count: daysBetween(due, today), due, weekday: weekday(due) }),
      });
    }
  },
};

/**
 * The days on which the meeting's findings are those of `today`, as `[from, until]` (inclusive,
 * '' for no bound). This rule is the only one that reads the day. With an action overdue, its
 * message counts the days: today only. Otherwise every day up to the first pending due date (the
 * day after it, that action is overdue).
 */
export function sameFindingsDays(meeting: Meeting, today: string): [from: string, until: string] {
  let firstDue = '';
  for (const action of pendingActions(meeting)) {
    const due = action.due?.date;
    if (!due) continue;
    if (due < today) return [today, today];
    if (firstDue === '' || due < firstDue) firstDue = due;
  }
  return ['', firstDue];
}
