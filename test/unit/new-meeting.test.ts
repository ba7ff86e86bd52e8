// New meetings from templates: the built-in templates lint clean, the follow-up section carries
// exactly the previous meeting's open actions, the frontmatter is filled from the series, path
// patterns and slugs, team templates, the `newMeeting` configuration, and `meetings new`.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import {
  BUILTIN_TEMPLATE_IDS,
  builtinTemplates,
  checkPathPattern,
  configProblemMessage,
  DEFAULT_PATH_PATTERN,
  expandPathPattern,
  followUp,
  isExcluded,
  isoWeek,
  isTemplatePath,
  lintMeeting,
  mergeConfig,
  normaliseActionText,
  parseConfig,
  parseMeeting,
  previousMeetingOf,
  relativePath,
  renderNewMeeting,
  RULE_IDS,
  slugify,
  teamTemplate,
  templateChoices,
  withCounter,
  DEFAULT_CONFIG,
  type Finding,
  type Locale,
  type Meeting,
  type ResolvedConfig,
} from '../../src/core';
import schema from '../../schemas/meetings-config.schema.json';
import { meetings, workspaces } from './cli-support';

function repoFile(relative: string): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return join(process.cwd(), relative);
  }
}

const EXAMPLE_CONFIG = mergeConfig([parseConfig(readFileSync(repoFile('examples/.meetings.yaml'), 'utf8'), '/ws', RULE_IDS).layer]);

function lint(meeting: Meeting, config: ResolvedConfig = DEFAULT_CONFIG, previous: { key: string; meeting: Meeting } | null = null): Finding[] {
  return lintMeeting(meeting, { config, today: '2026-11-20', locale: 'en', previousMeeting: previous } as Parameters<typeof lintMeeting>[1]);
}

const summary = (findings: readonly Finding[]) => findings.map((finding) => `${finding.rule}(${finding.severity})@${finding.span.start}: ${finding.message}`);

const PREVIOUS = `---
title: 运营部门周会
date: 2026-11-13
time: "14:00-15:00"
type: weekly
series: ops-weekly
facilitator: 张三
notetaker: 李四
attendees: [张三, 李四, 王五, Alice Chen]
departments: [运营, 市场]
---

## 上次行动跟进
- [/] 汇总十月数据报告 @李四 截止：2026-11-30

## 行动计划
- [ ] 复盘双十一活动数据 @Alice Chen 📅 2026-12-04 ⏫
- [x] 完成活动页图片压缩上线 @王五 ✅ 2026-11-12
- [-] 印刷纸质手册 @王五 ❌ 2026-11-13
- [ ] 更新看板 负责人：李四、王五 截止：下周五
- [/] 客服知识库补充 20 条常见问题 @李四 📅 2026-12-10 ^kb-faq
  - [ ] 整理售后类问题
  - [x] 整理物流类问题 ✅ 2026-11-13
- [x] 招聘两名兼职客服 @张三 截止：2026-11-30
  - [ ] 发布招聘启事
- [ ] 准备十二月营销日历 @王五
  📅 2026-12-01 第二行仍属于这一项
`;

const PREVIOUS_PATH = '/ws/meetings/2026/2026-11-13-ops-weekly.md';
const previousMeeting = () => ({ key: PREVIOUS_PATH, meeting: parseMeeting(PREVIOUS) });

