// An action carried into the next meeting of its series is listed once, where it now stands.
import { strict as assert } from 'node:assert';
import { actionIdentities, carriedForward, normaliseActionText, parseMeeting } from '../../src/core';

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
