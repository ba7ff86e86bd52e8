// The Open Actions tree: every open and in-progress action of the workspace, grouped by due
// bucket, owner, meeting or series, filtered by text, owner or "only mine". The grouping itself is
// core (OpenActionGroups, kept up to date file by file); this adapter labels and pages it.
import * as vscode from 'vscode';
import {
  type ActionFilter,
  daysBetween,
  DUE_BUCKETS,
  type DueBucket,
  GROUP_BY_VALUES,
  type GroupBy,
  type GroupId,
  isoWeekday,
  message,
  OpenActionGroups,
  previousInSortedSeries,
  type ReadonlySortedList,
  seriesStep,
  todayIn,
  type IndexedAction,
  type IndexedMeeting,
  type SeriesStep,
} from '../core';
import { displayLocale } from './locale';
import type { MeetingStore } from './meeting-store';

export { GROUP_BY_VALUES, type GroupBy };
export type TreeFilter = ActionFilter;

export interface GroupNode {
  kind: 'group';
  id: string;
  label: string;
  /** Sorted by due date, then file and line. */
  items: ReadonlySortedList<IndexedAction>;
}

export interface ActionNode {
  kind: 'action';
  groupId: string;
  item: IndexedAction;
}

/** A meeting of a series (group by series): its follow-up record and its open actions. */
export interface MeetingNode {
  kind: 'meeting';
  id: string;
  step: SeriesStep<IndexedMeeting>;
  items: IndexedAction[];
}

/** Stands for the children of a node not listed yet; choosing it lists another page. */
export interface MoreNode {
  kind: 'more';
  id: string;
  parentId: string;
  hidden: number;
}

export type TreeNode = GroupNode | MeetingNode | ActionNode | MoreNode;

/** Children listed per node before a "more" entry: a tree of 100,000 rows helps nobody. */
export const PAGE_SIZE = 200;
/** Above this many groups, owner, meeting and series groups start collapsed. */
const EXPANDED_GROUPS_LIMIT = 50;

/** How long the tree waits to show a change, so a burst of changes is shown once. */
const REFRESH_DELAY_MS = 50;
/**
 * While the workspace is read, hundreds of files a second come in, and each refresh regroups
 * them and makes VS Code ask for every listed item again: at most two refreshes a second then.
 */
const REFRESH_INTERVAL_WHILE_SCANNING_MS = 500;

/**
 * Changed files are taken into the groups in tasks of their own, this many at a time, for at
 * most CATCH_UP_SLICE_MS per task: a refresh during the scan would otherwise take in hundreds
 * of files at once and hold the extension host for tens of milliseconds.
 */
const CATCH_UP_BATCH = 8;
const CATCH_UP_SLICE_MS = 8;
/** Changed files not yet taken in above which the scan waits for the tree (see MeetingStore.paceWith). */
const CATCH_UP_BACKLOG = 32;
/**
 * A new grouping, filter, "me" or day takes every meeting into new groups, this many between
 * looks at the clock, in tasks of CATCH_UP_SLICE_MS; VS Code keeps showing the old groups, with a
 * progress bar, until the new ones are complete.
 */
const FILL_BATCH = 32;

/** Scheme of the tree items' resource URIs, so a decoration can colour overdue labels. */
export const ACTION_URI_SCHEME = 'meetings-action';

