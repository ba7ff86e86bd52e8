// The tree's groups are kept up to date file by file. After every change they must equal what a
// reading of the whole workspace from scratch gives: the same actions in the same groups, in the
// same order, with the same counts.
import { strict as assert } from 'node:assert';
import {
  carriedInSeries,
  compareActions,
  DEFAULT_CONFIG,
  dueBucket,
  hasOwner,
  followedActionsOf,
  MeetingIndex,
  OpenActionGroups,
  parseMeeting,
  sortSeries,
  summaryOf,
  type GroupingView,
  type IndexedAction,
} from '../../src/core';
import { corpus, random } from '../../bench/corpus';

const TODAY = '2026-11-26';

/** What the tree shows, worked out from scratch: the definition the incremental groups must meet. */
function fromScratch(index: MeetingIndex, view: GroupingView): Map<string, string[]> {
  const carried = new Map<string, Set<number>>();
  const seriesNames = new Set(index.keys().map((key) => index.get(key)!.meeting.fields.series).filter((name): name is string => !!name));
  for (const name of seriesNames) {
    const ordered = index.series(name).map((entry) => ({ key: entry.key, actions: followedActionsOf(entry.meeting) }));
    for (const [key, indices] of carriedInSeries(ordered)) carried.set(key, indices);
  }
  const groups = new Map<string, IndexedAction[]>();
  for (const key of index.keys()) {
    const entry = index.get(key)!;
    entry.meeting.actions.forEach((action, position) => {
      if (action.status !== 'open' && action.status !== 'in-progress') return;
      if (carried.get(key)?.has(position)) return;
      const item = { entry, action, index: position };
      const haystack = [action.text, entry.meeting.fields.title ?? '', ...action.owners].join(' ').toLowerCase();
      if (view.filter.text && !haystack.includes(view.filter.text.toLowerCase())) return;
      if (view.filter.owner && !hasOwner(item, view.filter.owner)) return;
      if (view.filter.onlyMine && (!view.me || !hasOwner(item, view.me))) return;
      const ids =
        view.groupBy === 'due'
          ? [`due:${dueBucket(action.due, view.today)}`]
          : view.groupBy === 'owner'
            ? action.owners.length === 0
              ? ['owner:']
              : [...new Set(action.owners)].map((owner) => `owner:${owner}`)
            : view.groupBy === 'meeting'
              ? [`meeting:${key}`]
              : [`series:${entry.meeting.fields.series ?? ''}`];
      for (const id of ids) {
        if (!groups.has(id)) groups.set(id, []);
        groups.get(id)!.push(item);
      }
    });
  }
  return new Map([...groups].map(([id, items]) => [id, items.sort(compareActions).map(describeItem)]));
}

const describeItem = (item: IndexedAction) => `${item.entry.key}:${item.action.line} ${item.action.text}`;

function shown(groups: OpenActionGroups): Map<string, string[]> {
  return new Map([...groups.groupIds()].map((id) => [id, groups.actionsOf(id).slice().map(describeItem)]));
}

