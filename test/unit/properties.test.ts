// Property-based tests (fast-check) over generated meeting files: frontmatter variants (valid,
// broken, unclosed, none), headings in both languages, task lines in every notation, prose, code
// fences, comments, suppressions, tables, quotes, junk Unicode, and LF/CRLF/CR line ends, mixed.
//
// For every generated file: parse and lint never throw (no rule fails); every range lies inside the
// document; every fix applied on its own leaves a document that parses and lints; the safe fixes,
// applied as `meetings lint --fix` does, reach a fixed point, after which fixing again changes
// nothing; mark-done changes only the box and adds the done date, and doing it twice (like setting
// the same due date or assigning the same owner twice) changes nothing the second time.
//
// MEETINGS_PROPERTY_RUNS=10000 npm run test:unit runs deeper (the default keeps CI within ~20 s).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  applyEdits,
  assignOwnerEdits,
  DEFAULT_CONFIG,
  insertionPoint,
  lintMeeting,
  markDoneEdits,
  parseMeeting,
  safeFixEdits,
  setDueEdits,
  type Finding,
  type Meeting,
  type Span,
} from '../../src/core';

const TODAY = '2026-11-25';
const RUNS = Number(process.env.MEETINGS_PROPERTY_RUNS ?? 2500);
const runs: Record<string, number> = {};

after(() => {
  const total = Object.values(runs).reduce((sum, count) => sum + count, 0);
  console.log(`      [figures] properties: ${total} generated files in all (${Object.entries(runs).map(([name, count]) => `${name}: ${count}`).join('; ')})`);
});

// ---------------------------------------------------------------------------------------------
// Generators

const NAMES = ['张三', '李四', 'Alice Chen', 'Bob', '王五', 'Nobody', 'alice'];
const name = fc.constantFrom(...NAMES);
const date = fc.constantFrom('2026-12-01', '2026-11-20', '2026-02-30', '2026/12/01', '下周五', '月底', 'tomorrow', 'next Monday', 'end of month', '3 天内', 'soon', '12/01', '', '2026-1-5');

const frontmatter = fc.oneof(
  fc.tuple(fc.constantFrom('title', '标题'), fc.constantFrom('date', '日期'), fc.constantFrom('attendees', '参会人员', 'participants'), fc.subarray(NAMES), date, fc.constantFrom('weekly', 'review', 'meeting', 'constructor', '')).map(
    ([titleKey, dateKey, attendeesKey, people, day, type]) =>
      `---\n${titleKey}: 周会\n${dateKey}: ${day || '2026-11-20'}\n${attendeesKey}: [${people.join(', ')}]\n${type ? `type: ${type}\n` : ''}---\n`,
  ),
  fc.subarray(NAMES).map((people) => `---\ndate: 2026-11-20\nattendees:\n${people.map((person) => `  - ${person}`).join('\n')}\nduration: 90\ntime: "14:00-15:30"\n---\n`),
  fc.constantFrom(
    '---\ntitle: x\nattendees: [张三\n---\n',
    '---\ntitle: x\nattendees: [张三]\ndate: 2026-11-20\n',
    '---\nattendees: [a]\nattendees: [b]\n---\n',
    '---\n\tattendees: [a]\n---\n',
    '---\ntype: meeting\n---\n',
    '---\nattendees: 张三, 李四、王五\ndate: 2026/11/20\n---\n',
    '---\nattendees: [{name: 张三}, [x], ""]\ndate: 2026-11-20\ntimezone: Mars/Base\n---\n',
    '---\n---\n',
    '',
    'no frontmatter\n',
  ),
);

