import { lineOf } from '../lines';
import type { Rule } from './rule';

export const sectionEmpty: Rule = {
  id: 'section-empty',
  defaultSeverity: 'info',
  description: { en: 'A section heading has nothing under it.', 'zh-CN': '某个部分的标题下没有任何内容。' },
  check({ meeting, t, report }) {
    for (const section of meeting.sections) {
      if (section.hasContent) continue;
      const heading = section.heading || '#'.repeat(section.depth);
      // The fix removes the heading's whole lines (a setext heading's underline too), line break included.
      const start = meeting.lineStarts[lineOf(meeting.lineStarts, section.headingSpan.start)]!;
      const last = lineOf(meeting.lineStarts, section.headingSpan.end);
      const end = last + 1 < meeting.lineStarts.length ? meeting.lineStarts[last + 1]! : meeting.text.length;
      report({
        span: section.headingSpan,
        message: t('section-empty.empty', { heading }),
        fixes: [{ title: t('fix.remove-heading', { heading }), edits: [{ span: { start, end }, text: '' }], safe: false }],
      });
    }
  },
};
