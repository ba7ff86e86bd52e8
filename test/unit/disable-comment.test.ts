// "Disable this rule here": the comment goes where both parsers read it and nothing else changes.
import { strict as assert } from 'node:assert';
import { actionLabel, applyEdits, DEFAULT_CONFIG, disableLineEdits, lintMeeting, markDoneEdits, parseMeeting, type Finding } from '../../src/core';
import { lineOf } from '../../src/core/lines';

const TODAY = '2026-11-26';
const HEAD = ['---', 'title: Weekly', 'date: 2026-11-20', 'attendees: [Bob, 张三]', '---', ''];

function lint(text: string, parser: 'scanner' | 'remark' = 'scanner'): Finding[] {
  return lintMeeting(parseMeeting(text, { parser }), { config: DEFAULT_CONFIG, today: TODAY, locale: 'en' });
}

/** Applies the disable edits for the first finding of `rule`; checks that finding is gone, for both parsers, and nothing else changed. */
function disableFirst(text: string, rule: string): string {
  const meeting = parseMeeting(text);
  const finding = lint(text).find((candidate) => candidate.rule === rule);
  assert.ok(finding, `a ${rule} finding in\n${text}`);
  const line = lineOf(meeting.lineStarts, finding.span.start);
  const edits = disableLineEdits(meeting.text, meeting.lineStarts, line, rule);
  assert.ok(edits, 'a way to disable it');
  const after = applyEdits(text, edits);
  for (const parser of ['scanner', 'remark'] as const) {
    const before = lint(text, parser).map((f) => `${f.rule}@${lineOf(meeting.lineStarts, f.span.start)}`);
    const rulesAfter = lint(after, parser).map((f) => `${f.rule}@${lineOf(parseMeeting(after).lineStarts, f.span.start)}`);
    const expected = before.filter((key) => key !== `${rule}@${line}`);
    assert.deepEqual(rulesAfter, expected, `${parser}: only that finding goes\n${after}`);
  }
  return after;
}

describe('disable a rule where a finding is', () => {
  it('puts the comment at the end of the line', () => {
    const text = [...HEAD, '## Action items', '- [ ] Write the report @Bob', ''].join('\n');
    const after = disableFirst(text, 'action-due');
    assert.equal(after, text.replace('@Bob\n', '@Bob <!-- meetings-disable-line action-due -->\n'));
  });

  it('puts it before a block id, which stays the action id, and keeps the label free of it', () => {
    const text = [...HEAD, '## Action items', '- [ ] Write the report @Bob ^report', ''].join('\n');
    const after = disableFirst(text, 'action-due');
    assert.ok(after.includes('- [ ] Write the report @Bob <!-- meetings-disable-line action-due --> ^report\n'), after);
    const action = parseMeeting(after).actions[0]!;
    assert.equal(action.id, 'report');
    assert.equal(actionLabel(action, parseMeeting(after).text), 'Write the report');
  });

  it('reads an id and a label without a comment written after the id by hand', () => {
    const text = [...HEAD, '## Action items', '- [ ] Write the report @Bob ^report <!-- meetings-disable-line action-due -->', ''].join('\n');
    const meeting = parseMeeting(text);
    assert.equal(meeting.actions[0]!.id, 'report');
    assert.equal(actionLabel(meeting.actions[0]!, meeting.text), 'Write the report');
    assert.deepEqual(lint(text).filter((f) => f.rule === 'action-due'), []);
  });

  it('keeps a hard line break at the end of the line', () => {
    for (const brk of ['  ', '\\']) {
      const text = [...HEAD, '## Action items', `- [ ] Write the report @Bob${brk}`, '  with the figures', ''].join('\n');
      const after = disableFirst(text, 'action-due');
      assert.ok(after.includes(`- [ ] Write the report @Bob <!-- meetings-disable-line action-due -->${brk}\n`), JSON.stringify(after));
    }
  });

  it('adds a second rule to the comment already on the line', () => {
    const text = [...HEAD, '## Action items', '- [ ] Write the report <!-- meetings-disable-line action-due -->', ''].join('\n');
    const after = disableFirst(text, 'action-owner');
    assert.ok(after.includes('- [ ] Write the report <!-- meetings-disable-line action-due action-owner -->\n'), after);
  });

  it('keeps CRLF line ends and touches nothing else', () => {
    const text = [...HEAD, '## 行动项', '- [ ] 整理预算 @张三', ''].join('\r\n');
    const after = disableFirst(text, 'action-due');
    assert.equal(after, text.replace('@张三\r\n', '@张三 <!-- meetings-disable-line action-due -->\r\n'));
  });

  it('on a row of a table, after its last cell: both parsers read the comment in the cell it makes', () => {
    const rows = ['| Resource | Kind | Owner | Priority | Due | Status |', '| --- | --- | --- | --- | --- | --- |', '| Two agents | people | | high | | |', '| Laptops | budget | Bob | low | 2026-12-01 | approved |'];
    const text = [...HEAD, '## Resource needs', '', ...rows, '', '## Action items', '- [ ] Write the report @Bob 📅 2026-12-01', ''].join('\n');
    const after = disableFirst(text, 'resource-incomplete');
    assert.equal(after, text.replace(rows[2]!, `${rows[2]} <!-- meetings-disable-line resource-incomplete -->`));
  });

  it('offers nothing on the header row of a table: one more header cell would end the table', () => {
    const text = [...HEAD, '| a | b |', '| --- | --- |', '| c | d |', ''].join('\n');
    const meeting = parseMeeting(text);
    assert.equal(disableLineEdits(meeting.text, meeting.lineStarts, 6, 'any-rule'), null);
    assert.ok(disableLineEdits(meeting.text, meeting.lineStarts, 8, 'any-rule'));
  });

  it('finds the comment already on a long line in linear time', () => {
    const line = '- [ ] x ' + '<!-- meetings-disable-line a '.repeat(20_000);
    const text = [...HEAD, line, ''].join('\n');
    const meeting = parseMeeting(text);
    const started = performance.now();
    disableLineEdits(meeting.text, meeting.lineStarts, 6, 'action-due');
    assert.ok(performance.now() - started < 1_000, 'under a second for 580 KB');
  });

  it('edits that add to an item (mark done, set due, carry over) go before a block id followed by a comment', () => {
    const text = [...HEAD, '## Action items', '- [ ] Write the FAQ @Bob 📅 2026-12-01 ^faq <!-- meetings-disable-line action-overdue -->', ''].join('\n');
    const meeting = parseMeeting(text);
    const done = applyEdits(text, markDoneEdits(meeting, meeting.actions[0]!, TODAY));
    assert.ok(done.includes('- [x] Write the FAQ @Bob 📅 2026-12-01 ✅ 2026-11-26 ^faq <!-- meetings-disable-line action-overdue -->\n'), done);
    const again = parseMeeting(done).actions[0]!;
    assert.equal(again.id, 'faq');
    assert.equal(actionLabel(again, parseMeeting(done).text), 'Write the FAQ');
  });
});

