// A scan reads and parses files on disk on worker threads, and the problems of closed files are
// worked out there after it. The index must hold exactly the summaries a scan on the extension
// host makes, and the problems must be exactly those the extension host finds (ranges, messages,
// severities, rule codes, order), with a folder's own configuration, a series' carry-over,
// overdue actions, suppression comments and both languages; and when the workers cannot run, the
// extension host does it all itself.
import { strict as assert } from 'node:assert';
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import type { MeetingSummary } from '../../src/core';
import type { MeetingsApi } from '../../src/extension/extension';
import { EnginePool, type LintOutcome } from '../../src/node/engine-pool';
import type { ClosedFileJob } from '../../src/node/file-tasks';
import { closeAllEditors, extensionApi, meetingDiagnostics, ruleOf, waitFor, workspaceUri } from './helpers';

const MEETINGS = 8;

function meeting(i: number): string {
  const language = i % 2 === 0;
  const heading = language ? '## 行动计划' : '## Action items';
  const suppressed = i === 3 ? '<!-- meetings-disable-next-line action-owner -->\n- [ ] WORKERS-QUIET no owner, on purpose\n' : '';
  return [
    '---',
    `title: ${language ? '线程周会' : 'Worker weekly'} ${i}`,
    `date: 2021-03-${String(1 + i).padStart(2, '0')}`,
    'series: workers-weekly',
    'attendees: [张三, Bob Li]',
    '---',
    '',
    heading,
    `- [ ] WORKERS-${i} 整理数据 @老张 📅 2021-04-0${1 + (i % 9)}`,
    `- [ ] WORKERS-OPEN-${i} carried or not @Bob due: 2099-01-0${1 + (i % 9)}`,
    `- [ ] WORKERS-NO-OWNER-${i} 没有负责人`,
    `- [ ] WORKERS-BAD-DATE-${i} @张三 截止：2021-02-30`,
    // Closed actions: the index keeps their label only, with the markers cut.
    `- [x] WORKERS-DONE-${i} 已完成 @张三 ✅ 2021-03-0${1 + (i % 9)} ^done-${i}`,
    `- [-] WORKERS-CANCELLED-${i} dropped @Bob ❌ 2021-03-02`,
    suppressed,
  ].join('\n');
}

/** Engine workers that hold back the problems of one file until told to let them go. */
class HoldingPool extends EnginePool {
  readonly asked = new Set<string>();
  private letGo: () => void = () => {};
  private readonly held = new Promise<void>((resolve) => (this.letGo = resolve));

  constructor(private readonly holding: string) {
    super(join(process.env.MEETINGS_REPO ?? join(__dirname, '../../..'), 'dist/engine-worker.cjs'), 1);
  }

  override lint(job: ClosedFileJob): Promise<LintOutcome> {
    const name = basename(job.fsPath);
    this.asked.add(name);
    const outcome = super.lint(job); // read now: the text of this moment
    return name === this.holding ? this.held.then(() => outcome) : outcome;
  }

  release(): void {
    this.letGo();
  }
}

/** Every diagnostic of the folder's files, in full and in VS Code's order. */
function problemsOf(folder: vscode.Uri): Record<string, unknown[]> {
  const result: Record<string, unknown[]> = {};
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    if (!uri.path.startsWith(`${folder.path}/`)) continue;
    result[uri.path] = meetingDiagnostics(uri).map((diagnostic) => {
      const { start, end } = diagnostic.range;
      const link = typeof diagnostic.code === 'object' ? diagnostic.code.target.toString(true) : null;
      return [start.line, start.character, end.line, end.character, diagnostic.severity, ruleOf(diagnostic), diagnostic.message, link];
    });
    if (diagnostics.length === 0) delete result[uri.path];
  }
  return result;
}

