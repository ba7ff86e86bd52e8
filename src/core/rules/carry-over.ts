import { itemTailStart, readActionFacts } from '../action-text';
import { applyEdits } from '../edits';
import { firstSectionOf } from '../method';
import { PeopleIndex } from '../people';
import type { Fix } from '../model';
import { fileName, followUp } from '../series';
import type { ActionSummary } from '../summary';
import { SECTION_TITLES } from '../vocabulary';
import type { Rule, RuleContext } from './rule';

export const carryOver: Rule = {
  id: 'carry-over',
  defaultSeverity: 'warning',
  description: {
    en: 'An open action of the previous meeting of the series is neither closed nor carried into this one.',
    'zh-CN': '本系列上次会议的未完成行动项，本次会议既未关闭也未跟进。',
  },
  check(context) {
    const { meeting, previousMeeting, t, report } = context;
    if (!previousMeeting) return;
    const previous = previousMeeting.meeting;
    const dropped = followUp(previous, meeting).filter((item) => item.status === 'dropped');
    if (dropped.length === 0) return;
    const section = firstSectionOf(meeting, 'followup');
    const span = section ? section.headingSpan : meeting.frontmatter ? { start: 0, end: 3 } : { start: 0, end: 0 };
    const file = fileName(previousMeeting.key);
    for (const { action } of dropped) {
      const label = action.label;
      report({
        span,
        message: t('carry-over.dropped', {
          action: label,
          status: t(action.status === 'in-progress' ? 'status.in-progress' : 'status.open'),
          meeting: previous.fields.date ?? file,
          location: `${file}:${action.line + 1}`,
        }),
        fixes: carryFixes(action, label, previous.fields.date, context),
      });
    }
  },
};

/**
 * The item's text as it would stand alone in another meeting: due dates read against its own
 * meeting's date (`下周五`, `12月1日`) written as the dates they meant, inherited owners and due
 * date written out.
 */
function standaloneText(action: ActionSummary, meetingDate: string | null): string {
  let text = withDatesWritten(action.text, meetingDate);
  if (action.ownersInherited) text += action.owners.map((owner) => ` @${owner}`).join('');
  if (action.dueInherited && action.due) text += ` 📅 ${action.due}`;
  return text;
}

function withDatesWritten(text: string, meetingDate: string | null): string {
  const { dueMentions } = readActionFacts(text, { start: 0, end: text.length }, meetingDate, NO_PEOPLE);
  const edits = dueMentions.filter((mention) => mention.date && !mention.iso).map((mention) => ({ span: mention.span, text: mention.date! }));
  return edits.length > 0 ? applyEdits(text, edits) : text;
}

/** Due dates are read alike whoever attended. */
const NO_PEOPLE = new PeopleIndex([], []);

/** Puts `mark` after the item's words: before a trailing `^block-id` (it stays last) and comments. */
function withMark(text: string, mark: string): string {
  const at = itemTailStart(text);
  return `${text.slice(0, at)} ${mark}${text.slice(at)}`;
}

function carryFixes(action: ActionSummary, label: string, previousDate: string | null, { meeting, locale, t }: RuleContext): Fix[] {
  const text = standaloneText(action, previousDate);
  const date = meeting.fields.date;
  const lines = [
    { title: t('fix.carry', { action: label }), line: `- [${action.status === 'in-progress' ? '/' : ' '}] ${text}` },
    { title: t('fix.carry-done', { action: label }), line: `- [x] ${date ? withMark(text, `✅ ${date}`) : text}` },
    { title: t('fix.carry-cancelled', { action: label }), line: `- [-] ${date ? withMark(text, `❌ ${date}`) : text}` },
  ];
  const newline = meeting.text.includes('\r\n') ? '\r\n' : '\n';
  const section = firstSectionOf(meeting, 'followup');
  let at: number;
  let before = newline;
  let after = '';
  if (section) {
    // After the last line with content in the follow-up section.
    at = section.bodySpan.end;
    while (at > section.headingSpan.end && /\s/u.test(meeting.text[at - 1]!)) at--;
  } else {
    // A new follow-up section before the first action section, else at the end.
    const heading = locale === 'zh-CN' ? SECTION_TITLES.followup.zh : SECTION_TITLES.followup.en;
    const actions = firstSectionOf(meeting, 'actions');
    if (actions) {
      const depth = '#'.repeat(actions.depth);
      at = actions.headingSpan.start;
      before = `${depth} ${heading}${newline}`;
      after = `${newline}${newline}`;
    } else {
      at = meeting.text.length;
      const gap = meeting.text.endsWith('\n') || meeting.text.endsWith('\r') || at === 0 ? '' : newline;
      before = `${gap}${newline}## ${heading}${newline}`;
      after = newline;
    }
  }
  return lines.map(({ title, line }) => ({ title, edits: [{ span: { start: at, end: at }, text: `${before}${line}${after}` }], safe: false }));
}
