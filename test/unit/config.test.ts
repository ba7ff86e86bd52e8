import { strict as assert } from 'node:assert';
import {
  classifyHeading,
  DEFAULT_CONFIG,
  DEFAULT_SECTION_HEADINGS,
  lintMeeting,
  mergeConfig,
  parseConfig,
  parseMeeting,
  RULE_IDS,
  type ConfigLayer,
  type ConfigProblem,
  configProblemMessage,
} from '../../src/core';

function parse(text: string, dir = '/work/team') {
  return parseConfig(text, dir, RULE_IDS);
}

/** [message, text under the span] for each problem, in order. */
function described(text: string, problems: readonly ConfigProblem[]): Array<[string, string]> {
  return problems.map((problem) => [configProblemMessage(problem, 'en'), text.slice(problem.span.start, problem.span.end)]);
}

/** 1-based line of an offset. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

describe('parseConfig: a valid file', () => {
  const text = [
    '# Team configuration',
    'root: true',
    'locale: zh-CN',
    'timezone: Asia/Shanghai',
    'rules:',
    '  action-due: error',
    '  due-format: off',
    '  owner-unknown: false',
    '  section-required: info',
    'people:',
    '  - 王五',
    '  - name: 张三',
    '    aliases: [zhangsan, 老张]',
    '  - name: Alice Chen',
    '    aliases: alice',
    '  - { name: Bob Li, aliases: [bob, 小李] }',
    'sections:',
    '  required:',
    '    weekly: [agenda, actions]',
    "    '*': [actions]",
    '  headings:',
    '    actions: [待跟进事项, next moves]',
    '    risks: [风险登记]',
    'meetings:',
    "  include: ['notes/**/*.md']",
    '  exclude: [templates/**, draft.md]',
    '',
  ].join('\n');

  it('becomes the expected layer, without problems', () => {
    const { layer, problems } = parse(text);
    assert.deepEqual(problems, []);
    const expected: ConfigLayer = {
      dir: '/work/team',
      root: true,
      locale: 'zh-CN',
      timezone: 'Asia/Shanghai',
      rules: { 'action-due': 'error', 'due-format': 'off', 'owner-unknown': 'off', 'section-required': 'info' },
      people: [
        { name: '王五', aliases: [] },
        { name: '张三', aliases: ['zhangsan', '老张'] },
        { name: 'Alice Chen', aliases: ['alice'] },
        { name: 'Bob Li', aliases: ['bob', '小李'] },
      ],
      requiredSections: { weekly: ['agenda', 'actions'], '*': ['actions'] },
      headings: { actions: ['待跟进事项', 'next moves'], risks: ['风险登记'] },
      include: ['notes/**/*.md'],
      exclude: ['templates/**', 'draft.md'],
    };
    assert.deepEqual(layer, expected);
  });

  it('an empty file is an empty layer', () => {
    assert.deepEqual(parse(''), { layer: { dir: '/work/team' }, problems: [] });
    assert.deepEqual(parse('# only a comment\n'), { layer: { dir: '/work/team' }, problems: [] });
  });

  it('a byte order mark is ignored', () => {
    const { layer, problems } = parse('\ufefflocale: en\ntimezone: Europe/Paris\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(layer, { dir: '/work/team', locale: 'en', timezone: 'Europe/Paris' });
  });

  it('root: false is kept as false', () => {
    assert.deepEqual(parse('root: false\n').layer, { dir: '/work/team', root: false });
  });
});

