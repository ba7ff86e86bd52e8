// The rules of the meeting method beyond action items: time boxes, SMART goals, resource
// requests, empty sections, accountable decisions, and the follow-up of a series (carry-over).
// Each rule: wrong and right examples in Chinese and English, positions, messages and fixes.
import { strict as assert } from 'node:assert';
import {
  applyEdits,
  DEFAULT_CONFIG,
  lintMeeting,
  mergeConfig,
  parseMeeting,
  MeetingIndex,
  summaryOf,
  previousInSeries,
  previousInSortedSeries,
  sortSeries,
  seriesRecord,
  type ConfigLayer,
  type Finding,
  type Locale,
  type Meeting,
  type ResolvedConfig,
} from '../../src/core';
import { checkGoal, readResource, readTimeBox, sectionItems } from '../../src/core/method';

// ---------------------------------------------------------------------------------------------
// helpers

const TODAY = '2026-11-26';

interface LintCall {
  config?: ResolvedConfig;
  locale?: Locale;
  previous?: { key: string; meeting: Meeting } | null;
}

function lint(text: string, { config = DEFAULT_CONFIG, locale = 'en', previous = null }: LintCall = {}): Finding[] {
  return lintMeeting(parseMeeting(text, { config }), { config, today: TODAY, locale, previousMeeting: previous });
}

