// The open and in-progress actions of the workspace, filtered and grouped the way the tree shows
// them (by due bucket, owner, meeting or series), kept up to date file by file: one changed file
// costs the same in a workspace of 100 or 10,000 meetings. Pure; the editor's tree labels and
// renders what this keeps.
import type { IndexedAction, IndexedMeeting, MeetingIndex } from './meeting-index';
import { dueBucket, isPending } from './meeting-index';
import { PeopleIndex } from './people';
import { SortedList, type ReadonlySortedList } from './sorted';
import type { Person } from './config';
import { followedAction, followedUpIn, normaliseLabel, type FollowedAction } from './series';
import { StringPool, type ActionSummary, type MeetingSummary } from './summary';

export type GroupBy = 'due' | 'owner' | 'meeting' | 'series';
export const GROUP_BY_VALUES: readonly GroupBy[] = ['due', 'owner', 'meeting', 'series'];

export interface ActionFilter {
  /** Case-insensitive text looked for in the action, its meeting's title and its owners. */
  text: string;
  owner: string | null;
  onlyMine: boolean;
}

/** What is shown: a change to any of it regroups every action. */
export interface GroupingView {
  groupBy: GroupBy;
  filter: ActionFilter;
  /** `meetings.me`, for "only mine". */
  me: string;
  today: string;
}

/**
 * Group ids: `due:<bucket>`, `owner:<name>` (`owner:` unassigned), `meeting:<key>`,
 * `series:<name>` (`series:` for meetings outside a series).
 */
export type GroupId = string;

interface Contribution {
  entry: IndexedMeeting;
  items: IndexedAction[];
  /** The group of each item (several for an action with several owners), in the same order. */
  groupIds: Array<GroupId | GroupId[]>;
  overdue: number;
  /** Key of the next meeting of the series when the items were worked out (it decides what was carried). */
  next: string | null;
  /** Indices of the actions that meeting repeats: listed there, not here. */
  carried: ReadonlySet<number>;
}

/** By due date (undated last), then file, then line; code-unit order, which is date order for ISO dates. */
export function compareActions(a: IndexedAction, b: IndexedAction): number {
  const dueA = a.action.due ?? '9999';
  const dueB = b.action.due ?? '9999';
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  if (a.entry.key !== b.entry.key) return a.entry.key < b.entry.key ? -1 : 1;
  return a.action.line - b.action.line;
}

const NO_ACTIONS: readonly IndexedAction[] = [];

export class OpenActionGroups {
  private view: GroupingView | null = null;
  /** The view's filter text in lower case. */
  private needle = '';
  private readonly contributions = new Map<string, Contribution>();
  /** Each group's actions, sorted by `compareActions`. */
  private readonly members = new Map<GroupId, SortedList<IndexedAction>>();
  private open = 0;
  private overdue = 0;
  /**
   * The meetings whose actions were last worked out with `key` as their next meeting: redone when
   * `key` changes. All of them, not only the latest: when changes are taken in a few files at a
   * time, another meeting may take `key` as its next before `key`'s own change is taken in.
   */
  private readonly workedOutWith = new Map<string, Set<string>>();
  private groupSetVersion = 0;
  /** The index's meetings when the view was set, and how many of them `fill` went through. */
  private unfilled: string[] = [];
  private filled = 0;

  constructor(private readonly index: MeetingIndex) {}

  /**
   * Sets what is shown; regroups every action only when the view differs from the last one, and
   * returns whether it did. With `deferred`, the groups start empty and `fill` takes the meetings
   * in, a few at a time: at 10,000 meetings a regrouping takes half a second.
   */
  show(view: GroupingView, options: { deferred?: boolean } = {}): boolean {
    if (this.view && sameView(this.view, view)) return false;
    this.view = { ...view, filter: { ...view.filter } };
    this.needle = view.filter.text.toLowerCase();
    this.contributions.clear();
    this.members.clear();
    this.workedOutWith.clear();
    this.open = 0;
    this.overdue = 0;
    this.groupSetVersion++;
    this.unfilled = [...this.index.keys()];
    this.filled = 0;
    if (!options.deferred) this.fill(Infinity);
    return true;
  }

  /** Whether every meeting is in the groups (always, unless `show` was deferred and `fill` is not done). */
  get isComplete(): boolean {
    return this.filled >= this.unfilled.length;
  }