describe('parseConfig: invalid values', () => {
  it('top-level scalars: each problem points at the value, the valid keys are kept', () => {
    const text = ['root: yes', 'locale: fr', 'timezone: Mars/Olympus', 'colour: red', 'people: [王五]', ''].join('\n');
    const { layer, problems } = parse(text);
    assert.deepEqual(described(text, problems), [
      ['`root` must be true or false.', 'yes'],
      ['`locale` must be "en" or "zh-CN".', 'fr'],
      ['`timezone` must be an IANA time zone such as "Asia/Shanghai".', 'Mars/Olympus'],
      ['Unknown key `colour` (expected one of: root, locale, timezone, rules, people, sections, meetings, decisions, newMeeting).', 'colour'],
    ]);
    assert.deepEqual(problems.map((problem) => lineAt(text, problem.span.start)), [1, 2, 3, 4]);
    assert.deepEqual(layer, { dir: '/work/team', people: [{ name: '王五', aliases: [] }] });
  });

  it('rules: unknown ids and unknown severities, next to a valid rule', () => {
    const text = ['rules:', '  no-such-rule: error', '  action-due: loud', '  action-owner: error', ''].join('\n');
    const { layer, problems } = parse(text);
    assert.deepEqual(described(text, problems), [
      ['Unknown rule `no-such-rule`.', 'no-such-rule'],
      ['Rule `action-due`: use error, warning, info or off.', 'loud'],
    ]);
    assert.deepEqual(layer.rules, { 'action-owner': 'error' });
  });

  it('rules that are not a mapping', () => {
    const text = 'rules: [action-due]\nlocale: en\n';
    const { layer, problems } = parse(text);
    assert.deepEqual(described(text, problems), [['`rules` must map rule ids to error, warning, info or off.', '[action-due]']]);
    assert.equal(layer.locale, 'en');
  });

  it('people: not a list, a person without a name, a number, aliases of the wrong shape', () => {
    const listText = 'people: 张三\nlocale: en\n';
    const list = parse(listText);
    assert.deepEqual(described(listText, list.problems), [['`people` must be a list of names or of {name, aliases}.', '张三']]);
    assert.equal(list.layer.locale, 'en');

    const text = [
      'people:',
      '  - 王五',
      '  - { aliases: [x] }',
      '  - { name: "", aliases: [y] }',
      '  - 42',
      '  - { name: 张三, aliases: { a: 1 } }',
      '  - { name: 李四, aliases: [lisi] }',
      '',
    ].join('\n');
    const { layer, problems } = parse(text);
    assert.deepEqual(described(text, problems), [
      ['Each person needs a `name`.', '{ aliases: [x] }'],
      ['Each person needs a `name`.', '{ name: "", aliases: [y] }'],
      ['`people` must be a list of names or of {name, aliases}.', '42'],
      ['`aliases` must be a list of strings.', '{ a: 1 }'],
    ]);
    assert.deepEqual(problems.map((problem) => lineAt(text, problem.span.start)), [3, 4, 5, 6]);
    assert.deepEqual(layer.people, [
      { name: '王五', aliases: [] },
      { name: '张三', aliases: [] },
      { name: '李四', aliases: ['lisi'] },
    ]);
  });

  it('a person in block style without a name points at that person', () => {
    const text = ['people:', '  - name: Alice', '    aliases: [a]', '  - aliases: [x]', '    nick: y', 'locale: en', ''].join('\n');
    const { layer, problems } = parse(text);
    assert.equal(problems.length, 1);
    assert.equal(configProblemMessage(problems[0]!, 'en'), 'Each person needs a `name`.');
    assert.equal(lineAt(text, problems[0]!.span.start), 4);
    assert.equal(text.slice(problems[0]!.span.start, problems[0]!.span.end).trimEnd(), 'aliases: [x]\n    nick: y');
    assert.deepEqual(layer, { dir: '/work/team', people: [{ name: 'Alice', aliases: ['a'] }], locale: 'en' });
  });

  it('sections: not a mapping, unknown keys, required and headings of the wrong shape', () => {
    const notMapText = 'sections: [agenda]\n';
    assert.deepEqual(described(notMapText, parse(notMapText).problems), [
      ['`sections` must be a mapping with `required` and/or `headings`.', '[agenda]'],
    ]);

    const text = [
      'sections:',
      '  required:',
      '    weekly: 5',
      '    review: [goals, { x: 1 }, actions]',
      '  headings: [待跟进事项]',
      '  bogus: 1',
      '',
    ].join('\n');
    const { layer, problems } = parse(text);
    assert.deepEqual(described(text, problems), [
      ['`sections.required.weekly` must be a list of strings.', '5'],
      ['`sections.required.review` must be a list of strings.', '{ x: 1 }'],
      ['`sections.headings` must map names to lists.', '[待跟进事项]'],
      ['Unknown key `sections.bogus` (expected one of: required, headings).', 'bogus'],
    ]);
    assert.deepEqual(layer.requiredSections, { weekly: [], review: ['goals', 'actions'] });
    assert.equal(layer.headings, undefined);
  });

  it('meetings: not a mapping, globs of the wrong shape, unknown keys', () => {
    const notMapText = 'meetings: notes/**\n';
    assert.deepEqual(described(notMapText, parse(notMapText).problems), [
      ['`meetings` must be a mapping with `include` and/or `exclude` globs.', 'notes/**'],
    ]);

    const text = ['meetings:', '  include: { a: b }', '  exclude: [drafts/**, { a: b }]', '  other: x', ''].join('\n');
    const { layer, problems } = parse(text);
    assert.deepEqual(described(text, problems), [
      ['`meetings.include` must be a list of strings.', '{ a: b }'],
      ['`meetings.exclude` must be a list of strings.', '{ a: b }'],
      ['Unknown key `meetings.other` (expected one of: include, exclude).', 'other'],
    ]);
    assert.deepEqual(problems.map((problem) => lineAt(text, problem.span.start)), [2, 3, 4]);
    assert.deepEqual(layer.include, []);
    assert.deepEqual(layer.exclude, ['drafts/**']);
  });

  it('a document that is not a mapping', () => {
    const text = '- rules\n- people\n';
    const { layer, problems } = parse(text);
    assert.equal(problems.length, 1);
    assert.equal(configProblemMessage(problems[0]!, 'en'), 'The configuration must be a mapping of keys (rules, people, sections, …).');
    assert.equal(text.slice(problems[0]!.span.start, problems[0]!.span.end).trimEnd(), '- rules\n- people');
    assert.deepEqual(layer, { dir: '/work/team' });
  });
});