function doc(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

function configOf(layer: Omit<ConfigLayer, 'dir'>): ResolvedConfig {
  return mergeConfig([{ dir: '', ...layer }]);
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function ofRule(findings: readonly Finding[], rule: string): Finding[] {
  return findings.filter((finding) => finding.rule === rule);
}

/** `line:slice` of each finding of the rule, for compact comparisons. */
function where(text: string, findings: readonly Finding[], rule: string): string[] {
  return ofRule(findings, rule).map((finding) => `${lineAt(text, finding.span.start)}:${text.slice(finding.span.start, finding.span.end)}`);
}

function only(findings: readonly Finding[], rule: string): Finding {
  const found = ofRule(findings, rule);
  assert.equal(found.length, 1, `expected one ${rule} finding, got ${JSON.stringify(findings.map((f) => [f.rule, f.message]))}`);
  return found[0]!;
}

const ZH_HEAD = ['---', 'title: 运营周会', 'date: 2026-11-20', 'type: weekly', 'attendees: [张三, 李四]', '---', ''];
const EN_HEAD = ['---', 'title: Weekly sync', 'date: 2026-11-20', 'type: weekly', 'attendees: [Alice, Bob]', '---', ''];
const zh = (...lines: string[]) => doc(...ZH_HEAD, ...lines);
const en = (...lines: string[]) => doc(...EN_HEAD, ...lines);
const withFields = (head: string[], fields: string[], ...lines: string[]) => doc(...head.slice(0, 5), ...fields, ...head.slice(5), ...lines);

// ---------------------------------------------------------------------------------------------

describe('method: reading section items', () => {
  it('reads list items, nested items, continuation lines and table rows; skips code, comments and paragraphs', () => {
    const text = en(
      '## Agenda',
      'Some words before the list.',
      '1. Opening (5 min)',
      '   - detail one',
      '2. Numbers',
      '   continued here (10 min)',
      '<!-- 3. commented out -->',
      '```',
      '4. in a code block',
      '```',
      '',
      '| Topic | Minutes |',
      '| --- | ---: |',
      '| Risks | 15 |',
      '',
      '## Notes',
      '- not agenda',
    );
    const items = sectionItems(parseMeeting(text), 'agenda');
    assert.deepEqual(
      items.map((item) => [item.kind, item.text, item.children.map((child) => child.text)]),
      [
        ['list', 'Opening (5 min)', ['detail one']],
        ['list', 'Numbers continued here (10 min)', []],
        ['row', 'Risks | 15', []],
      ],
    );
    assert.deepEqual(items[2]!.cells.map((cell) => [cell.header, cell.text]), [['Topic', 'Risks'], ['Minutes', '15']]);
  });

  it('takes subsections without a kind into the section, but not subsections of another kind', () => {
    const text = zh('## 议程', '### 上午', '1. 开场（5 分钟）', '### 问题讨论', '1. 不是议程', '### 下午', '1. 总结（10 分钟）', '## 行动计划');
    assert.deepEqual(
      sectionItems(parseMeeting(text), 'agenda').map((item) => item.text),
      ['开场（5 分钟）', '总结（10 分钟）'],
    );
  });

  it('reads time boxes in both languages', () => {
    const cases: Array<[string, number | null]> = [
      ['目标回顾（10 分钟）', 10],
      ['目标回顾（10分钟）', 10],
      ['目标回顾 10 分钟', 10],
      ['数据 [10m]', 10],
      ['Opening (10min)', 10],
      ['Opening (10 mins)', 10],
      ['Deep dive 1.5h', 90],
      ['Deep dive (2 hours)', 120],
      ['十五分钟 自由讨论', 15],
      ['半小时 复盘', 30],
      ['一个半小时 工作坊', 90],
      ['14:00-14:20 分享', 20],
      ['14:00–14:20 sharing', 20],
      ['Wrap-up (half an hour)', 30],
      ['Reach 10 members', null],
      ['Q4 review', null],
      ['2026-11-20 sync', null],
      ['目标回顾', null],
    ];
    for (const [text, minutes] of cases) assert.equal(readTimeBox(text)?.minutes ?? null, minutes, text);
  });

  it('stays linear on a 100 KB line', () => {
    const long = `${'1'.repeat(50_000)}${'一'.repeat(50_000)}`;
    const started = Date.now();
    readTimeBox(long);
    checkGoal(long, '2026-11-20');
    checkGoal(`${'a '.repeat(50_000)}`, '2026-11-20');
    const text = en('## Resources', `- ${'x'.repeat(100_000)}`, '## Goals', `- ${'5 '.repeat(50_000)}`);
    lint(text);
    lint(zh('## 目标设定', `- ${'月'.repeat(100_000)}`, `- ${'下'.repeat(100_000)}`, '## 资源需求', `- ${'类型：'.repeat(30_000)}`, `- ${'一'.repeat(100_000)}`));
    lint(en('## Agenda', `1. ${'1 '.repeat(50_000)}`, `2. ${'(a'.repeat(50_000)}`, '## Decisions', `- ${'@'.repeat(100_000)}`));
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
  });
});

describe('agenda-timebox', () => {
  it('zh: an agenda item without a time, with fixes that add one', () => {
    const text = zh('## 议程', '1. 目标回顾', '2. 进展汇报（20 分钟）');
    const finding = only(lint(text, { locale: 'zh-CN' }), 'agenda-timebox');
    assert.equal(finding.severity, 'info');
    assert.equal(finding.message, '议程项没有时间：请写明所需时长，例如（10 分钟）。');
    assert.deepEqual(where(text, [finding], 'agenda-timebox'), ['9:目标回顾']);
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.safe]), [['添加“（5 分钟）”', false], ['添加“（10 分钟）”', false], ['添加“（15 分钟）”', false]]);
    assert.equal(applyEdits(text, finding.fixes[1]!.edits), text.replace('1. 目标回顾', '1. 目标回顾（10 分钟）'));
  });

  it('en: the fix offers the time the meeting has left', () => {
    const text = withFields(EN_HEAD, ['duration: 60'], '## Agenda', '1. Goals', '2. Progress (20 min)', '3. Risks');
    const findings = ofRule(lint(text), 'agenda-timebox');
    assert.deepEqual(where(text, findings, 'agenda-timebox'), ['10:Goals', '12:Risks']);
    assert.equal(findings[0]!.message, 'Agenda item has no time: add how long it takes, such as (10 min).');
    assert.deepEqual(findings[0]!.fixes.map((fix) => fix.title), ['Add “(20 min)”']);
    assert.equal(applyEdits(text, findings[0]!.fixes[0]!.edits), text.replace('1. Goals', '1. Goals (20 min)'));
  });

  it('a table row without a time is reported; a time column counts', () => {
    const text = en('## Agenda', '| Topic | Minutes |', '| --- | --- |', '| Goals | 10 |', '| Risks |  |');
    assert.deepEqual(where(text, lint(text), 'agenda-timebox'), ['12:| Risks |  |']);
  });

  it('is quiet when every item has a time, in any written form, or all its sub-items do', () => {
    const text = zh(
      '## 议程',
      '1. 上次行动跟进（10 分钟）',
      '2. 数据 [10m]',
      '3. Progress (15min)',
      '4. 十五分钟 自由讨论',
      '5. 14:00-14:20 分享',
      '6. 分组讨论',
      '   - 市场（5 分钟）',
      '   - 销售（5 分钟）',
    );
    assert.deepEqual(ofRule(lint(text), 'agenda-timebox'), []);
    assert.deepEqual(ofRule(lint(en('## Notes', '- no agenda here')), 'agenda-timebox'), []);
  });
});

