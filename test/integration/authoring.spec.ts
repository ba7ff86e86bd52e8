// Authoring inside a real VS Code: completions after `@`, after a due marker and in the
// frontmatter, hovers on actions, and "New Meeting" from a built-in and from a team template.
// Everything this suite writes lives under authoring/ and .meetings/, and is removed at the end.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { parseMeeting } from '../../src/core';
import type { MeetingsApi } from '../../src/extension/extension';
import { closeAllEditors, extensionApi, readText, waitFor, workspaceUri, writeText } from './helpers';

const zh = () => vscode.env.language.startsWith('zh');
const weekday = (en: string, chinese: string) => (zh() ? chinese : en);

const FIRST = `---
title: Authoring fixture
date: 2020-03-02
type: weekly
series: authoring-weekly
attendees: [张三, 李四]
departments: [运营]
---

## Action items
- [ ] AUTHOR carry me @张三 📅 2020-03-20
- [/] AUTHOR in progress @李四 截止：下周五
- [x] AUTHOR done already @张三 ✅ 2020-03-01
`;

const LATER = `---
title: Authoring fixture
date: 2020-03-16
type: weekly
series: authoring-weekly
attendees: [张三, 李四]
---
`;

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function descriptionOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? '' : (item.label.description ?? '');
}

function insertOf(item: vscode.CompletionItem): string {
  return typeof item.insertText === 'string' ? item.insertText : (item.insertText?.value ?? labelOf(item));
}

/** Our completion items at the end of `line` (0-based) of the document, in the order VS Code sorts them. */
async function completions(document: vscode.TextDocument, line: number, trigger?: string): Promise<vscode.CompletionItem[]> {
  const position = document.lineAt(line).range.end;
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, trigger);
  return (list?.items ?? [])
    .filter((item) => item.sortText !== undefined && item.kind !== vscode.CompletionItemKind.Text)
    .sort((a, b) => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b)));
}

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? [])
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n')
    .replace(/\\(.)/gu, '$1');
}

function lineOf(document: vscode.TextDocument, needle: string): number {
  for (let line = 0; line < document.lineCount; line++) if (document.lineAt(line).text.includes(needle)) return line;
  throw new Error(`"${needle}" is not in ${document.uri.toString()}`);
}

