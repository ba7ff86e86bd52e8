import { pendingActions, type Rule } from './rule';

export const dueBeforeMeeting: Rule = {
  id: 'due-before-meeting',
  defaultSeverity: 'warning',
  description: { en: 'The due date is before the meeting date.', 'zh-CN': '截止日期早于会议日期。' },
  check({ meeting, t, report }) {
    const date = meeting.fields.date;
    if (!date) return;
    for (const action of pendingActions(meeting)) {
      const due = action.due;
      // Actions carried from the last meeting keep their old dates on purpose.
      if (!due?.date || action.dueInherited || action.section === 'followup' || due.date >= date) continue;
      report({ span: due.span, message: t('due-before-meeting.before', { due: due.date, date }) });
    }
  },
};