describe('agenda-overrun', () => {
  it('en: more minutes than `duration`, with a fix that sets the duration', () => {
    const text = withFields(EN_HEAD, ['duration: 60'], '## Agenda', '1. Goals (30 min)', '2. Progress (40 min)', '3. Open questions');
    const finding = only(lint(text), 'agenda-overrun');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(where(text, [finding], 'agenda-overrun'), ['9:## Agenda']);
    assert.equal(finding.message, 'The agenda adds up to 70 minutes, 10 more than the meeting’s 60.');
    assert.deepEqual(finding.fixes.map((fix) => fix.title), ['Set the duration to 70 minutes']);
    assert.equal(applyEdits(text, finding.fixes[0]!.edits), text.replace('duration: 60', 'duration: 70'));
  });

  it('zh: more minutes than `time`, with a fix that moves the end', () => {
    const text = withFields(ZH_HEAD, ['time: "14:00-15:00"'], '## 议程', '1. 目标（40 分钟）', '2. 计划（30 分钟）');
    const finding = only(lint(text, { locale: 'zh-CN' }), 'agenda-overrun');
    assert.equal(finding.message, '议程合计 70 分钟，比会议时长 60 分钟多 10 分钟。');
    assert.deepEqual(finding.fixes.map((fix) => fix.title), ['将会议结束时间改为 15:10']);
    assert.equal(applyEdits(text, finding.fixes[0]!.edits), text.replace('"14:00-15:00"', '"14:00-15:10"'));
  });

  it('is quiet when the agenda fits, or when the meeting has no duration', () => {
    assert.deepEqual(ofRule(lint(withFields(ZH_HEAD, ['时长: 60'], '## 议程', '1. 目标（30 分钟）', '2. 计划（30 分钟）')), 'agenda-overrun'), []);
    assert.deepEqual(ofRule(lint(zh('## 议程', '1. 目标（300 分钟）')), 'agenda-overrun'), []);
    assert.deepEqual(ofRule(lint(withFields(EN_HEAD, ['time: 14:00-15:30'], '## Agenda', '1. Goals (1h)', '2. Risks (30 min)')), 'agenda-overrun'), []);
  });
});

