import { agendaMinutes, sectionItems } from '../method';
import type { Rule } from './rule';

export const agendaTimebox: Rule = {
  id: 'agenda-timebox',
  defaultSeverity: 'info',
  description: { en: 'An agenda item has no time box.', 'zh-CN': '议程项没有时间安排。' },
  check({ meeting, t, report }) {
    const items = sectionItems(meeting, 'agenda').filter((item) => item.text !== '');
    const minutes = items.map(agendaMinutes);
    const untimed = items.filter((_, index) => minutes[index] === null);
    if (untimed.length === 0) return;
    // Suggest the time the meeting has left, shared among the items without one.
    const planned = minutes.reduce<number>((sum, value) => sum + (value ?? 0), 0);
    const duration = meeting.fields.duration;
    const share = duration !== null && duration > planned ? Math.floor((duration - planned) / untimed.length) : 0;
    const suggestions = share >= 1 ? [share] : [5, 10, 15];
    for (const item of untimed) {
      const chinese = /\p{Script=Han}/u.test(item.text);
      report({
        span: { start: item.span.start, end: item.firstLineEnd },
        message: t('agenda-timebox.missing'),
        fixes:
          item.kind === 'list'
            ? suggestions.map((value) => {
                const time = chinese ? `（${value} 分钟）` : ` (${value} min)`;
                return { title: t('fix.add-time', { time: time.trim() }), edits: [{ span: { start: item.firstLineEnd, end: item.firstLineEnd }, text: time }], safe: false };
              })
            : [],
      });
    }
  },
};
