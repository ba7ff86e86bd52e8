// "$(checklist) 12  $(warning) 3": open and overdue actions; a click focuses the tree.
import * as vscode from 'vscode';

export class ActionsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('meetings.status', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = vscode.l10n.t('Meeting actions');
    this.item.command = 'meetings.actions.focus';
  }

  update(counts: { open: number; overdue: number }, hasMeetings: boolean): void {
    if (!hasMeetings) {
      this.item.hide();
      return;
    }
    this.item.text = counts.overdue > 0 ? `$(checklist) ${counts.open}  $(warning) ${counts.overdue}` : `$(checklist) ${counts.open}`;
    this.item.tooltip = vscode.l10n.t('{0} open actions, {1} overdue: show them', counts.open, counts.overdue);
    this.item.backgroundColor = counts.overdue > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
