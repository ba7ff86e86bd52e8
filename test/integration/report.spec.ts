import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { parseMeeting } from '../../src/core';
import type { ActionNode, MeetingNode } from '../../src/extension/actions-tree';
import { closeAllEditors, extensionApi, meetingDiagnostics, readText, ruleOf, runCli, waitFor, workspaceUri, writeText } from './helpers';

const carryOver = (uri: vscode.Uri) => meetingDiagnostics(uri).filter((diagnostic) => ruleOf(diagnostic) === 'carry-over');

describe('the meeting method: carry-over and exported minutes', () => {
  before(extensionApi);
  afterEach(closeAllEditors);

  it('reports an action of the previous meeting that is not followed up, as the CLI does', async () => {
    const uri = workspaceUri('meetings', 'report-2.md');
    const [diagnostic] = await waitFor('carry-over on report-2.md', () => {
      const found = carryOver(uri);
      return found.length > 0 ? found : null;
    });
    assert.equal(carryOver(uri).length, 1);
    assert.equal(diagnostic!.range.start.line + 1, 9, 'on the follow-up heading');
    assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostic!.message, /REPORT drop me/u);
    assert.match(diagnostic!.message, /report-1\.md:10/u);
    const locale = vscode.env.language.startsWith('zh') ? 'zh-CN' : 'en';
    const cli = runCli(['lint', 'meetings/report-2.md', '--format', 'json', '--locale', locale], workspaceUri().fsPath);
    const fromCli = (JSON.parse(cli.stdout) as Array<{ rule: string; line: number; message: string }>).filter((row) => row.rule === 'carry-over');
    assert.deepEqual(fromCli.map((row) => [row.line, row.message]), [[9, diagnostic!.message]]);
  });

  it('re-lints the next meeting of the series when the previous one changes', async () => {
    const later = workspaceUri('meetings', 'report-2.md');
    const earlier = workspaceUri('meetings', 'report-1.md');
    await waitFor('carry-over before the change', () => carryOver(later).length === 1);
    const original = await readText(earlier);
    try {
      await writeText(earlier, original.replace('- [ ] REPORT drop me', '- [-] REPORT drop me'));
      await waitFor('carry-over to go once the action is cancelled where it was opened', () => carryOver(later).length === 0);
    } finally {
      await writeText(earlier, original);
    }
    await waitFor('carry-over back after restoring the file', () => carryOver(later).length === 1);
  });

  it('keeps a summary of a closed meeting, and the full model of an open one', async () => {
    const api = await extensionApi();
    const uri = workspaceUri('meetings', 'summary-only.md');
    const key = uri.toString();
    await writeText(uri, '---\ndate: 2026-11-20\nattendees: [张三]\n---\n\n## 行动计划\n\n- [ ] SUMMARY only 📅 2099-01-01\n- [x] SUMMARY closed @张三 ✅ 2026-11-20\n');
    try {
      const entry = await waitFor('summary-only.md in the index', () => api.store.index.get(key));
      assert.equal(api.store.modelOf(key), undefined, 'no full model of a closed file');
      assert.ok(!('text' in entry.meeting), 'the index holds a summary, not the document');
      assert.deepEqual(entry.meeting.actions.map((action) => [action.label, action.status]), [['SUMMARY only', 'open'], ['SUMMARY closed', 'done']]);
      assert.deepEqual(meetingDiagnostics(uri).map(ruleOf), ['action-owner'], 'linted while it was read');
      const editor = await vscode.window.showTextDocument(uri);
      const model = await waitFor('the open document parsed', () => api.store.modelOf(key));
      assert.equal(model.text, editor.document.getText());
      await editor.edit((edit) => edit.insert(editor.document.lineAt(7).range.end, ' @张三'));
      await waitFor('the owner added in the buffer', () => api.store.modelOf(key)?.actions[0]?.owners.length === 1);
      await waitFor('action-owner gone', () => meetingDiagnostics(uri).length === 0);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await waitFor('action-owner back from the file after reverting', () => meetingDiagnostics(uri).map(ruleOf).join() === 'action-owner');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await waitFor('summary-only.md gone', () => !api.store.index.get(key) && meetingDiagnostics(uri).length === 0);
  });

  it('follows an unsaved edit of the later meeting: carrying the action over clears the problem', async () => {
    const uri = workspaceUri('meetings', 'report-2.md');
    const editor = await vscode.window.showTextDocument(uri);
    await waitFor('carry-over before the edit', () => carryOver(uri).length === 1);
    await editor.edit((edit) => edit.insert(editor.document.lineAt(9).range.end, '\n- [ ] REPORT drop me @李四 📅 2099-01-01'));
    await waitFor('carry-over to go after carrying the action', () => carryOver(uri).length === 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('carry-over back after reverting', () => carryOver(uri).length === 1);
  });

  it('groups the tree by series: the meetings in date order, each with its follow-up record and its open actions', async () => {
    const api = await extensionApi();
    try {
      await api.tree.setGroupBy('series');
      const group = api.tree.groups().find((candidate) => candidate.id === 'series:report-weekly');
      assert.ok(group, 'a group for the series');
      const meetings = api.tree.getChildren(group) as MeetingNode[];
      assert.deepEqual(
        meetings.map((node) => [node.kind, node.step.entry.key.split('/').pop(), node.step.opened, node.step.closed, node.step.carried, node.step.dropped.length]),
        [
          ['meeting', 'report-1.md', 2, 0, 0, 0],
          ['meeting', 'report-2.md', 1, 1, 0, 1],
        ],
      );
      const item = api.tree.getTreeItem(meetings[1]!);
      assert.equal(item.label, '2020-04-08 报告测试周会');
      const zh = vscode.env.language.startsWith('zh');
      assert.equal(item.description, zh ? '新增 1 · 关闭 1 · 跟进 0 · 1 项未跟进' : '1 opened · 1 closed · 0 carried · 1 not followed up');
      assert.equal(item.contextValue, 'meeting');
      const actions = api.tree.getChildren(meetings[1]) as ActionNode[];
      assert.deepEqual(actions.map((node) => node.item.action.text), ['REPORT new one @Alice Chen 📅 2099-02-01']);
      // Export Minutes from the meeting's inline button: the node is the argument.
      const target = workspaceUri('from-tree.minutes.md');
      try {
        await vscode.commands.executeCommand('meetings.exportMinutes', meetings[0], 'markdown', target);
        assert.match(await readText(target), /^# 会议纪要：报告测试周会\n\n- \*\*日期\*\*：2020-04-01/u);
      } finally {
        await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
      }
    } finally {
      await api.tree.setGroupBy('due');
    }
  });

  it('Export Minutes writes the Markdown digest next to the meeting, opens it, and matches `meetings report`', async () => {
    const meeting = workspaceUri('meetings', 'report-2.md');
    const target = workspaceUri('meetings', 'report-2.minutes.md');
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri>('meetings.exportMinutes', meeting, 'markdown', target);
      assert.equal(written?.toString(), target.toString());
      const text = await readText(target);
      assert.match(text, /^# 会议纪要：报告测试周会\n/u);
      for (const heading of ['## 决议', '## 行动项（按负责人）', '## 待解决的问题', '## 资源需求', '## 上次会议行动项跟进']) assert.ok(text.includes(`\n${heading}\n`), heading);
      assert.ok(text.includes('- ✗ REPORT drop me（李四） — 未跟进'), text);
      const cli = runCli(['report', 'meetings/report-2.md'], workspaceUri().fsPath);
      assert.equal(cli.status, 0, cli.stderr);
      assert.equal(text, cli.stdout);
      await waitFor('the minutes open in an editor', () => vscode.window.activeTextEditor?.document.uri.toString() === target.toString());
      // The digest is not a meeting (no frontmatter): it never gets problems or actions of its own.
      assert.equal(parseMeeting(text).meetingReason, null);
      assert.deepEqual(meetingDiagnostics(target), []);
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });

  it('Export Minutes as HTML: a self-contained page under a strict Content-Security-Policy, as the CLI writes it', async () => {
    const meeting = workspaceUri('meetings', 'report-2.md');
    const target = workspaceUri('report-2.html');
    try {
      await vscode.commands.executeCommand('meetings.exportMinutes', meeting, 'html', target);
      const html = await readText(target);
      assert.match(html, /^<!DOCTYPE html>\n<html lang="zh-CN">/u);
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-/u);
      for (const id of ['decisions', 'actions', 'problems', 'resources', 'followup']) assert.ok(html.includes(`<section id="${id}">`), id);
      assert.ok(!html.includes('<script'));
      assert.equal(html, runCli(['report', 'meetings/report-2.md', '--format', 'html'], workspaceUri().fsPath).stdout);
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });
});