  /**
   * Takes up to `count` more meetings into the groups of a deferred view; returns whether every
   * meeting is in. A meeting changed meanwhile was taken in by `update` already.
   */
  fill(count: number): boolean {
    const end = Math.min(this.unfilled.length, this.filled + count);
    const added = new Map<GroupId, IndexedAction[]>();
    for (; this.filled < end; this.filled++) {
      const key = this.unfilled[this.filled]!;
      if (!this.contributions.has(key)) this.contribute(key, added);
    }
    for (const [id, items] of added) {
      const list = this.members.get(id);
      if (list) this.apply(id, undefined, items);
      else {
        this.members.set(id, SortedList.of(items.sort(compareActions), compareActions));
        this.groupSetVersion++;
      }
    }
    if (!this.isComplete) return false;
    this.unfilled = [];
    this.filled = 0;
    return true;
  }

  /** Brings the groups up to date after the index reported a change to `keys`. */
  update(keys: Iterable<string>): void {
    if (!this.view) return;
    const redo = new Set<string>();
    const neighbours = new Set<string>();
    for (const key of keys) {
      redo.add(key);
      // The meeting before this one carried what this one repeats: before and after the change.
      for (const before of this.workedOutWith.get(key) ?? []) neighbours.add(before);
      const entry = this.index.get(key);
      const previous = entry && neighbourInSeries(this.index, entry, -1);
      if (previous) neighbours.add(previous.key);
    }
    const removed = new Map<GroupId, Set<IndexedAction>>();
    const added = new Map<GroupId, IndexedAction[]>();
    for (const key of neighbours) if (!redo.has(key) && !this.reconsider(key, removed, added)) redo.add(key);
    for (const key of redo) {
      const before = this.contributions.get(key)?.entry.meeting.fields;
      this.withdraw(key, removed);
      this.contribute(key, added);
      const after = this.contributions.get(key)?.entry.meeting.fields;
      // A meeting group's label is its meeting's date and title.
      if (this.view.groupBy === 'meeting' && (before?.title !== after?.title || before?.date !== after?.date)) this.groupSetVersion++;
    }
    for (const id of new Set([...removed.keys(), ...added.keys()])) this.apply(id, removed.get(id), added.get(id));
  }

  /** Group ids with at least one action, in no particular order. */
  groupIds(): IterableIterator<GroupId> {
    return this.members.keys();
  }

  /** A group's actions, sorted by `compareActions`. */
  actionsOf(id: GroupId): ReadonlySortedList<IndexedAction> {
    return this.members.get(id) ?? NO_ACTIONS;
  }

  /** Changes whenever a group appears or disappears, or a meeting group's meeting changes. */
  get version(): number {
    return this.groupSetVersion;
  }

  counts(): { open: number; overdue: number } {
    return { open: this.open, overdue: this.overdue };
  }

  /** Every shown action, in index order (a list of them all: for tests and exports, not for each refresh). */
  actions(): IndexedAction[] {
    const all: IndexedAction[] = [];
    for (const contribution of this.contributions.values()) all.push(...contribution.items);
    return all;
  }

  private contribute(key: string, added: Map<GroupId, IndexedAction[]>): void {
    const entry = this.index.get(key);
    if (!entry) return;
    const next = nextInSeries(this.index, entry);
    const carried = next ? carriedInto(entry.meeting, next.meeting) : NOTHING_CARRIED;
    const contribution: Contribution = { entry, items: [], groupIds: [], overdue: 0, next: next?.key ?? null, carried };
    entry.meeting.actions.forEach((action, index) => {
      // Carried into the next meeting of its series: listed there, not twice.
      if (!carried.has(index)) this.list(contribution, action, index, added);
    });
    if (contribution.items.length === 0 && contribution.next === null) return;
    this.contributions.set(key, contribution);
    this.link(key, contribution.next);
    this.open += contribution.items.length;
    this.overdue += contribution.overdue;
  }

