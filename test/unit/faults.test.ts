// Faults: files deleted, replaced or unreadable while the index is built, symlink loops, a folder of
// 100,000 entries, a .meetings.yaml that turns invalid and back, a rule or a file whose reading
// throws. Each must end in a message about that file or rule, with the rest still working.
import { reasonText, type FileReason } from '../../src/node/file-reason';
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_CONFIG, lintMeeting, parseMeeting, RULES, type Rule } from '../../src/core';
import { ConfigLoader } from '../../src/node/config-loader';
import { buildIndex, parseHere } from '../../src/node/index-builder';
import { loadFile } from '../../src/node/meeting-files';
import { findMarkdownFiles } from '../../src/node/walk';
import { BIN, meetings, workspaces, type CliResult } from './cli-support';

const TODAY = '2026-11-25';
const MEETING = '---\ntitle: T\ndate: 2026-11-20\nattendees: [张三]\n---\n\n## Actions\n- [ ] first @张三 📅 2026-12-01\n- [ ] second\n';
const figures: string[] = [];

after(() => {
  if (figures.length > 0) console.log(`      [figures] faults:\n${figures.map((line) => `        ${line}`).join('\n')}`);
});


const workspace = workspaces('faults');

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const NOBODY = 65534;

/**
 * The CLI run as `nobody` (uid and gid 65534) through util-linux's `setpriv`, for the tests that
 * need a user whom file permissions stop. The CLI is copied to a folder that user can read when
 * the repository is not readable to it.
 */
