// Virtual file systems in a real VS Code (the manifest says `virtualWorkspaces: limited`): meeting
// files served by a FileSystemProvider are linted and listed like local ones, with the
// `.meetings.yaml` of their own folders; edits go through the provider; a read-only one refuses
// them with a message; nothing stays behind once their editors are closed. (The memfs folder is not
// added as a second workspace folder: in the browser workbench, going from one folder to two
// reopens the window, which would end the test run.)
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ActionNode } from '../../src/extension/actions-tree';
import type { MeetingsApi } from '../../src/extension/extension';
import { closeAllEditors, extensionApi, meetingDiagnostics, summary, waitFor } from './helpers';
import { MemFs } from './memfs';

const MEETING = [
  '---',
  'title: Virtual weekly',
  'date: 2020-03-02',
  'attendees: [Zhao Lei]',
  '---',
  '',
  '## Actions',
  '- [ ] VIRTUAL by alias @zhao 📅 2099-01-01',
  '- [ ] VIRTUAL nobody owns this 📅 2099-01-01',
  '- [ ] VIRTUAL alias of another roster @alice 📅 2099-01-01',
  '',
].join('\n');
// Only this file's roster knows `zhao`; `alice` is an alias in the local workspace's roster.
const CONFIG = 'people:\n  - name: Zhao Lei\n    aliases: [zhao]\n';

function virtualKeys(api: MeetingsApi, scheme: string): string[] {
  return api.store.index.keys().filter((key) => key.startsWith(`${scheme}:`));
}

function virtualActions(api: MeetingsApi, uri?: vscode.Uri): ActionNode['item'][] {
  return api.tree.visibleActions().filter((item) => item.action.text.startsWith('VIRTUAL') && (!uri || item.entry.key === uri.toString()));
}

/**
 * Opens a file in an editor as the user does. (A document that an extension opens through the
 * API stays open for up to three minutes after its editor is closed; this one closes with it.)
 */
async function openEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  await vscode.commands.executeCommand('vscode.open', uri);
  return waitFor(`an editor of ${uri.toString()}`, () => vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString()));
}

describe('virtual file systems', function () {
  this.timeout(60_000);
  let api: MeetingsApi;
  let memfs: MemFs;
  let readonlyFs: MemFs;
  const registrations: vscode.Disposable[] = [];

  before(async () => {
    api = await extensionApi();
    memfs = new MemFs('meetings-memfs');
    readonlyFs = new MemFs('meetings-memfs-ro');
    registrations.push(
      vscode.workspace.registerFileSystemProvider(memfs.scheme, memfs, { isCaseSensitive: true }),
      vscode.workspace.registerFileSystemProvider(readonlyFs.scheme, readonlyFs, { isCaseSensitive: true, isReadonly: true }),
    );
  });
  afterEach(async () => {
    await api.tree.setFilter({ text: '', owner: null, onlyMine: false });
    await closeAllEditors();
  });
  after(() => registrations.forEach((registration) => registration.dispose()));

  it('lints a meeting on a virtual file system with its own .meetings.yaml, and lists its actions', async () => {
    memfs.put('/team/.meetings.yaml', CONFIG);
    const uri = memfs.put('/team/meetings/weekly.md', MEETING);
    await openEditor(uri);
    const problems = await waitFor('the diagnostics of the virtual meeting', () => {
      const found = summary(meetingDiagnostics(uri));
      return found.length > 0 ? found : null;
    });
    assert.deepEqual(problems, ['action-owner@9', 'owner-unknown@10']);
    const owners = Object.fromEntries(virtualActions(api, uri).map((item) => [item.action.text.split(' @')[0]!.split(' 📅')[0], item.action.owners]));
    assert.deepEqual(owners, {
      'VIRTUAL by alias': ['Zhao Lei'],
      'VIRTUAL nobody owns this': [],
      'VIRTUAL alias of another roster': ['alice'],
    });

    // The rescan of the workspace keeps it: an open document on another file system is not a
    // deleted workspace file.
    await api.store.scan();
    assert.equal(virtualActions(api, uri).length, 3);

    // Saving a changed .meetings.yaml through the editor re-reads it, on this file system too.
    const config = await openEditor(vscode.Uri.from({ scheme: memfs.scheme, path: '/team/.meetings.yaml' }));
    await config.edit((edit) => edit.insert(new vscode.Position(config.document.lineCount - 1, 0), '  - name: Alice Chen\n    aliases: [alice]\n'));
    await config.document.save();
    await waitFor('the new roster applied', () => summary(meetingDiagnostics(uri)).join() === 'action-owner@9');
  });

  it('marks an action done from the tree: the provider gets the new text', async () => {
    const uri = memfs.put('/team/meetings/done.md', MEETING);
    await openEditor(uri);
    const item = await waitFor('the action in the tree', () => virtualActions(api, uri).find((candidate) => candidate.action.text.startsWith('VIRTUAL by alias')));
    const done = await vscode.commands.executeCommand<boolean>('meetings.markDone', { kind: 'action', groupId: '', item } satisfies ActionNode);
    assert.equal(done, true);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(text, /^- \[x\] VIRTUAL by alias @zhao 📅 2099-01-01 ✅ \d{4}-\d{2}-\d{2}$/mu);
  });

  it('on a read-only file system, refuses edits and exports with a message instead of failing', async () => {
    const uri = readonlyFs.put('/team/meetings/readonly.md', MEETING);
    const editor = await openEditor(uri);
    const item = await waitFor('the action in the tree', () => virtualActions(api, uri)[0]);
    const done = await vscode.commands.executeCommand<boolean>('meetings.markDone', { kind: 'action', groupId: '', item } satisfies ActionNode);
    assert.equal(done, false, 'nothing was marked done');
    assert.equal(editor.document.isDirty, false, 'not even in the buffer, which could not be saved');
    const exported = await vscode.commands.executeCommand<vscode.Uri | undefined>('meetings.exportMinutes', uri, 'markdown', vscode.Uri.from({ scheme: readonlyFs.scheme, path: '/team/meetings/readonly.minutes.md' }));
    assert.equal(exported, undefined, 'no minutes written');
    assert.equal(readonlyFs.has('/team/meetings/readonly.minutes.md'), false);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), MEETING, 'the file is unchanged');
    // Export to a writable place still works.
    const target = vscode.Uri.from({ scheme: memfs.scheme, path: '/exports/readonly.minutes.md' });
    assert.equal((await vscode.commands.executeCommand<vscode.Uri | undefined>('meetings.exportMinutes', uri, 'markdown', target))?.toString(), target.toString());
    assert.ok(memfs.has('/exports/readonly.minutes.md'));
  });

  it('forgets a virtual meeting once its editor is closed: no ghost in the tree or the Problems panel', async () => {
    const uri = memfs.put('/team/meetings/closed.md', MEETING);
    await openEditor(uri);
    await waitFor('the virtual meeting linted', () => meetingDiagnostics(uri).length > 0);
    assert.equal(virtualActions(api, uri).length, 3);
    await closeAllEditors();
    await waitFor('the virtual meeting gone from the index', () => !virtualKeys(api, memfs.scheme).includes(uri.toString()));
    assert.deepEqual(meetingDiagnostics(uri), [], 'its problems are gone');
    assert.deepEqual(virtualActions(api, uri), [], 'its actions are gone');
  });
});
