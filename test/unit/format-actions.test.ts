import { strict as assert } from 'node:assert';
import { displayWidth } from '../../src/cli/display-width';
import { formatActions, type ActionsFormatOptions } from '../../src/cli/format-actions';
import type { ActionRow } from '../../src/cli/rows';

const ESC = '\x1b';
const TODAY = '2026-11-26';

function options(overrides: Partial<ActionsFormatOptions> = {}): ActionsFormatOptions {
  return { color: false, today: TODAY, locale: 'en', ...overrides };
}

function action(overrides: Partial<ActionRow> = {}): ActionRow {
  return {
    file: 'notes/2026-11-20.md',
    line: 14,
    text: 'Send the budget draft',
    owners: ['Alice'],
    due: '2026-12-01',
    status: 'open',
    priority: 'high',
    meeting: { title: 'Weekly sync', date: '2026-11-20', series: 'weekly', type: 'standup' },
    ...overrides,
  };
}

const rows: ActionRow[] = [
  action(),
  action({
    line: 15,
    text: '整理会议纪要，并发给"全体成员", 包括新同事\n第二行',
    owners: ['王小明', 'Bob'],
    due: '2026-11-01',
    status: 'in-progress',
    priority: null,
    meeting: { title: '产品周会', date: '2026-11-20', series: null, type: null },
  }),
  action({ line: 22, text: '=HYPERLINK("http://evil.test","click")', owners: [], due: null, priority: 'low' }),
  action({
    file: '-notes/@odd.md',
    line: 3,
    text: '+cmd|\' /C calc\'!A0',
    owners: ['@mallory', '-3'],
    due: '2026-11-25',
    status: 'open',
  }),
  action({ line: 40, text: '\tTabbed start', owners: ['-3'], due: null, status: 'open', priority: null }),
];

describe('formatActions json', () => {
  it('prints parseable JSON with the ActionRow keys in order', () => {
    const extra = { ...action(), internalSpan: { start: 0, end: 1 } } as ActionRow;
    const output = formatActions([extra, ...rows], 'json', options());
    assert.ok(output.endsWith('\n'));
    const parsed = JSON.parse(output) as Array<Record<string, unknown>>;
    assert.equal(parsed.length, rows.length + 1);
    for (const item of parsed) {
      assert.deepEqual(Object.keys(item), ['file', 'line', 'text', 'owners', 'due', 'status', 'priority', 'meeting']);
      assert.deepEqual(Object.keys(item.meeting as object), ['title', 'date', 'series', 'type']);
    }
    assert.deepEqual(parsed.slice(1), JSON.parse(JSON.stringify(rows)));
  });
});

// RFC 4180 reader: CRLF between records, quoted fields may hold commas, quotes (doubled) and
// line breaks; unquoted fields may hold no quotes.
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let index = 0;
  while (index < text.length) {
    let field = '';
    if (text[index] === '"') {
      index++;
      for (;;) {
        assert.ok(index < text.length, 'unterminated quoted field');
        if (text[index] === '"') {
          if (text[index + 1] === '"') {
            field += '"';
            index += 2;
          } else {
            index++;
            break;
          }
        } else field += text[index++];
      }
    } else {
      while (index < text.length && text[index] !== ',' && text[index] !== '\r' && text[index] !== '\n') {
        assert.notEqual(text[index], '"', 'quote inside an unquoted field');
        field += text[index++];
      }
    }
    record.push(field);
    if (text[index] === ',') {
      index++;
    } else if (text.startsWith('\r\n', index)) {
      records.push(record);
      record = [];
      index += 2;
    } else {
      assert.equal(index, text.length, `bare line break or junk after a field at ${index}`);
      records.push(record);
    }
  }
  return records;
}