describe('parseConfig: YAML syntax errors', () => {
  it('bad indentation is reported on its line and the file gives an empty layer', () => {
    const text = ['locale: en', 'rules:', '  action-due: error', ' people: x', ''].join('\n');
    const { layer, problems } = parse(text);
    assert.ok(problems.length >= 1);
    assert.equal(lineAt(text, problems[0]!.span.start), 4);
    assert.ok(!configProblemMessage(problems[0]!, 'en').includes('\n'), 'messages are one line');
    assert.deepEqual(layer, { dir: '/work/team' });
  });

  it('a duplicate key is an error on the second key', () => {
    const text = ['locale: en', 'timezone: Asia/Shanghai', 'locale: zh-CN', ''].join('\n');
    const { layer, problems } = parse(text);
    assert.equal(problems.length, 1);
    assert.match(configProblemMessage(problems[0]!, 'en'), /unique/i);
    assert.equal(lineAt(text, problems[0]!.span.start), 3);
    assert.deepEqual(layer, { dir: '/work/team' });
  });

  it('an unterminated flow sequence', () => {
    const text = 'rules: [a, b\n';
    const { layer, problems } = parse(text);
    assert.deepEqual(problems.map((problem) => configProblemMessage(problem, 'en')), ['The configuration is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]']);
    // The parser notices at the end of the text.
    assert.equal(problems[0]!.span.start, text.length);
    assert.deepEqual(layer, { dir: '/work/team' });
  });
});