describe('comments in and after tables, as remark reads them', () => {
  const suppressions = (text: string, parser: 'scanner' | 'remark') => parseMeeting(text, { parser }).suppressions.map((s) => [s.kind, s.line, s.rules.join(',')]);

  it('a thematic break, a fence, an HTML block or indented code ends a table: a row-like line after it is a paragraph', () => {
    for (const breaker of ['- - -', '***', '```\ncode\n```', '<div>\n</div>', '    indented code']) {
      const text = [...HEAD, '| a | b |', '| --- | --- |', '| c | d |', breaker, '| `x <!-- meetings-disable-line action-owner --> y|z` | w |', ''].join('\n');
      // (an HTML block runs on to a blank line and takes the line in: its comment counts)
      if (!breaker.startsWith('<')) assert.deepEqual(suppressions(text, 'scanner'), [], breaker);
      assert.deepEqual(suppressions(text, 'scanner'), suppressions(text, 'remark'), breaker);
    }
  });

  it('a table may start right under a paragraph: its last line becomes the header row', () => {
    const text = [...HEAD, '## Action items', '- [ ] Compare the offers @Bob 📅 2026-12-01', '  | Vendor | Price |', '  | --- | --- |', '  | A <!-- meetings-disable-line action-due --> | 1 |', ''].join('\n');
    for (const parser of ['scanner', 'remark'] as const) {
      const meeting = parseMeeting(text, { parser });
      assert.deepEqual(meeting.actions.map((action) => action.text), ['Compare the offers @Bob 📅 2026-12-01'], parser);
    }
    assert.deepEqual(suppressions(text, 'scanner'), [['line', 10, 'action-due']]);
    assert.deepEqual(suppressions(text, 'scanner'), suppressions(text, 'remark'));
  });

  it('a lone tag after a table starts an HTML block; a last line indented 4 columns is no header row', () => {
    const cases = [
      '# Notes\n| a | b |\n| - | - |\n<span>\n# Actions\n- [ ] other @Bob\n',
      '| a | b |\n| - | - |\n</pre>\n`<!-- meetings-disable action-due -->`\n',
      'para\n    a | b\n-|-\n| `x <!-- meetings-disable action-due --> |z` | w |\n',
      '- [ ] t @Bob\n      a | b\n  -|-\n  | `x <!-- meetings-disable action-due --> |z` | w |\n',
      'para\n\ta | b\n-|-\n| `x <!-- meetings-disable action-due --> |z` | w |\n',
    ];
    for (const body of cases) {
      const text = [...HEAD, body].join('\n');
      const view = (parser: 'scanner' | 'remark') => {
        const meeting = parseMeeting(text, { parser });
        return { actions: meeting.actions.map((a) => a.text), sections: meeting.sections.length, suppressions: suppressions(text, parser) };
      };
      assert.deepEqual(view('scanner'), view('remark'), body);
    }
  });

  it('in a row, cells are split at unescaped pipes first, code spans or not', () => {
    const text = [...HEAD, '| a | b |', '| --- | --- |', '| `x <!-- meetings-disable-line action-owner --> y|z` | w |', '| e <!-- meetings-disable-line action-due \\| f --> | g |', ''].join('\n');
    assert.deepEqual(suppressions(text, 'scanner'), [['line', 8, 'action-owner'], ['line', 9, 'action-due,\\|,f']]);
    assert.deepEqual(suppressions(text, 'scanner'), suppressions(text, 'remark'));
  });
});
