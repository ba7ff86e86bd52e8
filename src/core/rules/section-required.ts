import { SECTION_TITLES, type SectionKind } from '../vocabulary';
import type { Rule } from './rule';

export const sectionRequired: Rule = {
  id: 'section-required',
  defaultSeverity: 'warning',
  description: {
    en: 'A section that the config requires for this meeting type is missing.',
    'zh-CN': '缺少配置要求该类型会议必须包含的部分。',
  },
  check({ meeting, config, locale, t, report }) {
    const type = meeting.fields.type;
    // Own keys only: a meeting of `type: constructor` or `type: __proto__` must not read Object.prototype.
    const own = (key: string) => (Object.hasOwn(config.requiredSections, key) ? config.requiredSections[key] : undefined);
    const required = (type && own(type)) || own('*') || [];
    const present = new Set(meeting.sections.map((section) => section.kind));
    const span = meeting.frontmatter ? { start: 0, end: 3 } : { start: 0, end: 0 };
    const newline = meeting.text.includes('\r\n') ? '\r\n' : '\n';
    for (const kind of required) {
      if (present.has(kind)) continue;
      const title = SECTION_TITLES[kind as SectionKind];
      const heading = title ? (locale === 'zh-CN' ? title.zh : title.en) : kind;
      const end = meeting.text.length;
      const gap = meeting.text.endsWith('\n') || end === 0 ? '' : newline;
      report({
        span,
        message: type ? t('section-required.missing-typed', { type, section: heading }) : t('section-required.missing', { section: heading }),
        fixes: [
          {
            title: t('fix.add-section', { heading }),
            edits: [{ span: { start: end, end }, text: `${gap}${newline}## ${heading}${newline}` }],
            safe: false,
          },
        ],
      });
    }
  },
};
