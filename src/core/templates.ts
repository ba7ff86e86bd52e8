// Meeting templates: the built-in ones in English and Chinese, and the team's own plain-text files
// from `.meetings/templates/*.md`. A template is text with `{{placeholders}}`; it is filled in by
// `new-meeting.ts` and never executed.
import type { Locale } from './model';

export type BuiltinTemplateId = 'weekly' | 'review' | 'kickoff' | 'retrospective' | 'one-on-one';
export const BUILTIN_TEMPLATE_IDS: readonly BuiltinTemplateId[] = ['weekly', 'review', 'kickoff', 'retrospective', 'one-on-one'];

/** Where a workspace keeps its own templates, relative to the workspace folder. */
export const TEMPLATE_FOLDER = '.meetings/templates';

export interface MeetingTemplate {
  /** `weekly`, … for the built-ins; the file name without `.md` for a team template. */
  id: string;
  builtin: boolean;
  /** Name shown in pickers. */
  label: string;
  description: string;
  /** The template text, `{{placeholders}}` included. */
  text: string;
  /** Meeting `type` it creates, or null when the template does not say. */
  type: string | null;
  /** Title used when neither the user nor the series' last meeting gives one. */
  defaultTitle: string;
}

/** Every placeholder a template may use (documented in docs/extension.md). */
export const PLACEHOLDERS = [
  'title',
  'date',
  'weekday',
  'time',
  'type',
  'series',
  'facilitator',
  'notetaker',
  'attendees',
  'attendee',
  'departments',
  'department',
  'dueDate',
  'previous',
  'followup',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** A YAML scalar as written on a `key: value` line: unquoted, without a trailing `# comment`. */
export function literalValue(raw: string | undefined): string | undefined {
  const text = raw?.trim();
  if (!text) return text;
  const quoted = /^(["'])(.*?)\1/u.exec(text);
  return quoted ? quoted[2] : text.replace(/(?:^|[ \t])#.*$/u, '').trim();
}

/** True for files under a `.meetings/templates/` folder: templates are never meeting files. */
export function isTemplatePath(path: string): boolean {
  return /(?:^|[/\\])\.meetings[/\\]templates[/\\]/u.test(path);
}

interface BuiltinText {
  label: string;
  description: string;
  title: string;
  body: string;
}

/** Text the follow-up section is made of, in the template's language. */
export const FOLLOWUP_TEXT: Record<Locale, { heading: string; from: string; none: string; first: string; noSeries: string }> = {
  en: {
    heading: 'Follow-up from last meeting',
    from: 'From the last meeting:',
    none: 'no open actions were left.',
    first: '(The first meeting of this series: nothing to follow up.)',
    noSeries: '(No series chosen: there is no previous meeting to follow up.)',
  },
  'zh-CN': {
    heading: '上次行动跟进',
    from: '上次会议：',
    none: '没有未完成的行动项。',
    first: '（本系列的第一次会议，没有需要跟进的行动项。）',
    noSeries: '（未选择会议系列，没有可跟进的上次会议。）',
  },
};

const FRONTMATTER = (type: string) => `---
title: {{title}}
date: {{date}}
time: {{time}}
type: ${type}
series: {{series}}
facilitator: {{facilitator}}
notetaker: {{notetaker}}
attendees: {{attendees}}
departments: {{departments}}
---
`;

const EN = {
  agendaIntro: '<!-- Each item with its time box; send the agenda before the meeting. -->',
  actionsHint: '<!-- One line per action: - [ ] what @owner 📅 {{dueDate}} (priority ⏫ 🔼 🔽 optional) -->',
  goals: `## Goals
<!-- SMART: specific, measurable, achievable, relevant, time-bound; one KPI per goal. -->
- Goal:
  - Specific:
  - Measurable (KPI, target value):
  - Achievable:
  - Relevant to:
  - Time-bound (by when):
`,
  progress: `## Progress report
<!-- Per department: what was done, what is in progress, and the data behind it. -->
| Department | Done | In progress | Data (actual / target) |
| --- | --- | --- | --- |
| {{department}} |  |  |  |
`,
  problems: `## Issues
<!-- Sorted by priority: P0 blocks the goal, P3 can wait. -->
| Priority | Issue | Impact | Raised by |
| --- | --- | --- | --- |
| P1 |  |  |  |
`,
  resources: `## Resource needs
<!-- One row per request; type: people, budget, time or tech. For example:
| Two part-time support agents | people | 2 | high | @Alice | 2026-12-01 | -->
| Need | Type | Amount | Urgency | Requested by | Needed by |
| --- | --- | --- | --- | --- | --- |
`,
  actions: `## Action items
{{actionsHint}}
- [ ] 
`,
  decisions: `## Decisions
- 
`,
  summary: `## Summary & feedback
- Summary:
- Feedback on this meeting:
`,
  followup: `## Follow-up from last meeting
{{followup}}
`,
};

const ZH = {
  agendaIntro: '<!-- 每个议题写明时长；会前把议程发给参会人员。 -->',
  actionsHint: '<!-- 每行一项：- [ ] 做什么 @负责人 📅 {{dueDate}}（可加优先级 ⏫ 🔼 🔽） -->',
  goals: `## 目标设定
<!-- SMART：具体、可衡量、可实现、相关、有时限；每个目标对应一个关键绩效指标（KPI）。 -->
- 目标：
  - 具体（S）：
  - 可衡量（M）/ KPI 与目标值：
  - 可实现（A）：
  - 相关（R）：
  - 时限（T）：
`,
  progress: `## 进展汇报
<!-- 各部门：已完成、进行中，并用数据和案例说明。 -->
| 部门 | 已完成 | 进行中 | 数据（实际 / 目标） |
| --- | --- | --- | --- |
| {{department}} |  |  |  |
`,
  problems: `## 问题讨论
<!-- 按优先级排序：P0 阻碍目标达成，P3 可以稍后处理。 -->
| 优先级 | 问题 | 影响 | 提出人 |
| --- | --- | --- | --- |
| P1 |  |  |  |
`,
  resources: `## 资源需求
<!-- 每个需求一行；类型：人力、资金、时间或技术。例如：
| 兼职客服 | 人力 | 2 名 | 高 | @张三 | 2026-12-01 | -->
| 需求 | 类型 | 数量 | 紧急程度 | 申请人 | 需要日期 |
| --- | --- | --- | --- | --- | --- |
`,
  actions: `## 行动计划
{{actionsHint}}
- [ ] 
`,
  decisions: `## 决议
- 
`,
  summary: `## 会议总结与反馈
- 总结：
- 对本次会议的反馈：
`,
  followup: `## 上次行动跟进
{{followup}}
`,
};

function body(parts: typeof EN, sections: string[], agenda: string): string {
  const text = [`# {{title}} {{date}}\n`, agenda, ...sections.map((name) => (name.startsWith('## ') ? name : (parts as Record<string, string>)[name]!))].join('\n');
  return text.replaceAll('{{actionsHint}}', parts.actionsHint);
}

const BUILTINS: Record<Locale, Record<BuiltinTemplateId, BuiltinText>> = {
  en: {
    weekly: {
      label: 'Weekly meeting',
      description: 'Follow-up, goals, progress by department, issues, resources, actions, decisions',
      title: 'Weekly meeting',
      body: body(
        EN,
        [
          'followup',
          'goals',
          'progress',
          'problems',
          'resources',
          'actions',
          'decisions',
          'summary',
        ],
        `## Agenda
${EN.agendaIntro}
1. Follow-up from last meeting (10 min)
2. Progress by department, with data (20 min)
3. Issues, by priority (15 min)
4. Resource needs (5 min)
5. Action items and decisions (10 min)
`,
      ),
    },
    review: {
      label: 'Business review',
      description: 'Goals against KPIs, data, progress, issues, resources, actions',
      title: 'Business review',
      body: body(
        EN,
        [
          'followup',
          `## Goals and KPIs
<!-- One row per SMART goal; the KPI says how it is measured. -->
| Goal | KPI | Target | Actual | Deadline |
| --- | --- | --- | --- | --- |
|  |  |  |  |  |
`,
          `## Metrics
<!-- The numbers behind the review: trend, cause, what it means. -->
- 
`,
          'progress',
          'problems',
          'resources',
          'actions',
          'decisions',
          'summary',
        ],
        `## Agenda
${EN.agendaIntro}
1. Follow-up from last review (10 min)
2. Goals and KPIs: target against actual (20 min)
3. Data analysis (20 min)
4. Progress by department (20 min)
5. Issues and resource needs (15 min)
6. Actions and decisions (5 min)
`,
      ),
    },
    kickoff: {
      label: 'Project kickoff',
      description: 'Background, SMART goals, milestones, roles, risks, resources, actions',
      title: 'Project kickoff',
      body: body(
        EN,
        [
          `## Background and scope
- Why now:
- In scope:
- Out of scope:
`,
          'goals',
          `## Milestones and roles
| Milestone | Date | Owner |
| --- | --- | --- |
|  |  |  |
`,
          `## Risks
| Priority | Risk | Impact | Mitigation |
| --- | --- | --- | --- |
| P1 |  |  |  |
`,
          'resources',
          'actions',
          'decisions',
          'summary',
        ],
        `## Agenda
${EN.agendaIntro}
1. Background and scope (10 min)
2. Goals and KPIs (15 min)
3. Milestones and roles (15 min)
4. Risks and resource needs (15 min)
5. Next steps (5 min)
`,
      ),
    },
    retrospective: {
      label: 'Retrospective',
      description: 'Follow-up, goals and data, what went well, what to improve, improvement actions',
      title: 'Retrospective',
      body: body(
        EN,
        [
          'followup',
          `## Goals and data
| Goal | KPI | Target | Actual |
| --- | --- | --- | --- |
|  |  |  |  |
`,
          `## What went well
- 
`,
          `## Issues to improve
| Priority | Issue | Root cause |
| --- | --- | --- |
| P1 |  |  |
`,
          EN.actions.replace('## Action items', '## Improvement action items'),
          'decisions',
          'summary',
        ],
        `## Agenda
${EN.agendaIntro}
1. Follow-up from last retrospective (10 min)
2. Goals and data of the period (10 min)
3. What went well (10 min)
4. What to improve (15 min)
5. Improvement actions (15 min)
`,
      ),
    },
    'one-on-one': {
      label: '1-on-1',
      description: 'Follow-up, updates, goals, issues and support, feedback, actions',
      title: '1-on-1',
      body: body(
        EN,
        [
          'followup',
          `## Updates and progress
- 
`,
          'goals',
          `## Issues and support
- Issue:
- Resources needed (type, amount, by when):
`,
          `## Feedback
- 
`,
          'actions',
        ],
        `## Agenda
${EN.agendaIntro}
1. Follow-up (5 min)
2. Updates and progress (10 min)
3. Goals (5 min)
4. Issues and support needed (10 min)
5. Feedback, both ways (5 min)
`,
      ),
    },
  },
  'zh-CN': {
    weekly: {
      label: '部门周会',
      description: '上次行动跟进、目标、各部门进展、问题、资源、行动计划、决议',
      title: '部门周会',
      body: body(
        ZH,
        [
          'followup',
          'goals',
          'progress',
          'problems',
          'resources',
          'actions',
          'decisions',
          'summary',
        ],
        `## 议程
${ZH.agendaIntro}
1. 上次行动跟进（10 分钟）
2. 各部门进展汇报与数据（20 分钟）
3. 问题讨论，按优先级（15 分钟）
4. 资源需求（5 分钟）
5. 行动计划与决议（10 分钟）
`,
      ),
    },
    review: {
      label: '经营复盘会',
      description: '目标与 KPI 对照、数据分析、进展、问题、资源、行动计划',
      title: '经营复盘会',
      body: body(
        ZH,
        [
          'followup',
          `## 目标设定与 KPI
<!-- 每行一个 SMART 目标；KPI 说明如何衡量。 -->
| 目标 | KPI | 目标值 | 实际值 | 时限 |
| --- | --- | --- | --- | --- |
|  |  |  |  |  |
`,
          `## 数据分析
<!-- 复盘背后的数据：趋势、原因、意味着什么。 -->
- 
`,
          'progress',
          'problems',
          'resources',
          'actions',
          'decisions',
          'summary',
        ],
        `## 议程
${ZH.agendaIntro}
1. 上次行动跟进（10 分钟）
2. 目标与 KPI：目标值对照实际值（20 分钟）
3. 数据分析（20 分钟）
4. 各部门进展汇报（20 分钟）
5. 问题与资源需求（15 分钟）
6. 行动计划与决议（5 分钟）
`,
      ),
    },
    kickoff: {
      label: '项目启动会',
      description: '背景与范围、SMART 目标、里程碑、分工、风险、资源、行动计划',
      title: '项目启动会',
      body: body(
        ZH,
        [
          `## 背景与范围
- 为什么现在做：
- 范围内：
- 范围外：
`,
          'goals',
          `## 里程碑与分工
| 里程碑 | 日期 | 负责人 |
| --- | --- | --- |
|  |  |  |
`,
          `## 风险
| 优先级 | 风险 | 影响 | 应对 |
| --- | --- | --- | --- |
| P1 |  |  |  |
`,
          'resources',
          'actions',
          'decisions',
          'summary',
        ],
        `## 议程
${ZH.agendaIntro}
1. 背景与范围（10 分钟）
2. 目标与 KPI（15 分钟）
3. 里程碑与分工（15 分钟）
4. 风险与资源需求（15 分钟）
5. 后续计划（5 分钟）
`,
      ),
    },
    retrospective: {
      label: '回顾会',
      description: '上次行动跟进、目标与数据、做得好的、待改进的问题、改进行动',
      title: '回顾会',
      body: body(
        ZH,
        [
          'followup',
          `## 目标回顾
| 目标 | KPI | 目标值 | 实际值 |
| --- | --- | --- | --- |
|  |  |  |  |
`,
          `## 做得好的
- 
`,
          `## 待改进的问题
| 优先级 | 问题 | 根本原因 |
| --- | --- | --- |
| P1 |  |  |
`,
          ZH.actions.replace('## 行动计划', '## 改进行动计划'),
          'decisions',
          'summary',
        ],
        `## 议程
${ZH.agendaIntro}
1. 上次行动跟进（10 分钟）
2. 本期目标与数据（10 分钟）
3. 做得好的（10 分钟）
4. 待改进的问题（15 分钟）
5. 改进行动计划（15 分钟）
`,
      ),
    },
    'one-on-one': {
      label: '一对一沟通',
      description: '上次行动跟进、近况与进展、目标、问题与支持、反馈、行动项',
      title: '一对一沟通',
      body: body(
        ZH,
        [
          'followup',
          `## 近况与进展
- 
`,
          'goals',
          `## 问题与资源支持
- 问题：
- 需要的资源（类型、数量、何时需要）：
`,
          `## 反馈
- 
`,
          'actions',
        ],
        `## 议程
${ZH.agendaIntro}
1. 上次行动跟进（5 分钟）
2. 近况与进展（10 分钟）
3. 目标（5 分钟）
4. 问题与需要的支持（10 分钟）
5. 双向反馈（5 分钟）
`,
      ),
    },
  },
};

/** The built-in templates in a language. */
export function builtinTemplates(locale: Locale): MeetingTemplate[] {
  return BUILTIN_TEMPLATE_IDS.map((id) => {
    const builtin = BUILTINS[locale][id];
    return {
      id,
      builtin: true,
      label: builtin.label,
      description: builtin.description,
      text: FRONTMATTER(id) + '\n' + builtin.body,
      type: id,
      defaultTitle: builtin.title,
    };
  });
}

/**
 * A team template from `.meetings/templates/<name>.md`: plain text, used as written. Its
 * frontmatter's literal `title` and `type` (not placeholders) become its defaults.
 */
export function teamTemplate(fileName: string, text: string): MeetingTemplate {
  const id = fileName.replace(/^.*[/\\]/u, '').replace(/\.(md|markdown)$/iu, '');
  const literal = (keys: string[]): string | null => {
    const frontmatter = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/u.exec(text.replace(/^\uFEFF/u, ''))?.[1] ?? '';
    for (const key of keys) {
      const match = new RegExp(`^${key}[ \\t]*:[ \\t]*(.*)$`, 'mu').exec(frontmatter);
      const value = literalValue(match?.[1]);
      if (value && !value.includes('{{') && !value.startsWith('#')) return value;
    }
    return null;
  };
  const title = literal(['title', '标题', '主题']);
  return {
    id,
    builtin: false,
    label: id,
    description: title ?? '',
    text: text.replace(/^\uFEFF/u, ''),
    type: literal(['type', '类型']),
    defaultTitle: title ?? id,
  };
}

/** Built-ins first, then team templates; a team template named like a built-in replaces it. */
export function templateChoices(locale: Locale, team: readonly MeetingTemplate[]): MeetingTemplate[] {
  const builtins = builtinTemplates(locale).map((builtin) => team.find((template) => template.id === builtin.id) ?? builtin);
  const others = team.filter((template) => !(BUILTIN_TEMPLATE_IDS as readonly string[]).includes(template.id));
  return [...builtins, ...[...others].sort((a, b) => a.id.localeCompare(b.id))];
}
