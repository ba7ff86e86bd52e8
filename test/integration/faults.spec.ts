import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { MeetingsApi } from '../../src/extension/extension';
import { closeAllEditors, extensionApi, readText, waitFor, workspaceUri, writeText } from './helpers';

describe('faults: the editor keeps the user’s text', () => {
  let api: MeetingsApi;
  before(async () => {
    api = await extensionApi();
  });
  afterEach(async () => {
    await api.tree.setFilter({ text: '', owner: null, onlyMine: false });
    await closeAllEditors();
  });

  it('keeps unsaved changes when the file changes on disk, and lists the buffer’s actions, not the disk’s', async () => {
    const uri = workspaceUri('faults', 'unsaved.md');
    await writeText(uri, '---\ndate: 2020-03-02\nattendees: [张三]\n---\n\n- [ ] DISK-FAULT first version @张三\n');
    try {
      const editor = await vscode.window.showTextDocument(uri);
      await editor.edit((edit) => edit.insert(editor.document.lineAt(5).range.end, '\n- [ ] BUFFER-FAULT typed, not saved @张三'));
      await api.tree.setFilter({ text: 'FAULT' });
      await waitFor('the typed action in the tree', () => api.tree.visibleActions().some((item) => item.action.text.startsWith('BUFFER-FAULT')));

      // Another program rewrites the file while the buffer has unsaved changes.
      await writeText(uri, '---\ndate: 2020-03-02\nattendees: [张三]\n---\n\n- [ ] DISK-FAULT second version from disk @张三\n');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.ok(editor.document.isDirty, 'the buffer still has its unsaved changes');
      assert.match(editor.document.getText(), /BUFFER-FAULT typed, not saved/u);
      const texts = api.tree.visibleActions().map((item) => item.action.text).sort();
      assert.deepEqual(texts, ['BUFFER-FAULT typed, not saved @张三', 'DISK-FAULT first version @张三'], 'the tree follows the open buffer');
      assert.match(await readText(uri), /second version from disk/u, 'and nothing was written over the file on disk');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..'), { recursive: true });
    }
    await waitFor('no ghosts after the folder is deleted', () => api.tree.visibleActions().length === 0);
  });
});
