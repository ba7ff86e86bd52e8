import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, meetingDiagnostics, readText, ruleOf, waitFor, workspaceUri, writeText } from './helpers';

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
    // Asked while the document just opened is first linted, VS Code can answer with nothing; its
    // light bulb asks again when the problems change.
    const rewrite = await waitFor('a "Rewrite as 2020-03-13 (Fri)" fix', async () => (await fixesAt(uri, diagnostic)).find((action) => /2020-03-13/.test(action.title)));
    assert.ok(rewrite.command);
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

  it('gives each of several problems on one heading its own fixes', async () => {
    // Two actions of the previous meeting not followed up: both problems sit on the follow-up heading.
    const head = (date: string) => `---\ntitle: Carry fixture\ndate: ${date}\nseries: carry-fixture\nattendees: [张三, 李四]\n---\n\n`;
    const earlier = workspaceUri('carry-fixture', '2020-03-02.md');
    const later = workspaceUri('carry-fixture', '2020-03-09.md');
    try {
      await writeText(earlier, `${head('2020-03-02')}## Action items\n- [ ] CARRY first @张三 截止：下周五\n- [ ] CARRY second @李四 📅 2020-03-20\n`);
      await writeText(later, `${head('2020-03-09')}## Follow-up from last meeting\n- [x] Something else @张三 ✅ 2020-03-05\n`);
      await vscode.workspace.openTextDocument(later); // code actions are asked of an open document
      const diagnostics = await waitFor('two carry-over problems', () => {
        const found = meetingDiagnostics(later).filter((d) => ruleOf(d) === 'carry-over');
        return found.length === 2 ? found : undefined;
      });
      assert.ok(diagnostics[0]!.range.isEqual(diagnostics[1]!.range), 'both on the heading');
      const titles = await Promise.all(
        diagnostics.map(async (diagnostic) => {
          const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', later, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
          return (actions ?? []).map((action) => action.title);
        }),
      );
      // Asked for the heading's range, VS Code gathers the fixes of both problems: each once.
      for (const list of titles) {
        assert.equal(list.filter((title) => /CARRY first/u.test(title) && !/disable|禁用/iu.test(title)).length, 3, list.join(' | '));
        assert.equal(list.filter((title) => /CARRY second/u.test(title)).length, 3, list.join(' | '));
      }
      // The carried copy says the date the previous meeting meant, not "next Friday" from this one.
      const carry = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', later, diagnostics[0]!.range, vscode.CodeActionKind.QuickFix.value))!.find(
        (action) => /CARRY first/u.test(action.title) && action.command !== undefined,
      )!;
      await vscode.commands.executeCommand(carry.command!.command, ...(carry.command!.arguments ?? []));
      await waitFor('the carried line', async () => (await readText(later)).includes('- [ ] CARRY first @张三 截止：2020-03-13\n'));
    } finally {
      await vscode.workspace.fs.delete(workspaceUri('carry-fixture'), { recursive: true, useTrash: false });
    }
  });

  it('disables a rule on a row of a table with a comment after its last cell, which silences it', async () => {
    const uri = workspaceUri('meetings', 'table-fixture.md');
    const row = '| Two agents | people | | high | | |';
    const text = `---\ntitle: Table fixture\ndate: 2020-03-02\nattendees: [张三]\n---\n\n## Resource needs\n\n| Resource | Kind | Owner | Priority | Due | Status |\n| --- | --- | --- | --- | --- | --- |\n${row}\n`;
    try {
      await writeText(uri, text);
      await vscode.workspace.openTextDocument(uri);
      const diagnostic = await waitFor('resource-incomplete on the row', () => meetingDiagnostics(uri).find((d) => ruleOf(d) === 'resource-incomplete'));
      const disable = (await fixesAt(uri, diagnostic)).find((action) => /resource-incomplete/u.test(action.title))!;
      assert.equal(await vscode.commands.executeCommand(disable.command!.command, ...(disable.command!.arguments ?? [])), true);
      assert.ok((await readText(uri)).endsWith(`${row} <!-- meetings-disable-line resource-incomplete -->\n`));
      await waitFor('the problem to go', () => !meetingDiagnostics(uri).some((d) => ruleOf(d) === 'resource-incomplete'));
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
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
