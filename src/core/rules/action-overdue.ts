import { daysBetween } from '../calendar';
import { countedMessage } from '../messages';
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
