// Applying engine edits to a document, guarded by the version they were computed against:
// if the document changed meanwhile, nothing is applied and the user is told why.
import * as vscode from 'vscode';
import { positionOf, type TextEdit } from '../core';

export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const workspaceEdit = new vscode.WorkspaceEdit();
  for (const edit of edits) {
    workspaceEdit.replace(document.uri, new vscode.Range(document.positionAt(edit.span.start), document.positionAt(edit.span.end)), edit.text);
  }
  return workspaceEdit;
}

/** Range of an engine span in a document's current text (same text the span was computed on). */
export function spanToRange(lineStarts: readonly number[], span: { start: number; end: number }): vscode.Range {
  const start = positionOf(lineStarts, span.start);
  const end = positionOf(lineStarts, span.end);
  return new vscode.Range(start.line, start.character, end.line, end.character);
}

/**
 * Applies `edits` if `document` is still at `version`. Returns false (and says so) otherwise.
 * A document that had no unsaved changes is saved again, so the change lands on disk; one with
 * unsaved changes keeps them in the buffer and is not saved behind the user's back.
 */
export async function applyVersionedEdits(document: vscode.TextDocument, version: number, edits: readonly TextEdit[]): Promise<boolean> {
  if (document.version !== version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The document changed since this was computed; nothing was changed. Try again.'));
    return false;
  }
  if (edits.length === 0) return true;
  // VS Code would apply the edit to the buffer and then fail to save it: refuse up front instead.
  if (vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === false) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is on a read-only file system; nothing was changed.', document.uri.path.split('/').pop() ?? document.uri.path));
    return false;
  }
  const wasDirty = document.isDirty;
  const applied = await vscode.workspace.applyEdit(toWorkspaceEdit(document, edits));
  if (!applied) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The edit could not be applied; nothing was changed.'));
    return false;
  }
  if (!wasDirty) await document.save();
  return true;
}
