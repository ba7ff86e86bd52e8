import { strict as assert } from 'node:assert';
import { mergeConfig, ownerReading, parseMeeting, peopleOf, type Meeting, type ParseOptions } from '../../src/core';

const ATTENDEES = '[张三, 李四, 王五, Alice Chen, Bob]';

function meetingWith(items: string, attendees = ATTENDEES, options: ParseOptions = {}): Meeting {
  return parseMeeting(`---\ndate: 2026-11-20\nattendees: ${attendees}\n---\n\n## 行动项\n\n${items}\n`, options);
}

interface Seen {
  name: string;
  written: string;
  known: boolean;
  /** What the mention's span slices out of the document. */
  at: string;
}

function ownersOf(meeting: Meeting, index = 0): Seen[] {
  const action = meeting.actions[index];
  assert.ok(action, `no action #${index}`);
  return action.owners.map((owner) => ({
    name: owner.name,
    written: owner.written,
    known: owner.known,
    at: meeting.text.slice(owner.span.start, owner.span.end),
  }));
}

const known = (name: string, written = name): Seen => ({ name, written, known: true, at: written });
const unknown = (name: string): Seen => ({ name, written: name, known: false, at: name });

describe('action owners', () => {
  it('reads @张三', () => {
    assert.deepEqual(ownersOf(meetingWith('- [ ] @张三 整理会议纪要')), [known('张三')]);
  });

  it('reads a full-width ＠张三', () => {
    assert.deepEqual(ownersOf(meetingWith('- [ ] ＠张三 整理会议纪要')), [known('张三')]);
  });

  it('reads @Alice Chen as the attendee Alice Chen', () => {
    assert.deepEqual(ownersOf(meetingWith('- [ ] 复盘双十一活动数据 @Alice Chen 📅 2026-12-04')), [known('Alice Chen')]);
  });

  it('stops an @ mention at whitespace when no known name has a space', () => {
    assert.deepEqual(ownersOf(meetingWith('- [ ] 复盘数据 @Alice Chen', '[张三]')), [unknown('Alice')]);
  });

  it('resolves @Alice through a roster alias', () => {
    const config = mergeConfig([{ dir: '', people: [{ name: 'Alice Chen', aliases: ['alice'] }] }]);
    assert.deepEqual(ownersOf(meetingWith('- [ ] 复盘数据 @Alice', '[张三]', { config })), [known('Alice Chen', 'Alice')]);
    assert.deepEqual(ownersOf(meetingWith('- [ ] 复盘数据 @Alice Chen', '[张三]', { config })), [known('Alice Chen')]);
  });

  it('reads owner: Alice Chen as one known name', () => {
    assert.deepEqual(ownersOf(meetingWith('- [ ] 复盘数据 owner: Alice Chen')), [known('Alice Chen')]);
  });

  it('reads 负责人：张三、李四', () => {
    assert.deepEqual(ownersOf(meetingWith('- [ ] 更新看板 负责人：张三、李四')), [known('张三'), known('李四')]);
  });

  it('reads 责任人:王五', () => {
    assert.deepEqual(ownersOf(meetingWith('- [ ] 更新看板 责任人:王五')), [known('王五')]);
  });

  it('reads [owner:: 张三]', () => {
    assert.deepEqual(ownersOf(meetingWith('- [ ] 更新看板 [owner:: 张三]')), [known('张三')]);
  });

  it('reads owner: a, b as two unknown owners', () => {
    assert.deepEqual(ownersOf(meetingWith('- [ ] 更新看板 owner: a, b')), [unknown('a'), unknown('b')]);
  });

  it('reads several @ mentions in order', () => {
    assert.deepEqual(ownersOf(meetingWith('- [ ] @李四 @张三 一起准备汇报')), [known('李四'), known('张三')]);
  });

  it('reads 负责人：@张三 和 @李四', () => {
    assert.deepEqual(ownersOf(meetingWith('- [ ] 准备汇报 负责人：@张三 和 @李四')), [known('张三'), known('李四')]);
  });

  it('reads owner: Alice Chen and Bob', () => {
    assert.deepEqual(ownersOf(meetingWith('- [ ] Prepare the report owner: Alice Chen and Bob')), [known('Alice Chen'), known('Bob')]);
  });

  it('lists the same person once', () => {
    assert.deepEqual(ownersOf(meetingWith('- [ ] @张三 准备汇报 负责人：张三')), [known('张三')]);
  });

  it('matches known names ignoring case', () => {
    assert.deepEqual(ownersOf(meetingWith('- [ ] @bob send the deck')), [known('Bob', 'bob')]);
  });

  it('marks a name that is neither an attendee nor on the roster as unknown', () => {
    assert.deepEqual(ownersOf(meetingWith('- [ ] @赵六 跟进')), [unknown('赵六')]);
  });

  it('does not read an e-mail address as an owner', () => {
    assert.deepEqual(ownersOf(meetingWith('- [ ] 发邮件给 bob@example.com 确认')), []);
  });

  it('does not read @ inside a URL as an owner', () => {
    assert.deepEqual(ownersOf(meetingWith('- [ ] 参考 https://x.com/@foo 的帖子')), []);
  });

  it('does not read @ inside inline code as an owner', () => {
    assert.deepEqual(ownersOf(meetingWith('- [ ] 运行 `@foo` 命令')), []);
  });

  it('resolves @李四负责跟进 to 李四', () => {
    assert.deepEqual(ownersOf(meetingWith('- [ ] @李四负责跟进')), [known('李四')]);
  });

  it('does not resolve @bobby to the attendee Bob', () => {
    assert.deepEqual(ownersOf(meetingWith('- [ ] @bobby 跟进')), [unknown('bobby')]);
  });

  it('resolves a roster alias to the person', () => {
    const config = mergeConfig([{ dir: '', people: [{ name: '张三', aliases: ['老张'] }] }]);
    assert.deepEqual(ownersOf(meetingWith('- [ ] @老张 准备汇报', '[李四]', { config })), [known('张三', '老张')]);
  });

  it('resolves an attendee written by a roster alias to the person', () => {
    const config = mergeConfig([{ dir: '', people: [{ name: '张三', aliases: ['老张'] }] }]);
    const meeting = meetingWith('- [ ] 负责人：老张', '[老张, 李四]', { config });
    assert.deepEqual(ownersOf(meeting), [known('张三', '老张')]);
  });

  it('stops an owner: list before due:', () => {
    const meeting = meetingWith('- [ ] 准备汇报 owner: 张三, 李四, due: 2026-12-01');
    assert.deepEqual(ownersOf(meeting), [known('张三'), known('李四')]);
    assert.equal(meeting.actions[0]!.due?.date, '2026-12-01');
  });

  it('stops an owner: list at a following due: without a comma', () => {
    const meeting = meetingWith('- [ ] 准备汇报 owner: Bob due: 2026-12-01');
    assert.deepEqual(ownersOf(meeting), [known('Bob')]);
    assert.equal(meeting.actions[0]!.due?.date, '2026-12-01');
  });

  it('ends a name at CJK punctuation', () => {
    assert.deepEqual(ownersOf(meetingWith('- [ ] @张三，请尽快提交预算')), [known('张三')]);
  });

  it('ends a name at an emoji', () => {
    const meeting = meetingWith('- [ ] 提交预算 @张三📅2026-12-01');
    assert.deepEqual(ownersOf(meeting), [known('张三')]);
    const due = meeting.actions[0]!.due;
    assert.ok(due);
    assert.equal(due.date, '2026-12-01');
    assert.equal(due.written, '2026-12-01');
    assert.equal(meeting.text.slice(due.span.start, due.span.end), '2026-12-01');
    assert.equal(meeting.text.slice(due.markerSpan.start, due.markerSpan.end), '📅2026-12-01');
  });

  it('gives no owner to an item that names nobody', () => {
    assert.deepEqual(ownersOf(meetingWith('- [ ] 整理会议纪要')), []);
  });
});

