import { goalCheckOf, sectionItems } from '../method';
import type { Rule } from './rule';

export const goalSmart: Rule = {
  id: 'goal-smart',
  defaultSeverity: 'info',
  description: {
    en: 'A goal has no measurable target or no deadline (SMART).',
    'zh-CN': '目标缺少可衡量的指标或完成时限（SMART 原则）。',
  },
  check({ meeting, config, t, report }) {
    for (const item of sectionItems(meeting, 'goals')) {
      if (item.text === '' || item.task === 'cancelled') continue;
      const { measurable, deadline } = goalCheckOf(item, meeting, config);
      if (measurable && deadline) continue;
      report({
        span: { start: item.span.start, end: item.firstLineEnd },
        message: t(!measurable && !deadline ? 'goal-smart.neither' : !measurable ? 'goal-smart.no-measure' : 'goal-smart.no-deadline'),
      });
    }
  },
};
