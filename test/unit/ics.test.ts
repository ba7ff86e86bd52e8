// `meetings actions --format ics`, parsed back by an independent iCalendar parser (ical.js, by
// Mozilla) and checked field by field, with the raw text checked against RFC 5545's line rules.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { formatIcs } from '../../src/cli/format-ics';
import type { ActionRow } from '../../src/cli/rows';
import { meetings, workspaces } from './cli-support';

const workspace = workspaces('ics');

const LONG_ZH = '整理客服工单分类，并发给全体成员；包括新同事以及所有相关部门的负责人和协调人员，确保信息同步到位';

const FILES = {
  '.meetings.yaml': ['people:', '  - name: Alice Chen', '    aliases: [alice]', '    email: alice.chen@example.com', '  - name: 张三', '  - name: Bob', ''].join('\n'),
  'notes/2026-11-20-weekly.md': [
    '---',
    'title: Weekly sync, team A; room 3',
    'date: 2026-11-20',
    'series: weekly',
    'attendees: [Alice Chen, 张三, Bob]',
    '---',
    '',
    '## Action items',
    '- [ ] Ship the release, then tag it; see C:\\builds @alice 📅 2026-11-27 ⏫',
    `- [/] ${LONG_ZH} @张三 📅 2026-12-04`,
    '- [x] Send the notes @Bob ✅ 2026-11-20',
    '- [-] Drop the old report @Bob',
    '- [ ] Plan the offsite 🎉 @Alice Chen @Bob ^offsite',
    '',
  ].join('\n'),
};

function parse(text: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(text));
}

/** RFC 5545 3.1: CRLF line ends, at most 75 octets a line, continuation lines start with a space. */
function assertContentLines(text: string): void {
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  assert.ok(!/[^\r]\n/u.test(text), 'no bare LF');
  const lines = text.slice(0, -2).split('\r\n');
  for (const line of lines) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `longer than 75 octets: ${JSON.stringify(line)}`);
  // Unfolding gives back whole UTF-8 characters: a fold never splits one.
  assert.ok(!text.includes('\ufffd'));
}

