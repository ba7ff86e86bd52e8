// The editor's warm start: a scan lists unchanged files from the cache of the last scan, reads
// the files that changed, shows the saved problems of the files whose problems cannot have
// changed and lints the others again, and ends with the same actions and the same problems as a
// scan that reads everything. A damaged cache, and the Refresh command, mean every file is read.
import { strict as assert } from 'node:assert';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { MeetingSummary } from '../../src/core';
import type { MeetingsApi } from '../../src/extension/extension';
import { closeAllEditors, extensionApi, meetingDiagnostics, summary, waitFor, workspaceUri } from './helpers';

const FILES = 12;

function meeting(i: number): string {
  const series = i % 3 === 0 ? 'series: warm-weekly\n' : '';
  return `---\ntitle: 预热周会 ${i}\ndate: 2021-0${1 + (i % 9)}-1${i % 10}\n${series}attendees: [张三, 李四]\n---\n\n## 行动计划\n- [ ] WARM-${i} 整理数据 @张三 📅 2021-12-0${1 + (i % 9)}\n- [x] WARM-DONE-${i} 已完成 @李四\n- [ ] WARM-NO-OWNER-${i} 没有负责人\n`;
}

/** Every indexed summary, and every file's problems as the Problems panel shows them. */
function snapshot(api: MeetingsApi): { summaries: Map<string, MeetingSummary>; problems: Map<string, string[]> } {
  const summaries = new Map(api.store.index.keys().map((key) => [key, api.store.index.get(key)!.meeting] as const));
  const problems = new Map(api.store.index.keys().map((key) => [key, summary(meetingDiagnostics(vscode.Uri.parse(key)))] as const));
  return { summaries, problems };
}

function lingeringMarkdownBuffers(): number {
  return vscode.workspace.textDocuments.filter((document) => !document.isClosed && document.uri.scheme === 'file' && /\.(md|markdown)$/u.test(document.uri.path)).length;
}

/**
 * Waits until every file's problems are shown, then saves the cache: a save that follows the
 * problems (the diagnostics start one) must not overwrite what a test then writes into the cache.
 */
async function settleAndSave(api: MeetingsApi): Promise<void> {
  await waitFor('the problems of every file', () => api.diagnostics.problemsPending === 0);
  await api.store.saveCache();
}

/**
 * VS Code reports changed problems about 50 ms after they are set, several sets in one event: once
 * every file expected has been reported (or 5 s have passed), a little longer for a late repeat.
 */
async function diagnosticEventsSettled(allSeen: () => boolean): Promise<void> {
  await waitFor('VS Code to report the changed problems', allSeen, 5_000).catch(() => undefined); // the assertions that follow say which file
  await new Promise((resolve) => setTimeout(resolve, 300));
}

