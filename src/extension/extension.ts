// Wires the engine into VS Code. Everything here is an adapter: the rules, the parsing and the
// edits live in src/core and behave exactly as in the `meetings` CLI.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { TextEdit } from '../core';
import { buildStamp } from '../node/build-stamp';
import { EnginePool } from '../node/engine-pool';
import { ProblemsCache } from '../node/problems-cache';
import { SummaryCache } from '../node/summary-cache';
import { assignOwner, markDone, openMeeting, setDueDate } from './action-commands';
import { ACTION_URI_SCHEME, ActionsTreeProvider, GROUP_BY_VALUES, type ActionNode, type GroupBy, type MoreNode } from './actions-tree';
import { APPLY_FIX_COMMAND, MeetingCodeActions } from './code-actions';
import { ConfigResolver } from './config-resolver';
import { DiagnosticsController } from './diagnostics';
import { exportMinutes, type MinutesFormat } from './export-minutes';
import { applyVersionedEdits } from './edits';
import { Log } from './log';
import { MeetingStore } from './meeting-store';
import { COMPLETION_TRIGGERS, MeetingCompletions } from './completion';
import { ActionHovers } from './hover';
import { newMeeting } from './new-meeting';
import { ActionsStatusBar } from './status-bar';

export interface MeetingsApi {
  store: MeetingStore;
  diagnostics: DiagnosticsController;
  tree: ActionsTreeProvider;
  configs: ConfigResolver;
  /** The "Meetings" output channel, with its latest messages. */
  log: Log;
  /** Resolves when the first workspace scan has finished. */
  ready: Promise<void>;
  activationMs: number;
}