  /** Adds an action to a contribution (in order of `index`) and to `added`, if the view lists it. */
  private list(contribution: Contribution, action: ActionSummary, index: number, added: Map<GroupId, IndexedAction[]>): boolean {
    const view = this.view!;
    if (!isPending(action)) return false;
    const item: IndexedAction = { entry: contribution.entry, action, index };
    if (this.needle && !matchesText(item, this.needle)) return false;
    if (view.filter.owner && !hasOwner(item, view.filter.owner)) return false;
    if (view.filter.onlyMine && (!view.me || !hasOwner(item, view.me))) return false;
    const ids = groupIdsOf(item, view.groupBy, view.today);
    const { items } = contribution;
    let at = items.length;
    while (at > 0 && items[at - 1]!.index > index) at--;
    items.splice(at, 0, item);
    contribution.groupIds.splice(at, 0, ids);
    if (action.due && action.due < view.today) contribution.overdue++;
    for (const id of typeof ids === 'string' ? [ids] : ids) {
      let list = added.get(id);
      if (!list) added.set(id, (list = []));
      list.push(item);
    }
    return true;
  }

  /**
   * A meeting to redo only because a meeting next to it in its series changed. When it is itself
   * unchanged, only the actions whose next meeting started or stopped repeating them move: during
   * a scan every meeting is redone when the one after it is read, and most of its actions stay.
   * Returns false when the meeting must be redone in full.
   */
  private reconsider(key: string, removed: Map<GroupId, Set<IndexedAction>>, added: Map<GroupId, IndexedAction[]>): boolean {
    const contribution = this.contributions.get(key);
    const entry = this.index.get(key);
    if (!contribution || !entry || contribution.entry !== entry) return false;
    const next = nextInSeries(this.index, entry);
    const carried = next ? carriedInto(entry.meeting, next.meeting) : NOTHING_CARRIED;
    this.unlink(key, contribution.next);
    contribution.next = next?.key ?? null;
    this.link(key, contribution.next);
    const before = contribution.carried;
    contribution.carried = carried;
    const open = contribution.items.length;
    const overdue = contribution.overdue;
    // Newly carried: out of this meeting's groups.
    for (let i = contribution.items.length - 1; i >= 0; i--) {
      const item = contribution.items[i]!;
      if (!carried.has(item.index)) continue;
      this.take(item, contribution.groupIds[i]!, removed);
      if (item.action.due && item.action.due < this.view!.today) contribution.overdue--;
      contribution.items.splice(i, 1);
      contribution.groupIds.splice(i, 1);
    }
    // No longer carried: back in.
    for (const index of before) if (!carried.has(index)) this.list(contribution, entry.meeting.actions[index]!, index, added);
    this.open += contribution.items.length - open;
    this.overdue += contribution.overdue - overdue;
    if (contribution.items.length === 0 && contribution.next === null) this.contributions.delete(key);
    return true;
  }

  private withdraw(key: string, removed: Map<GroupId, Set<IndexedAction>>): void {
    const contribution = this.contributions.get(key);
    if (!contribution) return;
    this.contributions.delete(key);
    this.unlink(key, contribution.next);
    this.open -= contribution.items.length;
    this.overdue -= contribution.overdue;
    contribution.items.forEach((item, i) => this.take(item, contribution.groupIds[i]!, removed));
  }

  /** Notes an item to take out of its groups. */
  private take(item: IndexedAction, ids: GroupId | GroupId[], removed: Map<GroupId, Set<IndexedAction>>): void {
    for (const id of typeof ids === 'string' ? [ids] : ids) {
      let set = removed.get(id);
      if (!set) removed.set(id, (set = new Set()));
      set.add(item);
    }
  }

  private link(key: string, next: string | null): void {
    if (next === null) return;
    let workedOut = this.workedOutWith.get(next);
    if (!workedOut) this.workedOutWith.set(next, (workedOut = new Set()));
    workedOut.add(key);
  }

  private unlink(key: string, next: string | null): void {
    if (next === null) return;
    const workedOut = this.workedOutWith.get(next);
    workedOut?.delete(key);
    if (workedOut?.size === 0) this.workedOutWith.delete(next);
  }

  /** Takes `removed` out of a group and puts `added` in, each in its place. */
  private apply(id: GroupId, removed: Set<IndexedAction> | undefined, added: IndexedAction[] | undefined): void {
    const list = this.members.get(id) ?? new SortedList(compareActions);
    const hadGroup = list.length > 0;
    for (const item of removed ?? []) list.remove(item);
    for (const item of added ?? []) list.insert(item);
    if (list.length > 0) this.members.set(id, list);
    else this.members.delete(id);
    if (hadGroup !== list.length > 0) this.groupSetVersion++;
  }
}

