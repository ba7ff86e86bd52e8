import { formatDate, isValidDate } from '../calendar';
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

/** For `12/1`: offer both readings (1 December and 12 January), in the meeting's year. */
function readings(written: string, span: { start: number; end: number }, { meeting, t, weekday }: RuleContext): Fix[] {
  const parts = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?$/u.exec(written);
  const meetingYear = meeting.fields.date ? Number(meeting.fields.date.slice(0, 4)) : null;
  if (!parts) return [];
  const year = parts[3] ? (parts[3].length === 2 ? 2000 + Number(parts[3]) : Number(parts[3])) : meetingYear;
  if (year === null) return [];
  const [a, b] = [Number(parts[1]), Number(parts[2])];
  const candidates = [
    [a, b],
    [b, a],
  ].filter(([month, day], index) => isValidDate(year, month!, day!) && (index === 0 || a !== b));
  return candidates.map(([month, day]) => {
    const iso = formatDate(year, month!, day!);
    return { title: t('fix.read-as', { iso, weekday: weekday(iso) }), edits: [{ span, text: iso }], safe: false };
  });
}
