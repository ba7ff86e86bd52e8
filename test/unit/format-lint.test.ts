import { strict as assert } from 'node:assert';
import { displayWidth, truncateToWidth } from '../../src/cli/display-width';
import { formatLint, type LintFormatOptions } from '../../src/cli/format-lint';
import type { FindingRow, RuleInfo } from '../../src/cli/rows';

const ESC = '\x1b';

const rules: RuleInfo[] = [
  {
    id: 'action-owner',
    description: 'Every action item names an owner.',
    defaultSeverity: 'error',
    helpUri: 'https://example.test/rules/action-owner',
  },
  {
    id: 'due-date-format',
    description: 'Due dates are written as YYYY-MM-DD.',
    defaultSeverity: 'warning',
    helpUri: 'https://example.test/rules/due-date-format',
  },
  {
    id: 'meeting-title',
    description: 'Meetings have a title.',
    defaultSeverity: 'info',
    helpUri: 'https://example.test/rules/meeting-title',
  },
];

function options(overrides: Partial<LintFormatOptions> = {}): LintFormatOptions {
  return { color: false, rules, toolVersion: '1.2.3', locale: 'en', ...overrides };
}

function row(overrides: Partial<FindingRow> = {}): FindingRow {
  return {
    file: 'notes/2026-11-20.md',
    line: 3,
    column: 5,
    endLine: 3,
    endColumn: 12,
    rule: 'action-owner',
    severity: 'error',
    message: 'Action has no owner',
    ...overrides,
  };
}

const mixedRows: FindingRow[] = [
  row(),
  row({ line: 12, column: 1, endLine: 12, endColumn: 20, rule: 'due-date-format', severity: 'warning', message: '截止日期“下周五”不是 YYYY-MM-DD 格式' }),
  row({ file: 'notes/周会 2026-11-27.md', line: 1, column: 1, endLine: 1, endColumn: 4, rule: 'meeting-title', severity: 'info', message: '会议缺少标题' }),
  row({ line: 120, column: 33, endLine: 121, endColumn: 2, rule: 'custom-plugin-rule', severity: 'warning', message: 'Not in the rule table' }),
];

describe('displayWidth', () => {
  it('counts ASCII as one column and CJK, fullwidth and emoji as two', () => {
    assert.equal(displayWidth('abc'), 3);
    assert.equal(displayWidth('会议纪要'), 8);
    assert.equal(displayWidth('ＡＢ，。'), 8);
    assert.equal(displayWidth('한국'), 4);
    assert.equal(displayWidth('ok ✅'), 5);
    assert.equal(displayWidth('❤️'), 2);
  });

  it('counts an emoji sequence once and combining marks as nothing', () => {
    assert.equal(displayWidth('👨‍👩‍👧'), 2);
    assert.equal(displayWidth('🇨🇳'), 2);
    assert.equal(displayWidth('e\u0301'), 1);
    assert.equal(displayWidth('a\u200bb'), 2);
  });

  it('ignores ANSI colour codes', () => {
    assert.equal(displayWidth(`${ESC}[31m错误${ESC}[0m`), 4);
  });

  it('truncates by columns, never splitting a wide character', () => {
    assert.equal(truncateToWidth('会议纪要会议纪要', 6), '会议…');
    assert.equal(truncateToWidth('short', 10), 'short');
    assert.ok(displayWidth(truncateToWidth('会议纪要会议纪要', 7)) <= 7);
  });
});

describe('formatLint json', () => {
  it('prints parseable JSON with exactly the documented keys in order', () => {
    const extra = { ...row(), fixes: [], internal: true } as FindingRow;
    const output = formatLint([extra, ...mixedRows], 'json', options());
    assert.ok(output.endsWith('\n'));
    const parsed = JSON.parse(output) as Array<Record<string, unknown>>;
    assert.equal(parsed.length, 5);
    for (const item of parsed) {
      assert.deepEqual(Object.keys(item), [
        'file',
        'line',
        'column',
        'endLine',
        'endColumn',
        'rule',
        'severity',
        'message',
      ]);
    }
    assert.equal(parsed[2].message, mixedRows[1].message);
  });

  it('prints an empty array when there are no findings', () => {
    assert.deepEqual(JSON.parse(formatLint([], 'json', options())), []);
  });
});

