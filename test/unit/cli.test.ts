import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BIN, meetings, repositoryRoot, workspaces, type CliResult as Result } from './cli-support';

// ---------------------------------------------------------------------------------------------
// helpers

const ROOT = repositoryRoot();
const workspace = workspaces('cli');

interface LintRow {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: string;
  message: string;
}

interface ActionJson {
  file: string;
  line: number;
  text: string;
  owners: string[];
  due: string | null;
  status: string;
  priority: string | null;
  meeting: { title: string | null; date: string | null; series: string | null; type: string | null };
}

function parseJson<T>(result: Result): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`not JSON (exit ${result.status}): ${result.stdout}\n${result.stderr}`);
  }
}

function doc(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** One line of stderr, ending with a newline. */
function assertOneLine(text: string): void {
  assert.ok(text.endsWith('\n'), `stderr should end with a newline: ${JSON.stringify(text)}`);
  assert.equal(text.trimEnd().split('\n').length, 1, `stderr should be one line: ${JSON.stringify(text)}`);
}

const TODAY = '2026-11-26';

// Meeting on Friday 2026-11-20; actions start on line 8.
const HEAD_EN = ['---', 'title: Weekly sync', 'date: 2026-11-20', 'attendees: [Alice, Bob]', '---', '', '## Action items'];
const CLEAN = doc(...HEAD_EN, '- [ ] Ship the release @Alice 📅 2026-11-27');
const WITH_ERROR = doc(...HEAD_EN, '- [ ] Confirm the budget @Alice due: 2026-02-30');
const WITH_WARNING = doc(...HEAD_EN, '- [ ] Ship the release @Alice');

// ---------------------------------------------------------------------------------------------

describe('cli: meetings lint', function () {
  this.timeout(30_000);

  describe('exit codes', () => {
    it('0 and no output on a clean meeting', () => {
      const dir = workspace({ 'notes/weekly.md': CLEAN });
      const result = meetings(dir, 'lint', '--today', TODAY);
      assert.equal(result.status, 0);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr, '');
    });

    it('1 when there is an error', () => {
      const dir = workspace({ 'weekly.md': WITH_ERROR });
      const result = meetings(dir, 'lint', '--today', TODAY);
      assert.equal(result.status, 1);
      assert.match(result.stdout, /weekly\.md/);
      assert.match(result.stdout, /8:38 +error +Due date “2026-02-30” does not exist in the calendar\. +due-invalid/);
    });

    it('0 with warnings only, 1 with --max-warnings 0, 0 with --max-warnings 1', () => {
      const dir = workspace({ 'weekly.md': WITH_WARNING });
      const plain = meetings(dir, 'lint', '--today', TODAY);
      assert.equal(plain.status, 0);
      assert.match(plain.stdout, /8:3 +warning +Action item has no due date/);
      const strict = meetings(dir, 'lint', '--today', TODAY, '--max-warnings', '0');
      assert.equal(strict.status, 1);
      assert.match(strict.stderr, /--max-warnings 0/);
      assert.equal(meetings(dir, 'lint', '--today', TODAY, '--max-warnings', '1').status, 0);
      assert.equal(meetings(dir, 'lint', '--today', TODAY, '--max-warnings=0', '--format', 'json').status, 1);
    });

    it('2 for a missing path, with a one-line message naming it', () => {
      const dir = workspace({ 'weekly.md': CLEAN });
      const result = meetings(dir, 'lint', 'no-such-notes.md');
      assert.equal(result.status, 2);
      assertOneLine(result.stderr);
      assert.match(result.stderr, /no-such-notes\.md/);
      assert.equal(result.stdout, '');
    });

    it('2, not a wait for ever, for a FIFO or a device named on the command line; a link loop and a file in the path are named plainly', () => {
      const dir = workspace({ 'weekly.md': CLEAN, 'afile': 'not a folder' });
      execFileSync('mkfifo', [join(dir, 'pipe.md')]);
      symlinkSync('loop-b.md', join(dir, 'loop-a.md'));
      symlinkSync('loop-a.md', join(dir, 'loop-b.md'));
      const cases: Array<[string[], RegExp]> = [
        [['lint', 'pipe.md'], /pipe\.md: not a regular file/u],
        [['actions', 'pipe.md'], /pipe\.md: not a regular file/u],
        [['report', 'pipe.md'], /pipe\.md: not a regular file/u],
        [['lint', '/dev/zero'], /\/dev\/zero: not a regular file/u],
        [['lint', 'loop-a.md'], /loop-a\.md: a loop of links/u],
        [['new', '--output', 'afile/x.md', '--date', '2026-11-20'], /afile\/x\.md: a part of the path is a file, not a folder/u],
      ];
      for (const [args, expected] of cases) {
        const result = meetings(dir, ...args);
        assert.equal(result.status, 2, args.join(' '));
        assertOneLine(result.stderr);
        assert.match(result.stderr, expected);
      }
      // Walking the folder, the FIFO and the loop are skipped and the rest is linted.
      assert.equal(meetings(dir, 'lint', '.', '--today', TODAY).status, 0);
    });

    it('says why a file cannot be read in the user\'s language', () => {
      const dir = workspace({ 'weekly.md': CLEAN, 'gbk.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x0a]) });
      for (const locale of [['--locale', 'zh-CN'], ['--locale=zh-CN']]) {
        const missing = meetings(dir, 'lint', 'gone.md', ...locale);
        assert.equal(missing.stderr, 'meetings: gone.md: 没有这个文件或文件夹\n', locale.join(' '));
      }
      for (const command of ['lint', 'actions', 'series']) {
        const result = meetings(dir, command, '.', '--locale', 'zh-CN');
        assert.match(result.stderr, /^meetings: gbk\.md: 不是有效的 UTF-8 文本$/mu, command);
        assert.match(meetings(dir, command, '.').stderr, /^meetings: gbk\.md: not valid UTF-8 text$/mu, command);
      }
      assert.match(meetings(dir, 'report', 'gbk.md', '--locale', 'zh-CN').stderr, /gbk\.md: 不是有效的 UTF-8 文本/u);
      assert.match(meetings(dir, 'new', 'weekly.md', '--locale', 'zh-CN').stderr, /weekly\.md: 不是文件夹/u);
    });

    it('2 for an unknown flag', () => {
      const dir = workspace({ 'weekly.md': CLEAN });
      const result = meetings(dir, 'lint', '--frobnicate');
      assert.equal(result.status, 2);
      assertOneLine(result.stderr);
      assert.match(result.stderr, /--frobnicate/);
    });

    it('2 for a bad --today', () => {
      const dir = workspace({ 'weekly.md': CLEAN });
      for (const bad of ['2026-02-30', '26/11/2026', 'tomorrow']) {
        const result = meetings(dir, 'lint', '--today', bad);
        assert.equal(result.status, 2, bad);
        assertOneLine(result.stderr);
        assert.match(result.stderr, /--today/);
      }
    });

    it('2 for --format xml', () => {
      const dir = workspace({ 'weekly.md': CLEAN });
      const result = meetings(dir, 'lint', '--format', 'xml');
      assert.equal(result.status, 2);
      assertOneLine(result.stderr);
      assert.match(result.stderr, /xml/);
      assert.equal(meetings(dir, 'actions', '--format', 'xml').status, 2);
    });

    it('2 for help on an unknown command, as for the command itself', () => {
      const dir = workspace({});
      const result = meetings(dir, 'help', 'bogus');
      assert.equal(result.status, 2);
      assert.match(result.stderr, /unknown command "bogus"/u);
      assert.equal(meetings(dir, 'help', 'lint').status, 0);
      assert.equal(meetings(dir, 'help', '--locale', 'zh-CN').status, 0);
    });

    it('2 for an unknown command', () => {
      const dir = workspace({ 'weekly.md': CLEAN });
      const result = meetings(dir, 'frobnicate');
      assert.equal(result.status, 2);
      assertOneLine(result.stderr);
    });
  });

  describe('--format json', () => {
    // Lines 8, 9 and 10; the columns count UTF-16 code units (📅 counts two).
    const plan = doc(
      '---',
      'title: Plan',
      'date: 2026-11-20',
      'attendees: [张三, Alice]',
      '---',
      '',
      '## Action items',
      '- [ ] Confirm the budget @Alice due: 2026-02-30',
      '- [ ] 准备物料清单 @张三 截止：12/1',
      '- [ ] 设计海报 @张三 📅 2026-13-01',
    );

    it('prints exactly the documented keys, 1-based positions and /-separated relative paths', () => {
      const dir = workspace({ 'notes/2026/plan.md': plan });
      const result = meetings(dir, 'lint', '--today', TODAY, '--format', 'json');
      assert.equal(result.status, 1);
      const rows = parseJson<LintRow[]>(result);
      for (const row of rows) {
        assert.deepEqual(Object.keys(row).sort(), ['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'rule', 'severity']);
      }
      assert.deepEqual(rows, [
        {
          file: 'notes/2026/plan.md',
          line: 8,
          column: 38,
          endLine: 8,
          endColumn: 48,
          rule: 'due-invalid',
          severity: 'error',
          message: 'Due date “2026-02-30” does not exist in the calendar.',
        },
        {
          file: 'notes/2026/plan.md',
          line: 9,
          column: 21,
          endLine: 9,
          endColumn: 25,
          rule: 'due-invalid',
          severity: 'error',
          message: 'Due date “12/1” is ambiguous (month/day or day/month?): write it as YYYY-MM-DD.',
        },
        {
          file: 'notes/2026/plan.md',
          line: 10,
          column: 19,
          endLine: 10,
          endColumn: 29,
          rule: 'due-invalid',
          severity: 'error',
          message: 'Due date “2026-13-01” does not exist in the calendar.',
        },
      ]);
      // The positions point at the text in the file.
      const lines = plan.split('\n');
      const slice = (row: LintRow) => lines[row.line - 1]!.slice(row.column - 1, row.endColumn - 1);
      assert.deepEqual(rows.map(slice), ['2026-02-30', '12/1', '2026-13-01']);
    });

    it('paths given on the command line are shown relative to the working folder', () => {
      const dir = workspace({ 'notes/2026/plan.md': plan });
      const rows = parseJson<LintRow[]>(meetings(join(dir, 'notes'), 'lint', '2026', '--today', TODAY, '--format', 'json'));
      assert.deepEqual([...new Set(rows.map((row) => row.file))], ['2026/plan.md']);
    });

    it('an empty array when there is nothing to report', () => {
      const dir = workspace({ 'weekly.md': CLEAN });
      const result = meetings(dir, 'lint', '--today', TODAY, '--format', 'json');
      assert.equal(result.status, 0);
      assert.deepEqual(parseJson<LintRow[]>(result), []);
    });

    it('--locale zh-CN gives Chinese messages', () => {
      const dir = workspace({ 'notes/2026/plan.md': plan });
      const rows = parseJson<LintRow[]>(meetings(dir, 'lint', '--today', TODAY, '--format', 'json', '--locale', 'zh-CN'));
      assert.deepEqual(rows.map((row) => row.message), [
        '截止日期“2026-02-30”在日历上不存在。',
        '截止日期“12/1”有歧义（月/日还是日/月？）：请写成 YYYY-MM-DD。',
        '截止日期“2026-13-01”在日历上不存在。',
      ]);
      const stylish = meetings(dir, 'lint', '--today', TODAY, '--locale', 'zh-CN');
      assert.match(stylish.stdout, /✖ 共 3 个问题（3 个错误，0 个警告，0 个提示）/);
    });
  });

  describe('which files are linted', () => {
    it('a README.md without meeting frontmatter is never linted nor listed', () => {
      const readme = doc('# Project', '', '- [ ] buy coffee', '- [ ] order chairs due: 12/1');
      const dir = workspace({ 'README.md': readme, 'weekly.md': CLEAN });
      const all = meetings(dir, 'lint', '--today', TODAY, '--format', 'json');
      assert.equal(all.status, 0);
      assert.deepEqual(parseJson<LintRow[]>(all), []);
      const named = meetings(dir, 'lint', 'README.md', '--today', TODAY, '--format', 'json');
      assert.equal(named.status, 0);
      assert.deepEqual(parseJson<LintRow[]>(named), []);
      const actions = parseJson<ActionJson[]>(meetings(dir, 'actions', '--all', '--format', 'json', '--today', TODAY));
      assert.deepEqual(actions.map((action) => [action.file, action.text]), [['weekly.md', 'Ship the release @Alice 📅 2026-11-27']]);
    });

    it('node_modules and .git are skipped', () => {
      const dir = workspace({
        'node_modules/some-package/notes.md': WITH_ERROR,
        '.git/notes.md': WITH_ERROR,
        'team/node_modules/x/y.md': WITH_ERROR,
        'weekly.md': CLEAN,
      });
      const result = meetings(dir, 'lint', '--today', TODAY, '--format', 'json');
      assert.equal(result.status, 0);
      assert.deepEqual(parseJson<LintRow[]>(result), []);
      const actions = parseJson<ActionJson[]>(meetings(dir, 'actions', '--format', 'json', '--today', TODAY));
      assert.deepEqual(actions.map((action) => action.file), ['weekly.md']);
    });

    it('meetings.include makes plain notes meetings; meetings.exclude skips meeting files', () => {
      const dir = workspace({
        '.meetings.yaml': doc('meetings:', '  include: [notes/**]', '  exclude: [templates/**]'),
        'notes/sub/plain.md': doc('# 周会', '', '- [ ] 整理纪要 @张三 📅 2026-11-27'),
        'templates/weekly.md': WITH_ERROR,
        'other/plain.md': doc('# Other', '', '- [ ] not an action'),
      });
      const rows = parseJson<LintRow[]>(meetings(dir, 'lint', '--today', TODAY, '--format', 'json'));
      assert.deepEqual(rows.map((row) => [row.file, row.line, row.rule]), [['notes/sub/plain.md', 1, 'frontmatter-field']]);
      const actions = parseJson<ActionJson[]>(meetings(dir, 'actions', '--format', 'json', '--today', TODAY));
      assert.deepEqual(actions.map((action) => [action.file, action.line, action.owners, action.due]), [['notes/sub/plain.md', 3, ['张三'], '2026-11-27']]);
    });

    it('a file that is not valid UTF-8 gives a one-line message and exit 2', () => {
      const bytes = Buffer.concat([
        Buffer.from('---\ndate: 2026-11-20\nattendees: [张三]\n---\n\n- [ ] 提交 ', 'utf8'),
        Buffer.from([0xc3, 0x28, 0xff]),
        Buffer.from(' @张三 📅 2026-11-27\n', 'utf8'),
      ]);
      const dir = workspace({ 'broken.md': bytes, 'weekly.md': CLEAN });
      const result = meetings(dir, 'lint', '--today', TODAY);
      assert.equal(result.status, 2);
      assertOneLine(result.stderr);
      assert.match(result.stderr, /broken\.md/);
      const actions = meetings(dir, 'actions', '--today', TODAY);
      assert.equal(actions.status, 2);
      assertOneLine(actions.stderr);
      assert.match(actions.stderr, /broken\.md/);
    });
  });

  describe('.meetings.yaml', () => {
    const content = (...actions: string[]) =>
      doc('---', 'title: 周会', 'date: 2026-11-20', 'attendees: [李四]', '---', '', '## 行动计划', ...actions);
    const meeting = content('- [ ] 预订场地 @老张', '- [ ] 提交周报 @赵六 截止：下周五');

    it('the nearest file up the tree is merged with its parent; the inner severity wins', () => {
      const dir = workspace({
        '.meetings.yaml': doc('rules:', '  action-due: error', '  due-format: off', 'people:', '  - name: 张三', '    aliases: [老张]'),
        'team/.meetings.yaml': doc('rules:', '  action-due: info'),
        'root.md': meeting,
        'team/weekly.md': meeting,
      });
      const result = meetings(dir, 'lint', '--today', TODAY, '--format', 'json');
      assert.equal(result.status, 1);
      const rows = parseJson<LintRow[]>(result).map((row) => [row.file, row.line, row.column, row.endColumn, row.rule, row.severity]);
      assert.deepEqual(rows, [
        ['root.md', 8, 3, 6, 'action-due', 'error'],
        ['root.md', 9, 13, 15, 'owner-unknown', 'warning'],
        ['team/weekly.md', 8, 3, 6, 'action-due', 'info'],
        ['team/weekly.md', 9, 13, 15, 'owner-unknown', 'warning'],
      ]);
      // Only the team folder: an info and a warning, so no failure.
      assert.equal(meetings(dir, 'lint', 'team', '--today', TODAY).status, 0);
      assert.equal(meetings(join(dir, 'team'), 'lint', '--today', TODAY).status, 0);
    });

    it('a config with root: true ignores the folders above it', () => {
      const dir = workspace({
        '.meetings.yaml': doc('rules:', '  action-due: error'),
        'team/.meetings.yaml': doc('root: true'),
        'team/weekly.md': meeting,
      });
      const rows = parseJson<LintRow[]>(meetings(dir, 'lint', '--today', TODAY, '--format', 'json'));
      assert.deepEqual(rows.map((row) => [row.line, row.rule, row.severity]), [
        [8, 'action-due', 'warning'],
        [8, 'owner-unknown', 'warning'],
        [9, 'owner-unknown', 'warning'],
        [9, 'due-format', 'info'],
      ]);
    });

    it('an invalid .meetings.yaml is reported as a `config` finding, exit 1', () => {
      const dir = workspace({ '.meetings.yaml': doc('rules:', '  action-owner: loud'), 'weekly.md': CLEAN });
      const result = meetings(dir, 'lint', '--today', TODAY, '--format', 'json');
      assert.equal(result.status, 1);
      assert.deepEqual(parseJson<LintRow[]>(result), [
        {
          file: '.meetings.yaml',
          line: 2,
          column: 17,
          endLine: 2,
          endColumn: 21,
          rule: 'config',
          severity: 'error',
          message: 'Rule `action-owner`: use error, warning, info or off.',
        },
      ]);
      const stylish = meetings(dir, 'lint', '--today', TODAY);
      assert.equal(stylish.status, 1);
      assert.match(stylish.stdout, /\.meetings\.yaml\n +2:17 +error +Rule `action-owner`: use error, warning, info or off\. +config/);
    });

    it('a YAML syntax error in .meetings.yaml is a `config` finding too', () => {
      const dir = workspace({ '.meetings.yaml': doc('rules:', '  action-due: error', ' people: x'), 'weekly.md': CLEAN });
      const result = meetings(dir, 'lint', '--today', TODAY, '--format', 'json');
      assert.equal(result.status, 1);
      const rows = parseJson<LintRow[]>(result);
      assert.ok(rows.length >= 1);
      assert.deepEqual([...new Set(rows.map((row) => [row.file, row.rule, row.severity].join(' ')))], ['.meetings.yaml config error']);
      assert.equal(rows[0]!.line, 3);
    });

    it('positions in a .meetings.yaml saved with a byte order mark are not shifted', () => {
      const dir = workspace({ '.meetings.yaml': '\ufefflocale: en\ncolour: red\n', 'weekly.md': CLEAN });
      const rows = parseJson<LintRow[]>(meetings(dir, 'lint', '--today', TODAY, '--format', 'json'));
      assert.deepEqual(
        rows.map((row) => [row.file, row.line, row.column, row.endLine, row.endColumn, row.rule]),
        [['.meetings.yaml', 2, 1, 2, 7, 'config']],
      );
    });
  });

  describe('--fix', () => {
    const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
    const crlf = (...lines: string[]) => lines.join('\r\n') + '\r\n';
    const before = crlf(
      '---',
      'title: 周会  ',
      'date: 2026-11-20',
      'attendees: [张三, 李四]',
      '---',
      '',
      '## 行动计划',
      '- [ ] 提交报告 @张三 截止：下周五',
      '- [ ] 预订场地 @李四 📅 2026-11-30\t',
      '',
      '尾注 trailing text',
    );

    it('rewrites 截止：下周五 as the ISO date on disk, keeping the BOM and CRLF byte for byte', () => {
      const dir = workspace({ 'notes/weekly.md': Buffer.concat([BOM, Buffer.from(before, 'utf8')]) });
      const path = join(dir, 'notes', 'weekly.md');

      const first = parseJson<LintRow[]>(meetings(dir, 'lint', '--today', TODAY, '--format', 'json'));
      assert.deepEqual(first.map((row) => [row.line, row.column, row.endColumn, row.rule]), [[8, 19, 22, 'due-format']]);

      const fixed = meetings(dir, 'lint', '--fix', '--today', TODAY);
      assert.equal(fixed.status, 0);
      assert.equal(fixed.stdout, '');
      const expected = Buffer.concat([BOM, Buffer.from(before.replace('截止：下周五', '截止：2026-11-27'), 'utf8')]);
      const actual = readFileSync(path);
      assert.equal(actual.toString('hex'), expected.toString('hex'));

      const second = meetings(dir, 'lint', '--today', TODAY, '--format', 'json');
      assert.equal(second.status, 0);
      assert.deepEqual(parseJson<LintRow[]>(second).filter((row) => row.rule === 'due-format'), []);
      assert.deepEqual(parseJson<LintRow[]>(second), []);
    });

    it('when the fixes cannot be written, says so, exits 2 and reports the problems the file still has', () => {
      const dir = workspace({ 'notes/weekly.md': before });
      const path = join(dir, 'notes', 'weekly.md');
      chmodSync(path, 0o444);
      const args = ['lint', '--fix', '--today', TODAY, '--format', 'json'];
      let result: Result;
      if (process.getuid?.() === 0) {
        // root writes to a read-only file anyway: run as nobody, who may read but not write it.
        for (let folder = path; folder !== dirname(dir); folder = dirname(folder)) chmodSync(dirname(folder), 0o755);
        const run = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args], { cwd: dir, env: { ...process.env, LANG: 'C', NO_COLOR: '1' }, encoding: 'utf8' });
        result = { status: run.status, stdout: run.stdout, stderr: run.stderr, ms: 0 };
      } else {
        result = meetings(dir, ...args);
      }
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, /weekly\.md: cannot write the fixes: permission denied/u);
      assert.deepEqual(parseJson<LintRow[]>(result).map((row) => row.rule), ['due-format'], 'the problem is still there');
      assert.equal(readFileSync(path, 'utf8'), before);
    });

    it('leaves files without safe fixes untouched', () => {
      const dir = workspace({ 'weekly.md': WITH_ERROR, 'clean.md': CLEAN });
      const result = meetings(dir, 'lint', '--fix', '--today', TODAY);
      assert.equal(result.status, 1);
      assert.equal(readFileSync(join(dir, 'weekly.md'), 'utf8'), WITH_ERROR);
      assert.equal(readFileSync(join(dir, 'clean.md'), 'utf8'), CLEAN);
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe('cli: meetings actions', function () {
  this.timeout(30_000);

  const notes = doc(
    '---',
    'title: 运营周会',
    'date: 2026-11-20',
    'type: weekly',
    'series: ops-weekly',
    'attendees: [张三, 李四]',
    '---',
    '',
    '## 行动计划',
    '- [ ] 提交周报 @老张 截止：2026-11-23 ⏫', // 10
    '- [/] 预订场地 @李四 📅 2026-11-30', // 11
    '- [x] 整理工单 @张三 📅 2026-11-19 ✅ 2026-11-19', // 12
    '- [-] 取消活动 @张三 📅 2026-11-21', // 13
    '- [ ] 设计海报 负责人：张三 截止：2026-11-27 🔽', // 14
  );
  const files = {
    '.meetings.yaml': doc('people:', '  - name: 张三', '    aliases: [老张, zhangsan]', '  - name: 李四'),
    'notes/周会.md': notes,
  };
  const meetingInfo = { title: '运营周会', date: '2026-11-20', series: 'ops-weekly', type: 'weekly' };
  let dir = '';

  before(() => {
    dir = workspace(files);
  });

  const lines = (result: Result) => parseJson<ActionJson[]>(result).map((action) => action.line);

  it('--format json: open and in-progress actions, with exactly the documented keys', () => {
    const result = meetings(dir, 'actions', '--format', 'json', '--today', TODAY);
    assert.equal(result.status, 0);
    const rows = parseJson<ActionJson[]>(result);
    for (const row of rows) {
      assert.deepEqual(Object.keys(row).sort(), ['due', 'file', 'line', 'meeting', 'owners', 'priority', 'status', 'text']);
      assert.deepEqual(Object.keys(row.meeting).sort(), ['date', 'series', 'title', 'type']);
    }
    assert.deepEqual(rows, [
      {
        file: 'notes/周会.md',
        line: 10,
        text: '提交周报 @老张 截止：2026-11-23 ⏫',
        owners: ['张三'],
        due: '2026-11-23',
        status: 'open',
        priority: 'high',
        meeting: meetingInfo,
      },
      {
        file: 'notes/周会.md',
        line: 11,
        text: '预订场地 @李四 📅 2026-11-30',
        owners: ['李四'],
        due: '2026-11-30',
        status: 'in-progress',
        priority: null,
        meeting: meetingInfo,
      },
      {
        file: 'notes/周会.md',
        line: 14,
        text: '设计海报 负责人：张三 截止：2026-11-27 🔽',
        owners: ['张三'],
        due: '2026-11-27',
        status: 'open',
        priority: 'low',
        meeting: meetingInfo,
      },
    ]);
  });

  it('--all adds done and cancelled actions', () => {
    const rows = parseJson<ActionJson[]>(meetings(dir, 'actions', '--all', '--format', 'json', '--today', TODAY));
    assert.deepEqual(rows.map((row) => [row.line, row.status]), [
      [10, 'open'],
      [11, 'in-progress'],
      [12, 'done'],
      [13, 'cancelled'],
      [14, 'open'],
    ]);
  });

  it('--owner accepts a roster alias, the canonical name, and any case', () => {
    assert.deepEqual(lines(meetings(dir, 'actions', '--owner', '老张', '--format', 'json', '--today', TODAY)), [10, 14]);
    assert.deepEqual(lines(meetings(dir, 'actions', '--owner', '张三', '--format', 'json', '--today', TODAY)), [10, 14]);
    assert.deepEqual(lines(meetings(dir, 'actions', '--owner', 'ZhangSan', '--format', 'json', '--today', TODAY)), [10, 14]);
    assert.deepEqual(lines(meetings(dir, 'actions', '--owner', '老张', '--all', '--format', 'json', '--today', TODAY)), [10, 12, 13, 14]);
    assert.deepEqual(lines(meetings(dir, 'actions', '--owner', '李四', '--format', 'json', '--today', TODAY)), [11]);
    assert.deepEqual(lines(meetings(dir, 'actions', '--owner', '王五', '--format', 'json', '--today', TODAY)), []);
  });

  it('--overdue measures against --today', () => {
    assert.deepEqual(lines(meetings(dir, 'actions', '--overdue', '--today', '2026-11-26', '--format', 'json')), [10]);
    assert.deepEqual(lines(meetings(dir, 'actions', '--overdue', '--today', '2026-11-28', '--format', 'json')), [10, 14]);
    assert.deepEqual(lines(meetings(dir, 'actions', '--overdue', '--today', '2026-11-23', '--format', 'json')), []);
    // Done and cancelled actions are never overdue, even with --all.
    assert.deepEqual(lines(meetings(dir, 'actions', '--overdue', '--all', '--today', '2026-12-31', '--format', 'json')), [10, 11, 14]);
  });

  it('--due-before keeps actions due strictly before the date', () => {
    assert.deepEqual(lines(meetings(dir, 'actions', '--due-before', '2026-11-28', '--format', 'json', '--today', TODAY)), [10, 14]);
    assert.deepEqual(lines(meetings(dir, 'actions', '--due-before', '2026-11-27', '--format', 'json', '--today', TODAY)), [10]);
    const bad = meetings(dir, 'actions', '--due-before', 'next week');
    assert.equal(bad.status, 2);
    assertOneLine(bad.stderr);
  });

  it('--format csv has a header and one row per action', () => {
    const result = meetings(dir, 'actions', '--format', 'csv', '--today', TODAY);
    assert.equal(result.status, 0);
    const text = result.stdout.replace(/^\ufeff/, '');
    const records = text.split('\r\n');
    assert.equal(records.pop(), '');
    assert.deepEqual(records, [
      'file,line,status,owners,due,priority,text,meeting_title,meeting_date,series',
      'notes/周会.md,10,open,张三,2026-11-23,high,提交周报 @老张 截止：2026-11-23 ⏫,运营周会,2026-11-20,ops-weekly',
      'notes/周会.md,11,in-progress,李四,2026-11-30,,预订场地 @李四 📅 2026-11-30,运营周会,2026-11-20,ops-weekly',
      'notes/周会.md,14,open,张三,2026-11-27,low,设计海报 负责人：张三 截止：2026-11-27 🔽,运营周会,2026-11-20,ops-weekly',
    ]);
    const all = meetings(dir, 'actions', '--format', 'csv', '--all', '--today', TODAY).stdout.replace(/^\ufeff/, '');
    assert.equal(all.split('\r\n').filter(Boolean).length, 1 + 5);
  });
});

// ---------------------------------------------------------------------------------------------

describe('cli: help and version', function () {
  this.timeout(30_000);

  it('--help for the tool and for each command exits 0', () => {
    const dir = workspace({});
    const general = meetings(dir, '--help');
    assert.equal(general.status, 0);
    assert.match(general.stdout, /^Usage: meetings <command>/);
    const lint = meetings(dir, 'lint', '--help');
    assert.equal(lint.status, 0);
    assert.match(lint.stdout, /^Usage: meetings lint/);
    const actions = meetings(dir, 'actions', '--help');
    assert.equal(actions.status, 0);
    assert.match(actions.stdout, /^Usage: meetings actions/);
    assert.equal(meetings(dir, 'help', 'lint').stdout, lint.stdout);
    assert.equal(meetings(dir, 'lint', '-h').status, 0);
  });

  it('--version prints the version of package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = meetings(workspace({}), '--version');
    assert.equal(result.status, 0);
    assert.equal(result.stdout, `${pkg.version}\n`);
  });
});

// ---------------------------------------------------------------------------------------------

describe('cli: the examples folder', function () {
  this.timeout(30_000);

  const ALL_RULES = [
    'frontmatter-yaml',
    'frontmatter-field',
    'action-owner',
    'action-due',
    'due-invalid',
    'due-before-meeting',
    'action-overdue',
    'due-format',
    'owner-unknown',
    'section-required',
    'carry-over',
    'section-empty',
    'agenda-overrun',
    'agenda-timebox',
    'goal-smart',
    'resource-incomplete',
    'decision-owner',
  ];

  it('every rule fires at least once, the clean ops weekly has no findings, README and notes are not linted', () => {
    const result = meetings(ROOT, 'lint', 'examples', '--today', '2026-11-26', '--format', 'json');
    assert.equal(result.status, 1);
    const rows = parseJson<LintRow[]>(result);
    const fired = new Set(rows.map((row) => row.rule));
    for (const rule of ALL_RULES) assert.ok(fired.has(rule), `${rule} should fire in examples/`);
    assert.deepEqual(rows.filter((row) => row.file === 'examples/meetings/2026/2026-11-20-ops-weekly.md'), []);
    assert.deepEqual(rows.filter((row) => row.file === 'examples/README.md' || row.file === 'examples/notes.md'), []);
    assert.ok(rows.every((row) => row.file.startsWith('examples/meetings/2026/')));
  });
});

// ---------------------------------------------------------------------------------------------

describe('cli: series look-ups and the follow-up record', function () {
  this.timeout(30_000);

  const meetingOf = (date: string, ...actions: string[]) =>
    doc('---', 'title: Weekly sync', `date: ${date}`, 'series: weekly', 'attendees: [Alice, Bob]', '---', '', '## Action items', ...actions);
  const FILES = {
    'notes/2026-11-06.md': meetingOf('2026-11-06', '- [ ] Update the dashboard @Alice 📅 2026-11-12', '- [ ] Fix the login bug @Bob 📅 2026-11-12'),
    'notes/2026-11-13.md': meetingOf('2026-11-13', '- [x] Update the dashboard @Alice ✅ 2026-11-11', '- [ ] Book the venue @Bob 📅 2026-11-27'),
    'notes/other.md': doc('---', 'title: Other', 'date: 2026-11-01', 'series: monthly', 'attendees: [Alice]', '---', '', '- [ ] Something else @Alice 📅 2026-12-01'),
  };

  it('lint reports carry-over on the later meeting, also when only that file is named (its folder is looked up)', () => {
    const dir = workspace(FILES);
    for (const args of [['lint', '.'], ['lint', 'notes/2026-11-13.md']]) {
      const rows = parseJson<LintRow[]>(meetings(dir, ...args, '--today', TODAY, '--format', 'json')).filter((row) => row.rule === 'carry-over');
      assert.deepEqual(
        rows.map((row) => [row.file, row.line, row.severity, row.message]),
        [
          [
            'notes/2026-11-13.md',
            1,
            'warning',
            '“Fix the login bug” (open, from the previous meeting 2026-11-06, 2026-11-06.md:10) is not followed up here: mark it done or cancelled, or carry it into this meeting.',
          ],
        ],
        args.join(' '),
      );
    }
  });

  it('series NAME prints the record as a table, JSON and Markdown', () => {
    const dir = workspace(FILES);
    const table = meetings(dir, 'series', 'weekly');
    assert.equal(table.status, 0, table.stderr);
    assert.equal(
      table.stdout,
      [
        'Series weekly: 2 meetings',
        '',
        'Date        Meeting      Opened  Closed  Carried  Dropped  Open  File',
        '2026-11-06  Weekly sync       2       0        0        0     2  notes/2026-11-06.md',
        '2026-11-13  Weekly sync       1       1        0        1     1  notes/2026-11-13.md',
        '',
        'Not followed up by the next meeting:',
        '  2026-11-13  “Fix the login bug” (from notes/2026-11-06.md:10)',
        '',
      ].join('\n'),
    );
    const json = parseJson<Array<Record<string, unknown>>>(meetings(dir, 'series', 'weekly', '--format', 'json'));
    assert.deepEqual(json[1], {
      file: 'notes/2026-11-13.md',
      date: '2026-11-13',
      title: 'Weekly sync',
      type: null,
      previous: 'notes/2026-11-06.md',
      opened: 1,
      closed: 1,
      carried: 0,
      dropped: [{ text: 'Fix the login bug', owners: ['Bob'], due: '2026-11-12', status: 'open', file: 'notes/2026-11-06.md', line: 10 }],
      open: 1,
    });
    const markdown = meetings(dir, 'series', 'weekly', '--format', 'markdown', '--locale', 'zh-CN').stdout;
    assert.match(markdown, /^\| 日期 \| 会议 \| 新增 \| 关闭 \| 跟进 \| 遗漏 \| 未完成 \| 文件 \|\n/u);
  });

  it('series without a name lists the series; an unknown series exits 2 and names the known ones', () => {
    const dir = workspace(FILES);
    const list = parseJson<Array<Record<string, unknown>>>(meetings(dir, 'series', '--format', 'json'));
    assert.deepEqual(list, [
      { series: 'monthly', meetings: 1, first: '2026-11-01', last: '2026-11-01', open: 1, dropped: 0 },
      { series: 'weekly', meetings: 2, first: '2026-11-06', last: '2026-11-13', open: 1, dropped: 1 },
    ]);
    const unknown = meetings(dir, 'series', 'nope');
    assert.equal(unknown.status, 2);
    assertOneLine(unknown.stderr);
    assert.match(unknown.stderr, /series found: monthly, weekly/u);
  });

  it('help for report and series, in both languages', () => {
    const dir = workspace({});
    assert.match(meetings(dir, 'report', '--help').stdout, /^Usage: meetings report FILE/u);
    assert.match(meetings(dir, 'series', '--help').stdout, /^Usage: meetings series \[NAME\]/u);
    assert.match(meetings(dir, 'series', '--help', '--locale', 'zh-CN').stdout, /^用法：meetings series/u);
    assert.match(meetings(dir, '--help').stdout, /report FILE {8}The minutes of a meeting/u);
    assert.match(meetings(dir, 'actions', '--help').stdout, /--format table\|json\|csv\|markdown\|ics/u);
  });
});