describe('new meetings: built-in templates', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    for (const template of builtinTemplates(locale)) {
      it(`${template.id} (${locale}) lints clean except for the goal it asks to be filled in`, () => {
        const result = renderNewMeeting({ template, locale, date: '2026-11-20', series: 'team', title: null });
        const meeting = parseMeeting(result.text, { config: EXAMPLE_CONFIG });
        assert.equal(meeting.meetingReason, 'attendees');
        assert.deepEqual(meeting.fieldProblems, []);
        assert.equal(meeting.fields.date, '2026-11-20');
        assert.equal(meeting.fields.type, template.id);
        assert.equal(meeting.fields.series, 'team');
        assert.equal(meeting.fields.title, template.defaultTitle);
        const findings = lint(meeting, EXAMPLE_CONFIG);
        // The SMART skeleton is a deliberate placeholder: goal-smart (info) asks for the target and the deadline.
        assert.deepEqual(summary(findings.filter((finding) => finding.rule !== 'goal-smart')), []);
        assert.ok(findings.every((finding) => finding.severity === 'info'));
        const kinds = meeting.sections.map((section) => section.kind);
        for (const kind of ['agenda', 'goals', 'actions']) assert.ok(kinds.includes(kind), `${template.id} has ${kind}: ${kinds.join(',')}`);
        if (template.id !== 'kickoff') assert.ok(kinds.includes('followup'), 'a follow-up section');
        assert.equal(result.unknownPlaceholders.length, 0);
        assert.doesNotMatch(result.text, /\{\{/u, 'every placeholder is filled');
        if (locale === 'zh-CN') assert.match(result.text, /## 议程/u);
        else assert.match(result.text, /## Agenda/u);
      });
    }
  }

  it('offers the five built-ins in both languages, with labels in the language', () => {
    assert.deepEqual(BUILTIN_TEMPLATE_IDS, ['weekly', 'review', 'kickoff', 'retrospective', 'one-on-one']);
    assert.deepEqual(builtinTemplates('zh-CN').map((template) => template.label), ['部门周会', '经营复盘会', '项目启动会', '回顾会', '一对一沟通']);
    assert.deepEqual(builtinTemplates('en').map((template) => template.label), ['Weekly meeting', 'Business review', 'Project kickoff', 'Retrospective', '1-on-1']);
  });

  it('writes the agenda with a time box per item, adding up to an hour for a weekly', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const text = renderNewMeeting({ template: builtinTemplates(locale)[0]!, locale, date: '2026-11-20' }).text;
      const agenda = /## (?:Agenda|议程)\n([\s\S]*?)\n\n/u.exec(text)![1]!;
      const minutes = [...agenda.matchAll(/(\d+) (?:min|分钟)/gu)].map((match) => Number(match[1]));
      assert.equal(minutes.length, 5);
      assert.equal(minutes.reduce((a, b) => a + b, 0), 60);
    }
  });
});

