// "Meetings: Export Minutes": the minutes digest of a meeting (the same as `meetings report`),
// as Markdown or as a self-contained HTML page, written where the user says (next to the meeting
// by default) and opened.
import * as vscode from 'vscode';
import { buildMinutes, previousInSeries, renderMinutesHtml, renderMinutesMarkdown } from '../core';
import type { MeetingStore } from './meeting-store';

export type MinutesFormat = 'markdown' | 'html';

/**
 * Exports the minutes of the meeting `arg` (a URI, a tree node with an entry key, or the active
 * editor's document). `format` and `target` skip the questions (for tests and key bindings).
 */
export async function exportMinutes(store: MeetingStore, arg?: unknown, format?: MinutesFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const uri = meetingUri(arg);
  if (!uri) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a meeting file to export its minutes.'));
    return undefined;
  }
  // The buffer may hold changes the index has not read yet.
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString() && !document.isClosed);
  if (open) await store.updateFromDocument(open);
  else await store.refreshFromDisk(uri);
  const entry = store.index.get(uri.toString());
  const name = uri.path.split('/').pop() ?? uri.path;
  if (!entry) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not a meeting file: its frontmatter lists no attendees.', name));
    return undefined;
  }
  const chosen =
    format ??
    (
      await vscode.window.showQuickPick(
        [
          { label: 'Markdown', description: '.md', detail: vscode.l10n.t('To paste into an e-mail, a wiki or an issue'), format: 'markdown' as const },
          { label: 'HTML', description: '.html', detail: vscode.l10n.t('One self-contained page, to send or print'), format: 'html' as const },
        ],
        { placeHolder: vscode.l10n.t('Export the minutes of {0} as', name) },
      )
    )?.format;
  if (!chosen) return undefined;
  const extension = chosen === 'html' ? 'html' : 'md';
  const defaultUri = uri.with({ path: `${uri.path.replace(/\.[^./]*$/u, '')}.minutes.${extension}` });
  const destination =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri,
      filters: chosen === 'html' ? { HTML: ['html'] } : { Markdown: ['md'] },
      saveLabel: vscode.l10n.t('Export'),
      title: vscode.l10n.t('Export the minutes of {0}', name),
    }));
  if (!destination) return undefined;

  const meeting = await store.loadMeeting(entry.key);
  if (!meeting) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} could not be read.', name));
    return undefined;
  }
  const series = entry.meeting.fields.series;
  const previous = series ? previousInSeries(store.index.series(series), entry) : null;
  const digest = buildMinutes(meeting, { key: entry.key, config: entry.config, previous });
  const text = chosen === 'html' ? renderMinutesHtml(digest) : renderMinutesMarkdown(digest);
  try {
    await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(text));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', destination.path.split('/').pop() ?? '', (error as Error).message));
    return undefined;
  }
  await vscode.window.showTextDocument(destination, { preview: false });
  if (chosen === 'html') {
    const browser = vscode.l10n.t('Open in Browser');
    void vscode.window.showInformationMessage(vscode.l10n.t('Minutes exported to {0}.', destination.path.split('/').pop() ?? ''), browser).then((choice) => {
      if (choice === browser) void vscode.env.openExternal(destination);
    });
  }
  return destination;
}

function meetingUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (arg && typeof arg === 'object') {
    // A meeting of the tree grouped by series, or an action of the tree.
    const node = arg as { step?: { entry?: { key?: unknown } }; item?: { entry?: { key?: unknown } } };
    const key = node.step?.entry?.key ?? node.item?.entry?.key;
    if (typeof key === 'string') return vscode.Uri.parse(key);
  }
  return vscode.window.activeTextEditor?.document.uri;
}
