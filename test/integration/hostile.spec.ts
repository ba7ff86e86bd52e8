// Hostile files inside a real VS Code: entries that cannot be read as text, files that change
// under a rescan, and huge or pathological meetings opened in an editor. The extension must keep
// working, show nothing for what it cannot read, say why in the "Meetings" log, keep the extension
// host responsive and never change a character of the user's text.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { closeSync, constants, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { MeetingsApi } from '../../src/extension/extension';
import { closeAllEditors, extensionApi, meetingDiagnostics, summary, waitFor, workspaceUri } from './helpers';

const FRONT = '---\ntitle: Hostile\ndate: 2020-03-02\nattendees: [张三]\n---\n\n## Actions\n';

function metrics(): Record<string, number> {
  return ((globalThis as { meetingsTestMetrics?: Record<string, number> }).meetingsTestMetrics ??= {});
}

/** Longest time the extension host's event loop did not run a 10 ms timer, while `work` ran. */
async function withEventLoopWatch<T>(work: () => Promise<T>): Promise<{ result: T; maxGapMs: number; ms: number }> {
  let last = performance.now();
  let maxGapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
  }, 10);
  const started = performance.now();
  try {
    const result = await work();
    const ms = performance.now() - started;
    maxGapMs = Math.max(maxGapMs, performance.now() - last);
    return { result, maxGapMs: Math.round(maxGapMs), ms: Math.round(ms) };
  } finally {
    clearInterval(timer);
  }
}

/** Fails instead of waiting forever: a hang must be a test failure, not a stuck run. */
function within<T>(what: string, promise: Thenable<T>, ms: number): Promise<T> {
  return Promise.race([
    Promise.resolve(promise),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms)),
  ]);
}

function keysUnder(api: MeetingsApi, folder: vscode.Uri): string[] {
  const prefix = `${folder.toString()}/`;
  return api.store.index
    .keys()
    .filter((key) => key.startsWith(prefix))
    .map((key) => key.slice(prefix.length))
    .sort();
}

function treeTexts(api: MeetingsApi, marker: string): string[] {
  return api.tree
    .visibleActions()
    .map((item) => item.action.text)
    .filter((text) => text.includes(marker))
    .sort();
}

/** Whether some process holds the FIFO open for reading (opening it to write without one fails). */
function fifoHasReader(path: string): boolean {
  try {
    closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') return false;
    throw error;
  }
}