const owner = fc.oneof(
  name.map((person) => `@${person}`),
  fc.tuple(fc.constantFrom('负责人：', 'owner: ', 'Owner:', '[owner:: '), name).map(([key, person]) => `${key}${person}${key.startsWith('[') ? ']' : ''}`),
  fc.constant('@'),
  fc.constant('a@b.com'),
);
const due = fc.oneof(
  fc.tuple(fc.constantFrom('📅 ', '📅', '截止：', 'due: ', 'deadline:', 'DDL：', '[due:: '), date).map(([key, value]) => `${key}${value}${key.startsWith('[') ? ']' : ''}`),
);
const extra = fc.constantFrom('⏫', '🔺', '🔽', 'P1', '优先级：高', '✅ 2026-11-21', '❌ 2026-11-22', '🔁 every week', '^abc-1', '🆔 x1', '[id:: y2]', '`@code 📅 x`', '[link](http://a.b/@c)', '<!-- @hidden -->', '**粗体**', '~~del~~');
const words = fc.constantFrom('复盘活动数据', 'Fix SPF records', '更新看板', 'Share the dashboard', '整理 20 条问题', 'x', '');
const taskLine = fc
  .tuple(
    fc.constantFrom('', '  ', '    ', '\t', '   '),
    fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '-\t'),
    fc.constantFrom('[ ] ', '[x] ', '[X] ', '[/] ', '[-] ', '[ ]', '[?] ', ''),
    words,
    fc.array(fc.oneof(owner, due, extra, words), { maxLength: 4 }),
  )
  .map(([indent, marker, box, text, parts]) => `${indent}${marker}${box}${[text, ...parts].join(' ')}`);
const heading = fc
  .tuple(fc.constantFrom('# ', '## ', '### ', '#### '), fc.constantFrom('行动项', '行动计划', 'Action items', '决议', 'Decisions', '议程', 'Agenda', '目标', 'Goals', '资源', '问题', '参会人员', 'Notes', '一、上次行动跟进', '后续计划'))
  .map(([level, title]) => `${level}${title}`);
const prose = fc.oneof(
  fc.constantFrom('Some notes about the meeting.', '讨论了双十一的数据。', '', '> quoted - [ ] not a task', '| a | b |\n| --- | --- |\n| - [ ] x | y |', '***', 'Setext\n---', 'Setext\n==='),
  fc.constantFrom('```\n- [ ] in code @张三\n```', '~~~md\n- [ ] fenced\n~~~', '<!--\n- [ ] commented\n-->', '<!-- meetings-disable-next-line action-owner -->', '<!-- meetings-disable -->', '<!-- meetings-enable -->', '<div>\n- [ ] html\n</div>', '    - [ ] indented code'),
  fc.string({ maxLength: 30 }),
  fc.fullUnicodeString({ maxLength: 20 }),
);
const bodyLine = fc.oneof({ weight: 5, arbitrary: taskLine }, { weight: 2, arbitrary: heading }, { weight: 2, arbitrary: prose });
const lineEnd = fc.constantFrom('\n', '\r\n', '\r');

const meetingFile = fc
  .tuple(fc.boolean(), frontmatter, fc.array(bodyLine, { maxLength: 25 }), lineEnd, fc.boolean(), fc.array(lineEnd, { minLength: 30, maxLength: 30 }))
  .map(([bom, front, lines, end, mixed, ends]) => {
    const text = `${front}\n${lines.join('\n')}\n`;
    let index = 0;
    const withEnds = text.replace(/\n/gu, () => (mixed ? ends[index++ % ends.length]! : end));
    return (bom ? '\ufeff' : '') + withEnds;
  });

// ---------------------------------------------------------------------------------------------
// Helpers

function lint(meeting: Meeting): Finding[] {
  return lintMeeting(meeting, {
    config: DEFAULT_CONFIG,
    today: TODAY,
    locale: 'zh-CN',
    onRuleError: (rule, error) => {
      throw new Error(`rule ${rule} threw: ${(error as Error).stack ?? String(error)}`);
    },
  });
}

function assertInside(span: Span, length: number, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length, `${what} ${span.start}-${span.end} outside 0-${length}`);
}

function check<T>(title: string, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void, numRuns = RUNS): void {
  it(`${title} (${numRuns} generated files)`, () => {
    fc.assert(fc.property(arbitrary, predicate), { numRuns });
    runs[title] = numRuns;
  });
}

// ---------------------------------------------------------------------------------------------
// Properties

