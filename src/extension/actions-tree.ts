// The Open Actions tree: every open and in-progress action of the workspace, grouped by due
// bucket, owner, meeting or series, filtered by text, owner or "only mine".
import * as vscode from 'vscode';
import {
  actionIdentities,
  carriedInSeries,
  normaliseLabel,
  type MeetingSummary,
  daysBetween,
  isoWeekday,
  message,
  seriesRecord,
  todayIn,
  dueBucket,
  DUE_BUCKETS,
  type DueBucket,
  PeopleIndex,
  type IndexedAction,
  type IndexedMeeting,
  type SeriesStep,
} from '../core';
import { displayLocale } from './locale';
import type { MeetingStore } from './meeting-store';

export type GroupBy = 'due' | 'owner' | 'meeting' | 'series';
export const GROUP_BY_VALUES: readonly GroupBy[] = ['due', 'owner', 'meeting', 'series'];

export interface GroupNode {
  kind: 'group';
  id: string;
  label: string;
  items: IndexedAction[];
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

export type TreeNode = GroupNode | MeetingNode | ActionNode;

export interface TreeFilter {
  text: string;
  owner: string | null;
  onlyMine: boolean;
}

/** Scheme of the tree items' resource URIs, so a decoration can colour overdue labels. */
export const ACTION_URI_SCHEME = 'meetings-action';

export class ActionsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly decorationsChanged = new vscode.EventEmitter<undefined>();
  readonly onDidChangeFileDecorations = this.decorationsChanged.event;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly countsChanged = new vscode.EventEmitter<{ open: number; overdue: number }>();
  readonly onDidChangeCounts = this.countsChanged.event;
  // Worked out once per change, not once per question: a refresh asks for the visible actions
  // twice (counts, groups), and a workspace of 10,000 meetings holds some 250,000 open actions.
  private visible: IndexedAction[] | null = null;
  /** Per series, the actions its next meeting carries (`carriedInSeries`), dropped when a member changes. */
  private readonly carriedBySeries = new Map<string, Map<string, Set<number>>>();
  private readonly seriesOfKey = new Map<string, string>();

