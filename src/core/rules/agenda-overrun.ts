import type { Fix, Meeting } from '../model';
import { agendaMinutes, firstSectionOf, sectionItems } from '../method';
import type { Rule, RuleContext } from './rule';

export const agendaOverrun: Rule = {
  id: 'agenda-overrun',
  defaultSeverity: 'warning',
  description: { en: 'The agenda takes longer than the meeting.', 'zh-CN': '议程总时长超过会议时长。' },
  check(context) {
    const { meeting, t, report } = context;
    const duration = meeting.fields.duration;
    const section = firstSectionOf(meeting, 'agenda');
    if (duration === null || !section) return;
    const total = sectionItems(meeting, 'agenda').reduce((sum, item) => sum + (agendaMinutes(item) ?? 0), 0);
    if (total <= duration) return;
    report({
      span: section.headingSpan,
      message: t('agenda-overrun.over', { total, over: total - duration, duration }),
      fixes: lengthenMeeting(meeting, total, context),
    });
  },
};

const DURATION_LINE = /^(?:duration|时长)[ \t]*:[ \t]*/mu;
const TIME_LINE = /^(?:time|时间)[ \t]*:[ \t]*["']?([01]?\d|2[0-3])[:：]([0-5]\d)[ \t]*(?:-|–|—|~|～|至|到)[ \t]*(\d{1,2}[:：]\d{2})/mu;

/** Fixes that make the meeting as long as its agenda: the `duration` value, else the end of `time`. */
function lengthenMeeting(meeting: Meeting, total: number, { t }: RuleContext): Fix[] {
  const frontmatter = meeting.frontmatter;
  if (!frontmatter?.data) return [];
  const content = frontmatter.content;
  const duration = DURATION_LINE.exec(content);
  if (duration) {
    const start = duration.index + duration[0].length;
    let end = start;
    while (end < content.length && content[end] !== '\n' && content[end] !== '\r' && content[end] !== '#') end++;
    while (end > start && /[ \t]/u.test(content[end - 1]!)) end--;
    const base = frontmatter.contentStart;
    return [{ title: t('fix.set-duration', { minutes: total }), edits: [{ span: { start: base + start, end: base + end }, text: String(total) }], safe: false }];
  }
  const time = TIME_LINE.exec(content);
  if (time) {
    const endMinutes = Number(time[1]) * 60 + Number(time[2]) + total;
    if (endMinutes > 24 * 60) return [];
    const newEnd = `${String(Math.floor(endMinutes / 60)).padStart(2, '0')}:${String(endMinutes % 60).padStart(2, '0')}`;
    const start = frontmatter.contentStart + time.index + time[0].length - time[3]!.length;
    return [{ title: t('fix.set-end-time', { time: newEnd }), edits: [{ span: { start, end: start + time[3]!.length }, text: newEnd }], safe: false }];
  }
  return [];
}
