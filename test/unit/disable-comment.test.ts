// "Disable this rule here": the comment goes where both parsers read it and nothing else changes.
import { strict as assert } from 'node:assert';
import { actionLabel, applyEdits, DEFAULT_CONFIG, disableEdits, lintMeeting, parseMeeting, type Finding } from '../../src/core';
import { lineOf } from '../../src/core/lines';

const TODAY = '2026-11-26';
const HEAD = ['---', 'title: Weekly', 'date: 2026-11-20', 'attendees: [Bob, 张三]', '---', ''];

function lint(text: string, parser: 'scanner' | 'remark' = 'scanner'): Finding[] {
  return lintMeeting(parseMeeting(text, { parser }), { config: DEFAULT_CONFIG, today: TODAY, locale: 'en' });
}

/** Applies the disable edits for the first finding of `rule`; checks the finding is gone, for both parsers, and nothing else changed. */
function disableFirst(text: string, rule: string): { text: string; scope: string } {
  const meeting = parseMeeting(text);
  const finding = lint(text).find((candidate) => candidate.rule === rule);
  assert.ok(finding, `a ${rule} finding in\n${text}`);
  const line = lineOf(meeting.lineStarts, finding.span.start);
  const disable = disableEdits(meeting.text, meeting.lineStarts, line, rule);
  assert.ok(disable, 'a way to disable it');
  const after = applyEdits(text, disable.edits);
  for (const parser of ['scanner', 'remark'] as const) {
    const rulesBefore = lint(text, parser).map((f) => f.rule);
    const rulesAfter = lint(after, parser).map((f) => f.rule);
    // (around a table, every finding of the rule in it; the tables here have no other)
    const first = rulesBefore.indexOf(rule);
    const expected: string[] = disable.scope === 'table' ? rulesBefore.filter((other) => other !== rule) : rulesBefore.filter((_, i) => i !== first);
    assert.deepEqual(rulesAfter, expected, `${parser}: only that finding goes\n${after}`);
  }
  return { text: after, scope: disable.scope };
}

describe('disable a rule where a finding is', () => {
  it('puts the comment at the end of the line', () => {
    const text = [...HEAD, '## Action items', '- [ ] Write the report @Bob', ''].join('\n');
    const { text: after, scope } = disableFirst(text, 'action-due');
    assert.equal(scope, 'line');
    assert.equal(after, text.replace('@Bob\n', '@Bob <!-- meetings-disable-line action-due -->\n'));
  });

  it('puts it before a block id, which stays the action id, and keeps the label free of it', () => {
    const text = [...HEAD, '## Action items', '- [ ] Write the report @Bob ^report', ''].join('\n');
    const { text: after } = disableFirst(text, 'action-due');
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
      const { text: after } = disableFirst(text, 'action-due');
      assert.ok(after.includes(`- [ ] Write the report @Bob <!-- meetings-disable-line action-due -->${brk}\n`), JSON.stringify(after));
    }
  });

  it('adds a second rule to the comment already on the line', () => {
    const text = [...HEAD, '## Action items', '- [ ] Write the report <!-- meetings-disable-line action-due -->', ''].join('\n');
    const { text: after } = disableFirst(text, 'action-owner');
    assert.ok(after.includes('- [ ] Write the report <!-- meetings-disable-line action-due action-owner -->\n'), after);
  });

  it('keeps CRLF line ends and touches nothing else', () => {
    const text = [...HEAD, '## 行动项', '- [ ] 整理预算 @张三', ''].join('\r\n');
    const { text: after } = disableFirst(text, 'action-due');
    assert.equal(after, text.replace('@张三\r\n', '@张三 <!-- meetings-disable-line action-due -->\r\n'));
  });

  it('in a table, disables the rule around the table: a comment after a row would be a cell GFM drops', () => {
    const rows = ['| Resource | Kind | Owner | Priority | Due | Status |', '| --- | --- | --- | --- | --- | --- |', '| Two agents | people | | high | | |', '| Laptops | budget | Bob | low | 2026-12-01 | approved |'];
    const text = [...HEAD, '## Resource needs', '', ...rows, '', '## Action items', '- [ ] Write the report @Bob 📅 2026-12-01', ''].join('\n');
    const before = lint(text).filter((f) => f.rule === 'resource-incomplete');
    assert.ok(before.length > 0, 'the table has a resource-incomplete finding');
    const { text: after, scope } = disableFirst(text, 'resource-incomplete');
    assert.equal(scope, 'table');
    assert.equal(after, text.replace(rows[0]!, `<!-- meetings-disable resource-incomplete -->\n${rows[0]}`).replace(rows[3]!, `${rows[3]}\n<!-- meetings-enable resource-incomplete -->`));
  });
});