describe('new meetings: following up the last meeting of the series', () => {
  const render = (locale: Locale = 'zh-CN') =>
    renderNewMeeting({ template: builtinTemplates(locale)[0]!, locale, date: '2026-11-20', series: 'ops-weekly', previous: previousMeeting(), path: '/ws/meetings/2026/2026-11-20-ops-weekly.md' });

  it('carries exactly the open and in-progress actions, box, owner and due date kept', () => {
    const previous = parseMeeting(PREVIOUS);
    const result = render();
    const meeting = parseMeeting(result.text);
    const carried = meeting.actions.filter((action) => action.section === 'followup');
    const open = previous.actions.filter((action) => action.status === 'open' || action.status === 'in-progress');
    assert.equal(result.carried, open.length);
    assert.equal(carried.length, open.length);
    carried.forEach((action, index) => {
      const before = open[index]!;
      assert.equal(normaliseActionText(action, meeting.text), normaliseActionText(before, previous.text), `same words: ${action.text}`);
      assert.equal(action.status, before.status);
      assert.deepEqual(action.owners.map((owner) => owner.name), before.owners.map((owner) => owner.name));
      assert.equal(action.due?.date ?? null, before.due?.date ?? null, `due date of ${action.text}`);
      assert.equal(action.id, before.id);
    });
    assert.ok(!meeting.actions.some((action) => /图片压缩|印刷纸质手册|物流类/u.test(action.text)), 'done and cancelled actions stay behind');
  });

  it('keeps each carried line as written, except relative dates and inherited fields', () => {
    const text = render().text;
    const block = /## 上次行动跟进\n([\s\S]*?)\n\n## /u.exec(text)![1]!;
    assert.equal(
      block,
      [
        '上次会议：[运营部门周会 2026-11-13](2026-11-13-ops-weekly.md)',
        '',
        '- [/] 汇总十月数据报告 @李四 截止：2026-11-30',
        '- [ ] 复盘双十一活动数据 @Alice Chen 📅 2026-12-04 ⏫',
        '- [ ] 更新看板 负责人：李四、王五 截止：2026-11-20',
        '- [/] 客服知识库补充 20 条常见问题 @李四 📅 2026-12-10 ^kb-faq',
        '  - [ ] 整理售后类问题',
        '- [ ] 发布招聘启事 @张三 📅 2026-11-30',
        '- [ ] 准备十二月营销日历 @王五',
        '  📅 2026-12-01 第二行仍属于这一项',
      ].join('\n'),
    );
  });

  it('satisfies the carry-over rule and the series follow-up: nothing is dropped', () => {
    const previous = previousMeeting();
    const meeting = parseMeeting(render().text);
    assert.deepEqual(
      followUp(previous.meeting, meeting).map((item) => item.status),
      followUp(previous.meeting, meeting).map(() => 'carried'),
    );
    assert.deepEqual(summary(lint(meeting, DEFAULT_CONFIG, previous).filter((finding) => finding.rule === 'carry-over')), []);
  });

  it('fills the frontmatter from the last meeting: title, time, facilitator, note-taker, attendees, departments', () => {
    const result = render();
    const meeting = parseMeeting(result.text);
    assert.deepEqual(meeting.fields.attendees, ['张三', '李四', '王五', 'Alice Chen']);
    assert.equal(meeting.fields.title, '运营部门周会');
    assert.equal(meeting.fields.facilitator, '张三');
    assert.equal(meeting.fields.notetaker, '李四');
    assert.equal(meeting.fields.duration, 60);
    assert.deepEqual(meeting.fields.departments, ['运营', '市场']);
    assert.match(result.text, /\| 运营 \|[^\n]*\n\| 市场 \|/u, 'one progress row per department');
  });

  it('lets explicit choices win over the last meeting', () => {
    const result = renderNewMeeting({
      template: builtinTemplates('en')[0]!,
      locale: 'en',
      date: '2026-11-20',
      series: 'ops-weekly',
      previous: previousMeeting(),
      title: 'Ops sync: Q4 #3',
      attendees: ['Bob Li', '张三'],
    });
    const meeting = parseMeeting(result.text);
    assert.equal(meeting.fields.title, 'Ops sync: Q4 #3', 'quoted in YAML and read back the same');
    assert.match(result.text, /^title: "Ops sync: Q4 #3"$/mu);
    assert.deepEqual(meeting.fields.attendees, ['Bob Li', '张三']);
    assert.match(result.text, /From the last meeting: \[运营部门周会 2026-11-13\]\(2026-11-13-ops-weekly\.md\)/u);
  });

  it('says when there is nothing to follow up', () => {
    const first = renderNewMeeting({ template: builtinTemplates('zh-CN')[0]!, locale: 'zh-CN', date: '2026-11-20', series: 'new-series' });
    assert.match(first.text, /## 上次行动跟进\n（本系列的第一次会议，没有需要跟进的行动项。）/u);
    const none = renderNewMeeting({ template: builtinTemplates('en')[0]!, locale: 'en', date: '2026-11-20' });
    assert.match(none.text, /\(No series chosen: there is no previous meeting to follow up\.\)/u);
    const closed = parseMeeting('---\ndate: 2026-11-13\nseries: s\nattendees: [A]\n---\n\n- [x] done @A\n');
    const nothingOpen = renderNewMeeting({ template: builtinTemplates('en')[0]!, locale: 'en', date: '2026-11-20', series: 's', previous: { key: '/ws/a.md', meeting: closed }, path: '/ws/b.md' });
    assert.match(nothingOpen.text, /From the last meeting: \[a 2026-11-13\]\(a\.md\), no open actions were left\./u);
    assert.equal(nothingOpen.carried, 0);
  });

  it('finds the last meeting of the series strictly before the date', () => {
    const entry = (key: string, date: string, series = 's') => ({ key, meeting: parseMeeting(`---\ndate: ${date}\nseries: ${series}\nattendees: []\n---\n`) });
    const entries = [entry('a', '2026-11-06'), entry('b', '2026-11-13'), entry('c', '2026-11-20'), entry('d', '2026-11-19', 'other')];
    assert.equal(previousMeetingOf(entries, 's', '2026-11-20')?.key, 'b');
    assert.equal(previousMeetingOf(entries, 's', '2026-11-21')?.key, 'c');
    assert.equal(previousMeetingOf(entries, 's', '2026-11-06'), null);
    assert.equal(previousMeetingOf(entries, null, '2026-11-20'), null);
  });
});

describe('new meetings: team templates (.meetings/templates)', () => {
  const STANDUP = `---
title: 每日站会 {{series}}
type: standup
tags: [站会]
---
# {{title}} {{date}}（{{weekday}}）

参会：{{attendees}}
{{unknownThing}}

## 昨天
- {{attendee}}：

## 行动项
- [ ] 
`;

  it('fills placeholders, reports unknown ones and leaves them as written', () => {
    const template = teamTemplate('standup.md', STANDUP);
    assert.equal(template.id, 'standup');
    assert.equal(template.type, 'standup');
    const result = renderNewMeeting({ template, locale: 'zh-CN', date: '2026-11-20', series: 'ops-weekly', previous: previousMeeting(), path: '/ws/meetings/x.md' });
    assert.deepEqual(result.unknownPlaceholders, ['{{unknownThing}}']);
    const meeting = parseMeeting(result.text);
    assert.equal(meeting.fields.title, '每日站会 ops-weekly', 'the template’s own title line wins over the last title');
    assert.equal(meeting.fields.type, 'standup');
    assert.deepEqual(meeting.fields.tags, ['站会']);
    assert.equal(meeting.fields.date, '2026-11-20', 'missing fields are added');
    assert.deepEqual(meeting.fields.attendees, ['张三', '李四', '王五', 'Alice Chen']);
    assert.match(result.text, /^# 每日站会 ops-weekly 2026-11-20（周五）$/mu);
    assert.match(result.text, /^参会：张三、李四、王五、Alice Chen$/mu);
    assert.match(result.text, /^- 张三：\n- 李四：\n- 王五：\n- Alice Chen：$/mu, 'a line per attendee');
    assert.match(result.text, /\{\{unknownThing\}\}/u);
    // No {{followup}} in the template: the section goes before the first section.
    assert.match(result.text, /\n## 上次行动跟进\n上次会议：\[运营部门周会 2026-11-13\]\(2026\/2026-11-13-ops-weekly\.md\)\n\n- \[\/\] 汇总十月数据报告/u);
    assert.ok(result.text.indexOf('## 上次行动跟进') < result.text.indexOf('## 昨天'));
  });

  it('gives a template without frontmatter a complete one, and keeps CRLF line ends', () => {
    const template = teamTemplate('plain.md', '# {{title}}\r\n\r\n## Agenda\r\n1. Topic (10 min)\r\n\r\n## Notes\r\n');
    const result = renderNewMeeting({ template, locale: 'en', date: '2026-11-20', series: 'ops-weekly', previous: previousMeeting(), path: '/ws/meetings/2026/n.md' });
    assert.ok(result.text.includes('\r\n') && !/[^\r]\n/u.test(result.text), 'CRLF only');
    const meeting = parseMeeting(result.text);
    assert.deepEqual(meeting.fieldProblems, []);
    assert.equal(meeting.fields.title, '运营部门周会');
    assert.equal(meeting.fields.series, 'ops-weekly');
    const kinds = meeting.sections.map((section) => section.kind);
    assert.deepEqual(kinds, [null, 'agenda', 'followup', null], 'the follow-up section goes after the agenda');
  });

  it('puts the carried actions under a follow-up heading the template already has', () => {
    const template = teamTemplate('t.md', '---\nattendees: {{attendees}}\n---\n\n## Follow-up\n\n## Actions\n- [ ] \n');
    const meeting = parseMeeting(renderNewMeeting({ template, locale: 'en', date: '2026-11-20', series: 'ops-weekly', previous: previousMeeting() }).text);
    assert.equal(meeting.sections.filter((section) => section.kind === 'followup').length, 1);
    assert.equal(meeting.actions.filter((action) => action.section === 'followup').length, 7);
  });

  it('drops frontmatter lines whose placeholder has no value, and never the attendees', () => {
    const template = teamTemplate('t.md', '---\ntitle: {{title}}\nseries: {{series}}\nfacilitator: {{facilitator}}\nattendees: {{attendees}}\n---\n');
    const text = renderNewMeeting({ template, locale: 'en', date: '2026-11-20' }).text;
    assert.equal(text.split('---\n')[1], 'title: t\nattendees: []\ndate: 2026-11-20\n');
  });

  it('lets the chosen date and series win over what the template writes, and keeps its literal series otherwise', () => {
    const template = teamTemplate('daily.md', '---\ntitle: Daily\ndate: 2000-01-01\nseries: daily # the team default\nattendees: []\n---\n');
    const chosen = parseMeeting(renderNewMeeting({ template, locale: 'en', date: '2026-11-20', series: 'ops-weekly' }).text);
    assert.equal(chosen.fields.date, '2026-11-20');
    assert.equal(chosen.fields.series, 'ops-weekly');
    const literal = parseMeeting(renderNewMeeting({ template, locale: 'en', date: '2026-11-20' }).text);
    assert.equal(literal.fields.series, 'daily');
  });

  it('replaces a built-in of the same name and lists the others after the built-ins', () => {
    const choices = templateChoices('en', [teamTemplate('weekly.md', '# ours'), teamTemplate('b.md', 'b'), teamTemplate('a.md', 'a')]);
    assert.deepEqual(choices.map((template) => `${template.id}:${template.builtin}`), [
      'weekly:false',
      'review:true',
      'kickoff:true',
      'retrospective:true',
      'one-on-one:true',
      'a:false',
      'b:false',
    ]);
  });

  it('never treats a template file as a meeting file', () => {
    assert.ok(isTemplatePath('/ws/.meetings/templates/weekly.md'));
    assert.ok(isTemplatePath('.meetings/templates/weekly.md'));
    assert.ok(!isTemplatePath('/ws/meetings/templates.md'));
    assert.ok(isExcluded('/ws/.meetings/templates/weekly.md', DEFAULT_CONFIG));
    assert.equal(parseMeeting('---\nattendees: [张三]\n---\n- [ ] x {{dueDate}}\n', { path: '/ws/.meetings/templates/x.md' }).meetingReason, null);
  });
});

describe('new meetings: path patterns and slugs', () => {
  const values = { date: '2026-11-20', title: '运营部门周会', series: 'ops-weekly', type: 'weekly', template: 'weekly' };

  it('expands the default pattern with a slug that keeps Chinese', () => {
    assert.equal(DEFAULT_PATH_PATTERN, 'meetings/{yyyy}/{yyyy-MM-dd}-{slug}.md');
    assert.equal(expandPathPattern(DEFAULT_PATH_PATTERN, values), 'meetings/2026/2026-11-20-运营部门周会.md');
    assert.equal(expandPathPattern(DEFAULT_PATH_PATTERN, { ...values, title: 'Q4 Business Review: Café & Co.' }), 'meetings/2026/2026-11-20-q4-business-review-cafe-co.md');
  });

  it('knows the date letters, the ISO week, series, type and template', () => {
    assert.equal(expandPathPattern('{series}/{yy}{MM}{dd}_{type}', values), 'ops-weekly/261120_weekly.md');
    assert.equal(expandPathPattern('notes/{yyyy}-W{ww}/{template}.markdown', values), 'notes/2026-W47/weekly.markdown');
    assert.equal(expandPathPattern('{yyyy}/{M}/{d}-{series}.md', { ...values, date: '2027-01-01', series: null }), '2027/1/1.md');
    assert.equal(isoWeek('2027-01-01'), 53);
    assert.equal(isoWeek('2026-01-01'), 1);
    assert.equal(isoWeek('2024-12-30'), 1);
  });

  it('slugs titles safely in any script', () => {
    assert.equal(slugify('  部门周会 / Weekly #12  '), '部门周会-weekly-12');
    assert.equal(slugify('Ünïcödé Résumé'), 'unicode-resume');
    assert.equal(slugify('会議・ミーティング'), '会議-ミーティング');
    assert.equal(slugify('../../etc/passwd'), 'etc-passwd');
    assert.equal(slugify(':::'), '');
    assert.ok([...slugify('a'.repeat(30) + ' ' + 'b'.repeat(50))].length <= 60);
    assert.equal(expandPathPattern(DEFAULT_PATH_PATTERN, { ...values, title: ':::', series: null }), 'meetings/2026/2026-11-20-weekly.md', 'falls back to the template');
  });

  it('rejects patterns that leave the workspace or use unknown placeholders', () => {
    assert.equal(checkPathPattern(DEFAULT_PATH_PATTERN), null);
    assert.equal(checkPathPattern('/etc/{slug}.md')?.messageId, 'path-pattern.outside');
    assert.equal(checkPathPattern('C:\\notes\\{slug}.md')?.messageId, 'path-pattern.outside');
    assert.equal(checkPathPattern('../{slug}.md')?.messageId, 'path-pattern.outside');
    assert.equal(checkPathPattern('notes/{title}.md')?.messageId, 'path-pattern.unknown');
    assert.equal(checkPathPattern('  ')?.messageId, 'path-pattern.empty');
  });

  it('numbers a name that is taken and links relatively', () => {
    assert.equal(withCounter('meetings/2026/a.md', 2), 'meetings/2026/a-2.md');
    assert.equal(withCounter('meetings/2026/a', 3), 'meetings/2026/a-3');
    assert.equal(relativePath('/ws/meetings/2026/b.md', '/ws/meetings/2026/a.md'), 'a.md');
    assert.equal(relativePath('/ws/meetings/2027/b.md', '/ws/meetings/2026/a.md'), '../2026/a.md');
    assert.equal(relativePath('/ws/b.md', '/ws/meetings/2026/a.md'), 'meetings/2026/a.md');
  });
});

describe('new meetings: configuration (newMeeting in .meetings.yaml)', () => {
  const validate = new Ajv({ allErrors: true }).compile(schema);
  const problemsOf = (text: string) => parseConfig(text, '/ws', RULE_IDS).problems.map((problem) => configProblemMessage(problem, 'en'));

  it('reads pathPattern and template, inner folders winning', () => {
    const outer = parseConfig('newMeeting:\n  pathPattern: notes/{yyyy-MM-dd}-{slug}.md\n  template: review\n', '/ws', RULE_IDS);
    const inner = parseConfig('newMeeting:\n  template: retrospective\n', '/ws/team', RULE_IDS);
    assert.deepEqual([...outer.problems, ...inner.problems], []);
    assert.deepEqual(mergeConfig([outer.layer, inner.layer]).newMeeting, { pathPattern: 'notes/{yyyy-MM-dd}-{slug}.md', template: 'retrospective' });
    assert.deepEqual(DEFAULT_CONFIG.newMeeting, { pathPattern: null, template: null });
  });

  const cases: Array<[string, string, RegExp | null]> = [
    ['a valid section', 'newMeeting:\n  pathPattern: "{series}/{yyyy-MM-dd}.md"\n  template: weekly\n', null],
    ['an absolute path', 'newMeeting:\n  pathPattern: /tmp/{slug}.md\n', /stay inside the workspace/u],
    ['a parent folder', 'newMeeting:\n  pathPattern: ../x/{slug}.md\n', /stay inside the workspace/u],
    ['an unknown placeholder', 'newMeeting:\n  pathPattern: "{title}.md"\n', /Unknown placeholder \{title\}/u],
    ['a number as template', 'newMeeting:\n  template: 5\n', /name of a template/u],
    ['an unknown key', 'newMeeting:\n  folder: x\n', /Unknown key `newMeeting.folder`/u],
    ['not a mapping', 'newMeeting: weekly\n', /must be a mapping/u],
  ];
  for (const [name, text, expected] of cases) {
    it(`agrees with the JSON Schema: ${name}`, () => {
      const problems = problemsOf(text);
      if (expected) {
        assert.equal(problems.length, 1, problems.join('; '));
        assert.match(problems[0]!, expected);
      } else {
        assert.deepEqual(problems, []);
      }
      assert.equal(validate(parseYaml(text)), expected === null, JSON.stringify(validate.errors));
    });
  }
});

// ---------------------------------------------------------------------------------------------
// The command line

const workspace = workspaces('new');

describe('meetings new', () => {
  it('creates the file at the default path, carries the open actions and says so', () => {
    const dir = workspace({ 'meetings/2026/2026-11-13-ops-weekly.md': PREVIOUS });
    const result = meetings(dir, 'new', '--series', 'ops-weekly', '--date', '2026-11-20', '--locale', 'zh-CN');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '已根据模板“weekly”创建 meetings/2026/2026-11-20-运营部门周会.md。\n已从 meetings/2026/2026-11-13-ops-weekly.md 带入 7 个未完成的行动项。\n');
    const text = readFileSync(join(dir, 'meetings/2026/2026-11-20-运营部门周会.md'), 'utf8');
    assert.equal(text, renderNewMeeting({
      template: builtinTemplates('zh-CN')[0]!,
      locale: 'zh-CN',
      date: '2026-11-20',
      series: 'ops-weekly',
      previous: { key: join(dir, 'meetings/2026/2026-11-13-ops-weekly.md'), meeting: parseMeeting(PREVIOUS) },
      path: join(dir, 'meetings/2026/2026-11-20-运营部门周会.md'),
    }).text, 'the CLI writes exactly what the core renders');
    const lint = meetings(dir, 'lint', '--today', '2026-11-20', '--format', 'json');
    const rows = JSON.parse(lint.stdout) as Array<{ file: string; rule: string; severity: string }>;
    assert.deepEqual(rows.filter((row) => row.file.includes('11-20') && row.rule !== 'goal-smart'), [], 'the new meeting lints clean');
  });

  it('never overwrites: a second meeting on the same day gets -2', () => {
    const dir = workspace({});
    assert.equal(meetings(dir, 'new', '--date', '2026-11-20', '--title', 'Sync').status, 0);
    const second = meetings(dir, 'new', '--date', '2026-11-20', '--title', 'Sync');
    assert.equal(second.status, 0);
    assert.match(second.stdout, /Created meetings\/2026\/2026-11-20-sync-2\.md from the template “weekly”\./u);
    assert.deepEqual(readdirSync(join(dir, 'meetings/2026')).sort(), ['2026-11-20-sync-2.md', '2026-11-20-sync.md']);
    assert.equal(meetings(dir, 'new', '--output', 'meetings/2026/2026-11-20-sync.md').status, 2, '--output never overwrites either');
  });

  it('reads dates as people write them, relative to today', () => {
    const dir = workspace({});
    const result = meetings(dir, 'new', '--date', 'next Monday', '--today', '2026-11-19', '--stdout', '--template', 'kickoff');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^date: 2026-11-23$/mu);
    assert.match(result.stdout, /^type: kickoff$/mu);
    const bad = meetings(dir, 'new', '--date', 'someday');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /Cannot read “someday” as a date/u);
  });

  it('uses the team’s templates and .meetings.yaml defaults', () => {
    const dir = workspace({
      '.meetings.yaml': 'newMeeting:\n  pathPattern: notes/{series}/{yyyy-MM-dd}.md\n  template: standup\n',
      '.meetings/templates/standup.md': '---\ntitle: Stand-up\nseries: daily\n---\n\n## Yesterday\n- {{attendee}}:\n\n## Action items\n- [ ] \n',
    });
    const list = meetings(dir, 'new', '--list-templates');
    assert.match(list.stdout, /^standup +Stand-up \(\.meetings\/templates\/standup\.md\)$/mu);
    const result = meetings(dir, 'new', '--date', '2026-11-20', '--attendees', 'Ann, Bo');
    assert.equal(result.status, 0, result.stderr);
    const text = readFileSync(join(dir, 'notes/daily/2026-11-20.md'), 'utf8');
    assert.match(text, /^- Ann:\n- Bo:$/mu);
    assert.match(text, /^attendees: \[Ann, Bo\]$/mu);
    assert.equal(meetings(dir, 'lint').status, 0, 'the template folder is not linted, the new meeting is clean');
  });

  it('fails with exit code 2 on an unknown template or a bad pattern', () => {
    const dir = workspace({});
    const unknown = meetings(dir, 'new', '--template', 'nope');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /Unknown template “nope”; the templates are: weekly, review, kickoff, retrospective, one-on-one\./u);
    const pattern = meetings(dir, 'new', '--path-pattern', '../{slug}.md');
    assert.equal(pattern.status, 2);
    assert.match(pattern.stderr, /must stay inside the workspace folder/u);
  });

  it('explains itself in both languages', () => {
    const dir = workspace({});
    assert.match(meetings(dir, 'new', '--help').stdout, /^Usage: meetings new \[folder\] \[options\]/u);
    assert.match(meetings(dir, 'new', '--help', '--locale', 'zh-CN').stdout, /^用法：meetings new \[文件夹\] \[选项\]/u);
    assert.match(meetings(dir, '--help').stdout, /new \[folder\] +Create a meeting file from a template/u);
  });
});

describe('meetings new: the language of a series', () => {
  it('writes the next meeting of a Chinese series in Chinese when no language is asked for (LANG=C)', () => {
    const dir = workspace({ 'meetings/2026/2026-11-13-ops-weekly.md': PREVIOUS });
    const result = meetings(dir, 'new', '--series', 'ops-weekly', '--date', '2026-11-20', '--stdout');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^## 议程$/mu);
    assert.match(result.stdout, /^## 上次行动跟进$/mu);
    assert.doesNotMatch(result.stdout, /^## Agenda$/mu);
  });

  it('keeps the language asked for with --locale', () => {
    const dir = workspace({ 'meetings/2026/2026-11-13-ops-weekly.md': PREVIOUS });
    const result = meetings(dir, 'new', '--series', 'ops-weekly', '--date', '2026-11-20', '--stdout', '--locale', 'en');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^## Agenda$/mu);
  });
});