describe('properties: generated meeting files', function () {
  this.timeout(120_000);

  check('parse and lint never throw, and every range lies inside the document', meetingFile, (text) => {
    const meeting = parseMeeting(text);
    const length = meeting.text.length;
    const findings = lint(meeting);
    for (const finding of findings) {
      assertInside(finding.span, length, finding.rule);
      assert.ok(finding.message.length > 0);
      for (const fix of finding.fixes) for (const edit of fix.edits) assertInside(edit.span, length, `${finding.rule} fix`);
    }
    for (const action of meeting.actions) {
      for (const span of [action.boxSpan, action.textSpan, ...action.owners.map((o) => o.span), ...action.dueMentions.flatMap((d) => [d.span, d.markerSpan])]) assertInside(span, length, 'action');
      assert.equal(meeting.text.slice(action.boxSpan.start, action.boxSpan.start + 1), '[');
    }
    for (const section of meeting.sections) {
      assertInside(section.headingSpan, length, 'heading');
      assertInside(section.bodySpan, length, 'section body');
    }
    for (const problem of meeting.frontmatter?.yamlProblems ?? []) assertInside(problem.span, length, 'yaml problem');
  });

  check('every fix, applied on its own, leaves a document that parses and lints', meetingFile, (text) => {
    const meeting = parseMeeting(text);
    for (const finding of lint(meeting)) {
      for (const fix of finding.fixes) {
        const fixed = applyEdits(meeting.text, fix.edits);
        lint(parseMeeting(fixed));
      }
    }
  });

  check('the safe fixes reach a fixed point, after which fixing again changes nothing', meetingFile, (text) => {
    let current = parseMeeting(text).text;
    let passes = 0;
    for (; passes < 10; passes++) {
      const edits = safeFixEdits(lint(parseMeeting(current)));
      if (edits.length === 0) break;
      const next = applyEdits(current, edits);
      assert.notEqual(next, current, 'a safe fix that changes nothing would loop');
      current = next;
    }
    assert.ok(passes < 10, `no fixed point after 10 passes:\n${current}`);
    assert.deepEqual(safeFixEdits(lint(parseMeeting(current))), []);
  });

  check('mark done changes only the box and adds the done date; twice changes nothing more', meetingFile, (text) => {
    const meeting = parseMeeting(text);
    meeting.actions.forEach((action, index) => {
      const edits = markDoneEdits(meeting, action, TODAY);
      const done = applyEdits(meeting.text, edits);
      if (action.status !== 'done') {
        assert.ok(/[ xX/-]/u.test(meeting.text[action.boxSpan.start + 1]!));
        assert.equal(done[action.boxSpan.start + 1], 'x');
      }
      // Undo the two changes: exactly the original text again.
      let restored = done;
      if (!action.doneDate) {
        const at = insertionPoint(meeting, action);
        assert.equal(done.slice(at, at + ` ✅ ${TODAY}`.length), ` ✅ ${TODAY}`);
        restored = done.slice(0, at) + done.slice(at + ` ✅ ${TODAY}`.length);
      }
      restored = restored.slice(0, action.boxSpan.start + 1) + meeting.text[action.boxSpan.start + 1] + restored.slice(action.boxSpan.start + 2);
      assert.equal(restored, meeting.text);
      // The result parses with the same actions, this one done with today's date, the others unchanged.
      const after = parseMeeting(done);
      assert.equal(after.actions.length, meeting.actions.length);
      assert.equal(after.actions[index]!.status, 'done');
      assert.equal(after.actions[index]!.doneDate, action.doneDate ?? TODAY);
      after.actions.forEach((other, j) => {
        if (j !== index) assert.equal(other.status, meeting.actions[j]!.status);
      });
      // Twice: nothing more to do. The same for setting the same due date and assigning the same owner.
      assert.deepEqual(markDoneEdits(after, after.actions[index]!, TODAY), []);
      const withDue = parseMeeting(applyEdits(meeting.text, setDueEdits(meeting, action, '2026-12-24')));
      const again = withDue.actions[index]!;
      assert.equal(applyEdits(withDue.text, setDueEdits(withDue, again, '2026-12-24')), withDue.text);
      const withOwner = parseMeeting(applyEdits(meeting.text, assignOwnerEdits(meeting, action, '张三')));
      assert.deepEqual(assignOwnerEdits(withOwner, withOwner.actions[index]!, '张三'), []);
    });
  });
});