describe('formatLint stylish', () => {
  it('prints nothing when there are no findings', () => {
    assert.equal(formatLint([], 'stylish', options()), '');
    assert.equal(formatLint([], 'stylish', options({ color: true })), '');
  });

  it('groups findings under their file, ordered by position', () => {
    const output = formatLint(mixedRows, 'stylish', options());
    const lines = output.split('\n');
    const first = lines.indexOf('notes/2026-11-20.md');
    const second = lines.indexOf('notes/周会 2026-11-27.md');
    assert.ok(first >= 0 && second > first);
    const positions = lines.slice(first + 1, second).filter((line) => line.startsWith('  ')).map((line) => line.trim().split(/\s+/)[0]);
    assert.deepEqual(positions, ['3:5', '12:1', '120:33']);
  });

  it('aligns every column by display width, Chinese messages included', () => {
    const output = formatLint(mixedRows, 'stylish', options());
    const findingLines = output.split('\n').filter((line) => line.startsWith('  '));
    const sameFile = mixedRows.filter((r) => r.file === 'notes/2026-11-20.md');
    const columnOf = (line: string, text: string) => {
      const index = line.indexOf(text);
      assert.ok(index >= 0, `"${text}" not in "${line}"`);
      return displayWidth(line.slice(0, index));
    };
    const messageColumns = sameFile.map((r) => columnOf(findingLines.find((l) => l.includes(r.message))!, r.message));
    const severityColumns = sameFile.map((r) => columnOf(findingLines.find((l) => l.includes(r.message))!, r.severity));
    const ruleColumns = sameFile.map((r) => {
      const line = findingLines.find((l) => l.includes(r.message))!;
      return displayWidth(line.slice(0, line.lastIndexOf(r.rule)));
    });
    assert.equal(new Set(messageColumns).size, 1, `message columns ${messageColumns}`);
    assert.equal(new Set(severityColumns).size, 1, `severity columns ${severityColumns}`);
    assert.equal(new Set(ruleColumns).size, 1, `rule columns ${ruleColumns}`);
  });

  it('pads Chinese text by its on-screen width, not its length', () => {
    const output = formatLint(
      [row(), row({ line: 12, column: 1, severity: 'warning', rule: 'due-date-format', message: '截止日期不是 YYYY-MM-DD 格式' })],
      'stylish',
      options(),
    );
    // "截止日期不是 YYYY-MM-DD 格式" is 20 characters but 28 columns wide.
    assert.equal(
      output,
      [
        '',
        'notes/2026-11-20.md',
        '  3:5   error    Action has no owner           action-owner',
        '  12:1  warning  截止日期不是 YYYY-MM-DD 格式  due-date-format',
        '',
        '✖ 2 problems (1 error, 1 warning, 0 infos)',
        '',
      ].join('\n'),
    );
  });

  it('summarises counts in English with singular and plural', () => {
    const output = formatLint(mixedRows, 'stylish', options());
    assert.ok(output.includes('✖ 4 problems (1 error, 2 warnings, 1 info)'), output);
    const single = formatLint([row()], 'stylish', options());
    assert.ok(single.includes('✖ 1 problem (1 error, 0 warnings, 0 infos)'), single);
  });

  it('summarises counts in Chinese', () => {
    const output = formatLint(mixedRows, 'stylish', options({ locale: 'zh-CN' }));
    assert.ok(output.includes('✖ 共 4 个问题（1 个错误，2 个警告，1 个提示）'), output);
  });

  it('uses no escape codes without colour, and colours severities with it', () => {
    const plain = formatLint(mixedRows, 'stylish', options());
    assert.ok(!plain.includes(ESC));
    const colored = formatLint(mixedRows, 'stylish', options({ color: true }));
    assert.ok(colored.includes(`${ESC}[31merror${ESC}[0m`));
    assert.ok(colored.includes(`${ESC}[33mwarning${ESC}[0m`));
    assert.ok(colored.includes(`${ESC}[36minfo${ESC}[0m`));
    // Stripping the colour gives back exactly the plain layout.
    assert.equal(colored.replace(/\x1b\[[0-9;]*m/g, ''), plain);
  });

  it('keeps each finding on one line even when a message holds line breaks or escape codes', () => {
    const output = formatLint([row({ message: `first\nsecond ${ESC}[2Jthird` })], 'stylish', options());
    assert.ok(!output.includes(ESC));
    assert.ok(output.split('\n').some((line) => line.includes('first second [2Jthird')));
  });
});

describe('formatLint sarif', () => {
  type SarifResult = {
    ruleId: string;
    ruleIndex?: number;
    level: string;
    message: { text: string };
    locations: Array<{
      physicalLocation: {
        artifactLocation: { uri: string; uriBaseId: string };
        region: Record<string, number>;
      };
    }>;
  };

  function sarif(rows: FindingRow[]) {
    return JSON.parse(formatLint(rows, 'sarif', options())) as {
      $schema: string;
      version: string;
      runs: Array<{
        tool: {
          driver: {
            name: string;
            version: string;
            informationUri: string;
            rules: Array<{ id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }>;
          };
        };
        results: SarifResult[];
      }>;
    };
  }

  it('describes the tool and its rules', () => {
    const log = sarif(mixedRows);
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'meetings');
    assert.equal(driver.version, '1.2.3');
    assert.match(driver.informationUri, /^https:\/\//);
    assert.deepEqual(
      driver.rules.map((r) => [r.id, r.defaultConfiguration.level, r.helpUri, r.shortDescription.text]),
      rules.map((r) => [r.id, { error: 'error', warning: 'warning', info: 'note' }[r.defaultSeverity], r.helpUri, r.description]),
    );
  });

  it('maps severities to SARIF levels and rows to regions', () => {
    const results = sarif(mixedRows).runs[0].results;
    assert.deepEqual(
      results.map((r) => r.level),
      ['error', 'warning', 'note', 'warning'],
    );
    assert.deepEqual(results[0].locations[0].physicalLocation.region, {
      startLine: 3,
      startColumn: 5,
      endLine: 3,
      endColumn: 12,
    });
    assert.deepEqual(results[3].locations[0].physicalLocation.region, {
      startLine: 120,
      startColumn: 33,
      endLine: 121,
      endColumn: 2,
    });
    assert.equal(results[1].message.text, mixedRows[1].message);
    assert.equal(results[0].locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.equal(results[0].locations[0].physicalLocation.artifactLocation.uri, 'notes/2026-11-20.md');
  });

  it('writes file paths as valid relative URIs', () => {
    const uri = sarif(mixedRows).runs[0].results[2].locations[0].physicalLocation.artifactLocation.uri;
    assert.ok(!/\s/.test(uri));
    assert.equal(decodeURIComponent(uri), 'notes/周会 2026-11-27.md');
  });

  it('gives a ruleIndex only to rules in the rule table', () => {
    const results = sarif(mixedRows).runs[0].results;
    assert.equal(results[0].ruleIndex, 0);
    assert.equal(results[1].ruleIndex, 1);
    assert.equal(results[2].ruleIndex, 2);
    assert.equal(results[3].ruleId, 'custom-plugin-rule');
    assert.ok(!('ruleIndex' in results[3]));
  });

  it('leaves out an end that lies before the start', () => {
    const results = sarif([row({ line: 5, column: 9, endLine: 5, endColumn: 2 })]).runs[0].results;
    assert.deepEqual(results[0].locations[0].physicalLocation.region, { startLine: 5, startColumn: 9 });
  });

  it('is a valid log with no results when there are no findings', () => {
    const log = sarif([]);
    assert.deepEqual(log.runs[0].results, []);
    assert.equal(log.runs[0].tool.driver.rules.length, rules.length);
  });
});

// A strict little XML reader: enough to prove the JUnit output is well-formed and to read back
// attribute values and text with entities decoded.
interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function decodeEntities(raw: string): string {
  assert.ok(!raw.includes('<'), `raw "<" in ${JSON.stringify(raw)}`);
  return raw.replace(/&([^;]*);?/g, (match, name: string) => {
    assert.ok(match.endsWith(';'), `unterminated entity in ${JSON.stringify(raw)}`);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (name in named) return named[name];
    const numeric = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(name);
    assert.ok(numeric, `unknown entity &${name};`);
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

function parseXml(source: string): XmlElement {
  assert.ok(!/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.test(source), 'character illegal in XML 1.0');
  let rest = source.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  while (rest.length > 0) {
    const top = stack[stack.length - 1];
    if (rest.startsWith('</')) {
      const match = /^<\/([\w:-]+)\s*>/.exec(rest);
      assert.ok(match, `bad end tag at ${rest.slice(0, 30)}`);
      assert.equal(match[1], top.name, 'mismatched end tag');
      stack.pop();
      rest = rest.slice(match[0].length);
    } else if (rest.startsWith('<')) {
      const match = /^<([\w:-]+)((?:\s+[\w:-]+\s*=\s*"[^"]*")*)\s*(\/?)>/.exec(rest);
      assert.ok(match, `bad start tag at ${rest.slice(0, 60)}`);
      const attributes: Record<string, string> = {};
      for (const attribute of match[2].matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)) {
        assert.ok(!(attribute[1] in attributes), 'duplicate attribute');
        attributes[attribute[1]] = decodeEntities(attribute[2]);
      }
      const element: XmlElement = { name: match[1], attributes, children: [], text: '' };
      top.children.push(element);
      if (!match[3]) stack.push(element);
      rest = rest.slice(match[0].length);
    } else {
      const end = rest.indexOf('<');
      const raw = end < 0 ? rest : rest.slice(0, end);
      if (stack.length === 1) assert.equal(raw.trim(), '', 'text outside the root element');
      top.text += decodeEntities(raw);
      rest = end < 0 ? '' : rest.slice(end);
    }
  }
  assert.equal(stack.length, 1, 'unclosed element');
  assert.equal(root.children.length, 1, 'exactly one root element');
  return root.children[0];
}

describe('formatLint junit', () => {
  it('is well-formed and lists one testcase per file with one failure per finding', () => {
    const output = formatLint(mixedRows, 'junit', options());
    assert.ok(output.startsWith('<?xml version="1.0" encoding="UTF-8"?>'));
    const testsuites = parseXml(output);
    assert.equal(testsuites.name, 'testsuites');
    assert.equal(testsuites.children.length, 1);
    const suite = testsuites.children[0];
    assert.equal(suite.name, 'testsuite');
    assert.equal(suite.attributes.name, 'meetings lint');
    assert.equal(suite.attributes.tests, '2');
    assert.equal(suite.attributes.failures, '2');
    assert.deepEqual(
      suite.children.map((c) => [c.name, c.attributes.classname, c.attributes.name, c.children.length]),
      [
        ['testcase', 'notes/2026-11-20.md', 'notes/2026-11-20.md', 3],
        ['testcase', 'notes/周会 2026-11-27.md', 'notes/周会 2026-11-27.md', 1],
      ],
    );
    const failure = suite.children[0].children[0];
    assert.equal(failure.name, 'failure');
    assert.equal(failure.attributes.type, 'action-owner');
    assert.equal(failure.attributes.message, 'Action has no owner');
    assert.equal(failure.text, 'notes/2026-11-20.md:3:5 error Action has no owner');
  });

  it('escapes markup characters and drops characters XML cannot hold', () => {
    const message = `Use <owner> & "due" 'dates'\u0000 here\nplease\u0008`;
    const output = formatLint([row({ file: 'a&b<c>.md', message })], 'junit', options());
    assert.ok(!output.includes('\u0000'));
    assert.ok(!output.includes('\u0008'));
    const suite = parseXml(output).children[0];
    const testcase = suite.children[0];
    assert.equal(testcase.attributes.name, 'a&b<c>.md');
    const failure = testcase.children[0];
    assert.equal(failure.attributes.message, `Use <owner> & "due" 'dates' here\nplease`);
    assert.equal(failure.text, `a&b<c>.md:3:5 error Use <owner> & "due" 'dates' here\nplease`);
  });

  it('reports a single passing testcase when there are no findings', () => {
    const suite = parseXml(formatLint([], 'junit', options())).children[0];
    assert.equal(suite.attributes.tests, '1');
    assert.equal(suite.attributes.failures, '0');
    assert.equal(suite.children.length, 1);
    assert.equal(suite.children[0].attributes.name, 'meetings lint');
    assert.equal(suite.children[0].children.length, 0);
  });
});