const sorted = (map: Map<string, string[]>) => new Map([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

const VIEWS: GroupingView[] = [
  { groupBy: 'due', filter: { text: '', owner: null, onlyMine: false }, me: '', today: TODAY },
  { groupBy: 'owner', filter: { text: '', owner: null, onlyMine: false }, me: '', today: TODAY },
  { groupBy: 'meeting', filter: { text: '', owner: null, onlyMine: false }, me: '', today: TODAY },
  { groupBy: 'series', filter: { text: '', owner: null, onlyMine: false }, me: '', today: TODAY },
  { groupBy: 'due', filter: { text: '复盘', owner: null, onlyMine: false }, me: '', today: TODAY },
  { groupBy: 'owner', filter: { text: '', owner: '张三', onlyMine: false }, me: '', today: TODAY },
  { groupBy: 'series', filter: { text: '', owner: null, onlyMine: true }, me: 'Alice', today: TODAY },
];

describe('open action groups', () => {
  const rng = random(42);
  const files = corpus(80, 7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rng() * list.length)]!;

  /** A plausible edit: close or reopen actions, move the meeting, change its series, repeat an action of another meeting. */
  function edit(text: string): string {
    switch (Math.floor(rng() * 5)) {
      case 0:
        return text.replace(/- \[ \]/gu, (box) => (rng() < 0.3 ? '- [x]' : box));
      case 1:
        return text.replace(/^date: .*$/mu, `date: 202${4 + Math.floor(rng() * 3)}-0${1 + Math.floor(rng() * 9)}-1${Math.floor(rng() * 10)}`);
      case 2:
        return text.replace(/^series: .*$/mu, `series: ${pick(['ops-weekly', 'launch', 'new-series'])}`);
      case 3: {
        const other = pick(files).text.match(/^- \[ \] .*$/mu)?.[0] ?? '- [ ] 复盘 @张三';
        return `${text}\n${other}\n`;
      }
      default:
        return text.replace(/- \[x\]/gu, '- [ ]');
    }
  }

  /** `keys` shuffled and cut into batches of one to three. */
  function batches(keys: string[]): string[][] {
    const shuffled = keys.map((key) => ({ key, order: rng() })).sort((a, b) => a.order - b.order).map(({ key }) => key);
    const result: string[][] = [];
    for (let at = 0; at < shuffled.length; ) {
      const size = 1 + Math.floor(rng() * 3);
      result.push(shuffled.slice(at, at + size));
      at += size;
    }
    return result;
  }

  it('after every change, equal a grouping of the whole workspace from scratch, for every view', () => {
    const index = new MeetingIndex();
    const texts = new Map<string, string>();
    const set = (key: string, text: string) => {
      texts.set(key, text);
      index.set({ key, meeting: summaryOf(parseMeeting(text, { path: key })), config: DEFAULT_CONFIG, version: null });
    };
    for (const file of files) set(file.path, file.text);
    const live = VIEWS.map((view) => {
      const groups = new OpenActionGroups(index);
      groups.show(view);
      return { view, groups, pending: new Set<string>() };
    });
    /** Takes in a few more meetings of a view that is still being grouped. */
    const fillSome = (groups: OpenActionGroups) => groups.fill(1 + Math.floor(rng() * 12));
    let regrouped = 0;
    index.onDidChange((keys) => live.forEach(({ pending }) => keys.forEach((key) => pending.add(key))));
    let compared = 0;
    for (let step = 0; step < 120; step++) {
      const key = pick(files).path;
      const roll = rng();
      if (roll < 0.1) index.delete(key);
      else if (roll < 0.25) {
        // A new meeting on the same date as another of its series, or with no date yet, repeating
        // its actions: the one sorted before it must stop listing them.
        const text = pick([...texts.values()]);
        const date = rng() < 0.5 ? (text.match(/^date: .*$/mu)?.[0] ?? '') : '';
        set(`meetings/new-${step}.md`, text.replace(/^date: .*$/mu, date));
      } else set(key, edit(texts.get(key) ?? pick(files).text));
      // As the tree catches up during a scan: some of the files changed so far taken in, in small
      // batches and in any order, while more change.
      if (step % 3 !== 2) {
        for (const entry of live) {
          // As the tree does for a new filter or grouping: the groups start empty and are filled a
          // few meetings at a time, while files keep changing and changes are taken in.
          if (rng() < 0.15) {
            const view = pick(VIEWS);
            if (entry.groups.show(view, { deferred: true })) regrouped++;
            entry.view = view;
          }
          if (!entry.groups.isComplete && rng() < 0.7) fillSome(entry.groups);
        }
        for (const { groups, pending } of live) {
          if (rng() < 0.5) continue;
          const some = batches([...pending]).filter(() => rng() < 0.5);
          for (const batch of some) {
            groups.update(batch);
            batch.forEach((key) => pending.delete(key));
          }
        }
        continue;
      }
      // The index keeps each series in order as meetings come, go and move.
      for (const name of index.seriesNames()) {
        const members = index.keys().map((member) => index.get(member)!).filter((entry) => entry.meeting.fields.series === name);
        assert.deepEqual(index.series(name).map((entry) => entry.key), sortSeries(members).map((entry) => entry.key), `series ${name} in order`);
      }
      for (const { view, groups, pending } of live) {
        const finishFilling = () => {
          while (!fillSome(groups));
        };
        const fillFirst = rng() < 0.5;
        if (fillFirst) finishFilling();
        // Then the rest: at once, or in small batches in any order.
        if (rng() < 0.5) groups.update(pending);
        else for (const batch of batches([...pending])) groups.update(batch);
        pending.clear();
        if (!fillFirst) finishFilling();
        const expected = fromScratch(index, view);
        assert.deepEqual(sorted(shown(groups)), sorted(expected), `step ${step}, ${view.groupBy} ${JSON.stringify(view.filter)}`);
        const all = [...expected.values()];
        if (view.groupBy !== 'owner') assert.equal(groups.counts().open, all.flat().length);
        if (view.groupBy === 'due') assert.equal(groups.counts().overdue, expected.get('due:overdue')?.length ?? 0, 'overdue count');
        compared++;
      }
    }
    assert.equal(compared, 40 * VIEWS.length);
    assert.ok(regrouped > 20, `${regrouped} views grouped a few meetings at a time`);
    // The corpus repeats actions, so some must be carried, and the filters must leave some out.
    const noFilter = fromScratch(index, VIEWS[0]!);
    const total = index.keys().reduce((sum, key) => sum + index.get(key)!.meeting.actions.filter((a) => a.status === 'open' || a.status === 'in-progress').length, 0);
    assert.ok([...noFilter.values()].flat().length < total, 'some actions are carried into the next meeting');
    assert.ok([...fromScratch(index, VIEWS[4]!).values()].flat().length > 0, 'the text filter matches some actions');
  });

  it('count overdue actions and split the due buckets on the given day', () => {
    const index = new MeetingIndex();
    const text = ['---', 'title: t', 'date: 2026-11-20', 'type: weekly', 'attendees: [A]', '---', '', '- [ ] late @A 📅 2026-11-01', '- [ ] today @A 📅 2026-11-26', '- [/] week @A 📅 2026-11-29', '- [ ] later @A 📅 2027-01-01', '- [ ] someday @A', '- [x] closed @A 📅 2026-11-01'].join('\n');
    index.set({ key: 'a.md', meeting: summaryOf(parseMeeting(text, { path: 'a.md' })), config: DEFAULT_CONFIG, version: null });
    const groups = new OpenActionGroups(index);
    groups.show(VIEWS[0]!);
    assert.deepEqual(groups.counts(), { open: 5, overdue: 1 });
    assert.deepEqual(
      [...groups.groupIds()].sort().map((id) => [id, groups.actionsOf(id).slice().map((item) => item.action.text.split(' ')[0])]),
      [
        ['due:later', ['later']],
        ['due:none', ['someday']],
        ['due:overdue', ['late']],
        ['due:today', ['today']],
        ['due:week', ['week']],
      ],
    );
    // A new day regroups.
    assert.equal(groups.show({ ...VIEWS[0]!, today: '2026-11-30' }), true);
    assert.deepEqual(groups.counts(), { open: 5, overdue: 3 });
    assert.equal(groups.show({ ...VIEWS[0]!, today: '2026-11-30' }), false, 'the same view again: nothing to regroup');
    // Deferred: empty until filled.
    groups.show(VIEWS[1]!, { deferred: true });
    assert.deepEqual([groups.isComplete, groups.counts(), [...groups.groupIds()]], [false, { open: 0, overdue: 0 }, []]);
    assert.equal(groups.fill(1), true);
    assert.deepEqual([...groups.groupIds()], ['owner:A']);
    assert.deepEqual(groups.counts(), { open: 5, overdue: 1 });
  });
});