function unprivilegedCli(folder: (files: Record<string, Uint8Array>) => string): { run: (cwd: string, ...args: string[]) => CliResult; user: string } | { skipped: string } {
  const asNobody = ['--reuid', String(NOBODY), '--regid', String(NOBODY), '--clear-groups'];
  const canRead = (path: string) => spawnSync('setpriv', [...asNobody, process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(path)}, require('fs').constants.R_OK)`]).status === 0;
  if (spawnSync('setpriv', ['--version']).status !== 0) return { skipped: 'setpriv (util-linux) is not installed' };
  if (!canRead(process.execPath)) return { skipped: `${process.execPath} cannot be run by uid ${NOBODY}` };
  let bin = BIN;
  const root = join(dirname(BIN), '..');
  if (!canRead(BIN) || !canRead(join(root, 'dist', 'cli.cjs'))) {
    const copy = folder(Object.fromEntries(['bin/meetings.cjs', 'dist/cli.cjs', 'dist/index-worker.cjs'].map((file) => [file, readFileSync(join(root, file))])));
    chmodSync(copy, 0o755);
    bin = join(copy, 'bin', 'meetings.cjs');
    if (!canRead(bin)) return { skipped: `no folder readable by uid ${NOBODY} to run the CLI from` };
  }
  return {
    user: `nobody (uid ${NOBODY}, through setpriv)`,
    run: (cwd, ...args) => {
      const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C', NO_COLOR: '1', MEETINGS_CACHE_DIR: join(cwd, '.cache') };
      delete env.LC_ALL;
      delete env.LC_MESSAGES;
      const started = performance.now();
      const result = spawnSync('setpriv', [...asNobody, process.execPath, bin, ...args], { cwd, env, encoding: 'utf8', timeout: 120_000 });
      if (result.error) throw result.error;
      return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: performance.now() - started };
    },
  };
}

describe('faults: one rule or one file failing never takes down the others', () => {
  it('a rule that throws is reported with its id; the other rules still report', () => {
    const failing: Rule = {
      id: 'exploding-rule',
      defaultSeverity: 'error',
      description: { en: 'throws', 'zh-CN': '抛出异常' },
      check() {
        throw new Error('boom');
      },
    };
    const errors: string[] = [];
    const meeting = parseMeeting(MEETING);
    const findings = lintMeeting(meeting, { config: DEFAULT_CONFIG, today: TODAY, locale: 'en', rules: [failing, ...RULES], onRuleError: (rule, error) => errors.push(`${rule}: ${(error as Error).message}`) });
    assert.deepEqual(errors, ['exploding-rule: boom']);
    assert.ok(findings.some((finding) => finding.rule === 'action-owner' || finding.rule === 'action-due'), 'the other rules still ran');
    figures.push('a rule that throws: reported as "<file>: rule <id> failed: <message>" (CLI stderr, Output channel "Meetings" in the editor); the other rules report as usual');
  });

  it('a file whose reading throws inside the engine is reported for that file, not thrown', () => {
    const dir = workspace({ 'a.md': MEETING });
    const broken = { configFor: () => ({ ...DEFAULT_CONFIG, exclude: null }) } as unknown as ConfigLoader;
    const loaded = loadFile(join(dir, 'a.md'), broken);
    assert.equal(loaded.kind, 'unreadable');
    assert.match(reasonText((loaded as { reason: FileReason }).reason, 'en'), /could not be read as a meeting \(internal error/u);
  });
});

describe('faults: files that change while the index is built', function () {
  this.timeout(60_000);

  it('files deleted, renamed, replaced by a folder or made unreadable after the walk', async () => {
    const dir = workspace({ 'a.md': MEETING, 'b.md': MEETING, 'c.md': MEETING, 'd.md': MEETING, 'e.md': MEETING });
    const files = findMarkdownFiles([dir], dir);
    assert.equal(files.length, 5);
    unlinkSync(join(dir, 'a.md')); // deleted
    rmSync(join(dir, 'b.md'));
    writeFileSync(join(dir, 'b2.md'), MEETING); // renamed: the old name is gone
    unlinkSync(join(dir, 'c.md'));
    mkdirSync(join(dir, 'c.md')); // replaced by a folder
    if (!isRoot) chmodSync(join(dir, 'd.md'), 0o000); // unreadable (root reads it anyway)
    const built = await buildIndex(files, dir, { cache: false, workers: 0, engine: 'test' });
    const reasons = Object.fromEntries(built.unreadable.map((problem) => [problem.path.slice(dir.length + 1), reasonText(problem.reason, 'en')]));
    assert.equal(reasons['a.md'], 'no such file or folder');
    assert.equal(reasons['b.md'], 'no such file or folder');
    assert.equal(reasons['c.md'], 'is a folder');
    if (!isRoot) assert.equal(reasons['d.md'], 'permission denied');
    assert.ok(built.records.some((record) => record.path.endsWith('/e.md')), 'the other files are indexed');
    // Deleted between stat and read (the worker's side of the race).
    const raced = parseHere([{ path: join(dir, 'gone.md'), size: 1, mtimeMs: 1 }, { path: join(dir, 'e.md'), size: 1, mtimeMs: 1 }]);
    assert.deepEqual(raced.unreadable.map((problem) => reasonText(problem.reason, 'zh-CN')), ['没有这个文件或文件夹']);
    assert.equal(raced.records.length, 1);
    figures.push(`files deleted, renamed, replaced by a folder${isRoot ? '' : ' or made unreadable'} during the index build: each named with its reason ("no such file or folder", "is a folder"${isRoot ? '' : ', "permission denied"'}); the other files indexed`);
  });

  it('the CLI names an unreadable file or folder and still lists the rest', function () {
    const dir = workspace({ 'ok.md': MEETING, 'locked/x.md': MEETING, 'secret.md': MEETING });
    // chmod does not stop root: as root, the CLI runs as `nobody` instead.
    const cli = isRoot ? unprivilegedCli(workspace) : { run: (cwd: string, ...args: string[]) => meetings(cwd, ...args), user: 'the current user' };
    if ('skipped' in cli) {
      figures.push(`unreadable file (chmod 000): not checked, ${cli.skipped}`);
      this.skip();
    }
    if (isRoot) chmodSync(dir, 0o755); // mkdtemp made it private to root
    chmodSync(join(dir, 'secret.md'), 0o000);
    chmodSync(join(dir, 'locked'), 0o000);
    const result = cli.run(dir, 'actions', '--format', 'json', '--no-cache');
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /secret\.md: permission denied/u);
    assert.ok(result.stdout.includes('ok.md'));
    // An unreadable folder is skipped without a word, as git and ripgrep do.
    assert.ok(!result.stdout.includes('locked/x.md') && !result.stderr.includes('locked'), result.stderr);
    figures.push(`unreadable file and folder, CLI run as ${cli.user}: "secret.md: permission denied" on stderr, exit 2, the folder skipped, the rest listed (${result.ms.toFixed(0)} ms)`);
  });
});

describe('faults: the file system is hostile', function () {
  this.timeout(300_000);

  it('symlink loops, cycles and dangling links end the walk', () => {
    const dir = workspace({ 'meetings/a.md': MEETING, 'meetings/sub/b.md': MEETING });
    symlinkSync(join(dir, 'meetings'), join(dir, 'meetings', 'sub', 'loop')); // a folder linking to its parent
    symlinkSync('.', join(dir, 'meetings', 'self')); // a folder linking to itself
    symlinkSync(join(dir, 'meetings', 'y.md'), join(dir, 'meetings', 'x.md')); // x.md -> y.md -> x.md
    symlinkSync(join(dir, 'meetings', 'x.md'), join(dir, 'meetings', 'y.md'));
    symlinkSync(join(dir, 'nowhere.md'), join(dir, 'meetings', 'dangling.md'));
    const result = meetings(dir, 'lint', '--format', 'json', '--today', TODAY);
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    const files = [...new Set((JSON.parse(result.stdout) as Array<{ file: string }>).map((row) => row.file))].sort();
    assert.deepEqual(files, ['meetings/a.md', 'meetings/sub/b.md']);
    const actions = meetings(dir, 'actions', '--format', 'json', '--today', TODAY);
    assert.equal(actions.status, 0, actions.stderr);
    figures.push(`symlink loops (folder to parent, to itself), a file link cycle and a dangling link: not followed, the two real meetings linted (${result.ms.toFixed(0)} ms)`);
  });

  it('a folder of 100,000 entries', () => {
    const count = Number(process.env.MEETINGS_BIG_FOLDER ?? 100_000);
    const dir = workspace({});
    const big = join(dir, 'big');
    mkdirSync(big);
    const startedCreate = performance.now();
    for (let i = 0; i < count; i++) writeFileSync(join(big, `${i % 2 === 0 ? 'note' : 'other'}-${i}.${i % 2 === 0 ? 'md' : 'txt'}`), '');
    writeFileSync(join(big, 'meeting.md'), MEETING);
    const createMs = performance.now() - startedCreate;
    const lint = meetings(dir, 'lint', '--format', 'json', '--today', TODAY);
    assert.ok(lint.status === 0 || lint.status === 1, lint.stderr);
    assert.ok(lint.stdout.includes('big/meeting.md'));
    const cold = meetings(dir, 'actions', '--format', 'json', '--today', TODAY);
    assert.equal(cold.status, 0, cold.stderr);
    assert.equal((JSON.parse(cold.stdout) as unknown[]).length, 2);
    const warm = meetings(dir, 'actions', '--format', 'json', '--today', TODAY);
    assert.equal(warm.status, 0, warm.stderr);
    figures.push(
      `a folder of ${count.toLocaleString('en')} entries (half empty .md files) plus one meeting: created in ${(createMs / 1000).toFixed(1)} s; ` +
        `lint ${(lint.ms / 1000).toFixed(1)} s, actions cold ${(cold.ms / 1000).toFixed(1)} s, warm ${(warm.ms / 1000).toFixed(1)} s`,
    );
    assert.ok(lint.ms < 120_000 && cold.ms < 120_000 && warm.ms < 120_000);
  });

  it('a .meetings.yaml that turns invalid and back: reported with its position, defaults used meanwhile, nothing stale after', () => {
    const dir = workspace({ '.meetings.yaml': 'rules:\n  action-due: off\n', 'a.md': MEETING });
    const rulesOf = (result: { stdout: string }) => (JSON.parse(result.stdout) as Array<{ rule: string; file: string; line: number }>).map((row) => `${row.file}:${row.line}:${row.rule}`);
    const valid = meetings(dir, 'lint', '--format', 'json', '--today', TODAY);
    assert.ok(!rulesOf(valid).some((row) => row.endsWith(':action-due')));
    writeFileSync(join(dir, '.meetings.yaml'), 'rules:\n  action-due: off\n  bad: [unclosed\n');
    const invalid = meetings(dir, 'lint', '--format', 'json', '--today', TODAY);
    assert.equal(invalid.status, 1);
    const rows = rulesOf(invalid);
    assert.ok(rows.some((row) => row.startsWith('.meetings.yaml:') && row.endsWith(':config')), rows.join('\n'));
    assert.ok(rows.some((row) => row.startsWith('a.md:')), 'the meetings are still linted (with the defaults)');
    writeFileSync(join(dir, '.meetings.yaml'), 'rules:\n  action-due: off\n');
    const again = meetings(dir, 'lint', '--format', 'json', '--today', TODAY);
    assert.deepEqual(rulesOf(again), rulesOf(valid), 'nothing stale once it is valid again');
    const actions = meetings(dir, 'actions', '--format', 'json', '--today', TODAY);
    assert.equal(actions.status, 0, actions.stderr);
    figures.push('.meetings.yaml invalid mid-session: a `config` error at its line and column; meetings linted with the defaults meanwhile; valid again, the same findings as before (nothing stale)');
  });
});
