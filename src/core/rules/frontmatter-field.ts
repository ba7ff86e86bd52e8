import { isMessageId } from '../messages';
import type { Rule } from './rule';

export const frontmatterField: Rule = {
  id: 'frontmatter-field',
  defaultSeverity: 'error',
  description: {
    en: 'A frontmatter field is missing or has the wrong shape (date, attendees, duration, …).',
    'zh-CN': '前置元数据字段缺失或格式错误（日期、参会人员、时长等）。',
  },
  check({ meeting, t, report }) {
    for (const problem of meeting.fieldProblems) {
      if (!isMessageId(problem.messageId)) continue;
      const fixes = (problem.fixes ?? []).map((fix) => ({
        ...fix,
        title: problem.messageId === 'field.attendees-not-list' ? t('fix.attendees-list') : t('fix.date-iso', { iso: fix.title }),
      }));
      report({ span: problem.span, message: t(problem.messageId, problem.args), fixes });
    }
  },
};
