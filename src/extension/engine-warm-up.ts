// The engine's code is compiled the first time it runs, and its larger regular expressions the
// first time they are used: reading and linting the scan's first meeting took 50–90 ms in a single
// task. Reading small samples first, each in a task of its own, pays that cost in pieces.
import { DEFAULT_CONFIG, lintMeeting, parseMeeting, todayIn, type Meeting } from '../core';
import { nextTurn } from './taking-turns';

/** From the frontmatter alone to a meeting with every kind of item: each compiles a little more. */
export const WARM_UP_SAMPLES = [
  '---\ntitle: 周会 / Weekly\ndate: 2026-01-05\nattendees: [张三, Alice Chen]\n---\n',
  [
    '---',
    'title: 周会 / Weekly',
    'date: 2026-01-05',
    'time: "10:00-11:00"',
    'series: weekly',
    'attendees: [张三, Alice Chen]',
    '---',
    '# 周会 / Weekly',
    '## 议程 / Agenda',
    '1. 目标 / Goals (10 min)',
    '## 行动计划 / Action items',
    '- [ ] 整理报告 @张三 📅 2026-01-09 🔼',
    '- [x] Book the room owner: Alice Chen due: next Friday ✅ 2026-01-06',
  ].join('\n'),
  [
    '---',
    'title: 复盘 / Review',
    'date: 2026-01-12',
    'series: weekly',
    'attendees:',
    '  - 张三',
    '  - Alice Chen',
    '---',
    '## 目标 / Goals',
    '- 季度转化率从 2% 提升到 3%（12 月 31 日前）',
    '## 进展 / Progress',
    '| 指标 | 本周 |',
    '| --- | --- |',
    '| 转化率 | 2.4% |',
    '## 问题 / Issues',
    '- [P1] 服务器不稳定',
    '## 资源需求 / Resources',
    '- 需要 2 名测试人员，预算 5 万元',
    '## 决定 / Decisions',
    '- 推迟上线 <!-- 待确认 -->',
    '## 行动计划 / Action items',
    '- [ ] 联系供应商 负责人：张三 截止：下周五 [priority:: high]',
    '  - [/] Draft the plan [owner:: Alice Chen] [due:: 2026-01-20] ^plan',
    '- [-] 旧方案 ❌ 2026-01-12',
    '```',
    '- [ ] not an item',
    '```',
  ].join('\n'),
];

let warmedUp = false;

/** Reads and lints the samples once, yielding before each step. */
export async function warmUpEngine(): Promise<void> {
  if (warmedUp) return;
  warmedUp = true;
  await nextTurn();
  const today = todayIn(null); // the first date format loads the time zones: 25 ms
  for (const sample of WARM_UP_SAMPLES) {
    await nextTurn();
    const meeting: Meeting = parseMeeting(sample, { config: DEFAULT_CONFIG });
    await nextTurn();
    lintMeeting(meeting, { config: DEFAULT_CONFIG, today, locale: 'en' });
  }
  await nextTurn();
}
