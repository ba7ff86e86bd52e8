// The one table of section headings, in both languages. Users extend it with
// `sections.headings` in `.meetings.yaml`; matching ignores case, numbering and decoration.

export const SECTION_KINDS = [
  'agenda',
  'goals',
  'progress',
  'metrics',
  'problems',
  'resources',
  'actions',
  'decisions',
  'summary',
  'attendees',
  'followup',
] as const;

export type SectionKind = (typeof SECTION_KINDS)[number];

export const DEFAULT_SECTION_HEADINGS: Record<SectionKind, string[]> = {
  agenda: ['议程', '会议议程', '议题', 'agenda', 'topics'],
  goals: ['目标设定', '目标', '会议目标', 'goals', 'goal setting', 'objectives', 'okr', 'okrs'],
  progress: ['进展汇报', '项目进展', '进展', '工作汇报', 'progress', 'progress report', 'status update', 'updates'],
  metrics: ['数据分析', '数据分析与报告', '数据', '关键指标', 'metrics', 'data', 'kpi', 'kpis'],
  problems: ['问题讨论', '问题反馈', '问题', '风险', 'issues', 'problems', 'discussion', 'risks', 'blockers'],
  resources: ['资源需求', '资源协调', '资源', 'resources', 'resource needs', 'resource requests'],
  actions: [
    '后续计划',
    '行动计划',
    '后续行动计划',
    '行动项',
    '待办事项',
    '待办',
    'action items',
    'actions',
    'action plan',
    'next steps',
    'todo',
    'to-do',
  ],
  decisions: ['决议', '决定', '决策', '会议决议', 'decisions', 'resolutions'],
  summary: ['会议总结与反馈', '总结与反馈', '会议总结', '总结', '反馈', 'summary & feedback', 'summary and feedback', 'summary', 'feedback', 'wrap-up'],
  attendees: ['参会人员', '与会人员', '出席', '出席人员', 'attendees', 'participants', 'attendance'],
  followup: ['上次行动跟进', '上次会议跟进', '行动跟进', '跟进', 'follow-up from last meeting', 'follow-up', 'follow up', 'previous actions'],
};

/** Display names for messages, in both languages. */
export const SECTION_TITLES: Record<SectionKind, { en: string; zh: string }> = {
  agenda: { en: 'Agenda', zh: '议程' },
  goals: { en: 'Goals', zh: '目标设定' },
  progress: { en: 'Progress', zh: '进展汇报' },
  metrics: { en: 'Metrics', zh: '数据分析' },
  problems: { en: 'Issues', zh: '问题讨论' },
  resources: { en: 'Resources', zh: '资源需求' },
  actions: { en: 'Action items', zh: '行动计划' },
  decisions: { en: 'Decisions', zh: '决议' },
  summary: { en: 'Summary & feedback', zh: '会议总结与反馈' },
  attendees: { en: 'Attendees', zh: '参会人员' },
  followup: { en: 'Follow-up from last meeting', zh: '上次行动跟进' },
};

/** Strips numbering ("一、", "2.", "(3)"), emoji, trailing colons and extra spaces; lower-cases. */
export function normaliseHeading(text: string): string {
  return text
    .replace(/^[\s#]*(?:[（(]?(?:\d{1,3}|[一二三四五六七八九十]{1,3})(?:[)）.、:：]\s*|\s+))(?=\S)/u, '')
    .replace(/[\p{Extended_Pictographic}\uFE0F]/gu, '')
    .replace(/[:：]\s*$/u, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}

export type HeadingTable = Record<string, string[]>;

/**
 * The section kind a heading names: an exact match first, else the longest vocabulary term the
 * heading contains (English terms only as whole words), so "五、后续行动计划" is `actions`.
 */
export function classifyHeading(text: string, table: HeadingTable): string | null {
  // Headings repeat across a workspace ("## 行动计划" in every file): classify each text once per table.
  let cache = classified.get(table);
  if (!cache) classified.set(table, (cache = new Map()));
  let kind = cache.get(text);
  if (kind === undefined) {
    kind = classifyUncached(text, table);
    if (cache.size > 10_000) cache.clear();
    cache.set(text, kind);
  }
  return kind;
}

const classified = new WeakMap<HeadingTable, Map<string, string | null>>();

function classifyUncached(text: string, table: HeadingTable): string | null {
  const heading = normaliseHeading(text);
  if (!heading) return null;
  let best: { kind: string; length: number } | null = null;
  for (const [kind, terms] of Object.entries(table)) {
    for (const rawTerm of terms) {
      const term = rawTerm.toLowerCase();
      if (heading === term) return kind;
      if (term.length > (best?.length ?? 0) && containsTerm(heading, term)) best = { kind, length: term.length };
    }
  }
  return best?.kind ?? null;
}

function containsTerm(heading: string, term: string): boolean {
  let from = heading.indexOf(term);
  while (from >= 0) {
    const before = heading[from - 1];
    const after = heading[from + term.length];
    if (!isAsciiWordChar(term[0]) || !isAsciiWordChar(before)) {
      if (!isAsciiWordChar(term[term.length - 1]) || !isAsciiWordChar(after)) return true;
    }
    from = heading.indexOf(term, from + 1);
  }
  return false;
}

function isAsciiWordChar(char: string | undefined): boolean {
  return char !== undefined && /[a-z0-9]/.test(char);
}