describe('goal-smart', () => {
  it('zh: goals without a target, without a deadline, or without both', () => {
    const text = zh('## 目标设定', '- 提升客户满意度', '- 新增付费用户 5000 人', '- 第四季度完成新版上线', '- 客户反馈评分提高 5 个百分点，六个月内实现');
    const findings = ofRule(lint(text, { locale: 'zh-CN' }), 'goal-smart');
    assert.deepEqual(
      findings.map((finding) => [lineAt(text, finding.span.start), finding.message]),
      [
        [9, '目标既不可衡量也没有时限：请写明指标（数字、百分比或 KPI）和完成时限。'],
        [10, '目标没有完成时限：请写明日期（如 2026-12-31）或期限（如第四季度）。'],
        [11, '目标没有可衡量的指标：请写明数字、百分比或 KPI。'],
      ],
    );
    assert.ok(findings.every((finding) => finding.severity === 'info' && finding.fixes.length === 0));
  });

  it('en: the numbers of a deadline are not a target', () => {
    const text = en('## Goals', '- Launch the new site by 2026-12-31', '- Improve onboarding', '- Reach 5,000 paying users by end of Q4');
    assert.deepEqual(
      ofRule(lint(text), 'goal-smart').map((finding) => [lineAt(text, finding.span.start), finding.message]),
      [
        [9, 'Goal has no measurable target: add a number, a percentage or a KPI.'],
        [10, 'Goal is neither measurable nor time-bound: add a target (a number, a percentage or a KPI) and a deadline.'],
      ],
    );
  });

  it('is quiet on SMART goals, also when the target or the date is in a sub-item or a table', () => {
    const text = zh(
      '## 目标设定',
      '- 第四季度新增付费用户 5,000 人（KPI：月活 +8%），2026-12-31 前完成',
      '- Increase NPS by 10 points by end of Q1',
      '- 提升渠道收入',
      '  - 指标：渠道收入 +20%',
      '  - 截止：年底',
      '',
      '| 目标 | 指标 | 截止 |',
      '| --- | --- | --- |',
      '| 客服响应 | 1 小时内 | 2026-12-31 |',
    );
    assert.deepEqual(ofRule(lint(text), 'goal-smart'), []);
  });
});

describe('resource-incomplete', () => {
  it('zh: lists exactly what is missing, in Chinese', () => {
    const text = zh('## 资源需求', '- 需要设计支持');
    const finding = only(lint(text, { locale: 'zh-CN' }), 'resource-incomplete');
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.message, '资源需求缺少类型、数量、申请人、需要日期：请写明类型（人力、资金、时间、技术）、数量、申请人和需要日期。');
    assert.deepEqual(finding.fixes.map((fix) => fix.title), ['申请人：张三', '申请人：李四']);
    assert.equal(applyEdits(text, finding.fixes[0]!.edits), text.replace('- 需要设计支持', '- 需要设计支持 @张三'));
  });

  it('en: a request with a type and a requester but no amount or date', () => {
    const text = en('## Resources', '- More budget for ads @Bob');
    const finding = only(lint(text), 'resource-incomplete');
    assert.equal(finding.message, 'Resource request lacks an amount and a needed-by date: say what (people, budget, time or tech), how much, who asks and by when.');
    assert.deepEqual(where(text, [finding], 'resource-incomplete'), ['9:More budget for ads @Bob']);
  });

  it('is quiet on complete requests: keys, free text and tables', () => {
    const text = zh(
      '## 资源需求',
      '- 类型：人力；数量：2 名兼职客服；申请人：张三；需要日期：2026-11-27',
      '- 需要 5 万元预算 @李四 12月1日前',
      '- Budget: $5,000 for ads, requested by: Alice, needed by: 2026-12-01',
      '- Two engineers for the migration @Bob 📅 2026-12-15',
      '',
      '| 类型 | 数量 | 申请人 | 需要日期 |',
      '| --- | --- | --- | --- |',
      '| 技术 | 2 台服务器 | 张三 | 2026-12-01 |',
    );
    assert.deepEqual(ofRule(lint(text), 'resource-incomplete'), []);
  });

  it('reads type, requester and date', () => {
    const meeting = parseMeeting(zh('## 资源需求', '- 类型：人力；数量：2 名；申请人：张三；需要日期：下周五'));
    const request = readResource(sectionItems(meeting, 'resources')[0]!, meeting, DEFAULT_CONFIG);
    assert.deepEqual(request, { type: 'people', amount: true, requester: '张三', date: '2026-11-27', missing: [] });
  });
});

