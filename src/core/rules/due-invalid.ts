import { formatDate, isValidDate } from '../calendar';
import { nextMonthDay } from '../date-expressions';
import type { Fix } from '../model';
import { pendingActions, type Rule, type RuleContext } from './rule';

export const dueInvalid: Rule = {
  id: 'due-invalid',
  defaultSeverity: 'error',
  description: {
    en: 'A due marker whose date is unreadable, ambiguous or impossible.',
    'zh-CN': '截止日期无法识别、有歧义或不存在。',
  },
  check(context) {
    const { meeting, t, report } = context;
    for (const action of pendingActions(meeting)) {
      for (const due of action.dueMentions) {
        if (!due.problem) continue;
        report({
          span: due.problem === 'missing' ? due.markerSpan : due.span,
          message: t(`due-invalid.${due.problem}`, { value: due.written }),
          fixes: due.problem === 'ambiguous' ? readings(due.written, due.span, context) : [],
        });
      }
    }
  },
};

/** For `12/1`: offer both readings (1 December and 12 January), each the next such day on or after the meeting. */
function readings(written: string, span: { start: number; end: number }, { meeting, t, weekday }: RuleContext): Fix[] {
  const parts = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?$/u.exec(written);
  if (!parts) return [];
  const year = parts[3] ? (parts[3].length === 2 ? 2000 + Number(parts[3]) : Number(parts[3])) : null;
  const [a, b] = [Number(parts[1]), Number(parts[2])];
  const orders = a === b ? [[a, b]] : [[a, b], [b, a]];
  const dates = orders
    .map(([month, day]) => {
      if (year !== null) return isValidDate(year, month!, day!) ? formatDate(year, month!, day!) : null;
      return nextMonthDay(month!, day!, meeting.fields.date).date;
    })
    .filter((iso): iso is string => iso !== null);
  return dates.map((iso) => ({ title: t('fix.read-as', { iso, weekday: weekday(iso) }), edits: [{ span, text: iso }], safe: false }));
}