describe('formatActions csv', () => {
  const output = formatActions(rows, 'csv', options());

  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    assert.ok(output.startsWith('\ufeff'));
    assert.ok(output.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(output.replace(/"(?:[^"]|"")*"/g, '')), 'bare LF outside quotes');
  });

  it('round-trips through an RFC 4180 reader', () => {
    const records = parseCsv(output.slice(1));
    assert.deepEqual(records[0], [
      'file',
      'line',
      'status',
      'owners',
      'due',
      'priority',
      'text',
      'meeting_title',
      'meeting_date',
      'series',
    ]);
    assert.equal(records.length, rows.length + 1);
    for (const record of records) assert.equal(record.length, 10);
    assert.deepEqual(records[1], [
      'notes/2026-11-20.md',
      '14',
      'open',
      'Alice',
      '2026-12-01',
      'high',
      'Send the budget draft',
      'Weekly sync',
      '2026-11-20',
      'weekly',
    ]);
    // Chinese, commas, quotes and a line break survive unchanged; missing values are empty.
    assert.deepEqual(records[2], [
      'notes/2026-11-20.md',
      '15',
      'in-progress',
      '王小明; Bob',
      '2026-11-01',
      '',
      '整理会议纪要，并发给"全体成员", 包括新同事\n第二行',
      '产品周会',
      '2026-11-20',
      '',
    ]);
  });

  it('prefixes cells a spreadsheet would run as a formula, but not plain numbers', () => {
    const records = parseCsv(output.slice(1));
    assert.equal(records[3][6], `'=HYPERLINK("http://evil.test","click")`);
    assert.equal(records[3][3], '');
    assert.equal(records[4][0], "'-notes/@odd.md");
    assert.equal(records[4][6], `'+cmd|' /C calc'!A0`);
    assert.equal(records[4][3], "'@mallory; -3");
    assert.equal(records[5][6], "'\tTabbed start");
    assert.equal(records[5][3], '-3');
    for (const record of records.slice(1)) {
      assert.match(record[1], /^\d+$/);
      assert.ok(record[4] === '' || /^\d{4}-\d{2}-\d{2}$/.test(record[4]));
    }
  });

  it('prints just the header when there are no actions', () => {
    assert.equal(
      formatActions([], 'csv', options()),
      '\ufefffile,line,status,owners,due,priority,text,meeting_title,meeting_date,series\r\n',
    );
  });
});

/** Splits a GFM table row on the pipes that are not escaped. */
function markdownCells(line: string): string[] {
  assert.ok(line.startsWith('| ') && line.endsWith(' |'), line);
  return line
    .slice(2, -2)
    .split(/(?<!\\)\s?\|\s?/)
    .map((cell) => cell.replace(/\\\|/g, '|'));
}

describe('formatActions markdown', () => {
  it('prints a GFM table with English headers', () => {
    const lines = formatActions(rows, 'markdown', options()).trimEnd().split('\n');
    assert.deepEqual(markdownCells(lines[0]), ['File', 'Line', 'Status', 'Owner', 'Due', 'Priority', 'Action', 'Meeting']);
    assert.match(lines[1], /^\|( -{3,}:? \|){8}$/);
    assert.equal(lines.length, rows.length + 2);
    assert.deepEqual(markdownCells(lines[2]), [
      'notes/2026-11-20.md',
      '14',
      'open',
      'Alice',
      '2026-12-01',
      'high',
      'Send the budget draft',
      'Weekly sync (2026-11-20)',
    ]);
  });

  it('prints Chinese headers for zh-CN', () => {
    const lines = formatActions(rows, 'markdown', options({ locale: 'zh-CN' })).split('\n');
    assert.deepEqual(markdownCells(lines[0]), ['文件', '行', '状态', '负责人', '截止', '优先级', '行动项', '会议']);
  });

  it('escapes pipes and line breaks so every row keeps eight cells', () => {
    const lines = formatActions(rows, 'markdown', options()).trimEnd().split('\n');
    for (const line of lines) assert.equal(markdownCells(line).length, 8, line);
    assert.equal(markdownCells(lines[3])[6], '整理会议纪要，并发给"全体成员", 包括新同事<br>第二行');
    assert.equal(markdownCells(lines[5])[6], `+cmd|' /C calc'!A0`);
    assert.ok(lines[5].includes('+cmd\\|'));
  });
});