export function activate(context: vscode.ExtensionContext): MeetingsApi {
  const started = performance.now();
  const log = new Log();
  const configs = new ConfigResolver();
  const workers = engineWorkers(log);
  const store = new MeetingStore(configs, log, () => vscode.workspace.getConfiguration('meetings').get<number>('lint.debounceMs', 300), cachesFor(context), workers);
  const diagnostics = new DiagnosticsController(store, configs, log, workers);
  const tree = new ActionsTreeProvider(store, context.workspaceState);
  const statusBar = new ActionsStatusBar();
  const viewIds = ['meetings.actions', 'meetings.actionsExplorer'];
  const views = viewIds.map((id) => vscode.window.createTreeView(id, { treeDataProvider: tree, showCollapseAll: true }));
  const updateViews = (counts: { open: number; overdue: number }) => {
    const hasMeetings = store.index.size > 0;
    void vscode.commands.executeCommand('setContext', 'meetings.empty', !hasMeetings && !store.isScanning);
    for (const view of views) {
      view.badge = counts.overdue > 0 ? { value: counts.overdue, tooltip: vscode.l10n.t('{0} overdue actions', counts.overdue) } : undefined;
      view.description = tree.filterDescription();
    }
    statusBar.update(counts, hasMeetings);
  };

  const node = (arg: unknown): ActionNode | undefined => {
    if (arg && typeof arg === 'object' && (arg as ActionNode).kind === 'action') return arg as ActionNode;
    const selected = views.flatMap((view) => view.selection).find((item) => item.kind === 'action');
    return selected as ActionNode | undefined;
  };

  context.subscriptions.push(
    log,
    configs,
    store,
    diagnostics,
    workers,
    tree,
    statusBar,
    ...views,
    tree.onDidChangeCounts(updateViews),
    tree.onDidStartRegrouping((done) => {
      for (const viewId of viewIds) void vscode.window.withProgress({ location: { viewId } }, () => done);
    }),
    vscode.window.registerFileDecorationProvider(tree),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new MeetingCodeActions(diagnostics, store), MeetingCodeActions.metadata),
    vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, new MeetingCompletions(store, configs), ...COMPLETION_TRIGGERS),
    vscode.languages.registerHoverProvider({ language: 'markdown' }, new ActionHovers(store, configs)),
    vscode.commands.registerCommand(APPLY_FIX_COMMAND, async (uri: vscode.Uri, version: number, edits: TextEdit[]) => {
      const document = await vscode.workspace.openTextDocument(uri);
      return applyVersionedEdits(document, version, edits);
    }),
    vscode.commands.registerCommand('meetings.markDone', (arg) => markDone(node(arg))),
    vscode.commands.registerCommand('meetings.setDueDate', (arg, date?: string) => setDueDate(node(arg), store, date)),
    vscode.commands.registerCommand('meetings.assignOwner', (arg, name?: string) => assignOwner(node(arg), store, name)),
    vscode.commands.registerCommand('meetings.openMeeting', (arg) => openMeeting(node(arg))),
    ...GROUP_BY_VALUES.map((groupBy) =>
      vscode.commands.registerCommand(`meetings.groupBy.${groupBy}`, () => tree.setGroupBy(groupBy as GroupBy)),
    ),
    vscode.commands.registerCommand('meetings.filter', async (text?: string) => {
      const value = text ?? (await vscode.window.showInputBox({ prompt: vscode.l10n.t('Show actions containing'), value: tree.filter.text }));
      if (value !== undefined) await tree.setFilter({ text: value.trim() });
    }),
    vscode.commands.registerCommand('meetings.filterOwner', async (name?: string) => {
      const value = name ?? (await vscode.window.showQuickPick(store.index.people(), { placeHolder: vscode.l10n.t('Show actions of') }));
      if (value !== undefined) await tree.setFilter({ owner: value });
    }),
    vscode.commands.registerCommand('meetings.toggleOnlyMine', async () => {
      if (!tree.filter.onlyMine && !vscode.workspace.getConfiguration('meetings').get<string>('me', '').trim()) {
        const open = vscode.l10n.t('Open Settings');
        const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Set "meetings.me" to your name to see only your actions.'), open);
        if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', 'meetings.me');
        return;
      }
      await tree.setFilter({ onlyMine: !tree.filter.onlyMine });
    }),
    vscode.commands.registerCommand('meetings.showMore', (node: MoreNode) => tree.showMore(node)),
    vscode.commands.registerCommand('meetings.clearFilter', () => tree.setFilter({ text: '', owner: null, onlyMine: false })),
    // Refresh is asked for when the list looks wrong: every file is read again, the cache aside.
    vscode.commands.registerCommand('meetings.refresh', () => store.scan({ fresh: true })),
    vscode.commands.registerCommand('meetings.newMeeting', (options?: unknown) => newMeeting({ store, configs, log, ready: () => ready }, options)),
    vscode.commands.registerCommand('meetings.exportMinutes', (arg?: unknown, format?: MinutesFormat, target?: vscode.Uri) => exportMinutes(store, arg, format, target)),
    vscode.commands.registerCommand('meetings.showOutput', () => log.show()),
  );

  void vscode.commands.executeCommand('setContext', 'meetings.groupBy', tree.groupBy);
  const ready = Promise.resolve(vscode.window
    .withProgress({ location: { viewId: 'meetings.actions' }, title: vscode.l10n.t('Reading meeting notes…') }, () => store.scan())
    .then(() => {
      // The closed files it read are linted now, in tasks of their own (diagnostics.ts).
      diagnostics.publishConfigProblems();
      tree.refresh();
      const fromCache = store.lastScan?.fromCache ? ` (${store.lastScan.fromCache} of ${store.lastScan.files} Markdown files unchanged, from the cache)` : '';
      log.info(`Indexed ${store.index.size} meeting files${fromCache}.`);
    }));
  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms.`);
  return { store, diagnostics, tree, configs, log, ready, activationMs };
}

/**
 * Worker threads that read, parse and lint files on disk for the scan and the problems of closed
 * files: one per core but the extension host's, at most two (beyond that, what the extension host
 * does with their results, and VS Code with the problems, is the bottleneck).
 */
function engineWorkers(log: Log): EnginePool {
  const size = Math.max(1, Math.min(2, availableParallelism() - 1));
  return new EnginePool(join(__dirname, 'engine-worker.cjs'), size, (reason) => log.warn(`The engine workers stopped (${reason}); files are read and linted on the extension host.`));
}

/**
 * The caches of the index and of the problems in the workspace's storage, or none (no folder
 * open, or storage that is not on a local disk). Their engine id changes with the extension's
 * version and build, as either may read the same file differently.
 */
function cachesFor(context: vscode.ExtensionContext): { summaries: SummaryCache; problems: ProblemsCache } | null {
  const storage = context.storageUri;
  if (storage?.scheme !== 'file') return null;
  const engine = `${String(context.extension.packageJSON.version)}:${buildStamp()}`;
  return {
    summaries: new SummaryCache(join(storage.fsPath, 'index-cache.jsonl'), engine),
    problems: new ProblemsCache(join(storage.fsPath, 'problems-cache.jsonl'), engine),
  };
}

export function deactivate(): void {}

export { ACTION_URI_SCHEME };