describe('section-empty', () => {
  it('zh: a heading with nothing (or only a comment) under it, with a fix that removes it', () => {
    const text = zh('## 问题讨论', '', '## 资源需求', '<!-- 待补充 -->', '', '## 行动计划', '- [ ] 提交周报 @张三 📅 2026-11-27');
    const findings = ofRule(lint(text, { locale: 'zh-CN' }), 'section-empty');
    assert.deepEqual(where(text, findings, 'section-empty'), ['8:## 问题讨论', '10:## 资源需求']);
    assert.equal(findings[0]!.message, '“问题讨论”部分是空的：请补充内容或删除该标题。');
    assert.equal(findings[0]!.severity, 'info');
    assert.deepEqual(findings[0]!.fixes.map((fix) => [fix.title, fix.safe]), [['删除空标题“问题讨论”', false]]);
    assert.equal(applyEdits(text, findings[0]!.fixes[0]!.edits), text.replace('## 问题讨论\n', ''));
  });

  it('en: a heading at the end of the file', () => {
    const text = en('## Action items', '- [ ] Ship @Alice 📅 2026-11-27', '', '## Summary & feedback');
    assert.equal(only(lint(text), 'section-empty').message, 'Section “Summary & feedback” is empty: fill it in or remove the heading.');
  });

  it('the fix removes a setext heading with its underline', () => {
    const text = en('## Action items', '- [ ] Ship @Alice 📅 2026-11-27', '', 'Decisions', '---------', '', '## Notes', 'Shipped.');
    const finding = only(lint(text), 'section-empty');
    assert.equal(applyEdits(text, finding.fixes[0]!.edits), text.replace('Decisions\n---------\n', ''));
  });

  it('is quiet on a heading whose content is in its subsections', () => {
    assert.deepEqual(ofRule(lint(en('# Weekly sync', '## Progress', '### Sales', '- 48 deals')), 'section-empty'), []);
    assert.deepEqual(ofRule(lint(zh('# 运营周会', '## 问题讨论', '本周没有新问题。', '## 进展汇报', '### 市场', '- 点击率 2.3%')), 'section-empty'), []);
  });
});

describe('decision-owner', () => {
  const decisions = (...lines: string[]) => zh('## 决议', ...lines);

  it('is off unless `decisions.requireOwner` asks for it', () => {
    assert.deepEqual(ofRule(lint(decisions('- 采用新排班方案')), 'decision-owner'), []);
  });

  it('zh: a decision without anyone accountable, when required for every meeting', () => {
    const config = configOf({ decisionsRequireOwner: true });
    const text = decisions('- 采用新排班方案', '- 暂停旧活动（负责人：李四）', '- 下周起每日站会 @张三');
    const finding = only(lint(text, { config, locale: 'zh-CN' }), 'decision-owner');
    assert.deepEqual(where(text, [finding], 'decision-owner'), ['9:采用新排班方案']);
    assert.equal(finding.message, '决议没有责任人：请添加 @姓名 或“负责人：姓名”。');
    assert.equal(applyEdits(text, finding.fixes[1]!.edits), text.replace('- 采用新排班方案', '- 采用新排班方案 @李四'));
  });

  it('en: required only for the listed meeting types', () => {
    const config = configOf({ decisionsRequireOwner: ['review'] });
    const text = en('## Decisions', '- Move the launch to March');
    assert.deepEqual(ofRule(lint(text, { config }), 'decision-owner'), []);
    const review = text.replace('type: weekly', 'type: review');
    assert.equal(only(lint(review, { config }), 'decision-owner').message, 'Decision has no one accountable: add @name or “owner: name”.');
    assert.deepEqual(ofRule(lint(en('## Decisions', '- Move the launch to March (accountable: Alice)'), { config: configOf({ decisionsRequireOwner: ['*'] }) }), 'decision-owner'), []);
  });
});

