// An action carried into the next meeting of its series is listed once, where it now stands.
import { strict as assert } from 'node:assert';
import { carriedForward, followedAction, followUp, normaliseActionText, normaliseLabel, parseMeeting, summaryOf } from '../../src/core';
import { followedActionsOf } from '../../src/core/open-actions';
import { followedUpIn } from '../../src/core/series';
import { corpus, random } from '../../bench/corpus';

function member(key: string, text: string) {
  const meeting = parseMeeting(text);
  return {
    key,
    series: meeting.fields.series,
    date: meeting.fields.date,
    actions: meeting.actions.map((action) => followedAction(action.id, normaliseActionText(action, meeting.text), action.parent, action.status)),
  };
}

const meeting = (date: string, series: string, ...items: string[]) =>
  ['---', `date: ${date}`, `series: ${series}`, 'attendees: [张三, 李四]', '---', '', '## 行动计划', ...items, ''].join('\n');

describe('carried-forward actions', () => {
  it('marks the older copy of an action repeated in the next meeting (by text, ignoring owner and date changes), and of a renamed one by block id', () => {
    const first = member('a.md', meeting('2026-11-06', 'ops', '- [ ] 整理客服工单 @张三 📅 2026-11-10', '- [ ] 旧的名字 @李四 ^pay-1', '- [ ] 没被跟进 @张三'));
    const second = member('b.md', meeting('2026-11-13', 'ops', '- [/] 整理客服工单 @李四 截止：2026-11-20', '- [ ] 新的名字 @李四 ^pay-1'));
    const third = member('c.md', meeting('2026-11-20', 'ops', '- [ ] 整理客服工单 @李四 截止：2026-11-27'));
    assert.deepEqual([...carriedForward([third, first, second])].sort(), ['a.md#0', 'a.md#1', 'b.md#0']);
  });

  it('marks the sub-tasks of an action the next meeting closes: they were closed with it', () => {
    const first = member('a.md', meeting('2026-11-06', 'ops', '- [ ] 招聘两名客服 @张三', '  - [ ] 发布招聘启事', '    - [ ] 写职位描述', '  - [ ] 安排面试 @李四', '- [ ] 整理工单 @李四', '  - [ ] 分类'));
    const second = member('b.md', meeting('2026-11-13', 'ops', '- [x] 招聘两名客服 @张三 ✅ 2026-11-12', '- [ ] 整理工单 @李四'));
    // 整理工单 is carried still open: its sub-task 分类 is not followed up (the carry-over rule says so).
    assert.deepEqual([...carriedForward([first, second])].sort(), ['a.md#0', 'a.md#1', 'a.md#2', 'a.md#3', 'a.md#4']);
  });

  it('lists as followed up exactly what the follow-up record counts as carried or closed, on generated series', () => {
    const rng = random(21);
    const labels = ['整理工单', '招聘客服', 'Update the FAQ', 'Book the venue', '发布启事', 'Review budget', '培训新人', 'Call vendor'];
    const boxes = [' ', ' ', ' ', '/', 'x', '-'];
    const meetingOf = (date: string) => {
      const items: string[] = [];
      for (let n = 1 + Math.floor(rng() * 7); n > 0; n--) {
        const depth = items.length === 0 ? 0 : Math.floor(rng() * 3);
        const id = rng() < 0.2 ? ` ^t${Math.floor(rng() * 4)}` : '';
        items.push(`${'  '.repeat(depth)}- [${boxes[Math.floor(rng() * boxes.length)]}] ${labels[Math.floor(rng() * labels.length)]}${id}`);
      }
      return parseMeeting(meeting(date, 'ops', ...items));
    };
    let compared = 0;
    for (let pair = 0; pair < 2000; pair++) {
      const previous = summaryOf(meetingOf('2026-11-06'));
      const next = summaryOf(meetingOf('2026-11-13'));
      const expected = followUp(previous, next)
        .filter((item) => item.status !== 'dropped')
        .map((item) => previous.actions.indexOf(item.action));
      const pending = (index: number) => previous.actions[index]!.status === 'open' || previous.actions[index]!.status === 'in-progress';
      const listed = [...followedUpIn(followedActionsOf(previous), followedActionsOf(next))].filter(pending);
      assert.deepEqual(listed.sort((a, b) => a - b), expected.sort((a, b) => a - b), JSON.stringify([previous.actions.map((a) => [a.status, a.label, a.parent, a.id]), next.actions.map((a) => [a.status, a.label, a.id])]));
      compared += expected.length;
    }
    assert.ok(compared > 2000, `${compared} followed-up actions compared`);
  });

  it('does not link meetings of different series or meetings without one', () => {
    const first = member('a.md', meeting('2026-11-06', 'ops', '- [ ] 整理客服工单 @张三'));
    const other = member('b.md', meeting('2026-11-13', 'sales', '- [ ] 整理客服工单 @张三'));
    const none = member('c.md', ['---', 'date: 2026-11-20', 'attendees: [张三]', '---', '', '- [ ] 整理客服工单 @张三', ''].join('\n'));
    assert.deepEqual([...carriedForward([first, other, none])], []);
  });
});

describe('the identifying form of a label', () => {
  /** The definition: NFKC, lower case, then every punctuation, symbol and space character gone. */
  const definition = (label: string) => label.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, '');

  it('is the definition, on the corpus labels and on random text of every kind of character', () => {
    const labels = corpus(100, 5).flatMap((file) => summaryOf(parseMeeting(file.text, { path: file.path })).actions.map((action) => action.label));
    const rng = random(9);
    const pieces = [
      () => String.fromCharCode(Math.floor(rng() * 128)),
      () => String.fromCharCode(0x80 + Math.floor(rng() * 0x3000)), // Latin-1 to CJK punctuation, combining marks
      () => String.fromCharCode(0x4e00 + Math.floor(rng() * 0x5200)),
      () => String.fromCharCode(0x3000 + Math.floor(rng() * 0x1e00)), // CJK punctuation, kana, Hangul letters
      () => String.fromCharCode(0xa000 + Math.floor(rng() * 0x5ff0)), // Hangul, compatibility ideographs, U+FDFA, small forms
      () => String.fromCharCode(0xff00 + Math.floor(rng() * 0xf0)), // full width: NFKC makes them ASCII
      () => String.fromCodePoint(0x1f300 + Math.floor(rng() * 0x700)), // emoji: symbols
      () => String.fromCodePoint(0x10000 + Math.floor(rng() * 0x20000)), // other astral letters and symbols
      () => String.fromCharCode(0xd800 + Math.floor(rng() * 0x800)), // a lone surrogate
    ];
    for (let n = 0; n < 50_000; n++) {
      let text = '';
      for (let length = 1 + Math.floor(rng() * 10); length > 0; length--) text += pieces[Math.floor(rng() * pieces.length)]!();
      labels.push(text);
    }
    for (const label of labels) assert.equal(normaliseLabel(label), definition(label), JSON.stringify(label));
    assert.equal(normaliseLabel('整理 客服工单，@张三！ Ｐ1'), '整理客服工单张三p1');
  });
});
