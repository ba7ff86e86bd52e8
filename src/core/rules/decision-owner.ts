import { decisionHasOwner, sectionItems } from '../method';
import type { Rule } from './rule';

export const decisionOwner: Rule = {
  id: 'decision-owner',
  defaultSeverity: 'info',
  description: {
    en: 'A decision names no one accountable (when `decisions.requireOwner` asks for it).',
    'zh-CN': '决议没有写明责任人（当配置 `decisions.requireOwner` 要求时）。',
  },
  check({ meeting, config, t, report }) {
    const required = config.decisions.requireOwner;
    const type = meeting.fields.type;
    const applies = required === true || (Array.isArray(required) && (required.includes('*') || (type !== null && required.includes(type))));
    if (!applies) return;
    const people = [...new Set([...meeting.fields.attendees, meeting.fields.facilitator, meeting.fields.notetaker].filter((name): name is string => !!name))];
    for (const item of sectionItems(meeting, 'decisions')) {
      if (item.text === '' || item.task === 'cancelled' || decisionHasOwner(item, meeting, config)) continue;
      const at = item.firstLineEnd;
      report({
        span: { start: item.span.start, end: item.firstLineEnd },
        message: t('decision-owner.missing'),
        fixes: item.kind === 'list' ? people.map((name) => ({ title: t('fix.assign', { name }), edits: [{ span: { start: at, end: at }, text: ` @${name}` }], safe: false })) : [],
      });
    }
  },
};