describe('formatActions table', () => {
  const longText = '准备下季度预算评审材料，包括各部门的人力成本、云服务费用、差旅预算以及所有供应商合同的续约情况和风险评估'.repeat(2);
  const tableRows: ActionRow[] = [
    action(),
    action({ line: 15, text: longText, owners: ['王小明'], due: '2026-11-01', status: 'in-progress' }),
    action({ line: 30, text: 'Book the room', owners: [], due: null }),
    action({ file: 'notes/周会/2026-11-27.md', line: 7, text: 'Ship v2 🚀', owners: ['Zoë', 'Bob'], due: '2026-11-25' }),
  ];

  it('says so when there are no actions', () => {
    assert.equal(formatActions([], 'table', options()), 'No open actions.\n');
    assert.equal(formatActions([], 'table', options({ locale: 'zh-CN' })), '没有未完成的行动项。\n');
  });

  it('keeps every line within 120 columns, truncating long actions with an ellipsis', () => {
    const output = formatActions(tableRows, 'table', options());
    for (const line of output.split('\n')) assert.ok(displayWidth(line) <= 120, `${displayWidth(line)}: ${line}`);
    assert.ok(output.includes('…'));
    assert.ok(output.includes('准备下季度预算评审材料'));
    const veryLongPath = action({ file: `${'deeply/nested/'.repeat(12)}notes.md`, text: 'x'.repeat(200) });
    for (const line of formatActions([veryLongPath], 'table', options()).split('\n')) {
      assert.ok(displayWidth(line) <= 120, `${displayWidth(line)}: ${line}`);
    }
  });

  it('aligns columns by display width', () => {
    const lines = formatActions(tableRows, 'table', options()).split('\n');
    const body = lines.slice(1, 1 + tableRows.length);
    const actionColumns = body.map((line, index) => {
      const start = Array.from(tableRows[index].text).slice(0, 4).join('');
      const at = line.indexOf(start);
      assert.ok(at >= 0, `${start} not in ${line}`);
      return displayWidth(line.slice(0, at));
    });
    assert.equal(new Set(actionColumns).size, 1, `action columns ${actionColumns}`);
    assert.equal(displayWidth(lines[0].slice(0, lines[0].indexOf('Action'))), actionColumns[0]);
    const locationColumns = body.map((line, index) => {
      const location = `${tableRows[index].file}:${tableRows[index].line}`;
      assert.ok(line.endsWith(location), line);
      return displayWidth(line) - displayWidth(location);
    });
    assert.equal(new Set(locationColumns).size, 1, `location columns ${locationColumns}`);
    assert.ok(body[2].startsWith('-'), 'a missing due date shows as "-"');
  });

  it('pads Chinese owners by their on-screen width, not their length', () => {
    const output = formatActions(
      [action({ owners: ['王小明'], text: '发布', due: '2026-11-01' }), action({ line: 30, owners: ['Bob'], due: null })],
      'table',
      options(),
    );
    assert.equal(
      output,
      [
        'Due         Owner   Action                 Location',
        '2026-11-01  王小明  发布                   notes/2026-11-20.md:14',
        '-           Bob     Send the budget draft  notes/2026-11-20.md:30',
        '',
        '2 open actions, 1 overdue',
        '',
      ].join('\n'),
    );
  });

  it('counts open and overdue actions in the chosen language', () => {
    const english = formatActions(tableRows, 'table', options()).trimEnd().split('\n');
    assert.equal(english[english.length - 1], '4 open actions, 2 overdue');
    const chinese = formatActions(tableRows, 'table', options({ locale: 'zh-CN' })).trimEnd().split('\n');
    assert.equal(chinese[chinese.length - 1], '4 个未完成行动项，2 个已逾期');
    assert.ok(chinese[0].startsWith('截止'));
    const single = formatActions([action()], 'table', options()).trimEnd().split('\n');
    assert.equal(single[single.length - 1], '1 open action, 0 overdue');
  });

  it('does not count finished actions as open or overdue', () => {
    const mixed = [action({ due: '2026-01-01', status: 'done' }), action({ due: '2026-01-01', status: 'cancelled' }), action()];
    const lines = formatActions(mixed, 'table', options()).trimEnd().split('\n');
    assert.equal(lines[lines.length - 1], '3 actions: 1 open action, 0 overdue');
  });

  it('colours overdue dates red only when colour is on', () => {
    const plain = formatActions(tableRows, 'table', options());
    assert.ok(!plain.includes(ESC));
    const colored = formatActions(tableRows, 'table', options({ color: true }));
    assert.ok(colored.includes(`${ESC}[31m2026-11-01`));
    assert.ok(colored.includes(`${ESC}[31m2026-11-25`));
    assert.ok(!colored.includes(`${ESC}[31m2026-12-01`));
    assert.equal(colored.replace(/\x1b\[[0-9;]*m/g, ''), plain);
  });

  it('never colours the output of the other formats', () => {
    for (const format of ['json', 'csv', 'markdown'] as const) {
      assert.ok(!formatActions(rows, format, options({ color: true })).includes(ESC), format);
    }
  });
});
