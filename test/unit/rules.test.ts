import { strict as assert } from 'node:assert';
import {
  applyEdits,
  DEFAULT_CONFIG,
  lintMeeting,
  mergeConfig,
  parseMeeting,
  RULE_IDS,
  RULES,
  type ConfigLayer,
  type Finding,
  type Locale,
  type ResolvedConfig,
  type Rule,
} from '../../src/core';

// ---------------------------------------------------------------------------------------------
// helpers

interface LintCall {
  today: string;
  config?: ResolvedConfig;
  locale?: Locale;
}

function lint(text: string, { today, config = DEFAULT_CONFIG, locale = 'en' }: LintCall): Finding[] {
  return lintMeeting(parseMeeting(text, { config }), { config, today, locale });
}

/** A document from its lines, so that line numbers are the array index + 1. */
function doc(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

function configOf(layer: Omit<ConfigLayer, 'dir'>): ResolvedConfig {
  return mergeConfig([{ dir: '', ...layer }]);
}

/** 1-based line of an offset (documents here use `\n` only). */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function ofRule(findings: readonly Finding[], rule: string): Finding[] {
  return findings.filter((finding) => finding.rule === rule);
}

interface Expected {
  rule: string;
  severity: Finding['severity'];
  line: number;
  slice: string;
  message?: string;
}

/** Exactly one finding of the rule, with the given severity, line, text under the span and message. */
function expectOne(text: string, findings: readonly Finding[], expected: Expected): Finding {
  const found = ofRule(findings, expected.rule);
  assert.equal(found.length, 1, `expected one ${expected.rule} finding, got ${JSON.stringify(findings.map((f) => [f.rule, f.message]))}`);
  const finding = found[0]!;
  assert.equal(finding.severity, expected.severity);
  assert.equal(lineAt(text, finding.span.start), expected.line);
  assert.equal(text.slice(finding.span.start, finding.span.end), expected.slice);
  if (expected.message !== undefined) assert.equal(finding.message, expected.message);
  return finding;
}

function expectNone(findings: readonly Finding[], rule: string): void {
  assert.deepEqual(
    ofRule(findings, rule).map((finding) => finding.message),
    [],
    `expected no ${rule} finding`,
  );
}

const TODAY = '2026-11-26'; // a Thursday

// Meeting on Friday 2026-11-20; action items start on line 9.
const EN_HEAD = ['---', 'title: Weekly sync', 'date: 2026-11-20', 'type: weekly', 'attendees: [Alice, Bob]', '---', '', '## Action items'];
const ZH_HEAD = ['---', 'title: 运营周会', 'date: 2026-11-20', 'type: weekly', 'attendees: [张三, 李四]', '---', '', '## 行动计划'];

const en = (...actions: string[]) => doc(...EN_HEAD, ...actions);
const zh = (...actions: string[]) => doc(...ZH_HEAD, ...actions);

// ---------------------------------------------------------------------------------------------

describe('rules: every rule fires on a wrong example and stays quiet on a right one', () => {
  it('knows exactly the seventeen rules', () => {
    assert.deepEqual([...RULE_IDS].sort(), [
      'action-due',
      'action-overdue',
      'action-owner',
      'agenda-overrun',
      'agenda-timebox',
      'carry-over',
      'decision-owner',
      'due-before-meeting',
      'due-format',
      'due-invalid',
      'frontmatter-field',
      'frontmatter-yaml',
      'goal-smart',
      'owner-unknown',
      'resource-incomplete',
      'section-empty',
      'section-required',
    ]);
  });

  it('clean meetings in both languages give no findings at all', () => {
    assert.deepEqual(lint(en('- [ ] Ship the release @Alice 📅 2026-11-27'), { today: TODAY }), []);
    assert.deepEqual(lint(zh('- [ ] 提交周报 @张三 截止：2026-11-27'), { today: TODAY, locale: 'zh-CN' }), []);
  });

  describe('frontmatter-yaml', () => {
    it('zh: an unclosed frontmatter is reported on the opening `---`', () => {
      const text = doc('---', 'title: 运营周会', 'date: 2026-11-20', 'attendees: [张三, 李四]', '', '## 行动计划', '- [ ] 提交周报 @张三 📅 2026-11-27');
      expectOne(text, lint(text, { today: TODAY, locale: 'zh-CN' }), {
        rule: 'frontmatter-yaml',
        severity: 'error',
        line: 1,
        slice: '---',
        message: '前置元数据没有结束：请在字段之后加一行 `---`。',
      });
    });

    it('en: invalid YAML is reported where the parser stopped', () => {
      const text = doc('---', 'attendees: [Alice]', 'date: 2026-11-20', 'title: [a, b]]', '---');
      const finding = expectOne(text, lint(text, { today: TODAY }), { rule: 'frontmatter-yaml', severity: 'error', line: 4, slice: ']' });
      assert.match(finding.message, /^Frontmatter is not valid YAML: /);
    });

    it('is quiet on valid frontmatter', () => {
      expectNone(lint(en('- [ ] Ship @Alice 📅 2026-11-27'), { today: TODAY }), 'frontmatter-yaml');
      expectNone(lint(zh('- [ ] 提交周报 @张三 📅 2026-11-27'), { today: TODAY }), 'frontmatter-yaml');
    });
  });

  describe('frontmatter-field', () => {
    it('en: a meeting date not in YYYY-MM-DD form', () => {
      const text = doc('---', 'title: Weekly sync', 'date: 2026/11/20', 'attendees: [Alice, Bob]', '---');
      const finding = expectOne(text, lint(text, { today: TODAY }), {
        rule: 'frontmatter-field',
        severity: 'error',
        line: 3,
        slice: '2026/11/20',
        message: 'Meeting date “2026/11/20” is not a date in YYYY-MM-DD form.',
      });
      assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.safe]), [['Rewrite the date as 2026-11-20', true]]);
      assert.equal(applyEdits(text, finding.fixes[0]!.edits), text.replace('2026/11/20', '2026-11-20'));
    });

    it('zh: a duration that is not minutes', () => {
      const text = doc('---', 'title: 运营周会', 'date: 2026-11-20', '时长: 大约一小时', 'attendees: [张三, 李四]', '---');
      expectOne(text, lint(text, { today: TODAY, locale: 'zh-CN' }), {
        rule: 'frontmatter-field',
        severity: 'error',
        line: 4,
        slice: '大约一小时',
        message: '`duration` 应为分钟数，例如 60、90min 或 1.5h。',
      });
    });

    it('zh: a meeting without a date', () => {
      const text = doc('---', 'title: 运营周会', 'attendees: [张三, 李四]', '---');
      expectOne(text, lint(text, { today: TODAY, locale: 'zh-CN' }), {
        rule: 'frontmatter-field',
        severity: 'error',
        line: 1,
        slice: '---',
        message: '会议缺少日期：请添加 `date: YYYY-MM-DD`。',
      });
    });

    it('en: an empty date points at the key', () => {
    const text = doc('---', 'title: Weekly sync', 'attendees: [Alice, Bob]', 'date:', '---');
    expectOne(text, lint(text, { today: TODAY }), {
      rule: 'frontmatter-field',
      severity: 'error',
      line: 4,
      slice: 'date',
      message: 'The meeting has no date: add `date: YYYY-MM-DD`.',
    });
  });

  it('is quiet on well-formed fields', () => {
      const text = doc('---', 'title: 运营周会', 'date: 2026-11-20', '时长: 90min', 'time: "14:00-15:30"', 'attendees: [张三, 李四]', '---');
      expectNone(lint(text, { today: TODAY }), 'frontmatter-field');
      expectNone(lint(en(), { today: TODAY }), 'frontmatter-field');
    });
  });

  describe('action-owner', () => {
    it('zh: an open action without an owner', () => {
      const text = zh('- [ ] 确定发布日期 📅 2026-11-27');
      expectOne(text, lint(text, { today: TODAY, locale: 'zh-CN' }), {
        rule: 'action-owner',
        severity: 'warning',
        line: 9,
        slice: '[ ]',
        message: '行动项没有负责人：请添加 @姓名 或“负责人：姓名”。',
      });
    });

    it('en: an in-progress action without an owner', () => {
      const text = en('- [ ] Ship it @Alice 📅 2026-11-27', '- [/] Draft the press release 📅 2026-11-27');
      expectOne(text, lint(text, { today: TODAY }), {
        rule: 'action-owner',
        severity: 'warning',
        line: 10,
        slice: '[/]',
        message: 'Action item has no owner: add @name or “owner: name”.',
      });
    });

    it('is quiet when an owner is named with @, owner: or 负责人：', () => {
      expectNone(lint(zh('- [ ] 确定发布日期 @张三 📅 2026-11-27', '- [ ] 预订场地 负责人：李四 截止：2026-11-27'), { today: TODAY }), 'action-owner');
      expectNone(lint(en('- [ ] Draft the press release owner: Alice due: 2026-11-27'), { today: TODAY }), 'action-owner');
    });
  });

  describe('action-due', () => {
    it('zh: an open action without a due date', () => {
      const text = zh('- [ ] 设计落地页 @张三');
      expectOne(text, lint(text, { today: TODAY, locale: 'zh-CN' }), {
        rule: 'action-due',
        severity: 'warning',
        line: 9,
        slice: '[ ]',
        message: '行动项没有截止日期：请添加 📅 YYYY-MM-DD 或“截止：YYYY-MM-DD”。',
      });
    });

    it('en: an open action without a due date', () => {
      const text = en('- [ ] Book the venue @Bob');
      expectOne(text, lint(text, { today: TODAY }), {
        rule: 'action-due',
        severity: 'warning',
        line: 9,
        slice: '[ ]',
        message: 'Action item has no due date: add 📅 YYYY-MM-DD or “due: YYYY-MM-DD”.',
      });
    });

    it('is quiet when a due date is written', () => {
      expectNone(lint(zh('- [ ] 设计落地页 @张三 截止：2026-11-30'), { today: TODAY }), 'action-due');
      expectNone(lint(en('- [ ] Book the venue @Bob due: 2026-11-30'), { today: TODAY }), 'action-due');
    });
  });

  describe('due-invalid', () => {
    it('zh: an ambiguous date', () => {
      const text = zh('- [ ] 准备物料清单 @张三 截止：12/1');
      expectOne(text, lint(text, { today: TODAY, locale: 'zh-CN' }), {
        rule: 'due-invalid',
        severity: 'error',
        line: 9,
        slice: '12/1',
        message: '截止日期“12/1”有歧义（月/日还是日/月？）：请写成 YYYY-MM-DD。',
      });
    });

    it('en: a date that does not exist', () => {
      const text = en('- [ ] Confirm the budget @Alice deadline: 2026-02-30');
      expectOne(text, lint(text, { today: TODAY }), {
        rule: 'due-invalid',
        severity: 'error',
        line: 9,
        slice: '2026-02-30',
        message: 'Due date “2026-02-30” does not exist in the calendar.',
      });
    });

    it('en: an unreadable date', () => {
      const text = en('- [ ] Confirm the budget @Alice due: someday');
      expectOne(text, lint(text, { today: TODAY }), {
        rule: 'due-invalid',
        severity: 'error',
        line: 9,
        slice: 'someday',
        message: 'Cannot read the due date “someday”: write it as YYYY-MM-DD.',
      });
    });

    it('is quiet on a readable date', () => {
      expectNone(lint(zh('- [ ] 准备物料清单 @张三 截止：2026-12-01'), { today: TODAY }), 'due-invalid');
      expectNone(lint(en('- [ ] Confirm the budget @Alice deadline: 2026-02-28'), { today: '2026-01-01' }), 'due-invalid');
    });
  });

  describe('due-before-meeting', () => {
    it('zh: due before the meeting date', () => {
      const text = zh('- [ ] 预订场地 @李四 📅 2026-11-10');
      expectOne(text, lint(text, { today: TODAY, locale: 'zh-CN' }), {
        rule: 'due-before-meeting',
        severity: 'warning',
        line: 9,
        slice: '2026-11-10',
        message: '截止日期 2026-11-10 早于会议日期 2026-11-20。',
      });
    });

    it('en: due the day before the meeting', () => {
      const text = en('- [ ] Book the venue @Bob due: 2026-11-19');
      expectOne(text, lint(text, { today: TODAY }), {
        rule: 'due-before-meeting',
        severity: 'warning',
        line: 9,
        slice: '2026-11-19',
        message: 'Due date 2026-11-19 is before the meeting date 2026-11-20.',
      });
    });

    it('is quiet when the due date is the meeting date or later', () => {
      expectNone(lint(zh('- [ ] 预订场地 @李四 📅 2026-11-20'), { today: TODAY }), 'due-before-meeting');
      expectNone(lint(en('- [ ] Book the venue @Bob due: 2026-11-21'), { today: TODAY }), 'due-before-meeting');
    });
  });

  describe('action-overdue', () => {
    it('zh: one day overdue (singular and plural read the same in Chinese)', () => {
      const text = zh('- [/] 联系媒体 @张三 📅 2026-11-25');
      expectOne(text, lint(text, { today: TODAY, locale: 'zh-CN' }), {
        rule: 'action-overdue',
        severity: 'info',
        line: 9,
        slice: '2026-11-25',
        message: '已逾期 1 天：截止日期为 2026-11-25（周三）。',
      });
    });

    it('en: three days overdue, and one day in the singular', () => {
      const text = en('- [ ] Send the deck @Bob due: 2026-11-23', '- [ ] Call the vendor @Alice due: 2026-11-25');
      const found = ofRule(lint(text, { today: TODAY }), 'action-overdue');
      assert.deepEqual(
        found.map((f) => [f.severity, lineAt(text, f.span.start), text.slice(f.span.start, f.span.end), f.message]),
        [
          ['info', 9, '2026-11-23', 'Overdue by 3 days: it was due 2026-11-23 (Mon).'],
          ['info', 10, '2026-11-25', 'Overdue by 1 day: it was due 2026-11-25 (Wed).'],
        ],
      );
    });

    it('is quiet when the action is due today or later', () => {
      expectNone(lint(zh('- [ ] 联系媒体 @张三 📅 2026-11-26'), { today: TODAY }), 'action-overdue');
      expectNone(lint(en('- [ ] Send the deck @Bob due: 2026-12-01'), { today: TODAY }), 'action-overdue');
    });
  });

  describe('due-format', () => {
    it('zh: a relative date, resolved against the meeting date', () => {
      const text = zh('- [ ] 提交报告 @张三 截止：下周五');
      const finding = expectOne(text, lint(text, { today: TODAY, locale: 'zh-CN' }), {
        rule: 'due-format',
        severity: 'info',
        line: 9,
        slice: '下周五',
        message: '请将“下周五”写成 2026-11-27（周五），以免日后含义改变。',
      });
      assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.safe]), [['改写为 2026-11-27（周五）', true]]);
    });

    it('en: a relative and a month-name date', () => {
      const text = en('- [ ] Draft the press release @Alice due: next Friday', '- [ ] Book the venue @Bob due: Dec 4');
      const found = ofRule(lint(text, { today: TODAY }), 'due-format');
      assert.deepEqual(
        found.map((f) => [f.severity, lineAt(text, f.span.start), text.slice(f.span.start, f.span.end), f.message]),
        [
          ['info', 9, 'next Friday', 'Write “next Friday” as 2026-11-27 (Fri) so the note means the same date later.'],
          ['info', 10, 'Dec 4', 'Write “Dec 4” as 2026-12-04 (Fri) so the note means the same date later.'],
        ],
      );
    });

    it('is quiet on ISO dates', () => {
      expectNone(lint(zh('- [ ] 提交报告 @张三 截止：2026-11-27'), { today: TODAY }), 'due-format');
      expectNone(lint(en('- [ ] Draft the press release @Alice 📅 2026-11-27'), { today: TODAY }), 'due-format');
    });
  });

  describe('owner-unknown', () => {
    it('zh: an owner who is not an attendee', () => {
      const text = zh('- [ ] 设计落地页 @赵六 📅 2026-12-05');
      expectOne(text, lint(text, { today: TODAY, locale: 'zh-CN' }), {
        rule: 'owner-unknown',
        severity: 'warning',
        line: 9,
        slice: '赵六',
        message: '负责人“赵六”既不是本次参会人员，也不在人员名单中。',
      });
    });

    it('en: an owner who is not an attendee', () => {
      const text = en('- [ ] Design the landing page @Carol 📅 2026-12-05');
      expectOne(text, lint(text, { today: TODAY }), {
        rule: 'owner-unknown',
        severity: 'warning',
        line: 9,
        slice: 'Carol',
        message: 'Owner “Carol” is neither an attendee of this meeting nor in the people roster.',
      });
    });

    it('is quiet for attendees and for people of the roster (by alias too)', () => {
      expectNone(lint(zh('- [ ] 设计落地页 @李四 📅 2026-12-05'), { today: TODAY }), 'owner-unknown');
      expectNone(lint(en('- [ ] Design the landing page @bob 📅 2026-12-05'), { today: TODAY }), 'owner-unknown');
      const config = configOf({ people: [{ name: '赵六', aliases: ['小赵'] }] });
      expectNone(lint(zh('- [ ] 设计落地页 @小赵 📅 2026-12-05', '- [ ] 设计海报 @赵六 📅 2026-12-05'), { today: TODAY, config }), 'owner-unknown');
    });
  });

  describe('section-required', () => {
    const config = configOf({ requiredSections: { weekly: ['agenda', 'actions'] } });

    it('zh: a weekly meeting without an agenda', () => {
      const text = zh('- [ ] 提交周报 @张三 📅 2026-11-27');
      const finding = expectOne(text, lint(text, { today: TODAY, config, locale: 'zh-CN' }), {
        rule: 'section-required',
        severity: 'warning',
        line: 1,
        slice: '---',
        message: '“weekly”类型的会议需要“议程”部分。',
      });
      assert.deepEqual(finding.fixes.map((fix) => fix.title), ['添加“议程”部分']);
      assert.equal(applyEdits(text, finding.fixes[0]!.edits), text + '\n## 议程\n');
    });

    it('en: a weekly meeting with neither agenda nor action items', () => {
      const text = doc('---', 'title: Weekly sync', 'date: 2026-11-20', 'type: weekly', 'attendees: [Alice, Bob]', '---', '', '## Notes', 'Nothing to report.');
      const found = ofRule(lint(text, { today: TODAY, config }), 'section-required');
      assert.deepEqual(
        found.map((f) => [f.severity, lineAt(text, f.span.start), text.slice(f.span.start, f.span.end), f.message]),
        [
          ['warning', 1, '---', 'A “weekly” meeting needs the section “Agenda”.'],
          ['warning', 1, '---', 'A “weekly” meeting needs the section “Action items”.'],
        ],
      );
    });

    it('is quiet when the required sections are there, for other types, and without the config', () => {
      const complete = doc(...EN_HEAD.slice(0, 7), '## Agenda', '1. Review', '', '## Action items', '- [ ] Ship @Alice 📅 2026-11-27');
      expectNone(lint(complete, { today: TODAY, config }), 'section-required');
      const completeZh = doc(...ZH_HEAD.slice(0, 7), '## 一、会议议程', '1. 回顾', '', '## 五、后续行动计划', '- [ ] 提交周报 @张三 📅 2026-11-27');
      expectNone(lint(completeZh, { today: TODAY, config }), 'section-required');
      const review = en('- [ ] Ship @Alice 📅 2026-11-27').replace('type: weekly', 'type: review');
      expectNone(lint(review, { today: TODAY, config }), 'section-required');
      expectNone(lint(en('- [ ] Ship @Alice 📅 2026-11-27'), { today: TODAY }), 'section-required');
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe('rules: behaviour around the action rules', () => {
  const ACTION_RULES = ['action-owner', 'action-due', 'due-invalid', 'due-before-meeting', 'action-overdue', 'due-format', 'owner-unknown'];

  it('done and cancelled actions get none of the action rules', () => {
    const text = zh(
      '- [x] 整理工单',
      '- [X] 整理客服 截止：12/1',
      '- [-] 取消的活动 @赵六 📅 2026-11-01',
      '- [x] Write the recap due: next Friday',
      '- [-] Book the hall due: 2026-02-30',
    );
    const findings = lint(text, { today: TODAY });
    for (const rule of ACTION_RULES) expectNone(findings, rule);
    assert.deepEqual(findings, []);
  });

  it('the same items, left open, do get them', () => {
    const text = zh('- [ ] 整理工单', '- [ ] 整理客服 截止：12/1', '- [ ] 取消的活动 @赵六 📅 2026-11-01', '- [ ] Write the recap due: next Friday', '- [ ] Book the hall due: 2026-02-30');
    const rules = new Set(lint(text, { today: TODAY }).map((finding) => finding.rule));
    for (const rule of ACTION_RULES) assert.ok(rules.has(rule), `${rule} should fire`);
  });

  it('owner-unknown fires only when the meeting lists attendees', () => {
    const withoutAttendees = doc('---', 'title: Ad-hoc call', 'date: 2026-11-20', 'type: meeting', '---', '', '## Action items', '- [ ] Send notes @Zed 📅 2026-11-27');
    expectNone(lint(withoutAttendees, { today: TODAY }), 'owner-unknown');
    const withAttendees = withoutAttendees.replace('type: meeting', 'attendees: [Alice]');
    expectOne(withAttendees, lint(withAttendees, { today: TODAY }), { rule: 'owner-unknown', severity: 'warning', line: 8, slice: 'Zed' });
  });

  it('action-overdue measures against `today`, not the clock', () => {
    const future = doc('---', 'date: 2099-12-01', 'attendees: [Alice]', '---', '', '- [ ] Far future @Alice 📅 2099-12-30');
    assert.deepEqual(ofRule(lint(future, { today: '2099-12-31' }), 'action-overdue').map((f) => f.message), [
      'Overdue by 1 day: it was due 2099-12-30 (Wed).',
    ]);
    expectNone(lint(future, { today: '2099-12-30' }), 'action-overdue');
    const past = doc('---', 'date: 2000-01-01', 'attendees: [Alice]', '---', '', '- [ ] Long ago @Alice 📅 2000-01-02');
    expectNone(lint(past, { today: '2000-01-01' }), 'action-overdue');
    assert.deepEqual(ofRule(lint(past, { today: '2000-01-12' }), 'action-overdue').map((f) => f.message), [
      'Overdue by 10 days: it was due 2000-01-02 (Sun).',
    ]);
  });

  it('messages follow the locale', () => {
    const text = en('- [ ] Book the venue');
    const zhMessages = lint(text, { today: TODAY, locale: 'zh-CN' }).map((f) => f.message);
    assert.deepEqual(zhMessages, ['行动项没有负责人：请添加 @姓名 或“负责人：姓名”。', '行动项没有截止日期：请添加 📅 YYYY-MM-DD 或“截止：YYYY-MM-DD”。']);
    const enMessages = lint(text, { today: TODAY, locale: 'en' }).map((f) => f.message);
    assert.deepEqual(enMessages, ['Action item has no owner: add @name or “owner: name”.', 'Action item has no due date: add 📅 YYYY-MM-DD or “due: YYYY-MM-DD”.']);
  });

  it('severities come from the config: warning → error, off removes the rule', () => {
    const text = en('- [ ] Book the venue');
    const config = configOf({ rules: { 'action-owner': 'error', 'action-due': 'off' } });
    const findings = lint(text, { today: TODAY, config });
    assert.deepEqual(findings.map((f) => [f.rule, f.severity]), [['action-owner', 'error']]);
    const defaults = lint(text, { today: TODAY });
    assert.deepEqual(defaults.map((f) => [f.rule, f.severity]), [
      ['action-owner', 'warning'],
      ['action-due', 'warning'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('rules: suppression comments', () => {
  const summary = (text: string, findings: readonly Finding[]) => findings.map((f) => `${lineAt(text, f.span.start)} ${f.rule}`);

  it('disable-next-line with one rule hides only that rule on the next line', () => {
    const text = en('<!-- meetings-disable-next-line action-owner -->', '- [ ] Book the venue', '- [ ] Call the caterer');
    assert.deepEqual(summary(text, lint(text, { today: TODAY })), ['10 action-due', '11 action-owner', '11 action-due']);
  });

  it('disable-next-line without a rule hides every rule on the next line', () => {
    const text = zh('<!-- meetings-disable-next-line -->', '- [ ] 预订场地 截止：12/1', '- [ ] 设计海报');
    assert.deepEqual(summary(text, lint(text, { today: TODAY })), ['11 action-owner', '11 action-due']);
  });

  it('disable-line hides the rule on the comment’s own line', () => {
    const text = en('- [ ] Book the venue <!-- meetings-disable-line action-due -->', '- [ ] Call the caterer @Bob');
    assert.deepEqual(summary(text, lint(text, { today: TODAY })), ['9 action-owner', '10 action-due']);
  });

  it('disable … enable hides a rule over a range of lines', () => {
    const text = zh(
      '<!-- meetings-disable action-owner -->', // 9
      '- [ ] 预订场地 截止：2026-11-30', // 10
      '- [ ] 设计海报 截止：2026-11-30', // 11
      '', // 12
      '<!-- meetings-enable action-owner -->', // 13
      '- [ ] 联系媒体 截止：2026-11-30', // 14
    );
    assert.deepEqual(summary(text, lint(text, { today: TODAY })), ['14 action-owner']);
  });

  it('several rules in one comment, and enable of one rule after disable of all', () => {
    const listed = en('<!-- meetings-disable-next-line action-owner, action-due -->', '- [ ] Book the venue due: 12/1');
    assert.deepEqual(summary(listed, lint(listed, { today: TODAY })), ['10 due-invalid']);
    const text = en(
      '<!-- meetings-disable -->', // 9
      '<!-- meetings-enable action-owner -->', // 10
      '- [ ] Book the venue', // 11
    );
    assert.deepEqual(summary(text, lint(text, { today: TODAY })), ['11 action-owner']);
  });

  it('disable without enable runs to the end of the file, and only for the named rule', () => {
    const text = en('- [ ] First', '', '<!-- meetings-disable action-due -->', '- [ ] Second', '- [ ] Third');
    assert.deepEqual(summary(text, lint(text, { today: TODAY })), ['9 action-owner', '9 action-due', '12 action-owner', '13 action-owner']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('rules: fixes', () => {
  it('due-format’s fix rewrites the date as ISO and the re-lint has no due-format', () => {
    const text = zh('- [ ] 提交报告 @张三 截止：下周五');
    const finding = ofRule(lint(text, { today: TODAY }), 'due-format')[0]!;
    const fixed = applyEdits(text, finding.fixes[0]!.edits);
    assert.equal(fixed, zh('- [ ] 提交报告 @张三 截止：2026-11-27'));
    expectNone(lint(fixed, { today: TODAY }), 'due-format');
    assert.deepEqual(lint(fixed, { today: TODAY }), []);
  });

  it('applying the due-format fix touches only the date characters', () => {
    const text = en('- [ ] Draft the press release @Alice due: next Friday ⏫ ^press-1', '- [ ] Other @Bob 📅 2026-11-30');
    const finding = ofRule(lint(text, { today: TODAY }), 'due-format')[0]!;
    const { start, end } = finding.span;
    assert.equal(text.slice(start, end), 'next Friday');
    const fixed = applyEdits(text, finding.fixes[0]!.edits);
    assert.equal(fixed.slice(0, start), text.slice(0, start));
    assert.equal(fixed.slice(start, start + 10), '2026-11-27');
    assert.equal(fixed.slice(start + 10), text.slice(end));
  });

  it('action-owner offers one “Assign to” fix per attendee, inserted before a trailing ^block-id', () => {
    const text = en('- [ ] Book the venue 📅 2026-11-27 ^venue-1');
    const finding = ofRule(lint(text, { today: TODAY }), 'action-owner')[0]!;
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.safe]), [
      ['Assign to Alice', false],
      ['Assign to Bob', false],
    ]);
    assert.equal(applyEdits(text, finding.fixes[0]!.edits), en('- [ ] Book the venue 📅 2026-11-27 @Alice ^venue-1'));
    assert.equal(applyEdits(text, finding.fixes[1]!.edits), en('- [ ] Book the venue 📅 2026-11-27 @Bob ^venue-1'));
    const zhText = zh('- [ ] 预订场地 截止：2026-11-27');
    const zhFinding = ofRule(lint(zhText, { today: TODAY, locale: 'zh-CN' }), 'action-owner')[0]!;
    assert.deepEqual(zhFinding.fixes.map((fix) => fix.title), ['指派给 张三', '指派给 李四']);
    assert.equal(applyEdits(zhText, zhFinding.fixes[1]!.edits), zh('- [ ] 预订场地 截止：2026-11-27 @李四'));
    // After the fix, the owner is read and the block id is still the item's id.
    const fixed = applyEdits(text, finding.fixes[0]!.edits);
    const action = parseMeeting(fixed).actions[0]!;
    assert.deepEqual(action.owners.map((owner) => owner.name), ['Alice']);
    assert.equal(action.id, 'venue-1');
  });

  it('action-due offers the meeting date + 7 days and the end of the month, with weekdays', () => {
    const text = en('- [ ] Book the venue @Bob ^venue-1');
    const finding = ofRule(lint(text, { today: TODAY }), 'action-due')[0]!;
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.safe]), [
      ['Due 2026-11-27 (Fri, one week after the meeting)', false],
      ['Due 2026-11-30 (Mon, end of the month)', false],
    ]);
    assert.equal(applyEdits(text, finding.fixes[0]!.edits), en('- [ ] Book the venue @Bob 📅 2026-11-27 ^venue-1'));
    assert.equal(applyEdits(text, finding.fixes[1]!.edits), en('- [ ] Book the venue @Bob 📅 2026-11-30 ^venue-1'));
    const zhText = zh('- [ ] 预订场地 @李四');
    const zhFinding = ofRule(lint(zhText, { today: TODAY, locale: 'zh-CN' }), 'action-due')[0]!;
    assert.deepEqual(zhFinding.fixes.map((fix) => fix.title), ['截止 2026-11-27（周五，会后一周）', '截止 2026-11-30（周一，月底）']);
  });

  it('action-due offers a single fix when a week later is the end of the month', () => {
    const text = doc('---', 'date: 2026-11-23', 'attendees: [Alice]', '---', '', '- [ ] Book the venue @Alice');
    const finding = ofRule(lint(text, { today: TODAY }), 'action-due')[0]!;
    assert.deepEqual(finding.fixes.map((fix) => fix.title), ['Due 2026-11-30 (Mon, one week after the meeting)']);
  });

  it('due-invalid on 12/1 offers both readings, each the next such day on or after the meeting', () => {
    const text = zh('- [ ] 准备物料清单 @张三 截止：12/1');
    const finding = ofRule(lint(text, { today: TODAY }), 'due-invalid')[0]!;
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.safe]), [
      ['Read as 2026-12-01 (Tue)', false],
      ['Read as 2027-01-12 (Tue)', false],
    ]);
    assert.equal(applyEdits(text, finding.fixes[0]!.edits), zh('- [ ] 准备物料清单 @张三 截止：2026-12-01'));
    assert.equal(applyEdits(text, finding.fixes[1]!.edits), zh('- [ ] 准备物料清单 @张三 截止：2027-01-12'));
  });
});

// ---------------------------------------------------------------------------------------------

describe('rules: isolation', () => {
  it('a throwing rule does not stop the others and is passed to onRuleError', () => {
    const badRule: Rule = {
      id: 'bad-rule',
      defaultSeverity: 'error',
      description: { en: 'Always throws.', 'zh-CN': '总是抛出异常。' },
      check() {
        throw new Error('boom');
      },
    };
    const errors: Array<[string, string]> = [];
    const text = en('- [ ] Book the venue');
    const findings = lintMeeting(parseMeeting(text), {
      config: DEFAULT_CONFIG,
      today: TODAY,
      locale: 'en',
      rules: [badRule, ...RULES],
      onRuleError: (rule, error) => errors.push([rule, (error as Error).message]),
    });
    assert.deepEqual(errors, [['bad-rule', 'boom']]);
    assert.deepEqual(findings.map((f) => [lineAt(text, f.span.start), f.rule]), [
      [9, 'action-owner'],
      [9, 'action-due'],
    ]);
  });

  it('a rule that reports and then throws keeps what it reported before', () => {
    const halfRule: Rule = {
      id: 'half-rule',
      defaultSeverity: 'info',
      description: { en: 'Reports, then throws.', 'zh-CN': '报告后抛出异常。' },
      check({ report }) {
        report({ span: { start: 0, end: 3 }, message: 'first' });
        throw new Error('second');
      },
    };
    const errors: string[] = [];
    const findings = lintMeeting(parseMeeting(en('- [ ] Ship @Alice 📅 2026-11-27')), {
      config: DEFAULT_CONFIG,
      today: TODAY,
      locale: 'en',
      rules: [...RULES, halfRule],
      onRuleError: (rule) => errors.push(rule),
    });
    assert.deepEqual(errors, ['half-rule']);
    assert.deepEqual(findings.map((f) => [f.rule, f.severity, f.message]), [['half-rule', 'info', 'first']]);
  });
});
