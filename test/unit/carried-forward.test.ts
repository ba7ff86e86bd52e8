// An action carried into the next meeting of its series is listed once, where it now stands.
import { strict as assert } from 'node:assert';
import { actionIdentities, carriedForward, normaliseActionText, normaliseLabel, parseMeeting, summaryOf } from '../../src/core';
import { corpus, random } from '../../bench/corpus';

function member(key: string, text: string) {
  const meeting = parseMeeting(text);
  return {
    key,
    series: meeting.fields.series,
    date: meeting.fields.date,
    actionIdentities: meeting.actions.map((action) => actionIdentities(action.id, normaliseActionText(action, meeting.text))),
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
