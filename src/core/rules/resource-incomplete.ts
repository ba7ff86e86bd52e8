import { readResource, sectionItems } from '../method';
import type { Rule } from './rule';
import { joinList } from './rule';

export const resourceIncomplete: Rule = {
  id: 'resource-incomplete',
  defaultSeverity: 'warning',
  description: {
    en: 'A resource request does not say its type, amount, requester and needed-by date.',
    'zh-CN': '资源需求没有写明类型、数量、申请人和需要日期。',
  },
  check({ meeting, config, t, report }) {
    const people = [...new Set([...meeting.fields.attendees, meeting.fields.facilitator, meeting.fields.notetaker].filter((name): name is string => !!name))];
    for (const item of sectionItems(meeting, 'resources')) {
      if (item.text === '' || item.task === 'cancelled') continue;
      const request = readResource(item, meeting, config);
      if (request.missing.length === 0) continue;
      const at = item.firstLineEnd;
      report({
        span: { start: item.span.start, end: item.firstLineEnd },
        message: t('resource-incomplete.missing', { missing: joinList(request.missing.map((part) => t(`resource.${part}`)), t) }),
        fixes:
          request.missing.includes('requester') && item.kind === 'list'
            ? people.map((name) => ({ title: t('fix.requester', { name }), edits: [{ span: { start: at, end: at }, text: ` @${name}` }], safe: false }))
            : [],
      });
    }
  },
};