describe('owners: keys and separators written the Chinese way', () => {
  const meeting = (item: string) =>
    parseMeeting(['---', 'date: 2026-11-20', 'attendees: [张三, 李四, Bob]', '---', '', item, ''].join('\n'));

  it('reads a Chinese key glued to the text before it (任务负责人：张三, 张三截止：明天)', () => {
    const action = meeting('- [ ] 整理报告 任务负责人：张三 跟进截止：明天').actions[0]!;
    assert.deepEqual(action.owners.map((owner) => owner.name), ['张三']);
    assert.equal(action.due?.date, '2026-11-21');
  });

  it('splits names joined by 和 / 、 without spaces', () => {
    const action = meeting('- [ ] 整理报告 负责人：张三和李四').actions[0]!;
    assert.deepEqual(action.owners.map((owner) => owner.name), ['张三', '李四']);
  });

  it('reads [执行人:: 张三] as an owner field', () => {
    assert.deepEqual(meeting('- [ ] 整理报告 [执行人:: 张三]').actions[0]!.owners.map((owner) => owner.name), ['张三']);
  });

  it('does not resolve a hyphenated Latin name to a known prefix (@bob-li is not Bob)', () => {
    const owner = meeting('- [ ] Send the deck @bob-li').actions[0]!.owners[0]!;
    assert.equal(owner.known, false);
    assert.equal(owner.written, 'bob-li');
  });
});

describe('owners: a name picked or typed must read back as itself', () => {
  const config = mergeConfig([{ dir: '', people: [{ name: 'Bob Li', aliases: ['Bob'] }] }]);
  const meetingWith = (attendees: string[]) => parseMeeting(`---\ndate: 2026-11-20\nattendees: [${attendees.join(', ')}]\n---\n`, { config });
  const reading = (name: string, attendees: string[]) => ownerReading(name, peopleOf(meetingWith(attendees), config));

  it('an attendee, a roster person, a known name with a space, and an unknown one-word name read as themselves', () => {
    for (const [name, attendees] of [['张三', ['张三', '李四']], ['Bob Li', ['张三']], ['Alice Chen', ['Alice Chen']], ['王五', ['张三']]] as const) {
      assert.deepEqual(reading(name, [...attendees]), { exact: true, readAs: name === 'Bob Li' ? 'Bob Li' : name }, name);
    }
  });

  it('a longer name that starts with a known one, and an unknown name with a space, would be read as someone else', () => {
    assert.deepEqual(reading('张三丰', ['张三']), { exact: false, readAs: '张三' });
    assert.deepEqual(reading('Carol Wu', ['Carol']), { exact: false, readAs: 'Carol' });
    assert.deepEqual(reading("Sean O'Brien", ['张三']), { exact: false, readAs: 'Sean' });
    assert.equal(reading('张三丰', ['张三', '张三丰']).exact, true, 'once known, the longer name wins');
  });

  it('an alias reads as the person it stands for, not as itself: the pick list inserts the person', () => {
    assert.deepEqual(reading('Bob', ['张三']), { exact: true, readAs: 'Bob Li' });
  });

  it('something that is no name at all is read as nobody', () => {
    assert.deepEqual(reading('!!', ['张三']), { exact: false, readAs: null });
  });
});