describe('hostile files: entries that are not readable meetings', function () {
  this.timeout(120_000);
  let api: MeetingsApi;
  before(async () => {
    api = await extensionApi();
  });
  afterEach(async () => {
    await api.tree.setFilter({ text: '', owner: null, onlyMine: false });
    await closeAllEditors();
  });

  it('skips a dangling link, a folder, a FIFO, a binary and a non-UTF-8 file named .md; the meeting next to them is listed and linted', async () => {
    const folder = workspaceUri('hostile-entries');
    const dir = folder.fsPath;
    const pipe = join(dir, 'pipe.md');
    mkdirSync(dir, { recursive: true });
    const reported = new Set<string>();
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '*'), false, true, true);
    const listening = watcher.onDidCreate((uri) => reported.add(uri.path.split('/').pop()!));
    try {
      writeFileSync(join(dir, 'good.md'), `${FRONT}- [ ] HOSTILE-GOOD has no owner 📅 2099-01-01\n`);
      // A rescan, so the start does not depend on the watcher (which can miss files written into a
      // folder it has just seen created) and the folder is watched before the entries arrive.
      await api.store.scan();
      await api.tree.setFilter({ text: 'HOSTILE-' });
      await waitFor('the good meeting in the tree', () => treeTexts(api, 'HOSTILE-').length > 0);

      symlinkSync(join(dir, 'nowhere.md'), join(dir, 'gone.md'));
      mkdirSync(join(dir, 'folder.md'));
      // A PNG named `.md`, whose bytes after the header would be a meeting if read as text.
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0]);
      writeFileSync(join(dir, '.md'), Buffer.concat([png, Buffer.from(`\n${FRONT}- [ ] HOSTILE-BAD from the binary file\n`)]));
      // Latin-1 text: valid frontmatter, but `é` and `ÿ` are not UTF-8.
      writeFileSync(join(dir, 'latin1.md'), Buffer.concat([Buffer.from(FRONT), Buffer.from('- [ ] HOSTILE-BAD caf'), Buffer.from([0xe9, 0x20, 0xff]), Buffer.from('\n')]));
      execFileSync('mkfifo', [pipe]);
      // The extension hears of each entry from the watcher, as this test does; then a full rescan
      // lists the folder again.
      await waitFor('the watcher to report the entries', () => ['gone.md', 'folder.md', '.md', 'latin1.md', 'pipe.md'].every((name) => reported.has(name)));
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const scan = await withEventLoopWatch(() => within('the rescan', api.store.scan(), 30_000));
      metrics().hostileEntriesRescanMs = scan.ms;

      assert.deepEqual(keysUnder(api, folder), ['good.md'], 'only the readable meeting is indexed');
      assert.deepEqual(treeTexts(api, 'HOSTILE-'), ['HOSTILE-GOOD has no owner 📅 2099-01-01']);
      const goodUri = vscode.Uri.joinPath(folder, 'good.md');
      await waitFor('diagnostics of the good meeting', () => summary(meetingDiagnostics(goodUri)).includes('action-owner@8'));
      for (const name of ['gone.md', 'folder.md', '.md', 'latin1.md', 'pipe.md']) {
        assert.deepEqual(meetingDiagnostics(vscode.Uri.joinPath(folder, name)), [], `no problems for ${name}`);
      }
      const logged = api.log.recent.join('\n');
      assert.match(logged, /hostile-entries\/\.md: not text \(a binary file, or UTF-16 without a byte order mark\); skipped/u);
      assert.match(logged, /hostile-entries\/latin1\.md: not valid UTF-8 text; skipped/u);
      // Reading a FIFO blocks until a writer comes; VS Code's file service would wait for ever (and
      // hold one of the server's I/O threads), so the extension must not even try.
      assert.equal(fifoHasReader(pipe), false, 'nothing is blocked reading pipe.md');

      // Still working: a meeting written after all this is picked up as usual.
      writeFileSync(join(dir, 'later.md'), `${FRONT}- [ ] HOSTILE-LATER @张三 📅 2099-01-01\n`);
      await waitFor('a later meeting in the tree', () => treeTexts(api, 'HOSTILE-LATER').length === 1);
    } finally {
      listening.dispose();
      watcher.dispose();
      // Let a blocked reader (if the test failed) see the end of the FIFO before it is deleted.
      try {
        if (fifoHasReader(pipe)) closeSync(openSync(pipe, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // gone already
      }
      rmSync(dir, { recursive: true, force: true });
    }
    await waitFor('no ghosts after the folder is deleted', () => keysUnder(api, folder).length === 0 && treeTexts(api, 'HOSTILE-').length === 0);
  });

  it('leaves no ghost when files are deleted or replaced by a folder while a rescan runs', async () => {
    const folder = workspaceUri('hostile-race');
    const dir = folder.fsPath;
    const count = 60;
    const name = (i: number) => `m${String(i).padStart(2, '0')}.md`;
    mkdirSync(dir, { recursive: true });
    const disposables: vscode.Disposable[] = [];
    try {
      for (let i = 0; i < count; i++) writeFileSync(join(dir, name(i)), `${FRONT}- [ ] RACE-${i} @张三 📅 2099-01-01\n`);
      // Files written into a new folder at once are not all reported by VS Code's watcher (see
      // below): the extension searches a folder when it appears, so none is missed.
      await waitFor('every file of the new folder in the tree, without a rescan', () => treeTexts(api, 'RACE-').length === count, 30_000);

      // What VS Code's watcher reports: files written into a brand-new folder at once are often
      // not reported at all (the folder is watched only after they were written).
      const reported = new Set<string>();
      const watcher = vscode.workspace.createFileSystemWatcher('**/*.md', false, true, true);
      disposables.push(watcher, watcher.onDidCreate((uri) => reported.add(uri.toString().slice(folder.toString().length + 1))));

      // As soon as the rescan has stored its first file of the folder, the folder changes under it:
      // a third of the files become folders holding a meeting, a third are deleted.
      let changed = false;
      const listener = api.store.index.onDidChange((keys) => {
        if (changed || !api.store.isScanning || !keys.some((key) => key.startsWith(`${folder.toString()}/`))) return;
        changed = true;
        for (let i = 0; i < count; i++) {
          const path = join(dir, name(i));
          if (i % 3 === 2) continue;
          unlinkSync(path);
          if (i % 3 === 0) {
            mkdirSync(path);
            writeFileSync(join(path, 'inner.md'), `${FRONT}- [ ] RACE-INNER-${i} @张三 📅 2099-01-01\n`);
          }
        }
      });
      disposables.push({ dispose: () => listener.dispose() });
      await within('the rescan', api.store.scan(), 30_000);
      assert.ok(changed, 'the files changed while the rescan ran');

      const kept = Array.from({ length: count }, (_, i) => i).filter((i) => i % 3 === 2).map(name);
      const inner = Array.from({ length: count }, (_, i) => i).filter((i) => i % 3 === 0).map((i) => `${name(i)}/inner.md`);
      const isFileOnDisk = (key: string) => existsSync(join(dir, key)) && statSync(join(dir, key)).isFile();
      // Settled: every kept file listed, nothing listed that is not a file on disk (no ghost), and
      // every meeting the watcher reported inside a new folder listed (none dropped with the name).
      const settled = () => {
        const keys = keysUnder(api, folder);
        return kept.every((key) => keys.includes(key)) && keys.every(isFileOnDisk) && [...reported].filter(isFileOnDisk).every((key) => keys.includes(key));
      };
      await waitFor('the index to settle', settled, 30_000).catch((error: Error) => {
        throw new Error(`${error.message}\n  index: ${keysUnder(api, folder).join(', ')}\n  reported: ${[...reported].join(', ')}`);
      });
      // And it stays so once the watcher has delivered every event.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      assert.ok(settled(), `index: ${keysUnder(api, folder).join(', ')}`);
      assert.deepEqual(meetingDiagnostics(vscode.Uri.joinPath(folder, name(1))), [], 'no problems left for a deleted file');
      assert.deepEqual(meetingDiagnostics(vscode.Uri.joinPath(folder, name(0))), [], 'none for a file that became a folder');
      metrics().hostileRaceNewFolderMeetingsReported = [...reported].filter((key) => key.endsWith('/inner.md')).length;

      // The meetings in the folders that replaced files: found when each folder appeared, whether
      // or not the watcher reported them.
      await waitFor('the meetings of the new folders', () => inner.every((key) => keysUnder(api, folder).includes(key)), 30_000);
      assert.deepEqual(keysUnder(api, folder), [...kept, ...inner].sort());
      // And Refresh, reading everything again, finds the same.
      await within('Refresh', vscode.commands.executeCommand('meetings.refresh'), 30_000);
      assert.deepEqual(keysUnder(api, folder), [...kept, ...inner].sort());
      assert.equal(treeTexts(api, 'RACE-').length, kept.length + inner.length);
    } finally {
      disposables.forEach((disposable) => disposable.dispose());
      rmSync(dir, { recursive: true, force: true });
    }
    await waitFor('no ghosts after the folder is deleted', () => keysUnder(api, folder).length === 0 && treeTexts(api, 'RACE-').length === 0);
  });
});