  constructor(
    private readonly store: MeetingStore,
    private readonly state: vscode.Memento,
  ) {
    this.disposables.push(
      store.index.onDidChange((keys) => {
        this.forgetCarried(keys);
        this.visible = null;
        this.scheduleRefresh();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('meetings.me')) return;
        this.visible = null;
        this.refresh();
      }),
    );
  }

  private forgetCarried(keys: readonly string[]): void {
    for (const key of keys) {
      const before = this.seriesOfKey.get(key);
      if (before !== undefined) this.carriedBySeries.delete(before);
      const now = this.store.index.get(key)?.meeting.fields.series;
      if (now) {
        this.carriedBySeries.delete(now);
        this.seriesOfKey.set(key, now);
      } else {
        this.seriesOfKey.delete(key);
      }
    }
  }

  /** Indices of the actions of `entry` that the next meeting of its series carries. */
  private carriedOf(entry: IndexedMeeting): Set<number> | undefined {
    const series = entry.meeting.fields.series;
    if (!series) return undefined;
    let carried = this.carriedBySeries.get(series);
    if (!carried) {
      const ordered = this.store.index.series(series).map((member) => ({ key: member.key, actionIdentities: identitiesOf(member.meeting) }));
      this.carriedBySeries.set(series, (carried = carriedInSeries(ordered)));
      for (const member of ordered) this.seriesOfKey.set(member.key, series);
    }
    return carried.get(entry.key);
  }

  get groupBy(): GroupBy {
    const value = this.state.get<GroupBy>('meetings.groupBy', 'due');
    return GROUP_BY_VALUES.includes(value) ? value : 'due';
  }

  async setGroupBy(groupBy: GroupBy): Promise<void> {
    await this.state.update('meetings.groupBy', groupBy);
    void vscode.commands.executeCommand('setContext', 'meetings.groupBy', groupBy);
    this.refresh();
  }

  get filter(): TreeFilter {
    return this.state.get<TreeFilter>('meetings.filter', { text: '', owner: null, onlyMine: false });
  }

  async setFilter(filter: Partial<TreeFilter>): Promise<void> {
    const next = { ...this.filter, ...filter };
    await this.state.update('meetings.filter', next);
    this.visible = null;
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
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.changed.fire(undefined);
    this.decorationsChanged.fire(undefined);
    const all = this.visibleActions();
    const today = todayIn(null);
    this.countsChanged.fire({ open: all.length, overdue: all.filter((item) => isOverdue(item, today)).length });
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => this.refresh(), 50);
  }

  /** Open and in-progress actions after the filters (do not modify). */
  visibleActions(): IndexedAction[] {
    return (this.visible ??= this.computeVisible());
  }

  private computeVisible(): IndexedAction[] {
    const { text, owner, onlyMine } = this.filter;
    const me = vscode.workspace.getConfiguration('meetings').get<string>('me', '').trim();
    const needle = text.toLowerCase();
    const result: IndexedAction[] = [];
    for (const key of this.store.index.keys()) {
      const entry = this.store.index.get(key)!;
      // Carried into the next meeting of its series: listed there, not twice.
      const carried = this.carriedOf(entry);
      for (const item of openActionsOf(entry)) {
        if (carried?.has(item.index)) continue;
        if (needle) {
          const haystack = [item.action.text, entry.meeting.fields.title ?? '', ...item.action.owners].join(' ').toLowerCase();
          if (!haystack.includes(needle)) continue;
        }
        if (owner && !hasOwner(item, owner)) continue;
        if (onlyMine && (!me || !hasOwner(item, me))) continue;
        result.push(item);
      }
    }
    return result;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) return this.groups();
    if (node.kind === 'group' && node.id.startsWith('series:') && node.id !== 'series:') return this.meetingsOf(node);
    if (node.kind === 'group' || node.kind === 'meeting') return sortActions(node.items).map((item) => ({ kind: 'action', groupId: node.id, item }));
    return [];
  }

  /** The meetings of a series in date order with their follow-up record; only those with matching actions while filtering. */
  meetingsOf(group: GroupNode): MeetingNode[] {
    const steps = seriesRecord(this.store.index.series(group.id.slice('series:'.length)));
    const filtered = this.isFiltered();
    return steps
      .map((step) => ({
        kind: 'meeting' as const,
        id: `${group.id}|${step.entry.key}`,
        step,
        items: group.items.filter((item) => item.entry.key === step.entry.key),
      }))
      .filter((node) => !filtered || node.items.length > 0);
  }

  private isFiltered(): boolean {
    const { text, owner, onlyMine } = this.filter;
    return text !== '' || owner !== null || onlyMine;
  }

  groups(): GroupNode[] {
    const items = this.visibleActions();
    const today = todayIn(null);
    const locale = displayLocale();
    const groups = new Map<string, GroupNode>();
    const add = (id: string, label: string, item: IndexedAction) => {
      let group = groups.get(id);
      if (!group) groups.set(id, (group = { kind: 'group', id, label, items: [] }));
      group.items.push(item);
    };
    for (const item of items) {
      switch (this.groupBy) {
        case 'due': {
          const bucket = dueBucket(item.action.due, today);
          add(`due:${bucket}`, bucketLabel(bucket), item);
          break;
        }
        case 'owner':
          if (item.action.owners.length === 0) add('owner:', vscode.l10n.t('Unassigned'), item);
          for (const owner of item.action.owners) add(`owner:${owner}`, owner, item);
          break;
        case 'meeting': {
          const { title, date } = item.entry.meeting.fields;
          const name = title ?? vscode.Uri.parse(item.entry.key).path.split('/').pop()!;
          add(`meeting:${item.entry.key}`, date ? `${date} ${name}` : name, item);
          break;
        }
        case 'series': {
          const series = item.entry.meeting.fields.series;
          add(`series:${series ?? ''}`, series ?? vscode.l10n.t('No series'), item);
          break;
        }
      }
    }
    // The follow-up record shows every series, also those without open actions left.
    if (this.groupBy === 'series' && !this.isFiltered()) {
      for (const key of this.store.index.keys()) {
        const series = this.store.index.get(key)?.meeting.fields.series;
        if (series && !groups.has(`series:${series}`)) groups.set(`series:${series}`, { kind: 'group', id: `series:${series}`, label: series, items: [] });
      }
    }
    const result = [...groups.values()];
    if (this.groupBy === 'due') result.sort((a, b) => DUE_BUCKETS.indexOf(a.id.slice(4) as DueBucket) - DUE_BUCKETS.indexOf(b.id.slice(4) as DueBucket));
    else if (this.groupBy === 'meeting') result.sort((a, b) => b.label.localeCompare(a.label));
    else result.sort((a, b) => (a.id.endsWith(':') ? 1 : 0) - (b.id.endsWith(':') ? 1 : 0) || a.label.localeCompare(b.label, locale));
    return result;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.kind === 'meeting') return meetingItem(node);
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
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
    const item = new vscode.TreeItem(action.label, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.groupId}|${entry.key}|${action.line}`;
    const due = action.due;
    const parts = [action.owners.join(', ')];
    if (due) parts.push(`📅 ${due} ${message(locale, `weekday.${isoWeekday(due)}` as 'weekday.1')}`);
    item.description = parts.filter(Boolean).join(' · ');
    item.tooltip = tooltip(node.item, today);
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

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== ACTION_URI_SCHEME || uri.query !== 'overdue') return undefined;
    return new vscode.FileDecoration(undefined, vscode.l10n.t('Overdue'), new vscode.ThemeColor('list.errorForeground'));
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.disposables.forEach((disposable) => disposable.dispose());
    this.changed.dispose();
    this.decorationsChanged.dispose();
    this.countsChanged.dispose();
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

const openActionsCache = new WeakMap<IndexedMeeting, IndexedAction[]>();

/** The entry's open and in-progress actions (an entry is replaced, never changed, when its file changes). */
function openActionsOf(entry: IndexedMeeting): IndexedAction[] {
  let items = openActionsCache.get(entry);
  if (!items) {
    items = [];
    entry.meeting.actions.forEach((action, index) => {
      if (action.status === 'open' || action.status === 'in-progress') items!.push({ entry, action, index });
    });
    openActionsCache.set(entry, items);
  }
  return items;
}

const identityCache = new WeakMap<MeetingSummary, string[][]>();

/** Each action's identities (see core/series.ts), computed once per indexed meeting. */
function identitiesOf(meeting: MeetingSummary): string[][] {
  let identities = identityCache.get(meeting);
  if (!identities) {
    identities = meeting.actions.map((action) => actionIdentities(action.id, normaliseLabel(action.label)));
    identityCache.set(meeting, identities);
  }
  return identities;
}

function hasOwner(item: IndexedAction, name: string): boolean {
  const canonical = new PeopleIndex([], item.entry.config.people).canonicalName(name).toLowerCase();
  return item.action.owners.some((owner) => owner.toLowerCase() === canonical);
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

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** By due date, then file, then line. ISO dates and URIs compare by code unit (localeCompare is slow on 100,000 items). */
function sortActions(items: readonly IndexedAction[]): IndexedAction[] {
  return [...items].sort((a, b) => compareText(a.action.due ?? '9999', b.action.due ?? '9999') || compareText(a.entry.key, b.entry.key) || a.action.line - b.action.line);
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