// ---------------------------------------------------------------------------------------------
// carry-over and the series record

describe('carry-over: three meetings of a series', () => {
  const head = (date: string, ...extra: string[]) => ['---', 'title: Weekly sync', `date: ${date}`, 'series: weekly', 'attendees: [Alice, Bob]', ...extra, '---', ''];
  // 11-06 opens five actions.
  const first = doc(
    ...head('2026-11-06'),
    '## Action items',
    '- [ ] Update the dashboard @Alice 📅 2026-11-12',
    '- [/] Hire two agents @Bob 📅 2026-11-20',
    '- [ ] Fix the login bug @Bob 📅 2026-11-12',
    '- [ ] Write the FAQ @Alice 📅 2026-11-19 ^faq',
    '- [ ] Clean the backlog @Alice 📅 2026-11-19',
    '- [x] Send the notes @Bob ✅ 2026-11-06',
  );
  // 11-13 closes one, carries one, drops one, renames two (one keeps its id, one does not).
  const second = doc(
    ...head('2026-11-13'),
    '## Follow-up from last meeting',
    '- [x] Update the dashboard @Alice 📅 2026-11-12 ✅ 2026-11-11',
    '- [/] hire two agents! owner: Bob due: 2026-11-27',
    '- [ ] Write the customer FAQ @Alice 📅 2026-11-26 ^faq',
    '- [ ] Tidy up the backlog @Alice 📅 2026-11-26',
    '',
    '## Action items',
    '- [ ] Book the venue @Bob 📅 2026-11-27',
    '  - [ ] Compare three offers',
  );
  // 11-20 closes the hiring, cancels the backlog, carries the FAQ and the venue's parent as done.
  const third = doc(
    ...head('2026-11-20'),
    '## 上次行动跟进',
    '- [x] Hire two agents @Bob ✅ 2026-11-19',
    '- [-] Tidy up the backlog ❌ 2026-11-20',
    '- [ ] Write the customer FAQ @Alice 📅 2026-12-03 ^faq',
    '- [x] Book the venue @Bob ✅ 2026-11-18',
  );
  const m1 = { key: '/notes/2026-11-06-weekly.md', meeting: parseMeeting(first) };
  const m2 = { key: '/notes/2026-11-13-weekly.md', meeting: parseMeeting(second) };
  const m3 = { key: '/notes/2026-11-20-weekly.md', meeting: parseMeeting(third) };
  const all = [m3, m1, m2];

  it('finds the previous meeting by date within the series', () => {
    assert.equal(previousInSeries(all, m1), null);
    assert.equal(previousInSeries(all, m2), m1);
    assert.equal(previousInSeries(all, m3), m2);
    // Meetings of the same day do not follow each other; another series does not count.
    const sameDay = { key: '/notes/2026-11-13-x.md', meeting: parseMeeting(second) };
    const otherSeries = { key: '/notes/x.md', meeting: parseMeeting(second.replace('series: weekly', 'series: monthly')) };
    assert.equal(previousInSeries([...all, sameDay, otherSeries], m2), m1);
    assert.equal(previousInSeries([...all, sameDay], m3), sameDay, 'the last by key among several on the same day');
    const undated = { key: '/notes/undated.md', meeting: parseMeeting(second.replace('date: 2026-11-13\n', '')) };
    assert.equal(previousInSeries(all, undated), null);
  });

  it('finds the same previous and next meetings through the ordered look-ups as by scanning, as meetings come, change and go', () => {
    // Many meetings on few dates and keys, so ties and undated ones are common.
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), Math.floor((seed / 2147483648) * n));
    const index = new MeetingIndex();
    const meetingOf = (series: string, date: string | null) =>
      parseMeeting(`---\nattendees: [张三]\nseries: ${series}\n${date ? `date: ${date}\n` : ''}---\n`);
    const dates = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', null];
    let checked = 0;
    for (let step = 0; step < 400; step++) {
      const key = `/notes/${next(40)}.md`;
      if (next(6) === 0) index.delete(key);
      else index.set({ key, meeting: summaryOf(meetingOf(['weekly', 'monthly'][next(2)]!, dates[next(dates.length)]!)), config: DEFAULT_CONFIG, version: null });
      for (const entryKey of index.keys()) {
        const entry = index.get(entryKey)!;
        const series = entry.meeting.fields.series!;
        const members = index.keys().map((other) => index.get(other)!).filter((other) => other.meeting.fields.series === series);
        assert.deepEqual(index.series(series).map((member) => member.key), sortSeries(members).map((member) => member.key));
        assert.equal(index.previous(entry)?.key ?? null, previousInSeries(members, entry)?.key ?? null);
        assert.equal(previousInSortedSeries(sortSeries(members), entry)?.key ?? null, previousInSeries(members, entry)?.key ?? null);
        const date = entry.meeting.fields.date;
        const later = sortSeries(members).find((member) => date !== null && (member.meeting.fields.date ?? '') > date);
        assert.equal(index.nextMeetingDate(series, date), later?.meeting.fields.date ?? null);
        checked++;
      }
    }
    assert.ok(checked > 5000, `${checked} look-ups compared`);
  });

  it('reports the dropped and the renamed-without-id actions on the later meeting, naming them and where they came from', () => {
    const findings = ofRule(lint(second, { previous: m1 }), 'carry-over');
    assert.deepEqual(
      findings.map((finding) => finding.message),
      [
        '“Fix the login bug” (open, from the previous meeting 2026-11-06, 2026-11-06-weekly.md:11) is not followed up here: mark it done or cancelled, or carry it into this meeting.',
        '“Clean the backlog” (open, from the previous meeting 2026-11-06, 2026-11-06-weekly.md:13) is not followed up here: mark it done or cancelled, or carry it into this meeting.',
      ],
    );
    assert.ok(findings.every((finding) => finding.severity === 'warning'));
    assert.deepEqual(where(second, findings, 'carry-over'), ['8:## Follow-up from last meeting', '8:## Follow-up from last meeting']);
  });

  it('the third meeting follows up everything: done, cancelled, carried by id, and a sub-task closed with its parent', () => {
    assert.deepEqual(ofRule(lint(third, { previous: m2 }), 'carry-over'), []);
  });

  it('zh: the message in Chinese; in-progress actions say so', () => {
    const dropped = third.replace('- [x] Hire two agents @Bob ✅ 2026-11-19\n', '');
    const finding = only(lint(dropped, { previous: m2, locale: 'zh-CN' }), 'carry-over');
    assert.equal(finding.message, '上次会议（2026-11-13，2026-11-13-weekly.md:10）的行动项“hire two agents!”仍进行中，本次会议没有跟进：请标记完成或取消，或将其带入本次会议。');
  });

  it('offers to carry the action, or to record it as done or cancelled, in the follow-up section; each makes the finding go', () => {
    const finding = ofRule(lint(second, { previous: m1 }), 'carry-over')[0]!;
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.safe]), [
      ['Carry “Fix the login bug” into this meeting', false],
      ['Record “Fix the login bug” as done', false],
      ['Record “Fix the login bug” as cancelled', false],
    ]);
    const carried = applyEdits(second, finding.fixes[0]!.edits);
    assert.ok(carried.includes('- [ ] Tidy up the backlog @Alice 📅 2026-11-26\n- [ ] Fix the login bug @Bob 📅 2026-11-12\n\n## Action items'), carried);
    const done = applyEdits(second, finding.fixes[1]!.edits);
    assert.ok(done.includes('\n- [x] Fix the login bug @Bob 📅 2026-11-12 ✅ 2026-11-13\n'), done);
    for (const text of [carried, done, applyEdits(second, finding.fixes[2]!.edits)]) {
      assert.deepEqual(ofRule(lint(text, { previous: m1 }), 'carry-over').map((f) => f.message.slice(0, 20)), ['“Clean the backlog” ']);
    }
  });

  it('without a follow-up section, the fix adds one before the action items; an id stays last', () => {
    const bare = doc(...head('2026-11-13'), '## Action items', '- [ ] Book the venue @Bob 📅 2026-11-27');
    const findings = ofRule(lint(bare, { previous: m1, locale: 'zh-CN' }), 'carry-over');
    assert.equal(findings.length, 5);
    assert.deepEqual(where(bare, findings, 'carry-over')[0], '1:---');
    const faq = findings.find((finding) => finding.message.includes('Write the FAQ'))!;
    const fixed = applyEdits(bare, faq.fixes[1]!.edits);
    assert.ok(fixed.includes('## 上次行动跟进\n- [x] Write the FAQ @Alice 📅 2026-11-19 ✅ 2026-11-13 ^faq\n\n## Action items\n'), fixed);
  });

  it("carries a due date that was read against the previous meeting's date as the date it meant", () => {
    const earlier = doc(...head('2026-11-20'), '## Action items', '- [ ] Ship the release @Bob 截止：下周五', '- [ ] Review the contract @Alice 📅 12月1日');
    const later = doc(...head('2026-12-04'), '## Follow-up from last meeting', '- [x] Something else @Bob ✅ 2026-12-01');
    // As the CLI passes it (the whole model) and as the editor does (its summary).
    for (const meeting of [parseMeeting(earlier), summaryOf(parseMeeting(earlier))]) {
      const previous = { key: '/notes/2026-11-20-weekly.md', meeting: meeting as Meeting };
      const findings = ofRule(lint(later, { previous }), 'carry-over');
      const carried = findings.map((finding) => applyEdits(later, finding.fixes[0]!.edits).split('\n')[9]);
      assert.deepEqual(carried, ['- [ ] Ship the release @Bob 截止：2026-11-27', '- [ ] Review the contract @Alice 📅 2026-12-01']);
      const closed = findings.map((finding) => applyEdits(later, finding.fixes[1]!.edits).split('\n')[9]);
      assert.deepEqual(closed, ['- [x] Ship the release @Bob 截止：2026-11-27 ✅ 2026-12-04', '- [x] Review the contract @Alice 📅 2026-12-01 ✅ 2026-12-04']);
      const both = applyEdits(applyEdits(later, findings[0]!.fixes[0]!.edits), findings[1]!.fixes[0]!.edits);
      assert.deepEqual(ofRule(lint(both, { previous }), 'carry-over'), [], both);
      // (the second fix goes in where the first did, before the first's line)
      assert.deepEqual(parseMeeting(both).actions.map((action) => action.due?.date ?? null), [null, '2026-12-01', '2026-11-27']);
    }
  });

  it('is quiet without a previous meeting', () => {
    assert.deepEqual(ofRule(lint(second), 'carry-over'), []);
  });

  it('the series record counts what each meeting opened, closed, carried and dropped', () => {
    const record = seriesRecord(all);
    assert.deepEqual(
      record.map((step) => [step.entry.key, step.opened, step.closed, step.carried, step.dropped.map((item) => item.action.text.split(' @')[0]), step.open]),
      [
        ['/notes/2026-11-06-weekly.md', 6, 1, 0, [], 5],
        ['/notes/2026-11-13-weekly.md', 3, 1, 2, ['Fix the login bug', 'Clean the backlog'], 5],
        ['/notes/2026-11-20-weekly.md', 0, 3, 1, [], 1],
      ],
    );
  });
});
