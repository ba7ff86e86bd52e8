import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, meetingDiagnostics, readText, ruleOf, waitFor, workspaceUri } from './helpers';

/** The quick fixes offered where a diagnostic is (the result carries no diagnostics to filter on). */
async function fixesAt(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  return actions ?? [];
}

async function diagnosticOf(uri: vscode.Uri, rule: string, line: number): Promise<vscode.Diagnostic> {
  return waitFor(`${rule} on line ${line}`, () => meetingDiagnostics(uri).find((d) => ruleOf(d) === rule && d.range.start.line + 1 === line));
}

describe('quick fixes', () => {
  before(extensionApi);
  afterEach(closeAllEditors);

  it('rewrites a relative date as ISO, touching only the date, and the problem goes', async () => {
    const uri = workspaceUri('meetings', 'fixes.md');
    const before = await readText(uri);
    await vscode.window.showTextDocument(uri);
    const diagnostic = await diagnosticOf(uri, 'due-format', 9);
    const rewrite = (await fixesAt(uri, diagnostic)).find((action) => /2020-03-13/.test(action.title));
    assert.ok(rewrite?.command, 'a "Rewrite as 2020-03-13 (Fri)" fix');
    assert.equal(await vscode.commands.executeCommand(rewrite.command.command, ...(rewrite.command.arguments ?? [])), true);
    const after = await readText(uri); // saved: the document had no unsaved changes
    assert.equal(after, before.replace('due: next Friday', 'due: 2020-03-13'));
    await waitFor('due-format on line 9 to go', () => !meetingDiagnostics(uri).some((d) => ruleOf(d) === 'due-format' && d.range.start.line === 8));
  });

  it('offers one "assign" fix per attendee and inserts the owner at the end of the item', async () => {
    const uri = workspaceUri('meetings', 'fixes.md');
    const editor = await vscode.window.showTextDocument(uri);
    const diagnostic = await diagnosticOf(uri, 'action-owner', 10);
    const fixes = await fixesAt(uri, diagnostic);
    const assign = fixes.filter((action) => action.title !== fixes.at(-1)!.title);
    assert.deepEqual(
      assign.map((action) => action.title),
      ['张三', '李四', 'Alice Chen'].map((name) => (vscode.env.language.startsWith('zh') ? `指派给 ${name}` : `Assign to ${name}`)),
    );
    assert.match(fixes.at(-1)!.title, /action-owner/, 'the last one disables the rule for the line');
    const toLi = assign[1]!;
    await vscode.commands.executeCommand(toLi.command!.command, ...(toLi.command!.arguments ?? []));
    assert.equal(editor.document.lineAt(9).text, '- [ ] FIX needs an owner 📅 2099-01-01 @李四');
    await waitFor('action-owner on line 10 to go', () => !meetingDiagnostics(uri).some((d) => ruleOf(d) === 'action-owner' && d.range.start.line === 9));
  });

  it('refuses a fix computed for an older version of the document', async () => {
    const uri = workspaceUri('meetings', 'fixes.md');
    const editor = await vscode.window.showTextDocument(uri);
    const diagnostic = await diagnosticOf(uri, 'due-format', 11);
    const rewrite = (await fixesAt(uri, diagnostic)).find((action) => /2020-03-20/.test(action.title));
    assert.ok(rewrite?.command);
    await editor.edit((edit) => edit.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, '\nmore notes'));
    const textBefore = editor.document.getText();
    const applied = await vscode.commands.executeCommand(rewrite.command.command, ...(rewrite.command.arguments ?? []));
    assert.equal(applied, false);
    assert.equal(editor.document.getText(), textBefore, 'nothing applied to the changed document');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('offers source.fixAll with the safe fixes only', async () => {
    const uri = workspaceUri('meetings', 'fixes.md');
    const document = await vscode.workspace.openTextDocument(uri);
    await diagnosticOf(uri, 'due-format', 11);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      new vscode.Range(0, 0, document.lineCount, 0),
      vscode.CodeActionKind.SourceFixAll.value,
    );
    const fixAll = actions?.find((action) => action.kind?.value === 'source.fixAll.meetings');
    assert.ok(fixAll?.edit, 'a fix-all action with an edit');
    const edits = fixAll.edit.get(uri);
    assert.deepEqual(edits.map((edit) => edit.newText), ['2020-03-20']);
    assert.equal(document.getText(edits[0]!.range), '2020年3月20日');
  });
});