describe('authoring', () => {
  let api: MeetingsApi;
  const first = () => workspaceUri('authoring', '2020-03-02-first.md');
  const later = () => workspaceUri('authoring', '2020-03-16-later.md');
  let configText: string;

  before(async () => {
    api = await extensionApi();
    configText = await readText(workspaceUri('.meetings.yaml'));
    await writeText(first(), FIRST);
    await writeText(later(), LATER);
    await waitFor('the authoring series in the index', () => api.store.index.series('authoring-weekly').length === 2);
  });

  afterEach(closeAllEditors);

  /** A meeting file for one test, open in the editor once the extension has indexed it. */
  async function scratch(name: string, text: string): Promise<vscode.TextDocument> {
    const uri = workspaceUri('authoring', name);
    await writeText(uri, text);
    await waitFor(`${name} in the index`, () => api.store.index.get(uri.toString()));
    return (await vscode.window.showTextDocument(uri)).document;
  }

  async function removeScratch(uri: vscode.Uri): Promise<void> {
    await closeAllEditors();
    await vscode.workspace.fs.delete(uri);
    await waitFor(`${uri.path} to leave the index`, () => !api.store.index.get(uri.toString()));
  }

  after(async () => {
    // Whole folders: the extension must notice the files inside going with them.
    await writeText(workspaceUri('.meetings.yaml'), configText);
    await waitFor('the configuration to be restored', async () => (await api.configs.configFor(workspaceUri('x.md'))).newMeeting.template === null);
    for (const folder of ['authoring', '.meetings']) {
      await vscode.workspace.fs.delete(workspaceUri(folder), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    }
    let left: string[] = [];
    await waitFor('the authoring files to leave the index', () => {
      left = api.store.index.keys().filter((key) => key.includes('/authoring/'));
      return left.length === 0;
    }).catch((error: Error) => {
      const alive = vscode.workspace.textDocuments.map((d) => `${d.uri.path.split('/').pop()}(closed=${d.isClosed},dirty=${d.isDirty})`);
      throw new Error(`${error.message}; still indexed: ${left.join(', ')}; documents: ${alive.join(', ')}; scanning=${api.store.isScanning}`);
    });
  });

  it('completes owners after @: the attendees first, then the roster, where an alias inserts the name', async () => {
    const document = await scratch('complete-owners.md', '---\ndate: 2020-03-02\nattendees: [李四, 张三]\n---\n\n## Action items\n- [ ] AUTHOR call the vendor @\n- [ ] AUTHOR pick someone 负责人：\n');
    const items = await completions(document, 6, '@');
    const labels = items.map(labelOf);
    assert.deepEqual(labels.slice(0, 3), ['李四', '张三', 'Alice Chen'], labels.join(', '));
    const alias = items.find((item) => labelOf(item) === '老张');
    assert.ok(alias, 'the roster alias 老张 is offered');
    assert.equal(insertOf(alias), '张三', 'and inserts the person’s name');
    assert.match(descriptionOf(alias), /张三/u);
    assert.equal(items.find((item) => labelOf(item) === 'alice')?.insertText, 'Alice Chen');
    const afterKey = (await completions(document, 7, '：')).map(labelOf);
    assert.deepEqual(afterKey.slice(0, 2), ['李四', '张三'], 'after an owner key too');
  });

  it('completes due dates after 📅 with weekdays: a week later, the next meeting of the series, the end of the month', async () => {
    const document = await scratch('complete-due.md', '---\ndate: 2020-03-02\nseries: authoring-weekly\nattendees: [张三]\n---\n\n- [ ] AUTHOR send the deck @张三 📅 \n- [ ] AUTHOR book the room @张三 截止：\n');
    const items = await completions(document, 6, ' ');
    assert.deepEqual(items.map(labelOf), ['2020-03-09', '2020-03-16', '2020-03-31']);
    assert.match(descriptionOf(items[0]!), new RegExp(`^${weekday('Mon', '周一')} · `, 'u'));
    assert.match(descriptionOf(items[1]!), new RegExp(`^${weekday('Mon', '周一')} · ${zh() ? '本系列下次会议 · 会后两周' : 'next meeting of the series · two weeks after the meeting'}$`, 'u'));
    assert.match(descriptionOf(items[2]!), new RegExp(`^${weekday('Tue', '周二')} · `, 'u'));
    assert.equal(insertOf(items[0]!), '2020-03-09');
    assert.deepEqual((await completions(document, 7, '：')).map(labelOf), ['2020-03-09', '2020-03-16', '2020-03-31'], 'after 截止： too');
    const none = await completions(document, 5, ' ');
    assert.deepEqual(none.map(labelOf), [], 'nothing on a blank line');
    await removeScratch(document.uri); // it would otherwise be the series' last meeting before 2020-03-09
  });

  it('completes frontmatter keys (English and Chinese) and the known values of type and series', async () => {
    const document = await scratch('complete-frontmatter.md', '---\ndate: 2020-03-02\nattendees: [张三]\n\ntype: \nseries: \n---\n');
    const keys = (await completions(document, 3)).map(labelOf);
    for (const key of ['title', '标题', 'facilitator', '主持人', 'notetaker', '记录人']) assert.ok(keys.includes(key), `${key} in ${keys.join(', ')}`);
    for (const key of ['date', '日期', 'series', '系列']) assert.ok(!keys.includes(key), `${key} is there already and not offered again`);
    const types = (await completions(document, 4, ' ')).map(labelOf);
    assert.ok(types.indexOf('weekly') === 0, `the type used in the workspace comes first: ${types.join(', ')}`);
    for (const type of ['review', 'kickoff', 'retrospective', 'one-on-one']) assert.ok(types.includes(type), type);
    const series = (await completions(document, 5, ' ')).map(labelOf);
    assert.ok(series.includes('authoring-weekly') && series.includes('fixture-weekly'), series.join(', '));
    assert.ok(series.indexOf('authoring-weekly') < series.indexOf('fixture-weekly'), 'the series met most recently first');
  });

  it('shows an action’s owner, due date with weekday and days overdue, and status on hover', async () => {
    const document = await vscode.workspace.openTextDocument(first());
    const line = lineOf(document, 'AUTHOR carry me');
    const text = await hoverText(first(), new vscode.Position(line, 8));
    assert.match(text, /AUTHOR carry me/u);
    assert.match(text, zh() ? /负责人: 张三/u : /Owner: 张三/u);
    assert.match(text, new RegExp(`${zh() ? '截止' : 'Due'}: 2020-03-20 ${weekday('Fri', '周五')} · \\*\\*${zh() ? '已逾期 \\d+ 天' : '\\d+ days overdue'}\\*\\*`, 'u'));
    assert.match(text, zh() ? /状态: 未完成/u : /Status: open/u);
    const relative = await hoverText(first(), new vscode.Position(lineOf(document, 'AUTHOR in progress'), 30));
    assert.match(relative, new RegExp(`2020-03-13 ${weekday('Fri', '周五')}`, 'u'), 'a relative date is shown resolved');
    assert.match(relative, zh() ? /写作“下周五”/u : /written as 下周五/u);
    assert.match(relative, zh() ? /进行中/u : /in progress/u);
    assert.equal(await hoverText(first(), new vscode.Position(1, 2)), '', 'no hover outside actions');
  });

  it('creates a meeting from a template, carrying the open actions of the series’ last meeting', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('meetings.newMeeting', {
      template: 'weekly',
      series: 'authoring-weekly',
      date: '2020-03-09',
      pathPattern: 'authoring/{yyyy-MM-dd}-{slug}.md',
    });
    assert.equal(uri?.toString(), workspaceUri('authoring', '2020-03-09-authoring-fixture.md').toString());
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString(), 'the new meeting is open');
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /^- \[ \] $/u, 'the cursor waits on the first empty action');
    const text = await readText(uri);
    const meeting = parseMeeting(text);
    assert.equal(meeting.fields.date, '2020-03-09');
    assert.equal(meeting.fields.series, 'authoring-weekly');
    assert.deepEqual(meeting.fields.attendees, ['张三', '李四']);
    assert.deepEqual(meeting.fields.departments, ['运营']);
    const carried = meeting.actions.filter((action) => action.section === 'followup').map((action) => `[${action.status}] ${action.text}`);
    assert.deepEqual(carried, ['[open] AUTHOR carry me @张三 📅 2020-03-20', '[in-progress] AUTHOR in progress @李四 截止：2020-03-13']);
    assert.match(text, /\[Authoring fixture 2020-03-02\]\(2020-03-02-first\.md\)/u, 'a link back to the last meeting');
    assert.match(text, zh() ? /## 议程/u : /## Agenda/u, 'the built-in template in the display language');

    await waitFor('the new meeting in the index', () => api.store.index.get(uri.toString()));
    const document = await vscode.workspace.openTextDocument(uri);
    const hover = await hoverText(uri, new vscode.Position(lineOf(document, 'AUTHOR carry me'), 8));
    assert.match(hover, new RegExp(`${zh() ? '来自' : 'Carried from'}: \\[Authoring fixture 2020-03-02\\]\\([^)]*2020-03-02-first\\.md#L11\\)`, 'u'));
  });

  it('uses the team’s templates and the newMeeting settings of .meetings.yaml, and never lints a template', async () => {
    const template = workspaceUri('.meetings', 'templates', 'standup.md');
    await writeText(template, '---\ntitle: Stand-up {{date}}\ntype: standup\nattendees: {{attendees}}\n---\n\n## Yesterday\n- {{attendee}}:\n\n## Action items\n- [ ] \n');
    await writeText(workspaceUri('.meetings.yaml'), `${configText}newMeeting:\n  pathPattern: authoring/{template}-{yyyy-MM-dd}.md\n  template: standup\n`);
    await waitFor('the new configuration', async () => (await api.configs.configFor(workspaceUri('x.md'))).newMeeting.template === 'standup');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('meetings.newMeeting', { series: '', date: '2020-03-10', attendees: ['张三', 'Alice Chen'], open: false });
    assert.equal(uri?.toString(), workspaceUri('authoring', 'standup-2020-03-10.md').toString());
    const text = await readText(uri);
    assert.match(text, /^title: Stand-up 2020-03-10$/mu);
    assert.match(text, /^attendees: \[张三, Alice Chen\]$/mu);
    assert.match(text, /^- 张三:\n- Alice Chen:$/mu);
    await waitFor('the stand-up in the index', () => api.store.index.get(uri.toString()));
    assert.equal(api.store.index.get(template.toString()), undefined, 'the template itself is not a meeting');
    const again = await vscode.commands.executeCommand<vscode.Uri>('meetings.newMeeting', { series: '', date: '2020-03-10', attendees: ['张三'], open: false });
    assert.equal(again?.toString(), workspaceUri('authoring', 'standup-2020-03-10-2.md').toString(), 'an existing file is never overwritten');
  });
});