describe('warm start from the cache of the index', function () {
  this.timeout(90_000);
  let api: MeetingsApi;
  const folder = () => workspaceUri('warm');
  before(async () => {
    api = await extensionApi();
    await closeAllEditors();
    mkdirSync(folder().fsPath, { recursive: true });
    for (let i = 0; i < FILES; i++) writeFileSync(workspaceUri('warm', `m${i}.md`).fsPath, meeting(i));
    writeFileSync(workspaceUri('warm', 'notes.md').fsPath, '# Not a meeting\n\n- [ ] a task in a README is not an action\n');
    await waitFor('the new files in the index', () => api.store.index.get(workspaceUri('warm', `m${FILES - 1}.md`).toString()));
    // A file's stamp is trusted once it is two seconds old: every file of the workspace is, then.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await api.store.scan({ fresh: true });
    await settleAndSave(api);
  });
  after(() => rmSync(folder().fsPath, { recursive: true, force: true }));

  it('lists unchanged files from the cache, reads changed ones, shows saved problems where nothing they depend on changed, and ends with the same actions and problems as a full read', async () => {
    assert.ok(api.store.cacheFile, 'a workspace has a cache');
    await waitFor('the problems of every file', () => api.diagnostics.problemsPending === 0);
    const before = snapshot(api);
    const changed = workspaceUri('warm', 'm1.md');
    const deleted = workspaceUri('warm', 'm2.md');
    // m9 is the meeting before m3 in their series: m3's saved problems miss the carry-over of the new action.
    const previous = workspaceUri('warm', 'm9.md');
    const following = workspaceUri('warm', 'm3.md');
    assert.equal(api.diagnostics.previousMeeting(api.store.index.get(following.toString())!)?.key, previous.toString());
    appendFileSync(changed.fsPath, '- [ ] WARM-CHANGED 新增的行动项\n');
    appendFileSync(previous.fsPath, '- [ ] WARM-CARRY 下次会议要跟进 @张三 📅 2021-12-01\n');
    rmSync(deleted.fsPath);
    await waitFor('the change in the index', () => api.store.index.get(changed.toString())?.meeting.actions.some((action) => action.text.startsWith('WARM-CHANGED')));
    await waitFor('the new action of the previous meeting', () => api.store.index.get(previous.toString())?.meeting.actions.some((action) => action.text.startsWith('WARM-CARRY')));
    await waitFor('the deletion in the index', () => !api.store.index.get(deleted.toString()));
    // Settled, so that only its new size and times tell the change.
    await new Promise((resolve) => setTimeout(resolve, 2_100));

    const lingering = lingeringMarkdownBuffers();
    const counts = { ...api.diagnostics.reloadCounts };
    // VS Code keeps the problems shown before this scan: the files whose problems are published
    // again show that the problems of the files listed from the cache are shown again (saved or
    // linted again), not left as they were.
    const republished = new Set<string>();
    const listener = vscode.languages.onDidChangeDiagnostics((event) => event.uris.forEach((uri) => republished.add(uri.toString())));
    await api.store.scan();
    const report = api.store.lastScan!;
    // Every file but the two changed ones, and the odd buffer VS Code keeps open (read from the buffer).
    assert.ok(report.fromCache <= report.files - 2 && report.fromCache >= report.files - 2 - lingering, JSON.stringify({ report, lingering }));
    assert.ok(report.fromCache >= FILES, `the new files came from the cache (${report.fromCache})`);

    await waitFor('the problems of every file', () => api.diagnostics.problemsPending === 0);
    const after = snapshot(api);
    const withProblems = [...after.problems].filter(([key, problems]) => problems.length > 0 && key.includes('/warm/')).map(([key]) => key);
    await diagnosticEventsSettled(() => withProblems.every((key) => republished.has(key)));
    listener.dispose();
    assert.ok(withProblems.length >= FILES - 1);
    assert.deepEqual(withProblems.filter((key) => !republished.has(key)), [], 'every listed file with problems was shown again');
    const fromCache = api.diagnostics.reloadCounts.fromCache - counts.fromCache;
    const linted = api.diagnostics.reloadCounts.linted - counts.linted;
    // All but the changed, deleted and previous meetings, and the one after the previous.
    assert.ok(fromCache >= FILES - 4, JSON.stringify({ fromCache, linted }));
    assert.ok(linted >= 1, JSON.stringify({ fromCache, linted }));
    assert.deepEqual([...after.summaries.keys()].sort(), [...before.summaries.keys()].filter((key) => key !== deleted.toString()).sort());
    for (const [key, summary] of after.summaries) {
      if (key === previous.toString() || key === following.toString()) continue;
      if (key === changed.toString()) {
        assert.deepEqual(summary.actions.map((action) => action.label).slice(0, -1), before.summaries.get(key)!.actions.map((action) => action.label));
        continue;
      }
      assert.deepEqual(summary, before.summaries.get(key), key);
      assert.deepEqual(after.problems.get(key), before.problems.get(key), key);
    }
    assert.ok([...after.problems.values()].some((problems) => problems.length > 0), 'closed files have problems to compare');
    // The changed file's problems are those of its new text: the old ones, and the new line's.
    const newLine = meeting(1).split('\n').length;
    assert.deepEqual(after.problems.get(changed.toString()), [...before.problems.get(changed.toString())!, `action-due@${newLine}`, `action-owner@${newLine}`].sort());
    assert.ok(before.problems.get(workspaceUri('warm', 'm0.md').toString())?.some((problem) => problem.startsWith('action-owner@')), 'the files have problems of their own');
    // The meeting after the changed one was linted again: one more carry-over (on its first line,
    // its follow-up section being absent), not the problems saved before the change.
    const carryOvers = (problems: string[] | undefined) => (problems ?? []).filter((problem) => problem.startsWith('carry-over@')).length;
    assert.equal(carryOvers(after.problems.get(following.toString())), carryOvers(before.problems.get(following.toString())) + 1);
    assert.ok(carryOvers(before.problems.get(following.toString())) > 0, 'm3 follows up nothing of m9');
  });

  it('a full read fills the tree first, then shows each closed file\'s problems once, the meeting read before its previous one included', async () => {
    await settleAndSave(api);
    const before = snapshot(api).problems;
    // m3 (April) follows m9 (January) in their series, and is read before it.
    const following = workspaceUri('warm', 'm3.md').toString();
    assert.equal(api.diagnostics.previousMeeting(api.store.index.get(following)!)?.key, workspaceUri('warm', 'm9.md').toString());
    assert.ok(workspaceUri('warm', 'm3.md').path < workspaceUri('warm', 'm9.md').path);
    const isWarmFile = (uri: vscode.Uri) => uri.path.includes('/warm/') && !vscode.workspace.textDocuments.some((document) => !document.isClosed && document.uri.toString() === uri.toString());
    const duringScan = new Set<string>();
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      for (const uri of event.uris.filter(isWarmFile)) {
        if (api.store.isScanning) duringScan.add(uri.toString());
        published.set(uri.toString(), (published.get(uri.toString()) ?? 0) + 1);
      }
    });
    const counts = { ...api.diagnostics.reloadCounts };
    // The status bar's note while the problems are worked out (shown at once here, not after a second).
    const progressShown = new Set<string>();
    const watchProgress = api.diagnostics.progress.onDidReport((message) => progressShown.add(message));
    const delayMs = api.diagnostics.progress.delayMs;
    api.diagnostics.progress.delayMs = 0;
    const published = new Map<string, number>();
    const withProblems = [...before].filter(([key, problems]) => key.includes('/warm/') && problems.length > 0).map(([key]) => key);
    try {
      await api.store.scan({ fresh: true });
      await waitFor('the problems of every file', () => api.diagnostics.problemsPending === 0);
      await diagnosticEventsSettled(() => withProblems.every((key) => published.has(key)));
    } finally {
      listener.dispose();
      watchProgress.dispose();
      api.diagnostics.progress.delayMs = delayMs;
    }
    assert.ok([...progressShown].some((message) => /^(?:\d+ files? left|还剩 \d+ 个文件)$/u.test(message)), JSON.stringify([...progressShown]));
    assert.equal(api.diagnostics.progress.message, null, 'the note is gone once every problem is shown');
    assert.deepEqual([...duringScan], [], 'no closed file\'s problems were shown while the scan ran');
    // Each closed file is linted once, after the scan. Linted while it was read, m3 was linted
    // (and its problems shown) twice: without m9, then again with it once the scan was over.
    const closedFiles = api.store.index.keys().filter((key) => api.store.index.get(key)!.version === null).length;
    assert.equal(api.diagnostics.reloadCounts.linted - counts.linted, closedFiles);
    assert.ok(withProblems.includes(following) && withProblems.length >= FILES - 1, JSON.stringify(withProblems));
    assert.deepEqual(withProblems.filter((key) => published.get(key) !== 1), [], JSON.stringify([...published]));
    assert.deepEqual(snapshot(api).problems, before);
  });

  it('a scan that begins while the problems are being worked out pauses them until it ends; then each file it read is linted once', async () => {
    await settleAndSave(api);
    const before = snapshot(api).problems;
    const closedFiles = () => api.store.index.keys().filter((key) => api.store.index.get(key)!.version === null).length;
    const linted = () => api.diagnostics.reloadCounts.linted;
    const base = linted();
    // The second scan starts as soon as the first file after the first scan is linted.
    let queueRunning = false;
    let lintedWhenSecondBegan = 0;
    let lintedWhenSecondEnded = -1;
    const second = new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (api.store.isScanning || linted() === base) return;
        clearInterval(poll);
        queueRunning = api.diagnostics.problemsPending > 0;
        lintedWhenSecondBegan = linted();
        api.store.scan({ fresh: true }).then(() => {
          lintedWhenSecondEnded = linted();
          resolve();
        }, reject);
      }, 1);
    });
    await api.store.scan({ fresh: true });
    await second;
    await waitFor('the problems of every file', () => api.diagnostics.problemsPending === 0);
    assert.ok(queueRunning, 'the second scan began while problems were still being worked out');
    // At most the file in hand when it began was linted while the second scan ran.
    assert.ok(lintedWhenSecondEnded - lintedWhenSecondBegan <= 1, JSON.stringify({ lintedWhenSecondBegan, lintedWhenSecondEnded }));
    assert.equal(linted() - lintedWhenSecondEnded, closedFiles(), 'after it, each file it read was linted once');
    assert.deepEqual(snapshot(api).problems, before);
  });

  it('reads every file when the cache is damaged, a file whose line is damaged, and every file on Refresh', async () => {
    const file = api.store.cacheFile!;
    await settleAndSave(api);
    const before = snapshot(api).summaries;
    const [header, ...lines] = readFileSync(file, 'utf8').split('\n');
    const damagedKey = workspaceUri('warm', 'm3.md').toString();
    const damagedAt = lines.findIndex((line) => line.startsWith(JSON.stringify([damagedKey]).slice(0, -1)));
    assert.ok(damagedAt >= 0, 'the cache has a line for the file');

    // One line cut short: that file alone is read.
    writeFileSync(file, [header, ...lines.map((line, i) => (i === damagedAt ? line.slice(0, 50) : line))].join('\n'));
    const lingering = lingeringMarkdownBuffers();
    await api.store.scan();
    const report = api.store.lastScan!;
    assert.ok(report.fromCache <= report.files - 1 && report.fromCache >= report.files - 1 - lingering, JSON.stringify({ report, lingering }));
    assert.deepEqual(snapshot(api).summaries, before);

    // A damaged problems cache: every file's problems are linted again, and the same.
    await settleAndSave(api);
    const problemsFile = join(dirname(file), 'problems-cache.jsonl');
    const problemsBefore = snapshot(api).problems;
    const [problemsHeader, ...problemLines] = readFileSync(problemsFile, 'utf8').trimEnd().split('\n');
    assert.ok(problemLines.length >= FILES - 1, `the problems of the files were saved (${problemLines.length})`);
    // Half the lines name a rule that does not exist, half are cut short.
    const damage = (line: string, i: number) => (i % 2 ? line.replace(/"(?:carry-over|action-owner)"/gu, '"no-such-rule"') : line.slice(0, -2));
    writeFileSync(problemsFile, [problemsHeader, ...problemLines.map(damage)].join('\n'));
    const counts = { ...api.diagnostics.reloadCounts };
    await api.store.scan();
    await waitFor('the problems of every file', () => api.diagnostics.problemsPending === 0);
    assert.ok(api.diagnostics.reloadCounts.linted - counts.linted >= FILES - 1, 'the files with damaged problems were linted again');
    assert.deepEqual(snapshot(api).problems, problemsBefore);

    // Every line damaged, under a good header (after the save that the scan started).
    await settleAndSave(api);
    writeFileSync(file, [header, ...lines.map((line) => `${line.slice(0, 40)}]]`)].join('\n'));
    await api.store.scan();
    assert.equal(api.store.lastScan!.fromCache, 0);
    assert.deepEqual(snapshot(api).summaries, before);

    // Refresh reads every file, whatever the cache holds, and saves a new cache when done.
    await settleAndSave(api);
    writeFileSync(file, 'not a cache');
    await vscode.commands.executeCommand('meetings.refresh');
    assert.equal(api.store.lastScan!.fromCache, 0, 'Refresh reads every file');
    assert.deepEqual(snapshot(api).summaries, before);
    await waitFor('the cache saved after the refresh', () => readFileSync(file, 'utf8').startsWith(header!));
    await api.store.scan();
    assert.ok(api.store.lastScan!.fromCache >= FILES, 'the new cache serves the next scan');
  });

  it('at midnight works out the overdue problems again without reading the files, as a full read of the new day gives them', async () => {
    await settleAndSave(api);
    const warmFiles = () => api.store.index.keys().filter((key) => key.includes('/warm/'));
    const detailed = () =>
      new Map(
        warmFiles().map((key) => [key, meetingDiagnostics(vscode.Uri.parse(key)).map((d) => `${String((d.code as { value: string }).value)}@${JSON.stringify(d.range)}:${d.severity} ${d.message}`)] as const),
      );
    const today = detailed();
    const counts = { ...api.diagnostics.reloadCounts };
    const threeDaysOn = Date.now() + 3 * 86_400_000;
    api.diagnostics.clock = () => new Date(threeDaysOn);
    try {
      api.diagnostics.checkDay();
      await waitFor('the problems of the new day', () => api.diagnostics.problemsPending === 0);
      const atMidnight = detailed();
      assert.ok(api.diagnostics.reloadCounts.overdueAtMidnight - counts.overdueAtMidnight >= warmFiles().length, JSON.stringify(api.diagnostics.reloadCounts));
      assert.equal(api.diagnostics.reloadCounts.linted, counts.linted, 'no file was linted again');
      // The overdue problems count three more days; nothing else changed.
      const overdueOf = (problems: readonly string[]) => problems.filter((problem) => problem.startsWith('action-overdue@'));
      for (const [key, problems] of today) {
        assert.deepEqual(atMidnight.get(key)!.filter((problem) => !problem.startsWith('action-overdue@')), problems.filter((problem) => !problem.startsWith('action-overdue@')), key);
        assert.equal(overdueOf(atMidnight.get(key)!).length, overdueOf(problems).length, key);
        assert.notDeepEqual(overdueOf(atMidnight.get(key)!), overdueOf(problems), `${key}: the days counted changed`);
      }
      // A full read of every file on the new day gives the same problems, in the same order.
      await vscode.commands.executeCommand('meetings.refresh');
      await waitFor('the problems of every file', () => api.diagnostics.problemsPending === 0);
      assert.deepEqual(detailed(), atMidnight);
    } finally {
      api.diagnostics.clock = () => new Date();
      api.diagnostics.checkDay();
      await waitFor('the problems of today', () => api.diagnostics.problemsPending === 0);
    }
    assert.deepEqual(detailed(), today);
  });
});