export class ActionsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly decorationsChanged = new vscode.EventEmitter<undefined>();
  readonly onDidChangeFileDecorations = this.decorationsChanged.event;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private lastRefresh = 0;
  private catchUpTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly countsChanged = new vscode.EventEmitter<{ open: number; overdue: number }>();
  readonly onDidChangeCounts = this.countsChanged.event;
  private readonly regroupingStarted = new vscode.EventEmitter<Promise<void>>();
  /** A new view is being grouped in the background; the promise settles when its groups are complete. */
  readonly onDidStartRegrouping = this.regroupingStarted.event;
  private regrouping: { done: Promise<void>; resolve: () => void } | null = null;
  private disposed = false;
  /** How long a task may fill the groups of a new view; at 0 (for tests) one step of FILL_BATCH meetings per task. */
  fillSliceMs = CATCH_UP_SLICE_MS;
  private readonly grouping: OpenActionGroups;
  /** Files changed since the groups were last brought up to date. */
  private readonly pending = new Set<string>();
  /** Root nodes, sorted by label, kept while no group appears, disappears or is renamed. */
  private sortedGroups: { version: number; view: string; nodes: GroupNode[] } | null = null;
  private groupCount = 0;
  /** The tree items made for each listed action, per group (several owners: several groups), with the day and locale. */
  private readonly actionItems = new WeakMap<IndexedAction, Map<string, { madeFor: string; item: vscode.TreeItem }>>();
  /** How many children each node lists (PAGE_SIZE unless "more" was chosen). */
  private readonly pageSizes = new Map<string, number>();
  /** Each meeting's step of its series' follow-up record, kept while it and the meeting before it are unchanged. */
  private readonly steps = new WeakMap<IndexedMeeting, SeriesStep<IndexedMeeting>>();

  constructor(
    private readonly store: MeetingStore,
    private readonly state: vscode.Memento,
  ) {
    this.grouping = new OpenActionGroups(store.index);
    this.disposables.push(
      store.index.onDidChange((keys) => {
        for (const key of keys) this.pending.add(key);
        this.catchUpTimer ??= setTimeout(() => this.catchUp(), 0);
        this.scheduleRefresh();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('meetings.me')) this.refresh();
      }),
      // The last files read are shown at once, not after the scan's longer interval.
      store.onDidChangeScanning((scanning) => {
        if (!scanning && this.refreshTimer) this.refresh();
      }),
      store.paceWith(() => this.pending.size > CATCH_UP_BACKLOG),
    );
  }

  /** The groups, complete and up to date with the index, the filter, "me" and today, now. */
  private current(): OpenActionGroups {
    this.showCurrentView();
    if (!this.grouping.isComplete) {
      this.grouping.fill(Infinity);
      this.regroupingDone();
    }
    if (this.pending.size > 0) {
      this.grouping.update(this.pending);
      this.pending.clear();
    }
    return this.grouping;
  }

  /**
   * Starts regrouping when the grouping, the filter, "me" or today changed. A small workspace is
   * regrouped at once; a large one in the tasks of `catchUp`.
   */
  private showCurrentView(): void {
    const me = vscode.workspace.getConfiguration('meetings').get<string>('me', '').trim();
    if (!this.grouping.show({ groupBy: this.groupBy, filter: this.filter, me, today: todayIn(null) }, { deferred: true })) return;
    if (this.fillFor(Date.now())) return;
    this.catchUpTimer ??= setTimeout(() => this.catchUp(), 0);
    if (!this.regrouping && !this.disposed) {
      let resolve!: () => void;
      const done = new Promise<void>((settle) => (resolve = settle));
      this.regrouping = { done, resolve };
      this.regroupingStarted.fire(done);
    }
  }

  /** Fills the groups of a new view until a slice from `started` is used up; returns whether they are complete. */
  private fillFor(started: number): boolean {
    while (!this.grouping.fill(FILL_BATCH)) if (Date.now() - started >= this.fillSliceMs) return false;
    this.regroupingDone();
    return true;
  }

  /**
   * The new groups are complete: VS Code gets them, and a refresh (which takes in the changes that
   * came meanwhile) gives the counts, the badge and the overdue colours of the new view or day.
   * A refresh that regrouped at once gives them itself.
   */
  private regroupingDone(): void {
    this.regrouping?.resolve();
    this.regrouping = null;
    if (!this.disposed) this.refreshTimer ??= setTimeout(() => this.refresh(), 0);
  }

  /** Takes changed files into the groups a batch at a time, then leaves the rest to a later task. */
  private catchUp(): void {
    this.catchUpTimer = undefined;
    const started = Date.now();
    try {
      this.showCurrentView();
      this.fillFor(started);
    } catch (error) {
      // A view that cannot be grouped must not leave VS Code waiting for ever: its request gets
      // the error instead (groups() fills at once).
      this.regrouping?.resolve();
      this.regrouping = null;
      throw error;
    }
    if (!this.grouping.isComplete) {
      this.catchUpTimer ??= setTimeout(() => this.catchUp(), 0);
      return;
    }
    const batch: string[] = [];
    for (const key of this.pending) {
      batch.push(key);
      this.pending.delete(key);
      if (batch.length < CATCH_UP_BATCH) continue;
      this.grouping.update(batch);
      batch.length = 0;
      if (Date.now() - started >= CATCH_UP_SLICE_MS) break;
    }
    if (batch.length > 0) this.grouping.update(batch);
    if (this.pending.size > 0) this.catchUpTimer = setTimeout(() => this.catchUp(), 0);
  }

  get groupBy(): GroupBy {
    const value = this.state.get<GroupBy>('meetings.groupBy', 'due');
    return GROUP_BY_VALUES.includes(value) ? value : 'due';
  }

  async setGroupBy(groupBy: GroupBy): Promise<void> {
    await this.state.update('meetings.groupBy', groupBy);
    this.pageSizes.clear();
    void vscode.commands.executeCommand('setContext', 'meetings.groupBy', groupBy);
    this.refresh();
  }

  get filter(): TreeFilter {
    return this.state.get<TreeFilter>('meetings.filter', { text: '', owner: null, onlyMine: false });
  }

  async setFilter(filter: Partial<TreeFilter>): Promise<void> {
    const next = { ...this.filter, ...filter };
    await this.state.update('meetings.filter', next);
    this.pageSizes.clear();
    void vscode.commands.executeCommand('setContext', 'meetings.filtered', next.text !== '' || next.owner !== null || next.onlyMine);
    void vscode.commands.executeCommand('setContext', 'meetings.onlyMine', next.onlyMine);
    this.refresh();
  }

  /** A one-line summary of the active filter, for the view's description. */
  filterDescription(): string | undefined {
    const filter = this.filter;
    const parts = [
      filter.text ? `“${filter.text}”` : '',
      filter.owner ? `@${filter.owner}` : '',
      filter.onlyMine ? vscode.l10n.t('only mine') : '',
    ].filter(Boolean);
    return parts.length > 0 ? parts.join(' · ') : undefined;
  }

  refresh(): void {
    this.lastRefresh = Date.now();
    this.showCurrentView();
    clearTimeout(this.refreshTimer); // also one that regrouping at once just asked for
    this.refreshTimer = undefined;
    this.changed.fire(undefined);
    // A view still being grouped gives its counts when complete; VS Code asks for its groups meanwhile, and waits.
    if (!this.grouping.isComplete) return;
    const counts = this.current().counts();
    this.decorationsChanged.fire(undefined);
    this.countsChanged.fire(counts);
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) return;
    const delay = this.store.isScanning ? Math.max(REFRESH_DELAY_MS, this.lastRefresh + REFRESH_INTERVAL_WHILE_SCANNING_MS - Date.now()) : REFRESH_DELAY_MS;
    this.refreshTimer = setTimeout(() => this.refresh(), delay);
  }

  /** Lists another page of a node's children. */
  showMore(node: MoreNode): void {
    this.pageSizes.set(node.parentId, (this.pageSizes.get(node.parentId) ?? PAGE_SIZE) + PAGE_SIZE);
    this.changed.fire(undefined);
  }

  /** Every shown action (after the filters): a full list, for tests and callers that need them all. */
  visibleActions(): IndexedAction[] {
    return this.current().actions();
  }

  getChildren(node: TreeNode): TreeNode[];
  getChildren(node?: TreeNode): TreeNode[] | Promise<TreeNode[]>;
  getChildren(node?: TreeNode): TreeNode[] | Promise<TreeNode[]> {
    if (!node) {
      this.showCurrentView();
      // The old groups stay on screen until the new ones are complete.
      return this.regrouping ? this.regrouping.done.then(() => this.groups()) : this.groups();
    }
    if (node.kind === 'group' && node.id.startsWith('series:') && node.id !== 'series:') return this.meetingsOf(node);
    if (node.kind === 'group' || node.kind === 'meeting') return this.page(node.id, node.items, (item) => ({ kind: 'action', groupId: node.id, item }));
    return [];
  }

  /** The first pages of `children`, then a "more" node for the rest. */
  private page<T>(parentId: string, children: ReadonlySortedList<T>, node: (child: T) => TreeNode, fromEnd = false): TreeNode[] {
    const size = this.pageSizes.get(parentId) ?? PAGE_SIZE;
    if (children.length <= size) return children.slice().map(node);
    const more: MoreNode = { kind: 'more', id: `${parentId}|more`, parentId, hidden: children.length - size };
    return fromEnd ? [more, ...children.slice(-size).map(node)] : [...children.slice(0, size).map(node), more];
  }

  /** The meetings of a series in date order with their follow-up record; only those with matching actions while filtering. */
  meetingsOf(group: GroupNode): TreeNode[] {
    const series = group.id.slice('series:'.length);
    const ordered = this.store.index.series(series);
    // A series of thousands of meetings: only the steps of changed meetings are worked out again.
    const steps = ordered.map((entry) => {
      const previous = previousInSortedSeries(ordered, entry);
      let step = this.steps.get(entry);
      if (step?.previous !== previous) this.steps.set(entry, (step = seriesStep(entry, previous)));
      return step;
    });
    const itemsOf = new Map<string, IndexedAction[]>();
    for (const item of group.items) {
      let items = itemsOf.get(item.entry.key);
      if (!items) itemsOf.set(item.entry.key, (items = []));
      items.push(item);
    }
    const filtered = this.isFiltered();
    const nodes = steps
      .map((step): MeetingNode => ({ kind: 'meeting', id: `${group.id}|${step.entry.key}`, step, items: itemsOf.get(step.entry.key) ?? [] }))
      .filter((node) => !filtered || node.items.length > 0);
    // The latest meetings matter most: earlier ones come in pages above them.
    return this.page(group.id, nodes, (meeting) => meeting, true);
  }

  private isFiltered(): boolean {
    const { text, owner, onlyMine } = this.filter;
    return text !== '' || owner !== null || onlyMine;
  }

  groups(): GroupNode[] {
    const grouping = this.current();
    const groupBy = this.groupBy;
    const view = `${groupBy}|${this.isFiltered()}|${displayLocale()}`;
    if (this.sortedGroups?.version === grouping.version && this.sortedGroups.view === view) {
      // Same groups, same order: only their actions (and counts) changed.
      this.groupCount = this.sortedGroups.nodes.length;
      return this.sortedGroups.nodes.map((node) => ({ ...node, items: grouping.actionsOf(node.id) }));
    }
    const nodes: GroupNode[] = [];
    for (const id of grouping.groupIds()) nodes.push({ kind: 'group', id, label: this.groupLabel(id), items: grouping.actionsOf(id) });
    // The follow-up record shows every series, also those without open actions left.
    if (groupBy === 'series' && !this.isFiltered()) {
      const listed = new Set(nodes.map((node) => node.id));
      for (const series of this.store.index.seriesNames()) {
        if (!listed.has(`series:${series}`)) nodes.push({ kind: 'group', id: `series:${series}`, label: series, items: [] });
      }
    }
    const collator = new Intl.Collator(displayLocale());
    if (groupBy === 'due') nodes.sort((a, b) => DUE_BUCKETS.indexOf(a.id.slice(4) as DueBucket) - DUE_BUCKETS.indexOf(b.id.slice(4) as DueBucket));
    else if (groupBy === 'meeting') nodes.sort((a, b) => collator.compare(b.label, a.label));
    else nodes.sort((a, b) => (a.id.endsWith(':') ? 1 : 0) - (b.id.endsWith(':') ? 1 : 0) || collator.compare(a.label, b.label));
    // Series without open actions have no group in `grouping`: the version does not see them come and go.
    this.sortedGroups = groupBy === 'series' ? null : { version: grouping.version, view, nodes };
    this.groupCount = nodes.length;
    return nodes;
  }

  private groupLabel(id: GroupId): string {
    const [kind] = id.split(':', 1);
    const value = id.slice(kind!.length + 1);
    switch (kind) {
      case 'due':
        return bucketLabel(value as DueBucket);
      case 'owner':
        return value || vscode.l10n.t('Unassigned');
      case 'meeting': {
        const fields = this.store.index.get(value)?.meeting.fields;
        const name = fields?.title ?? vscode.Uri.parse(value).path.split('/').pop()!;
        return fields?.date ? `${fields.date} ${name}` : name;
      }
      default:
        return value || vscode.l10n.t('No series');
    }
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.kind === 'meeting') return meetingItem(node);
    if (node.kind === 'more') {
      const item = new vscode.TreeItem(vscode.l10n.t('{0} more…', node.hidden), vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.contextValue = 'more';
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.command = { title: vscode.l10n.t('Show more'), command: 'meetings.showMore', arguments: [node] };
      return item;
    }
    if (node.kind === 'group') {
      const collapsed = !node.id.startsWith('due:') && this.groupCount > EXPANDED_GROUPS_LIMIT;
      const item = new vscode.TreeItem(node.label, collapsed ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.description = String(node.items.length);
      item.contextValue = 'group';
      item.iconPath = groupIcon(node.id);
      return item;
    }
    return this.actionItem(node);
  }

  private actionItem(node: ActionNode): vscode.TreeItem {
    const { entry, action } = node.item;
    const today = todayIn(null);
    const locale = displayLocale();
    // A refresh asks for every listed item again; only a changed file's actions are new objects.
    let made = this.actionItems.get(node.item);
    if (!made) this.actionItems.set(node.item, (made = new Map()));
    const madeFor = `${today}|${locale}`;
    const cached = made.get(node.groupId);
    if (cached?.madeFor === madeFor) return cached.item;
    const item = new vscode.TreeItem(action.label, vscode.TreeItemCollapsibleState.None);
    made.set(node.groupId, { madeFor, item });
    item.id = `${node.groupId}|${entry.key}|${action.line}`;
    const due = action.due;
    const parts = [action.owners.join(', ')];
    if (due) parts.push(`📅 ${due} ${message(locale, `weekday.${isoWeekday(due)}` as 'weekday.1')}`);
    item.description = parts.filter(Boolean).join(' · ');
    item.contextValue = `action.${action.status}`;
    const overdue = isOverdue(node.item, today);
    item.resourceUri = vscode.Uri.from({ scheme: ACTION_URI_SCHEME, path: `/${action.line}`, query: overdue ? 'overdue' : '' });
    item.iconPath = new vscode.ThemeIcon(
      action.status === 'in-progress' ? 'circle-large-filled' : 'circle-large-outline',
      overdue ? new vscode.ThemeColor('list.errorForeground') : undefined,
    );
    const uri = vscode.Uri.parse(entry.key);
    item.command = {
      title: vscode.l10n.t('Open'),
      command: 'vscode.open',
      arguments: [uri, { selection: new vscode.Range(action.line, 0, action.line, 0) } satisfies vscode.TextDocumentShowOptions],
    };
    return item;
  }

  /** Tooltips are built on hover, not for every listed action. */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node.kind === 'action' && item.tooltip === undefined) item.tooltip = tooltip(node.item, todayIn(null));
    return item;
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== ACTION_URI_SCHEME || uri.query !== 'overdue') return undefined;
    return new vscode.FileDecoration(undefined, vscode.l10n.t('Overdue'), new vscode.ThemeColor('list.errorForeground'));
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.refreshTimer);
    clearTimeout(this.catchUpTimer);
    this.regrouping?.resolve(); // the view's progress bar
    this.regrouping = null;
    this.disposables.forEach((disposable) => disposable.dispose());
    this.changed.dispose();
    this.decorationsChanged.dispose();
    this.countsChanged.dispose();
    this.regroupingStarted.dispose();
  }
}

