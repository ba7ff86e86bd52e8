// The editor reads, parses and lints files on worker threads: a worker must make exactly the
// summary and find exactly the problems the extension host would, and a worker that cannot start
// or is stopped must say so, so that the file is read on the extension host instead.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpus } from '../../bench/corpus';
import { decodeSummary, detachedSummary, mergeConfig, parseMeeting, summaryOf } from '../../src/core';
import { lintClosedFile, summariseFile, type ClosedFileJob } from '../../src/node/file-tasks';
import { EnginePool } from '../../src/node/engine-pool';

const ROOT = join(__dirname, '../../..');
const WORKER = join(ROOT, 'dist/engine-worker.cjs');
const config = mergeConfig([{ dir: '', people: [{ name: 'Bob Li', aliases: ['Bob'] }] }]);

describe('engine workers', function () {
  this.timeout(60_000);
  let dir: string;
  let jobs: ClosedFileJob[];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'meetings-lint-pool-'));
    const files = corpus(40, 5);
    jobs = files.map((file, index) => {
      const fsPath = join(dir, file.path);
      mkdirSync(join(fsPath, '..'), { recursive: true });
      writeFileSync(fsPath, file.text);
      // Each file linted after the one before, as if it were its series' previous meeting: carry-over has work to do.
      const before = index > 0 ? files[index - 1]! : null;
      return {
        fsPath,
        path: fsPath,
        config,
        today: '2026-11-27',
        locale: index % 2 === 0 ? 'en' : 'zh-CN',
        nextMeetingDate: null,
        previous: before && { key: join(dir, before.path), summary: summaryOf(parseMeeting(before.text, { config })) },
      };
    });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('finds on a worker exactly the problems found on this thread, in both languages, carry-over and overdue candidates included', async () => {
    const pool = new EnginePool(WORKER, 2);
    try {
      const outcomes = await Promise.all(jobs.map((job) => pool.lint(job)));
      assert.deepEqual(outcomes, jobs.map((job) => lintClosedFile(job)));
      const linted = outcomes.filter((outcome) => outcome.kind === 'linted');
      assert.equal(linted.length, jobs.length);
      const rules = new Set(linted.flatMap((outcome) => outcome.problems.map((problem) => problem[5])));
      assert.ok(rules.has('carry-over') && rules.has('action-owner') && rules.has('action-overdue'), [...rules].join(', '));
      assert.ok(linted.some((outcome) => outcome.overdue.length > 0), 'overdue candidates are sent back');
      assert.ok(linted.some((outcome) => outcome.problems.some((problem) => /[\u4e00-\u9fff]/u.test(problem[6]))), 'Chinese messages');
    } finally {
      pool.dispose();
    }
  });

  it('makes on a worker the summary of each file that the editor keeps of a closed file', async () => {
    const pool = new EnginePool(WORKER, 2);
    try {
      const outcomes = await Promise.all(jobs.map(({ fsPath, path }) => pool.summarise({ fsPath, path, config })));
      assert.deepEqual(outcomes, jobs.map(({ fsPath, path }) => summariseFile({ fsPath, path, config })));
      const files = corpus(40, 5);
      outcomes.forEach((outcome, index) => {
        assert.equal(outcome.kind, 'summarised');
        if (outcome.kind !== 'summarised') return;
        // As the editor keeps a closed file: a done or cancelled action's text is its label.
        assert.deepEqual(decodeSummary(outcome.summary), detachedSummary(parseMeeting(files[index]!.text, { config, path: jobs[index]!.path })), files[index]!.path);
      });
      assert.ok(outcomes.some((outcome) => outcome.kind === 'summarised' && outcome.summary[2].length > 10), 'meetings with actions');
      const closed = outcomes.flatMap((outcome) => (outcome.kind === 'summarised' ? decodeSummary(outcome.summary)!.actions : [])).filter((action) => action.status === 'done');
      assert.ok(closed.length > 0 && closed.every((action) => action.text === action.label), 'closed actions keep their label only');
    } finally {
      pool.dispose();
    }
  });

  it('says a file it cannot read is unreadable, and goes on with the next', async () => {
    const pool = new EnginePool(WORKER, 1);
    try {
      const missing = await pool.lint({ ...jobs[0]!, fsPath: join(dir, 'gone.md') });
      assert.equal(missing.kind, 'unreadable');
      const binary = join(dir, 'binary.md');
      writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
      assert.deepEqual(await pool.lint({ ...jobs[0]!, fsPath: binary }), { kind: 'unreadable', reason: 'binary' });
      assert.deepEqual(await pool.summarise({ fsPath: binary, path: binary, config }), { kind: 'unreadable', reason: 'binary' });
      assert.equal((await pool.lint(jobs[1]!)).kind, 'linted');
      assert.ok(pool.usable);
    } finally {
      pool.dispose();
    }
  });

  it('fails every file, and is no longer used, when its worker cannot start', async () => {
    const failures: string[] = [];
    const pool = new EnginePool(join(dir, 'no-such-worker.cjs'), 1, (reason) => failures.push(reason));
    const outcome = await pool.lint(jobs[0]!);
    assert.equal(outcome.kind, 'failed');
    assert.equal(pool.usable, false);
    assert.equal(failures.length, 1);
    assert.equal((await pool.lint(jobs[1]!)).kind, 'failed', 'not tried again');
    pool.dispose();
  });

  it('answers what it still had in hand with "failed" when it is stopped', async () => {
    const pool = new EnginePool(WORKER, 1);
    const pending = jobs.map((job) => pool.lint(job));
    pool.dispose();
    const outcomes = await Promise.all(pending);
    assert.ok(outcomes.every((outcome) => outcome.kind === 'failed'), JSON.stringify(outcomes.map((outcome) => outcome.kind)));
    assert.equal(pool.usable, false);
  });
});