describe('mergeConfig', () => {
  it('no layers give the defaults', () => {
    assert.deepEqual(mergeConfig([]), DEFAULT_CONFIG);
  });

  it('inner layers win for rule severities, locale and timezone', () => {
    const merged = mergeConfig([
      { dir: '/w', locale: 'zh-CN', timezone: 'Asia/Shanghai', rules: { 'action-due': 'error', 'action-owner': 'info' } },
      { dir: '/w/team', locale: 'en', rules: { 'action-due': 'off' } },
      { dir: '/w/team/eu', timezone: 'Europe/Paris' },
    ]);
    assert.equal(merged.locale, 'en');
    assert.equal(merged.timezone, 'Europe/Paris');
    assert.deepEqual(merged.rules, { 'action-due': 'off', 'action-owner': 'info' });
  });

  it('an inner layer without locale or timezone keeps the outer values', () => {
    const merged = mergeConfig([{ dir: '/w', locale: 'zh-CN', timezone: 'Asia/Shanghai' }, { dir: '/w/team' }]);
    assert.equal(merged.locale, 'zh-CN');
    assert.equal(merged.timezone, 'Asia/Shanghai');
  });

  it('people accumulate; a person of the same name is replaced by the inner one', () => {
    const merged = mergeConfig([
      { dir: '/w', people: [{ name: '张三', aliases: ['老张'] }, { name: '李四', aliases: [] }] },
      { dir: '/w/team', people: [{ name: '张三', aliases: ['zhangsan'] }, { name: '王五', aliases: ['小王'] }] },
    ]);
    assert.equal(merged.people.length, 3);
    assert.deepEqual(Object.fromEntries(merged.people.map((person) => [person.name, person.aliases])), {
      张三: ['zhangsan'],
      李四: [],
      王五: ['小王'],
    });
  });

  it('heading terms accumulate on top of the built-in vocabulary', () => {
    const builtIn = [...DEFAULT_SECTION_HEADINGS.actions];
    const merged = mergeConfig([
      { dir: '/w', headings: { actions: ['待跟进事项'] } },
      { dir: '/w/team', headings: { actions: ['next moves'], risks: ['风险登记'] } },
    ]);
    assert.deepEqual(merged.headings.actions, [...builtIn, '待跟进事项', 'next moves']);
    assert.deepEqual(merged.headings.risks, ['风险登记']);
    assert.deepEqual(merged.headings.agenda, DEFAULT_SECTION_HEADINGS.agenda);
    assert.equal(classifyHeading('## 待跟进事项', merged.headings), 'actions');
    assert.equal(classifyHeading('Next moves', merged.headings), 'actions');
    assert.equal(classifyHeading('行动计划', merged.headings), 'actions');
    // Merging never changes the built-in table or the defaults.
    assert.deepEqual(DEFAULT_SECTION_HEADINGS.actions, builtIn);
    assert.deepEqual(DEFAULT_CONFIG.headings.actions, builtIn);
    assert.equal(classifyHeading('Next moves', DEFAULT_CONFIG.headings), null);
  });

  it('required sections are replaced per meeting type', () => {
    const merged = mergeConfig([
      { dir: '/w', requiredSections: { weekly: ['agenda', 'actions'], review: ['goals', 'summary'] } },
      { dir: '/w/team', requiredSections: { weekly: ['actions'] } },
    ]);
    assert.deepEqual(merged.requiredSections, { weekly: ['actions'], review: ['goals', 'summary'] });
  });

  it('root: true cuts every outer layer', () => {
    const merged = mergeConfig([
      { dir: '/w', locale: 'zh-CN', rules: { 'action-due': 'off' }, people: [{ name: '张三', aliases: [] }], include: ['**/*.md'] },
      { dir: '/w/team', root: true, timezone: 'Europe/Paris' },
      { dir: '/w/team/sub', rules: { 'action-owner': 'error' } },
    ]);
    assert.equal(merged.locale, null);
    assert.equal(merged.timezone, 'Europe/Paris');
    assert.deepEqual(merged.rules, { 'action-owner': 'error' });
    assert.deepEqual(merged.people, []);
    assert.deepEqual(merged.include, []);
  });

  it('globs keep the folder of the layer that declared them', () => {
    const merged = mergeConfig([
      { dir: '/w', include: ['notes/**/*.md'], exclude: ['templates/**'] },
      { dir: '/w/notes', exclude: ['drafts/**', 'draft.md'] },
    ]);
    assert.deepEqual(merged.include, [{ dir: '/w', pattern: 'notes/**/*.md' }]);
    assert.deepEqual(merged.exclude, [
      { dir: '/w', pattern: 'templates/**' },
      { dir: '/w/notes', pattern: 'drafts/**' },
      { dir: '/w/notes', pattern: 'draft.md' },
    ]);
  });
});