describe('hostile files: huge and pathological meetings in an editor', function () {
  this.timeout(240_000);
  let api: MeetingsApi;
  const folder = () => workspaceUri('hostile-editor');
  const files = () => vscode.workspace.getConfiguration('files');
  let autoSave: string | undefined;
  before(async () => {
    api = await extensionApi();
    mkdirSync(folder().fsPath, { recursive: true });
    // code-server saves after a delay by default; these tests save when they mean to.
    autoSave = files().inspect<string>('autoSave')?.globalValue;
    await files().update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  });
  afterEach(async () => {
    await api.tree.setFilter({ text: '', owner: null, onlyMine: false });
  });
  after(async () => {
    await files().update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
    rmSync(folder().fsPath, { recursive: true, force: true });
    await waitFor('no ghosts after the folder is deleted', () => keysUnder(api, folder()).length === 0);
  });

  /** Saves the document and waits until the watcher has reported it and gone quiet; returns how many events it sent. */
  async function saveAndWaitForWatcher(document: vscode.TextDocument): Promise<number> {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder(), document.uri.path.split('/').pop()!), true, false, true);
    let events = 0;
    let lastEvent = 0;
    const counting = watcher.onDidChange(() => {
      events++;
      lastEvent = Date.now();
    });
    try {
      assert.ok(await document.save(), 'saved');
      await waitFor('the watcher to report the save and go quiet', () => events > 0 && Date.now() - lastEvent > 3000, 120_000);
      return events;
    } finally {
      counting.dispose();
      watcher.dispose();
    }
  }

  /**
   * Writes `text` as `name`, opens it in an editor as the user does and waits until `linted`;
   * records how long that took, the longest stall of the extension host meanwhile, and the
   * extension's own share (reading, linting and publishing the buffer once). Then runs `body`, and
   * finally closes the editor and deletes the file (a huge meeting left in the index would slow
   * down every test after it).
   */
  async function withHostileFile(
    name: string,
    text: string,
    metric: string,
    boundMs: number,
    linted: (uri: vscode.Uri) => boolean,
    body: (editor: vscode.TextEditor) => Promise<void>,
  ): Promise<void> {
    const uri = vscode.Uri.joinPath(folder(), name);
    try {
      const { result: editor, ms, maxGapMs } = await withEventLoopWatch(async () => {
        writeFileSync(uri.fsPath, text);
        // Through the command, so the document closes with its editor (one an extension opened
        // through the API stays open for minutes after).
        await within(`opening ${name}`, vscode.commands.executeCommand('vscode.open', uri), boundMs);
        const shown = await waitFor(`an editor of ${name}`, () => vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === uri.toString()), boundMs);
        await waitFor(`${name} linted`, () => linted(uri), boundMs);
        return shown;
      });
      metrics()[`${metric}LintedMs`] = ms;
      metrics()[`${metric}MaxEventLoopGapMs`] = maxGapMs;
      assert.ok(ms < boundMs, `linted after ${ms} ms`);
      assert.ok(maxGapMs < boundMs, `the extension host stalled for ${maxGapMs} ms`);
      assert.equal(editor.document.getText(), text, 'the editor holds the file exactly');
      metrics()[`${metric}RelintMs`] = (await withEventLoopWatch(() => api.store.updateFromDocument(editor.document))).ms;
      await body(editor);
    } finally {
      if (vscode.window.activeTextEditor?.document.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
      await closeAllEditors();
      rmSync(uri.fsPath, { force: true });
      await waitFor(`${name} gone from the index`, () => !api.store.index.get(uri.toString()), boundMs);
    }
  }

  it('a 10 MB meeting: linted, listed in the tree, and an edit undone gives back the exact text', async () => {
    const parts = [FRONT];
    let size = FRONT.length;
    let sections = 0;
    for (; size < 10_000_000; sections++) {
      const chunk = [
        `## 行动项 ${sections}`,
        ...Array.from({ length: 30 }, (_, i) => `- [ ] BIG-${sections}-${i} 复盘活动数据并输出结论 @张三 📅 2099-12-${String((i % 28) + 1).padStart(2, '0')} ⏫ 截止：下周五 owner: Alice Chen`),
        '',
        `Some prose about section ${sections}, with **emphasis**, [a link](https://example.com/${sections}) and \`code\`. `.repeat(20),
        '',
      ].join('\n');
      parts.push(chunk);
      size += Buffer.byteLength(chunk);
    }
    const text = parts.join('');
    const actions = sections * 30;
    metrics().hostile10MbBytes = Buffer.byteLength(text);
    await withHostileFile('big.md', text, 'hostile10Mb', 120_000, (uri) => meetingDiagnostics(uri).length > 0, async (editor) => {
      const key = editor.document.uri.toString();
      metrics().hostile10MbLines = editor.document.lineCount;
      const findings = (await waitFor('the findings of the open document', () => api.diagnostics.findingsFor(key), 120_000)).findings.length;
      metrics().hostile10MbFindings = findings;
      assert.equal(meetingDiagnostics(editor.document.uri).length, findings, 'every finding is a diagnostic (VS Code shows the first 1,000 of a file)');
      await api.tree.setFilter({ text: 'BIG-' });
      assert.equal(api.tree.visibleActions().length, actions, `all ${actions} actions in the tree`);
      await api.tree.setFilter({ text: '' });

      // One keystroke into the first action: the index and the tree follow. (Polling the index,
      // not the tree: listing 55,000 actions 10 times a second would itself stall the host.)
      const firstAction = () => api.store.index.get(key)?.meeting.actions[0]?.text ?? '';
      const typedAt = new vscode.Position(8, '- [ ] BIG-0-0'.length);
      assert.equal(editor.document.lineAt(8).text.slice(0, typedAt.character), '- [ ] BIG-0-0');
      editor.selection = new vscode.Selection(typedAt, typedAt);
      const typed = await withEventLoopWatch(async () => {
        await vscode.commands.executeCommand('type', { text: 'X' });
        await waitFor('the typed action in the index', () => firstAction().startsWith('BIG-0-0X 复盘'), 120_000);
      });
      metrics().hostile10MbKeystrokeToTreeMs = typed.ms;
      metrics().hostile10MbKeystrokeMaxEventLoopGapMs = typed.maxGapMs;
      assert.ok(editor.document.isDirty);
      assert.ok(api.tree.visibleActions().some((item) => item.action.text.startsWith('BIG-0-0X 复盘')), 'the tree lists the typed action');

      // Saving: the watcher reports the written file, often as dozens of events; the buffer did not
      // change, so the index keeps the very entry it had (each re-read would stall the host again).
      const indexed = api.store.index.get(key);
      const saved = await withEventLoopWatch(() => saveAndWaitForWatcher(editor.document));
      metrics().hostile10MbSaveWatcherEvents = saved.result;
      metrics().hostile10MbSaveMaxEventLoopGapMs = saved.maxGapMs;
      assert.ok(api.store.index.get(key) === indexed, 'the saved buffer was not read again');

      // Undo, and save again: the editor and the file hold exactly the original text.
      const undone = await withEventLoopWatch(async () => {
        await vscode.commands.executeCommand('undo');
        await waitFor('the index to follow the undo', () => firstAction().startsWith('BIG-0-0 复盘'), 120_000);
      });
      metrics().hostile10MbUndoMs = undone.ms;
      assert.equal(editor.document.getText(), text, 'not a character lost or added');
      await saveAndWaitForWatcher(editor.document);
      assert.ok(readFileSync(editor.document.uri.fsPath).equals(Buffer.from(text)), 'the file holds the original text');
    });
  });

  it('a 100 KB line of 📅 in an action', async () => {
    const text = `${FRONT}- [ ] HOSTILE-DATES @张三 ${'📅'.repeat(50_000)}\n`;
    await withHostileFile('dates.md', text, 'hostileDateMarkers100Kb', 60_000, (uri) => summary(meetingDiagnostics(uri)).includes('due-invalid@8'), async (editor) => {
      const diagnostics = meetingDiagnostics(editor.document.uri);
      metrics().hostileDateMarkers100KbFindings = diagnostics.length;
      const longest = Math.max(...diagnostics.map((diagnostic) => diagnostic.message.length));
      assert.ok(longest < 1000, `a message of ${longest} characters`);
    });
  });

  it('a 100 KB line of @ in an action', async () => {
    const text = `${FRONT}- [ ] HOSTILE-ATS ${'@'.repeat(100_000)}\n`;
    await withHostileFile('ats.md', text, 'hostileAts100Kb', 60_000, (uri) => meetingDiagnostics(uri).length > 0, async (editor) => {
      assert.deepEqual(summary(meetingDiagnostics(editor.document.uri)), ['action-due@8', 'action-owner@8']);
    });
  });

  it('a 1,000-deep nested task list', async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- [ ] DEEP-${i}${i === 0 ? ' @张三 📅 2099-01-01' : ''}`);
    const text = `${FRONT}${lines.join('\n')}\n`;
    // Nested tasks need no owner of their own: no problems, so wait for the lint result itself.
    const linted = (uri: vscode.Uri) => api.diagnostics.findingsFor(uri.toString())?.entry.meeting.actions.length === 1000;
    await withHostileFile('deep.md', text, 'hostileNested1000', 60_000, linted, async (editor) => {
      assert.deepEqual(meetingDiagnostics(editor.document.uri), []);
      await api.tree.setFilter({ text: 'DEEP-' });
      assert.equal(api.tree.visibleActions().length, 1000, 'every level is an action in the tree');
    });
  });
});