describe('ics: meetings actions --format ics', function () {
  this.timeout(30_000);

  it('one VTODO per action, parsed back field by field', () => {
    const dir = workspace(FILES);
    const result = meetings(dir, 'actions', '--all', '--format', 'ics');
    assert.equal(result.status, 0, result.stderr);
    assertContentLines(result.stdout);
    const calendar = parse(result.stdout);
    assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
    assert.match(String(calendar.getFirstPropertyValue('prodid')), /^-\/\/Meetings as Code\/\/meetings /u);
    const todos = calendar.getAllSubcomponents('vtodo');
    assert.equal(todos.length, 5);
    const fields = todos.map((todo) => ({
      summary: todo.getFirstPropertyValue('summary'),
      due: todo.getFirstPropertyValue('due')?.toString() ?? null,
      dueIsDate: (todo.getFirstPropertyValue('due') as ICAL.Time | null)?.isDate ?? null,
      status: todo.getFirstPropertyValue('status'),
      priority: todo.getFirstPropertyValue('priority'),
      attendees: todo.getAllProperties('attendee').map((property) => `${property.getParameter('cn')} <${property.getFirstValue()}>`),
      categories: todo.getFirstPropertyValue('categories'),
    }));
    assert.deepEqual(fields, [
      {
        summary: 'Ship the release, then tag it; see C:\\builds',
        due: '2026-11-27',
        dueIsDate: true,
        status: 'NEEDS-ACTION',
        priority: 3,
        attendees: ['Alice Chen <mailto:alice.chen@example.com>'],
        categories: 'weekly',
      },
      { summary: LONG_ZH, due: '2026-12-04', dueIsDate: true, status: 'IN-PROCESS', priority: null, attendees: ['张三 <invalid:nomail>'], categories: 'weekly' },
      { summary: 'Send the notes', due: null, dueIsDate: null, status: 'COMPLETED', priority: null, attendees: ['Bob <invalid:nomail>'], categories: 'weekly' },
      { summary: 'Drop the old report', due: null, dueIsDate: null, status: 'CANCELLED', priority: null, attendees: ['Bob <invalid:nomail>'], categories: 'weekly' },
      {
        summary: 'Plan the offsite 🎉',
        due: null,
        dueIsDate: null,
        status: 'NEEDS-ACTION',
        priority: null,
        attendees: ['Alice Chen <mailto:alice.chen@example.com>', 'Bob <invalid:nomail>'],
        categories: 'weekly',
      },
    ]);
    assert.equal(todos[2]!.getFirstPropertyValue('percent-complete'), 100);
    const description = String(todos[0]!.getFirstPropertyValue('description'));
    assert.equal(
      description,
      'Owner: Alice Chen\nMeeting: Weekly sync, team A; room 3 (2026-11-20)\nFile: notes/2026-11-20-weekly.md:9\nShip the release, then tag it; see C:\\builds @alice 📅 2026-11-27 ⏫',
    );
    for (const todo of todos) assert.match(String(todo.getFirstPropertyValue('dtstamp')), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/u);
  });

  it('UIDs are unique, and stable across runs and working folders', () => {
    const dir = workspace(FILES);
    const uids = (text: string) => parse(text).getAllSubcomponents('vtodo').map((todo) => String(todo.getFirstPropertyValue('uid')));
    const first = uids(meetings(dir, 'actions', '--all', '--format', 'ics').stdout);
    const again = uids(meetings(join(dir, 'notes'), 'actions', '--all', '--format', 'ics').stdout);
    assert.equal(new Set(first).size, first.length);
    assert.ok(first.every((uid) => /^[0-9a-f]{32}@meetings-as-code$/u.test(uid)));
    assert.deepEqual(again, first);
    // Editing an action's date or owner keeps its UID: the calendar updates instead of duplicating.
    writeFileSync(join(dir, 'notes/2026-11-20-weekly.md'), FILES['notes/2026-11-20-weekly.md'].replace('📅 2026-11-27', '📅 2026-11-30'));
    assert.deepEqual(uids(meetings(dir, 'actions', '--all', '--format', 'ics').stdout), first);
  });

  it('--owner filters, roster aliases included', () => {
    const dir = workspace(FILES);
    const todos = parse(meetings(dir, 'actions', '--owner', 'alice', '--format', 'ics').stdout).getAllSubcomponents('vtodo');
    assert.deepEqual(todos.map((todo) => todo.getFirstPropertyValue('summary')), ['Ship the release, then tag it; see C:\\builds', 'Plan the offsite 🎉']);
  });

  it('--events writes all-day events on the due dates, for calendars without to-dos', () => {
    const dir = workspace(FILES);
    const result = meetings(dir, 'actions', '--format', 'ics', '--events');
    assert.equal(result.status, 0, result.stderr);
    assertContentLines(result.stdout);
    const events = parse(result.stdout).getAllSubcomponents('vevent');
    assert.deepEqual(
      events.map((event) => [event.getFirstPropertyValue('summary'), event.getFirstPropertyValue('dtstart')?.toString(), event.getFirstPropertyValue('dtend')?.toString(), event.getFirstPropertyValue('transp')]),
      [
        ['Due: Ship the release, then tag it; see C:\\builds', '2026-11-27', '2026-11-28', 'TRANSPARENT'],
        [`Due: ${LONG_ZH}`, '2026-12-04', '2026-12-05', 'TRANSPARENT'],
      ],
    );
    assert.equal(meetings(dir, 'actions', '--events').status, 2, '--events needs --format ics');
  });

  it('escapes TEXT and parameter values so that any text survives the round trip', () => {
    const row: ActionRow = {
      file: 'a/b.md',
      line: 3,
      text: 'raw',
      label: 'Back\\slash, comma; semicolon\nnew line\u0007bell',
      owners: ['Name "quoted"; with: colon'],
      ownerEmails: [null],
      due: '2026-02-28',
      status: 'open',
      priority: 'lowest',
      meeting: { title: null, date: null, series: 'a,b;c', type: null },
    };
    const text = formatIcs([row], { now: new Date(Date.UTC(2026, 10, 26, 8, 30, 0)), events: false, locale: 'zh-CN' });
    assertContentLines(text);
    const todo = parse(text).getFirstSubcomponent('vtodo')!;
    assert.equal(todo.getFirstPropertyValue('summary'), 'Back\\slash, comma; semicolon\nnew linebell');
    assert.equal(todo.getFirstProperty('attendee')!.getParameter('cn'), "Name 'quoted'; with: colon");
    assert.equal(todo.getFirstPropertyValue('priority'), 9);
    assert.equal(String(todo.getFirstPropertyValue('dtstamp')), '2026-11-26T08:30:00Z');
    assert.equal(String(parse(text).getFirstPropertyValue('x-wr-calname')), '会议行动项');
    assert.match(text, /\r\nCATEGORIES:a\\,b\\;c\r\n/u);
  });
});
