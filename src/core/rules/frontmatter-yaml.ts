import type { Rule } from './rule';

export const frontmatterYaml: Rule = {
  id: 'frontmatter-yaml',
  defaultSeverity: 'error',
  description: { en: 'The frontmatter is not valid YAML.', 'zh-CN': '前置元数据不是有效的 YAML。' },
  check({ meeting, t, report }) {
    for (const problem of meeting.frontmatter?.yamlProblems ?? []) {
      report({
        span: problem.span,
        message: problem.message === 'frontmatter-unclosed' ? t('frontmatter-yaml.unclosed') : t('frontmatter-yaml.invalid', { detail: problem.message }),
      });
    }
  },
};
