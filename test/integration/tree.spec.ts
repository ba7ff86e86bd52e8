import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ActionNode, GroupNode, MoreNode, TreeNode } from '../../src/extension/actions-tree';
import type { MeetingsApi } from '../../src/extension/extension';
import { closeAllEditors, extensionApi, readText, waitFor, workspaceUri, writeText } from './helpers';

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Group label → number of actions, as the tree shows them. */
function counts(groups: GroupNode[]): Record<string, number> {
  return Object.fromEntries(groups.map((group) => [group.label, group.items.length]));
}

describe('open actions tree', () => {
  let api: MeetingsApi;
  before(async () => {
    api = await extensionApi();
  });
  afterEach(async () => {
    await api.tree.setFilter({ text: '', owner: null, onlyMine: false });
    await api.tree.setGroupBy('due');
    await closeAllEditors();
  });

  it('groups open and in-progress actions by due bucket, with counts', async () => {
    await api.tree.setGroupBy('due');
    await api.tree.setFilter({ text: 'TREE' });
    const labels = vscode.env.language.startsWith('zh') ? ['已逾期', '以后', '无截止日期'] : ['Overdue', 'Later', 'No date'];
    assert.deepEqual(counts(api.tree.groups()), { [labels[0]!]: 2, [labels[1]!]: 3, [labels[2]!]: 1 });
    const item = api.tree.getTreeItem(api.tree.getChildren(api.tree.groups()[0])[0]!);
    assert.equal(item.label, 'TREE overdue one');
    assert.match(String(item.description), /张三 · 📅 2020-03-10/);
    assert.equal(item.resourceUri?.query, 'overdue', 'overdue labels are decorated in the error colour');
    assert.equal(item.command?.command, 'vscode.open');
  });

  it('groups by owner (an action with two owners under both) and remembers the choice', async () => {
    await vscode.commands.executeCommand('meetings.groupBy.owner');
    await api.tree.setFilter({ text: 'TREE' });
    assert.deepEqual(counts(api.tree.groups()), { 'Alice Chen': 2, 张三: 3, 李四: 2 });
    assert.equal(api.tree.groupBy, 'owner');
  });

  it('filters by owner through a roster alias', async () => {
    await api.tree.setFilter({ text: 'TREE', owner: 'alice' });
    const titles = api.tree.visibleActions().map((item) => item.action.text.split(' @')[0]).sort();
    assert.deepEqual(titles, ['TREE later', 'TREE mark me done']);
  });

  it('marks an action done on disk, changing exactly the box and adding the done date', async () => {
    const uri = workspaceUri('meetings', 'tree.md');
    const before = await readText(uri);
    await api.tree.setFilter({ text: 'mark me done' });
    const group = api.tree.groups()[0]!;
    const node = api.tree.getChildren(group)[0] as ActionNode;
    assert.equal(await vscode.commands.executeCommand('meetings.markDone', node), true);
    const after = await readText(uri);
    assert.equal(
      after,
      before.replace('- [ ] TREE mark me done @Alice Chen 📅 2099-07-01 ^mark-me', `- [x] TREE mark me done @Alice Chen 📅 2099-07-01 ✅ ${today()} ^mark-me`),
    );
    await waitFor('the done action to leave the tree', () => api.tree.visibleActions().length === 0);
  });

  it('follows edits in an unsaved buffer', async () => {
    const uri = workspaceUri('meetings', 'tree.md');
    const editor = await vscode.window.showTextDocument(uri);
    await editor.edit((edit) => edit.insert(editor.document.lineAt(8).range.start, '- [ ] TREE typed in the buffer @李四\n'));
    await api.tree.setFilter({ text: 'typed in the buffer' });
    await waitFor('the typed action in the tree', () => api.tree.visibleActions().length === 1);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('the typed action to go after reverting', () => api.tree.visibleActions().length === 0);
  });

  it('drops the actions of a deleted file, and shows a new file’s actions once', async () => {
    const uri = workspaceUri('meetings', 'short-lived.md');
    await writeText(uri, '---\ndate: 2020-03-02\nattendees: [张三]\n---\n\n- [ ] SHORT-LIVED one @张三\n- [ ] SHORT-LIVED two @张三\n');
    await api.tree.setFilter({ text: 'SHORT-LIVED' });
    await waitFor('the new file’s two actions', () => api.tree.visibleActions().length === 2);
    await writeText(uri, '---\ndate: 2020-03-02\nattendees: [张三]\n---\n\n- [ ] SHORT-LIVED one @张三\n- [ ] SHORT-LIVED two @张三\n- [ ] SHORT-LIVED three\n');
    await waitFor('three actions after a change on disk, no duplicates', () => api.tree.visibleActions().length === 3);
    await vscode.workspace.fs.delete(uri);
    await waitFor('no ghosts after deletion', () => api.tree.visibleActions().length === 0);
  });

  it('lists an action carried into the next meeting once, where it now stands, as the next meeting changes', async () => {
    const first = workspaceUri('carry-tree', '2026-11-02.md');
    const second = workspaceUri('carry-tree', '2026-11-09.md');
    const meeting = (date: string, ...items: string[]) => `---\ndate: ${date}\nseries: carry-tree\nattendees: [张三]\n---\n\n## 行动计划\n\n${items.join('\n')}\n`;
    const listed = () =>
      api.tree
        .visibleActions()
        .filter((item) => item.action.label.startsWith('CARRY-TREE'))
        .map((item) => `${item.entry.key.split('/').pop()} ${item.action.label}`)
        .sort()
        .join(' | ');
    try {
      await writeText(first, meeting('2026-11-02', '- [ ] CARRY-TREE budget @张三', '- [ ] CARRY-TREE hiring @张三'));
      await writeText(second, meeting('2026-11-09', '- [ ] CARRY-TREE other @张三'));
      await waitFor('both meetings listed', () => listed() === '2026-11-02.md CARRY-TREE budget | 2026-11-02.md CARRY-TREE hiring | 2026-11-09.md CARRY-TREE other');
      await writeText(second, meeting('2026-11-09', '- [ ] CARRY-TREE other @张三', '- [/] CARRY-TREE budget @张三 📅 2099-01-01'));
      await waitFor('the carried action listed once, in the later meeting', () => listed() === '2026-11-02.md CARRY-TREE hiring | 2026-11-09.md CARRY-TREE budget | 2026-11-09.md CARRY-TREE other');
      await writeText(second, meeting('2026-11-09', '- [ ] CARRY-TREE other @张三'));
      await waitFor('back in the earlier meeting once the later one drops it', () => listed() === '2026-11-02.md CARRY-TREE budget | 2026-11-02.md CARRY-TREE hiring | 2026-11-09.md CARRY-TREE other');
    } finally {
      await vscode.workspace.fs.delete(workspaceUri('carry-tree'), { recursive: true });
    }
    await waitFor('no ghosts after deletion', () => !listed());
  });

  it('puts an action due today in the Today group', async () => {
    const uri = workspaceUri('meetings', 'today.md');
    await writeText(uri, `---\ndate: 2020-03-02\nattendees: [张三]\n---\n\n- [ ] TODAY-ONLY @张三 📅 ${today()}\n`);
    try {
      await api.tree.setFilter({ text: 'TODAY-ONLY' });
      await waitFor('the action due today', () => api.tree.visibleActions().length === 1);
      const label = vscode.env.language.startsWith('zh') ? '今天' : 'Today';
      assert.deepEqual(counts(api.tree.groups()), { [label]: 1 });
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('lists a large group a page at a time, with the rest one click away, and tooltips built on hover', async () => {
    const uri = workspaceUri('meetings', 'many.md');
    const items = Array.from({ length: 250 }, (_, i) => `- [ ] MANY-${String(i).padStart(3, '0')} @张三 📅 2099-05-${String((i % 28) + 1).padStart(2, '0')}`);
    await writeText(uri, `---\ndate: 2020-03-02\nattendees: [张三]\n---\n\n${items.join('\n')}\n`);
    try {
      await api.tree.setFilter({ text: 'MANY-' });
      await waitFor('the 250 actions', () => api.tree.visibleActions().length === 250);
      const group = api.tree.groups()[0]!;
      assert.equal(api.tree.getTreeItem(group).description, '250', 'the group counts every action');
      const children = (): TreeNode[] => api.tree.getChildren(group);
      const first = children();
      assert.equal(first.length, 201, 'a page of 200 actions and a "more" entry');
      const more = first[200] as MoreNode;
      assert.equal(more.kind, 'more');
      const moreItem = api.tree.getTreeItem(more);
      assert.equal(moreItem.label, vscode.env.language.startsWith('zh') ? '还有 50 项…' : '50 more…');
      // Sorted by due date: the page holds the earliest.
      const dues = first.slice(0, 200).map((node) => (node as ActionNode).item.action.due!);
      assert.deepEqual(dues, [...dues].sort());
      assert.equal(dues[0], '2099-05-01');
      await vscode.commands.executeCommand(moreItem.command!.command, ...moreItem.command!.arguments!);
      const all = children();
      assert.equal(all.length, 250, 'every action once "more" is chosen');
      assert.ok(all.every((node) => node.kind === 'action'));
      const node = all[0] as ActionNode;
      const item = api.tree.getTreeItem(node);
      assert.equal(item.tooltip, undefined, 'no tooltip built before hover');
      const resolved = api.tree.resolveTreeItem(item, node);
      assert.match((resolved.tooltip as vscode.MarkdownString).value, /MANY\\?-000.*张三/su, 'the tooltip names the action and its owner');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('regroups 40,000 actions for a new filter a few meetings per task, and gives VS Code the new groups once complete', async function () {
    this.timeout(180_000); // writing and reading 200 files
    const folder = workspaceUri('meetings', 'regroup');
    const files = 200;
    const perFile = 200;
    for (let file = 0; file < files; file++) {
      const items = Array.from({ length: perFile }, (_, i) => `- [ ] REGROUP-${file}-${i} @张三 📅 2099-06-${String((i % 28) + 1).padStart(2, '0')}`);
      await writeText(vscode.Uri.joinPath(folder, `r-${file}.md`), `---\ndate: 2020-04-0${(file % 9) + 1}\nattendees: [张三]\n---\n\n${items.join('\n')}\n`);
    }
    try {
      await api.tree.setFilter({ text: 'REGROUP-' });
      await waitFor('every action in the tree', () => api.tree.visibleActions().length === files * perFile, 120_000);
      // REGROUP-1-…, REGROUP-10-… to REGROUP-19-…, REGROUP-100-… to REGROUP-199-…
      const matching = (1 + 10 + 100) * perFile;
      // One step of a few dozen meetings per task, however fast the machine. The regrouping starts
      // with the first request for the groups after the filter is stored: VS Code's or the test's.
      api.tree.fillSliceMs = 0;
      let otherTasks = 0;
      const timer = setInterval(() => otherTasks++, 0);
      const regrouped = new Promise<{ answer: TreeNode[] | Promise<TreeNode[]>; tasksBefore: number; done: Promise<void> }>((resolve) => {
        const subscription = api.tree.onDidStartRegrouping((done) => {
          subscription.dispose();
          // Asked for the groups while they are being worked out, VS Code gets them when complete.
          resolve({ answer: api.tree.getChildren(), tasksBefore: otherTasks, done });
        });
      });
      await api.tree.setFilter({ text: 'regroup-1' });
      const { answer, tasksBefore, done } = await regrouped;
      await done;
      const tasksDuring = otherTasks - tasksBefore;
      clearInterval(timer);
      assert.ok(!Array.isArray(answer), 'VS Code is answered once the new groups are complete, not at once');
      // About seven steps of 32 meetings, each in a task of its own, with other tasks between them.
      assert.ok(tasksDuring >= 3, `the extension host ran other tasks while the tree regrouped (${tasksDuring})`);
      const groups = await answer;
      assert.equal(groups.reduce((sum, group) => sum + (group as GroupNode).items.length, 0), matching, 'the groups hold every matching action');
      assert.ok(groups.every((group) => (group as GroupNode).items.slice().every((item) => item.action.text.startsWith('REGROUP-1'))));
      assert.equal(api.tree.visibleActions().length, matching);
    } finally {
      api.tree.fillSliceMs = 8;
      await vscode.workspace.fs.delete(folder, { recursive: true });
      await api.tree.setFilter({ text: 'REGROUP-' });
      await waitFor('the actions gone with their files', () => api.tree.visibleActions().length === 0, 60_000);
    }
  });
});