function meetingItem(node: MeetingNode): vscode.TreeItem {
  const { entry, opened, closed, carried, dropped, previous } = node.step;
  const { title, date } = entry.meeting.fields;
  const name = title ?? vscode.Uri.parse(entry.key).path.split('/').pop()!;
  const item = new vscode.TreeItem(date ? `${date} ${name}` : name, node.items.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  const record = vscode.l10n.t('{0} opened · {1} closed · {2} carried', opened, closed, carried);
  item.description = dropped.length > 0 ? `${record} · ${vscode.l10n.t('{0} not followed up', dropped.length)}` : record;
  item.contextValue = 'meeting';
  item.resourceUri = vscode.Uri.parse(entry.key);
  item.iconPath = new vscode.ThemeIcon(dropped.length > 0 ? 'warning' : 'note', dropped.length > 0 ? new vscode.ThemeColor('list.warningForeground') : undefined);
  const md = new vscode.MarkdownString(undefined, true);
  md.appendText(`${name}${date ? ` (${date})` : ''}`);
  md.appendMarkdown('\n\n');
  md.appendText(record);
  if (previous && dropped.length > 0) {
    md.appendMarkdown('\n\n');
    md.appendText(vscode.l10n.t('Not followed up from {0}:', previous.meeting.fields.date ?? previous.key.split('/').pop() ?? ''));
    for (const followUp of dropped) {
      md.appendMarkdown('\n- ');
      md.appendText(followUp.action.label);
    }
  }
  item.tooltip = md;
  item.command = {
    title: vscode.l10n.t('Open'),
    command: 'vscode.open',
    arguments: [vscode.Uri.parse(entry.key)],
  };
  return item;
}

export function isOverdue(item: IndexedAction, today: string): boolean {
  const due = item.action.due;
  return due !== undefined && due !== null && due < today;
}

function bucketLabel(bucket: DueBucket): string {
  switch (bucket) {
    case 'overdue':
      return vscode.l10n.t('Overdue');
    case 'today':
      return vscode.l10n.t('Today');
    case 'week':
      return vscode.l10n.t('This week');
    case 'later':
      return vscode.l10n.t('Later');
    case 'none':
      return vscode.l10n.t('No date');
  }
}

function groupIcon(id: string): vscode.ThemeIcon {
  if (id === 'due:overdue') return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.errorForeground'));
  if (id.startsWith('due:')) return new vscode.ThemeIcon('calendar');
  if (id.startsWith('owner:')) return new vscode.ThemeIcon('person');
  if (id.startsWith('meeting:')) return new vscode.ThemeIcon('note');
  return new vscode.ThemeIcon('list-tree');
}

function tooltip(item: IndexedAction, today: string): vscode.MarkdownString {
  const { entry, action } = item;
  const locale = displayLocale();
  const fields = entry.meeting.fields;
  const md = new vscode.MarkdownString(undefined, true);
  md.appendText(action.text);
  md.appendMarkdown('\n\n');
  const meetingName = fields.title ?? vscode.Uri.parse(entry.key).path.split('/').pop() ?? '';
  md.appendText(`${vscode.l10n.t('Meeting')}: ${meetingName}${fields.date ? ` (${fields.date})` : ''}`);
  md.appendMarkdown('  \n');
  if (action.owners.length > 0) {
    md.appendText(`${vscode.l10n.t('Owner')}: ${action.owners.join(', ')}`);
    md.appendMarkdown('  \n');
  }
  const due = action.due;
  if (due) {
    const days = daysBetween(today, due);
    const when =
      days < 0 ? vscode.l10n.t('{0} days overdue', -days) : days === 0 ? vscode.l10n.t('due today') : vscode.l10n.t('in {0} days', days);
    md.appendText(`${vscode.l10n.t('Due')}: ${due} ${message(locale, `weekday.${isoWeekday(due)}` as 'weekday.1')} (${when})`);
    md.appendMarkdown('  \n');
  }
  md.appendText(`${vscode.l10n.t('Status')}: ${statusLabel(action.status)}`);
  return md;
}

export function statusLabel(status: string): string {
  switch (status) {
    case 'open':
      return vscode.l10n.t('open');
    case 'in-progress':
      return vscode.l10n.t('in progress');
    case 'done':
      return vscode.l10n.t('done');
    default:
      return vscode.l10n.t('cancelled');
  }
}
