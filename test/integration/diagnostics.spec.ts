import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, meetingDiagnostics, readText, ruleOf, runCli, summary, waitFor, workspaceUri, writeText } from './helpers';

const LINT_EXPECTED = [
  'action-due@11',
  'action-overdue@12',
  'action-owner@10',
  'due-format@12',
  'due-invalid@13',
  'owner-unknown@14',
];

describe('diagnostics', () => {
  before(extensionApi);
  afterEach(closeAllEditors);

  it('reports the expected rules on the expected lines of a meeting file', async () => {
    const uri = workspaceUri('meetings', 'lint.md');
    await vscode.window.showTextDocument(uri);
    const found = await waitFor('the lint fixture problems', () => {
      const current = summary(meetingDiagnostics(uri));
      return current.length === LINT_EXPECTED.length ? current : null;
    });
    assert.deepEqual(found, LINT_EXPECTED);
  });

  it('reports exactly what the CLI reports: rules, ranges, severities and messages', async () => {
    const uri = workspaceUri('meetings', 'lint.md');
    await waitFor('diagnostics', () => meetingDiagnostics(uri).length > 0);
    const cli = runCli(['lint', 'meetings/lint.md', '--format', 'json', '--locale', vscode.env.language.startsWith('zh') ? 'zh-CN' : 'en'], workspaceUri().fsPath);
    assert.equal(cli.status, 1, cli.stderr);
    const severities = ['error', 'warning', 'info'];
    const fromCli = (JSON.parse(cli.stdout) as Array<Record<string, string | number>>)
      .map((row) => `${row.rule} ${row.line}:${row.column}-${row.endLine}:${row.endColumn} ${row.severity} ${row.message}`)
      .sort();
    const fromEditor = meetingDiagnostics(uri)
      .map((d) => `${ruleOf(d)} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${severities[d.severity]} ${d.message}`)
      .sort();
    assert.deepEqual(fromEditor, fromCli);
  });

  it('lints the unsaved buffer as the user types', async () => {
    const uri = workspaceUri('meetings', 'lint.md');
    const editor = await vscode.window.showTextDocument(uri);
    const line = editor.document.lineAt(15); // after the last open action
    await editor.edit((edit) => edit.insert(line.range.end, '\n- [ ] LINT typed just now'));
    assert.ok(editor.document.isDirty);
    const found = await waitFor('a problem on the typed line', () => {
      const current = summary(meetingDiagnostics(uri));
      return current.includes('action-owner@17') ? current : null;
    });
    assert.ok(found.includes('action-due@17'), found.join(', '));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('the typed line’s problems to go after reverting', () => !summary(meetingDiagnostics(uri)).includes('action-owner@17'));
  });

  it('reports only open meetings with lint.scope "openFiles", and closed ones again, read from their files, with "workspace"', async () => {
    // Neither file has been opened by the tests before this one. What the CLI reports for them is
    // what the editor shows once it has settled (tree.md's carry-over follows lint.md, which the
    // test before edited and reverted).
    const closed = workspaceUri('meetings', 'tree.md');
    const opened = workspaceUri('meetings', 'fixes.md');
    const problems = (uri: vscode.Uri) => summary(meetingDiagnostics(uri));
    const fromCli = (file: string) => {
      const rows = JSON.parse(runCli(['lint', `meetings/${file}`, '--format', 'json'], workspaceUri().fsPath).stdout) as Array<{ rule: string; line: number }>;
      return rows.map((row) => `${row.rule}@${row.line}`).sort();
    };
    const closedBefore = fromCli('tree.md');
    const openedBefore = fromCli('fixes.md');
    assert.ok(closedBefore.length > 0 && openedBefore.length > 0, 'both meetings have problems');
    await waitFor('the problems of both meetings', () => problems(closed).join() === closedBefore.join() && problems(opened).join() === openedBefore.join());
    const settings = () => vscode.workspace.getConfiguration('meetings');
    try {
      await settings().update('lint.scope', 'openFiles', vscode.ConfigurationTarget.Workspace);
      await waitFor('the problems of closed meetings to go', () => meetingDiagnostics(closed).length === 0 && meetingDiagnostics(opened).length === 0);
      await vscode.window.showTextDocument(opened);
      await waitFor('the problems of the meeting just opened', () => problems(opened).join() === openedBefore.join());
      assert.equal(meetingDiagnostics(closed).length, 0, 'still nothing on the closed meeting');
    } finally {
      await settings().update('lint.scope', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the closed meeting’s problems back', () => problems(closed).join() === closedBefore.join());
  });

  it('shows every problem of closed meetings read together, more than go to VS Code in one message', async () => {
    // 300 actions with neither owner nor due date: 600 problems a file. Read again together (the
    // lint scope comes back to "workspace"), the two files go to VS Code in separate messages.
    const actions = Array.from({ length: 300 }, (_, i) => `- [ ] BULK item ${i}`).join('\n');
    const files = ['bulk-a.md', 'bulk-b.md'].map((name) => workspaceUri('meetings', name));
    for (const uri of files) await writeText(uri, `---\ndate: 2020-03-02\nattendees: [张三]\n---\n\n${actions}\n`);
    const complete = () => files.every((uri) => meetingDiagnostics(uri).length === 600);
    const settings = () => vscode.workspace.getConfiguration('meetings');
    try {
      await waitFor('the problems of both new files', complete);
      await settings().update('lint.scope', 'openFiles', vscode.ConfigurationTarget.Workspace);
      await waitFor('their problems to go', () => files.every((uri) => meetingDiagnostics(uri).length === 0));
      await settings().update('lint.scope', undefined, vscode.ConfigurationTarget.Workspace);
      await waitFor('all 1,200 problems back', complete);
    } finally {
      await settings().update('lint.scope', undefined, vscode.ConfigurationTarget.Workspace);
      for (const uri of files) await vscode.workspace.fs.delete(uri);
    }
    await waitFor('the problems of the deleted files to go', () => files.every((uri) => meetingDiagnostics(uri).length === 0));
  });

  it('re-lints everything when .meetings.yaml changes', async () => {
    const config = workspaceUri('.meetings.yaml');
    const original = await readText(config);
    const uri = workspaceUri('meetings', 'lint.md');
    await waitFor('action-due before the change', () => summary(meetingDiagnostics(uri)).includes('action-due@11'));
    try {
      await writeText(config, `${original}rules:\n  action-due: off\n  owner-unknown: error\n`);
      await waitFor('action-due to be switched off', () => !summary(meetingDiagnostics(uri)).includes('action-due@11'));
      const unknown = meetingDiagnostics(uri).find((d) => ruleOf(d) === 'owner-unknown');
      assert.equal(unknown?.severity, vscode.DiagnosticSeverity.Error);
    } finally {
      await writeText(config, original);
    }
    await waitFor('action-due back after restoring the config', () => summary(meetingDiagnostics(uri)).includes('action-due@11'));
  });

  it('reports a broken .meetings.yaml on the config file itself', async () => {
    const config = workspaceUri('.meetings.yaml');
    const original = await readText(config);
    try {
      await writeText(config, `${original}rules:\n  no-such-rule: error\n`);
      const problems = await waitFor('a config problem', () => {
        const found = vscode.languages.getDiagnostics(config).filter((d) => ruleOf(d) === 'config');
        return found.length > 0 ? found : null;
      });
      assert.match(problems[0]!.message, /no-such-rule/);
    } finally {
      await writeText(config, original);
    }
    await waitFor('the config problem to go', () => vscode.languages.getDiagnostics(config).length === 0);
  });

  it('leaves no problems behind for deleted and renamed files', async () => {
    const text = '---\ndate: 2020-03-02\nattendees: [张三]\n---\n\n- [ ] GHOST no owner, no date\n';
    const created = workspaceUri('meetings', 'ghost.md');
    await writeText(created, text);
    await waitFor('problems of a new file that is not open', () => meetingDiagnostics(created).length === 2);
    const renamed = workspaceUri('meetings', 'ghost-renamed.md');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(created, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('problems to follow the rename', () => meetingDiagnostics(renamed).length === 2 && meetingDiagnostics(created).length === 0);
    await vscode.workspace.fs.delete(renamed);
    await waitFor('problems of the deleted file to go', () => meetingDiagnostics(renamed).length === 0);
  });
});
