import { pendingActions, type Rule } from './rule';

export const dueFormat: Rule = {
  id: 'due-format',
  defaultSeverity: 'info',
  description: {
    en: 'A valid due date written in a non-ISO or relative form; the fix rewrites it as YYYY-MM-DD.',
    'zh-CN': '有效的截止日期未使用 ISO 格式或使用了相对日期；修复会改写为 YYYY-MM-DD。',
  },
  check({ meeting, t, weekday, report }) {
    for (const action of pendingActions(meeting)) {
      for (const due of action.dueMentions) {
        if (!due.date || due.iso) continue;
        const args = { value: due.written, iso: due.date, weekday: weekday(due.date) };
        report({
          span: due.span,
          message: t('due-format.rewrite', args),
          fixes: [{ title: t('fix.rewrite-date', args), edits: [{ span: due.span, text: due.date }], safe: true }],
        });
      }
    }
  },
};