function sameView(a: GroupingView, b: GroupingView): boolean {
  return (
    a.groupBy === b.groupBy &&
    a.me === b.me &&
    a.today === b.today &&
    a.filter.text === b.filter.text &&
    a.filter.owner === b.filter.owner &&
    a.filter.onlyMine === b.filter.onlyMine
  );
}

/** Group id strings, made once: 139,000 actions would otherwise hold 139,000 copies of `due:overdue`. */
const groupIds = new StringPool(100_000);
const groupId = (kind: string, value: string): GroupId => groupIds.shared(`${kind}:${value}`);

function groupIdsOf(item: IndexedAction, groupBy: GroupBy, today: string): GroupId | GroupId[] {
  switch (groupBy) {
    case 'due':
      return groupId('due', dueBucket(item.action.due, today));
    case 'owner': {
      const owners = item.action.owners;
      if (owners.length === 0) return groupId('owner', '');
      if (owners.length === 1) return groupId('owner', owners[0]!);
      return [...new Set(owners)].map((owner) => groupId('owner', owner));
    }
    case 'meeting':
      return groupId('meeting', item.entry.key);
    case 'series':
      return groupId('series', item.entry.meeting.fields.series ?? '');
  }
}

/** The meeting after `entry` in its series, if any. */
function nextInSeries(index: MeetingIndex, entry: IndexedMeeting): IndexedMeeting | undefined {
  return neighbourInSeries(index, entry, 1);
}

/**
 * The meeting right before (-1) or after (1) `entry` in its series' order (`sortSeries`: by date,
 * undated last, then key). Not `MeetingIndex.previous`, which skips meetings of the same date.
 */
function neighbourInSeries(index: MeetingIndex, entry: IndexedMeeting, step: -1 | 1): IndexedMeeting | undefined {
  const series = entry.meeting.fields.series;
  if (!series) return undefined;
  const position = index.seriesPosition(entry);
  return position < 0 ? undefined : index.series(series)[position + step];
}

/** Each action as the carried-forward check sees it (see series.ts). */
export function followedActionsOf(meeting: MeetingSummary): FollowedAction[] {
  return meeting.actions.map((action) => followedAction(action.id, normaliseLabel(action.label), action.parent, action.status));
}

const NOTHING_CARRIED: ReadonlySet<number> = new Set();
const carriedCache = new WeakMap<MeetingSummary, { next: MeetingSummary; carried: ReadonlySet<number> }>();

/** Indices of the actions of `meeting` that `next` follows up (the rule of carriedInSeries); only open ones are asked for. */
function carriedInto(meeting: MeetingSummary, next: MeetingSummary): ReadonlySet<number> {
  // Only the result is kept, per pair of summaries (a changed file gets a new one), so a new filter
  // or grouping reuses it. The identities themselves are not kept: for 10,000 meetings they took
  // over 100 MB.
  const cached = carriedCache.get(meeting);
  if (cached?.next === next) return cached.carried;
  const repeated = meeting.actions.some(isPending) ? followedUpIn(followedActionsOf(meeting), followedActionsOf(next)) : null;
  const result = repeated?.size ? repeated : NOTHING_CARRIED;
  carriedCache.set(meeting, { next, carried: result });
  return result;
}

function matchesText(item: IndexedAction, needle: string): boolean {
  const haystack = [item.action.text, item.entry.meeting.fields.title ?? '', ...item.action.owners].join(' ').toLowerCase();
  return haystack.includes(needle);
}

const peopleOfRoster = new WeakMap<readonly Person[], PeopleIndex>();

/** Whether `name` (or the roster person it is an alias of) owns the action. */
export function hasOwner(item: IndexedAction, name: string): boolean {
  const roster = item.entry.config.people;
  let people = peopleOfRoster.get(roster);
  if (!people) peopleOfRoster.set(roster, (people = new PeopleIndex([], roster)));
  const canonical = people.canonicalName(name).toLowerCase();
  return item.action.owners.some((owner) => owner.toLowerCase() === canonical);
}