describe('engine workers: files read, parsed and linted beside the extension host', function () {
  this.timeout(120_000);
  let api: MeetingsApi;
  const folder = () => workspaceUri('workers');
  before(async () => {
    api = await extensionApi();
    await closeAllEditors();
    mkdirSync(folder().fsPath, { recursive: true });
    // The folder's own configuration: an alias, and a rule made an error.
    writeFileSync(join(folder().fsPath, '.meetings.yaml'), 'people:\n  - name: 张三\n    aliases: [老张]\n  - name: Bob Li\n    aliases: [Bob]\nrules:\n  action-owner: error\n');
    for (let i = 0; i < MEETINGS; i++) writeFileSync(join(folder().fsPath, `w${i}.md`), meeting(i));
    writeFileSync(join(folder().fsPath, 'broken.md'), '---\ntitle: [unclosed\nattendees: 张三\n---\n\n- [ ] WORKERS-BROKEN @张三\n');
    await waitFor('the new files in the index', () => api.store.index.get(workspaceUri('workers', `w${MEETINGS - 1}.md`).toString()));
  });
  after(() => rmSync(folder().fsPath, { recursive: true, force: true }));

  /** Reads every file again (the cache aside), and waits for every problem. */
  async function fullRead(): Promise<{ linted: number; onWorkers: number; readOnWorkers: number; summaries: Record<string, MeetingSummary>; problems: Record<string, unknown[]> }> {
    const counts = { ...api.diagnostics.reloadCounts };
    const readBefore = api.store.readOnWorkers;
    await api.store.scan({ fresh: true });
    const summaries: Record<string, MeetingSummary> = {};
    for (const key of api.store.index.keys()) if (key.startsWith(`${folder().toString()}/`)) summaries[key] = api.store.index.get(key)!.meeting;
    await waitFor('the problems of every file', () => api.diagnostics.problemsPending === 0, 60_000);
    // VS Code reports the problems it was sent a little later.
    await new Promise((resolve) => setTimeout(resolve, 500));
    return {
      linted: api.diagnostics.reloadCounts.linted - counts.linted,
      onWorkers: api.diagnostics.reloadCounts.lintedOnWorkers - counts.lintedOnWorkers,
      readOnWorkers: api.store.readOnWorkers - readBefore,
      summaries,
      problems: problemsOf(folder()),
    };
  }

  it('index what a scan on the extension host indexes, and find exactly the problems it finds', async () => {
    assert.ok(api.diagnostics.workers?.usable && api.store.workers === api.diagnostics.workers, 'the extension starts with engine workers');
    const viaWorkers = await fullRead();
    assert.ok(viaWorkers.readOnWorkers >= MEETINGS + 1 && viaWorkers.onWorkers >= MEETINGS + 1, JSON.stringify({ ...viaWorkers, summaries: undefined, problems: undefined }));
    const workers = api.diagnostics.workers;
    api.diagnostics.workers = null;
    api.store.workers = null;
    try {
      const onHost = await fullRead();
      assert.equal(onHost.onWorkers, 0);
      assert.equal(onHost.readOnWorkers, 0);
      assert.ok(onHost.linted >= MEETINGS + 1, 'every file was linted again, on the extension host');
      assert.equal(Object.keys(viaWorkers.summaries).length, MEETINGS + 1);
      assert.deepEqual(viaWorkers.summaries, onHost.summaries);
      assert.deepEqual(viaWorkers.problems, onHost.problems);
    } finally {
      api.diagnostics.workers = workers;
      api.store.workers = workers;
    }
    const labels = Object.values(viaWorkers.summaries).flatMap((summary) => summary.actions.map((action) => action.label));
    assert.ok(labels.includes('WORKERS-3 整理数据'), labels.join(' | '));
    // Each problem links its rule to its documentation, whether a worker or the extension host found it.
    const uri = workspaceUri('workers', 'w1.md');
    const links = () => meetingDiagnostics(uri).map((diagnostic) => {
      const code = diagnostic.code as { value: string; target: vscode.Uri };
      return code.target.toString(true) === `https://github.com/meetings-as-code/meetings-as-code/blob/main/docs/rules.md#${code.value}`;
    });
    assert.ok(links().length > 0 && links().every(Boolean), 'a closed file\'s problems');
    await vscode.window.showTextDocument(uri);
    try {
      await waitFor('the open document\'s problems', () => api.store.modelOf(uri.toString()));
      assert.ok(links().length > 0 && links().every(Boolean), 'an open document\'s problems');
    } finally {
      await closeAllEditors();
    }
    const rules = new Set(Object.values(viaWorkers.problems).flatMap((problems) => problems.map((problem) => (problem as unknown[])[5])));
    for (const rule of ['carry-over', 'action-owner', 'action-overdue', 'due-invalid', 'frontmatter-yaml']) assert.ok(rules.has(rule), `${rule} among ${[...rules].join(', ')}`);
    const owners = Object.values(viaWorkers.problems).flatMap((problems) => (problems as unknown[][]).filter((problem) => problem[5] === 'action-owner'));
    assert.ok(owners.every((problem) => problem[4] === vscode.DiagnosticSeverity.Error), 'the folder made action-owner an error');
    assert.equal(owners.length, MEETINGS, 'one a meeting: the alias 老张 is known, the suppressed one is not reported');
    assert.ok(Object.values(viaWorkers.problems).flat().some((problem) => /[\u4e00-\u9fff]/u.test(String((problem as unknown[])[6]))), 'Chinese messages');
  });

  it('lint a file again for its current text and previous meeting when they changed while a worker had it', async () => {
    await fullRead();
    // The queue is newest first: held at w7, it has sent w5 ahead; w5 then changes, is linted at
    // once, and is queued again when its previous meeting w4 changes. The answer for its old text
    // must not count for the new one.
    const holding = new HoldingPool('w7.md');
    const workers = api.diagnostics.workers;
    api.diagnostics.workers = holding;
    api.store.workers = holding;
    const w5 = workspaceUri('workers', 'w5.md');
    const w4 = workspaceUri('workers', 'w4.md');
    const actionsOf = (uri: vscode.Uri) => api.store.index.get(uri.toString())?.meeting.actions.map((action) => action.label) ?? [];
    try {
      const scanning = api.store.scan({ fresh: true });
      await waitFor('w7 and w5 sent to the worker', () => holding.asked.has('w7.md') && holding.asked.has('w5.md'), 60_000);
      appendFileSync(w5.fsPath, '- [ ] WORKERS-LATE 新的行动项\n');
      await waitFor('the change of w5 in the index', () => actionsOf(w5).includes('WORKERS-LATE 新的行动项'));
      appendFileSync(w4.fsPath, '- [ ] WORKERS-CARRY 要跟进 @张三 📅 2099-02-01\n');
      await waitFor('the change of w4 in the index', () => actionsOf(w4).includes('WORKERS-CARRY 要跟进'));
      holding.release();
      await scanning;
      await waitFor('the problems of every file', () => api.diagnostics.problemsPending === 0, 60_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      holding.release();
      api.diagnostics.workers = workers;
      api.store.workers = workers;
      holding.dispose();
    }
    const shown = problemsOf(folder())[w5.path] as unknown[][];
    api.diagnostics.workers = null;
    api.store.workers = null;
    try {
      const truth = (await fullRead()).problems[w5.path] as unknown[][];
      assert.ok(truth.some((problem) => String(problem[6]).includes('WORKERS-CARRY')), 'w5 does not carry the new action of w4');
      assert.deepEqual(shown, truth);
    } finally {
      api.diagnostics.workers = workers;
      api.store.workers = workers;
    }
  });

  it('read and lint on the extension host when the workers cannot start, and say so once', async () => {
    const before = await fullRead();
    const workers = api.diagnostics.workers;
    const failing = new EnginePool(join(folder().fsPath, 'no-such-worker.cjs'), 1, (reason) => api.log.warn(`WORKERS-FAILED ${reason}`));
    api.diagnostics.workers = failing;
    api.store.workers = failing;
    try {
      const after = await fullRead();
      assert.equal(failing.usable, false);
      assert.equal(after.onWorkers, 0);
      assert.equal(after.readOnWorkers, 0);
      assert.ok(after.linted >= MEETINGS + 1);
      assert.deepEqual(after.summaries, before.summaries);
      assert.deepEqual(after.problems, before.problems);
      assert.equal(api.log.recent.filter((line) => line.includes('WORKERS-FAILED')).length, 1);
      assert.equal(api.log.recent.filter((line) => line.includes('engine worker failed')).length, 0, 'no warning for each file');
    } finally {
      api.diagnostics.workers = workers;
      api.store.workers = workers;
      failing.dispose();
    }
  });
});
