import { daysBetween, isoWeekday } from '../calendar';
import { countedMessage, message } from '../messages';
import type { Locale, Meeting, Span } from '../model';
import { pendingActions, type Rule } from './rule';

export const actionOverdue: Rule = {
  id: 'action-overdue',
  defaultSeverity: 'info',
  description: { en: 'An open or in-progress action item is past its due date.', 'zh-CN': '未完成的行动项已超过截止日期。' },
  check({ meeting, today, locale, report }) {
    for (const overdue of overdueOn(overdueCandidates(meeting), today, locale)) report({ span: overdue.at, message: overdue.message });
  },
};

/** A pending action's due date, and where its finding is once the date is past. */
export interface OverdueCandidate<Where> {
  at: Where;
  due: string;
}

/**
 * Every pending action with a due date, in document order, with the span of its finding. This
 * rule is the only one that reads the day: the editor's cache of problems keeps the other
 * findings as they were, and these, to work the overdue ones out again on the day it is read.
 */
export function overdueCandidates(meeting: Meeting): Array<OverdueCandidate<Span>> {
  const candidates: Array<OverdueCandidate<Span>> = [];
  for (const action of pendingActions(meeting)) {
    const due = action.due?.date;
    if (due) candidates.push({ at: action.dueInherited ? action.boxSpan : action.due!.span, due });
  }
  return candidates;
}

/** The candidates overdue on `today`, each with its message. */
export function overdueOn<Where>(candidates: ReadonlyArray<OverdueCandidate<Where>>, today: string, locale: Locale): Array<{ at: Where; message: string }> {
  const overdue: Array<{ at: Where; message: string }> = [];
  for (const { at, due } of candidates) {
    if (due >= today) continue;
    const weekday = message(locale, `weekday.${isoWeekday(due)}` as 'weekday.1');
    overdue.push({ at, message: countedMessage(locale, 'action-overdue', { count: daysBetween(due, today), due, weekday }) });
  }
  return overdue;
}