describe('meeting globs through parseMeeting', () => {
  const config = mergeConfig([
    parse('meetings:\n  include: [notes/**/*.md]\n  exclude: [templates/**]\n', '/w').layer,
    parse('meetings:\n  exclude: [drafts/**, draft.md]\n', '/w/notes').layer,
  ]);
  const plain = '# 周会记录\n\n- [ ] 提交周报 @张三\n';
  const withFrontmatter = '---\ndate: 2026-11-20\nattendees: [张三]\n---\n\n- [ ] 提交周报 @张三 📅 2026-11-27\n';

  it('include makes a file without meeting frontmatter a meeting (reason glob)', () => {
    const meeting = parseMeeting(plain, { config, path: '/w/notes/2026/11-20.md' });
    assert.equal(meeting.meetingReason, 'glob');
    assert.deepEqual(meeting.actions.map((action) => action.text), ['提交周报 @张三']);
    // Such a meeting has no frontmatter, which the linter reports.
    const findings = lintMeeting(meeting, { config, today: '2026-11-26', locale: 'en' });
    assert.ok(findings.some((finding) => finding.rule === 'frontmatter-field'));
  });

  it('include globs are relative to their own folder', () => {
    assert.equal(parseMeeting(plain, { config, path: '/elsewhere/notes/2026/11-20.md' }).meetingReason, null);
    assert.equal(parseMeeting(plain, { config, path: '/w/other/11-20.md' }).meetingReason, null);
    assert.equal(parseMeeting(plain, { config, path: '/w/notes/11-20.txt' }).meetingReason, null);
    assert.equal(parseMeeting(plain, { config: DEFAULT_CONFIG, path: '/w/notes/2026/11-20.md' }).meetingReason, null);
    assert.equal(parseMeeting(plain, { config }).meetingReason, null);
  });

  it('exclude makes a file not a meeting, even with meeting frontmatter', () => {
    assert.equal(parseMeeting(withFrontmatter, { config, path: '/w/notes/x.md' }).meetingReason, 'attendees');
    const excluded = parseMeeting(withFrontmatter, { config, path: '/w/notes/drafts/x.md' });
    assert.equal(excluded.meetingReason, null);
    assert.deepEqual(excluded.actions, []);
    assert.deepEqual(lintMeeting(excluded, { config, today: '2026-11-26', locale: 'en' }), []);
    assert.equal(parseMeeting(withFrontmatter, { config, path: '/w/templates/weekly.md' }).meetingReason, null);
    // A pattern without a slash matches the file name at any depth under its folder.
    assert.equal(parseMeeting(withFrontmatter, { config, path: '/w/notes/a/b/draft.md' }).meetingReason, null);
    // …but only under the folder that declared it.
    assert.equal(parseMeeting(withFrontmatter, { config, path: '/w/draft.md' }).meetingReason, 'attendees');
    assert.equal(parseMeeting(withFrontmatter, { config, path: '/w/drafts/x.md' }).meetingReason, 'attendees');
  });
});

describe('parseConfig: messages in both languages', () => {
  it('renders the same problem in English and Chinese', () => {
    const { problems } = parseConfig('rules:\n  no-such-rule: error\n', '/workspace', RULE_IDS);
    assert.equal(configProblemMessage(problems[0]!, 'en'), 'Unknown rule `no-such-rule`.');
    assert.equal(configProblemMessage(problems[0]!, 'zh-CN'), '未知的规则 `no-such-rule`。');
  });
});
