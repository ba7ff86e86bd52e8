// What people actually write, and worse: broken and hostile YAML, huge and strange Markdown. Each
// case must give findings or a clear message, never an exception, within a time bound generous
// enough for a shared 2-core CI machine. The measured times are printed (`[figures]`) for
// docs/reliability.md.
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { meetings, workspaces } from './cli-support';
import { applyEdits, DEFAULT_CONFIG, lintMeeting, markDoneEdits, parseMeeting, safeFixEdits, type Finding, type Meeting } from '../../src/core';

const TODAY = '2026-11-25';
const figures: string[] = [];

after(() => {
  if (figures.length > 0) console.log(`      [figures] hostile input:\n${figures.map((line) => `        ${line}`).join('\n')}`);
});

interface Outcome {
  meeting: Meeting;
  findings: Finding[];
  ms: number;
}

/** Parse and lint, with every rule error a test failure; checks that every span lies in the text. */
function run(text: string): Outcome {
  const started = performance.now();
  const meeting = parseMeeting(text);
  const findings = lintMeeting(meeting, {
    config: DEFAULT_CONFIG,
    today: TODAY,
    locale: 'en',
    onRuleError: (rule, error) => assert.fail(`rule ${rule} threw: ${(error as Error).stack ?? String(error)}`),
  });
  const ms = performance.now() - started;
  const length = meeting.text.length;
  const inside = (span: { start: number; end: number }, what: string) =>
    assert.ok(span.start >= 0 && span.start <= span.end && span.end <= length, `${what} span ${span.start}-${span.end} outside 0-${length}`);
  for (const finding of findings) {
    inside(finding.span, finding.rule);
    for (const fix of finding.fixes) for (const edit of fix.edits) inside(edit.span, `${finding.rule} fix`);
  }
  for (const action of meeting.actions) {
    inside(action.boxSpan, 'box');
    inside(action.textSpan, 'action text');
    for (const owner of action.owners) inside(owner.span, 'owner');
    for (const due of action.dueMentions) inside(due.span, 'due');
  }
  for (const section of meeting.sections) inside(section.bodySpan, 'section');
  return { meeting, findings, ms };
}

function record(name: string, ms: number, result: string, limitMs: number): void {
  figures.push(`${name}: ${ms.toFixed(0)} ms (bound ${limitMs / 1000} s): ${result}`);
  assert.ok(ms < limitMs, `${name} took ${ms.toFixed(0)} ms, over ${limitMs} ms`);
}

const rules = (findings: Finding[]) => [...new Set(findings.map((finding) => finding.rule))].sort().join(', ') || 'no findings';
const FRONT = '---\ntitle: Hostile\ndate: 2026-11-20\nattendees: [张三, Alice Chen]\n---\n\n';

describe('hostile input: broken and hostile YAML', function () {
  this.timeout(60_000);

  const cases: Array<{ name: string; text: () => string; limitMs: number; expect: (outcome: Outcome) => string }> = [
    {
      name: 'unterminated frontmatter',
      text: () => '---\ntitle: x\nattendees: [a]\ndate: 2026-11-20\n\n## Actions\n- [ ] x @a\n',
      limitMs: 5000,
      expect: ({ findings }) => {
        assert.ok(findings.some((finding) => finding.rule === 'frontmatter-yaml'));
        return rules(findings);
      },
    },
    {
      name: 'tabs in frontmatter indentation and values',
      text: () => '---\ntitle:\tTabbed\ndate: 2026-11-20\nattendees:\n\t- a\n\t- b\n---\n- [ ] x @a\n',
      limitMs: 5000,
      expect: ({ findings }) => {
        assert.ok(findings.some((finding) => finding.rule === 'frontmatter-yaml'));
        return rules(findings);
      },
    },
    {
      name: 'duplicate keys',
      text: () => '---\ntitle: a\ntitle: b\ndate: 2026-11-20\nattendees: [a]\nattendees: [b]\n---\n- [ ] x @a\n',
      limitMs: 5000,
      expect: ({ findings }) => {
        assert.ok(findings.some((finding) => finding.rule === 'frontmatter-yaml' && /unique|duplicate/iu.test(finding.message)), rules(findings));
        return rules(findings);
      },
    },
    {
      name: 'wrong types (date list, attendees map, title list, duration yes, time 25:00)',
      text: () => '---\ntitle: [a, b]\ndate: [2026, 11, 20]\nattendees: { a: 1 }\nduration: yes\ntime: 25:00-26:00\ntimezone: 42\ntags: { x: 1 }\nseries: [x]\n---\n- [ ] x\n',
      limitMs: 5000,
      expect: ({ findings }) => {
        assert.ok(findings.filter((finding) => finding.rule === 'frontmatter-field').length >= 5, rules(findings));
        return `${findings.filter((finding) => finding.rule === 'frontmatter-field').length} frontmatter-field findings`;
      },
    },
    {
      name: 'alias bomb (billion laughs, 9 levels of 9 aliases)',
      text: () => {
        const lines = ['---', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
        for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
        lines.push('attendees: *a9', 'date: 2026-11-20', '---', '- [ ] x');
        return lines.join('\n');
      },
      limitMs: 5000,
      expect: ({ findings }) => {
        const yaml = findings.filter((finding) => finding.rule === 'frontmatter-yaml');
        assert.ok(yaml.length > 0, rules(findings));
        return `frontmatter-yaml: ${yaml[0]!.message.slice(0, 80)}`;
      },
    },
    {
      name: '1 MB frontmatter (one attendee per line)',
      text: () => `---\ntitle: Big\ndate: 2026-11-20\nattendees:\n${Array.from({ length: 100_000 }, (_, i) => `  - Person ${String(i).padStart(6, '0')}`).join('\n')}\n---\n- [ ] x @Person 000001\n`,
      limitMs: 20_000,
      expect: ({ meeting, findings }) => {
        assert.equal(meeting.fields.attendees.length, 100_000);
        return `${meeting.fields.attendees.length} attendees read; ${rules(findings)}`;
      },
    },
    {
      name: '1 MB frontmatter (nested maps, anchors, block scalars: the full YAML parser)',
      text: () => {
        const block = Array.from({ length: 6_000 }, (_, i) => `  k${i}: { a: [1, 2, 3], b: &x${i} "v${i}", c: *x${i} }`).join('\n');
        return `---\ntitle: Big\ndate: 2026-11-20\nattendees: [a]\nextra:\n${block}\nnotes: |\n${'    a line of notes 一行笔记\n'.repeat(20_000)}---\n- [ ] x @a\n`;
      },
      limitMs: 20_000,
      expect: ({ findings, meeting }) => `${(meeting.frontmatter!.content.length / 1e6).toFixed(1)} MB read; ${rules(findings)}`,
    },
  ];

  for (const testCase of cases) {
    it(testCase.name, () => {
      const text = testCase.text();
      const outcome = run(text);
      const result = testCase.expect(outcome);
      record(`YAML: ${testCase.name}`, outcome.ms, result, testCase.limitMs);
    });
  }
});

describe('hostile input: huge and strange Markdown', function () {
  this.timeout(120_000);

  const line100k = (unit: string) => unit.repeat(Math.ceil(100_000 / unit.length));
  const cases: Array<{ name: string; text: () => string; limitMs: number; expect?: (outcome: Outcome) => string }> = [
    {
      name: '10 MB meeting file (2,000 sections, 60,000 actions)',
      text: () => {
        const parts = [FRONT];
        let size = FRONT.length;
        for (let section = 0; size < 10_000_000; section++) {
          const chunk = [
            `## 行动项 ${section}`,
            ...Array.from({ length: 30 }, (_, i) => `- [ ] 复盘第 ${section}-${i} 项活动数据并输出结论 @张三 📅 2026-12-${String((i % 28) + 1).padStart(2, '0')} ⏫ 截止：下周五 owner: Alice Chen`),
            '',
            `Some prose about section ${section}, with **emphasis**, [a link](https://example.com/${section}) and \`code\`. `.repeat(20),
            '',
          ].join('\n');
          parts.push(chunk);
          size += chunk.length;
        }
        return parts.join('');
      },
      limitMs: 20_000,
      expect: ({ meeting, findings }) => `${(meeting.text.length / 1e6).toFixed(1)} M chars, ${meeting.actions.length} actions, ${findings.length} findings`,
    },
    { name: '100 KB line of @@@@ in an action', text: () => `${FRONT}## Actions\n- [ ] ${line100k('@')}\n`, limitMs: 10_000 },
    { name: '100 KB line of @a@a (100,000 owner mentions)', text: () => `${FRONT}## Actions\n- [ ] x ${line100k('@a ')}\n`, limitMs: 10_000 },
    { name: '100 KB line of [[[[ in an action', text: () => `${FRONT}## Actions\n- [ ] ${line100k('[')}\n`, limitMs: 10_000 },
    { name: '100 KB line of [[[[ as a heading', text: () => `${FRONT}## ${line100k('[')}\n- [ ] x @张三\n`, limitMs: 10_000 },
    { name: '100 KB heading of `` ` `` code spans, <tags and [links](', text: () => `${FRONT}## ${line100k('` a <b [c](d ')}\n- [ ] x @张三\n`, limitMs: 10_000 },
    { name: '100 KB line of 📅📅📅 in an action', text: () => `${FRONT}## Actions\n- [ ] x ${line100k('📅')}\n`, limitMs: 10_000 },
    { name: '100 KB line of 截止：截止： in an action', text: () => `${FRONT}## Actions\n- [ ] x ${line100k('截止：')}\n`, limitMs: 10_000 },
    { name: '100 KB line of [id:: and ](  in an action', text: () => `${FRONT}## Actions\n- [ ] x ${line100k('[id::](')}\n`, limitMs: 10_000 },
    { name: '100 KB of spaces and tabs in an action, a heading and the frontmatter', text: () => `---\ntitle: a${line100k(' \t')}b\nattendees: [a]\ndate: 2026-11-20\n---\n## A${line100k(' \t')}#\n- [ ] x${line100k(' \t')}y @a\n`, limitMs: 10_000 },
    { name: '100 KB line of <!-- <!-- in an action', text: () => `${FRONT}## Actions\n- [ ] x ${line100k('<!-- ')}\n`, limitMs: 10_000 },
    {
      name: '1,000-deep nested task list',
      text: () => `${FRONT}## Actions\n${Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- [ ] level ${i}${i === 0 ? ' @张三 📅 2026-12-01' : ''}`).join('\n')}\n`,
      limitMs: 10_000,
      expect: ({ meeting }) => {
        assert.ok(meeting.actions.length > 0);
        return `${meeting.actions.length} actions, each the child of the one above`;
      },
    },
    {
      name: '1,000-deep nested list of plain items with a task at the bottom',
      text: () => `${FRONT}## Actions\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i * 2)}- item ${i}`).join('\n')}\n${' '.repeat(2000)}- [ ] deep @张三\n`,
      limitMs: 10_000,
    },
    { name: '1,000-deep block quotes', text: () => `${FRONT}## Actions\n${'> '.repeat(1000)}- [ ] quoted @张三\n`, limitMs: 10_000 },
    {
      name: '20,000 task items in one file',
      text: () => `${FRONT}## Actions\n${Array.from({ length: 20_000 }, (_, i) => `- [${' x/-'[i % 4]}] task ${i} @张三 📅 2026-12-01`).join('\n')}\n`,
      limitMs: 20_000,
      expect: ({ meeting }) => {
        assert.equal(meeting.actions.length, 20_000);
        return `${meeting.actions.length} actions`;
      },
    },
    { name: 'NUL bytes in the text', text: () => `${FRONT}## Actions\n- [ ] a\u0000b @张三\u0000 📅 2026-12-01\n\u0000\u0000\n- [\u0000] c\n`, limitMs: 5000 },
    { name: 'lone surrogates and U+FFFD (what invalid UTF-8 decodes to)', text: () => `${FRONT}## Actions\n- [ ] \ud800 @\udc00 📅 \ufffd\ufffd @张三\n`, limitMs: 5000 },
    { name: 'CR-only line ends', text: () => `${FRONT}## Actions\n- [ ] a @张三 📅 2026-12-01\n- [ ] b\n`.replace(/\n/gu, '\r'), limitMs: 5000, expect: ({ meeting }) => `${meeting.actions.length} actions` },
    { name: 'mixed CRLF, LF and CR', text: () => `---\r\ntitle: x\ndate: 2026-11-20\rattendees: [张三]\r\n---\n## Actions\r- [ ] a @张三\r\n- [ ] b\n`, limitMs: 5000, expect: ({ meeting }) => `${meeting.actions.length} actions` },
    { name: 'a BOM at the start and in the middle', text: () => `\ufeff${FRONT}## Act\ufeffions\n- [ ] a\ufeff @张三\n\ufeff- [ ] b\n`, limitMs: 5000, expect: ({ meeting }) => `${meeting.actions.length} actions` },
    { name: 'a binary file decoded as text (every byte value)', text: () => FRONT + Array.from({ length: 65_536 }, (_, i) => String.fromCharCode(i)).join(''), limitMs: 5000 },
  ];

  for (const testCase of cases) {
    it(testCase.name, () => {
      const text = testCase.text();
      const outcome = run(text);
      const result = testCase.expect ? testCase.expect(outcome) : `${outcome.meeting.actions.length} actions, ${rules(outcome.findings)}`;
      // The safe fixes apply and leave a document that parses; marking the first action done works.
      const fixed = applyEdits(outcome.meeting.text, safeFixEdits(outcome.findings));
      parseMeeting(fixed);
      const first = outcome.meeting.actions[0];
      if (first) parseMeeting(applyEdits(outcome.meeting.text, markDoneEdits(outcome.meeting, first, TODAY)));
      record(`Markdown: ${testCase.name}`, outcome.ms, result, testCase.limitMs);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// The CLI on files that are not text

describe('hostile input: the CLI on files that are not text', function () {
  this.timeout(60_000);
  const workspace = workspaces('hostile');

  it('reports NUL bytes, invalid UTF-8 and a binary .md by name, exits 2, and still lints the rest', () => {
    const good = `${FRONT}## Actions\n- [ ] x\n`;
    const files: Record<string, Uint8Array | string> = {
      'good.md': good,
      'nul.md': Buffer.concat([Buffer.from(good), Buffer.from([0, 0, 0])]),
      'gbk.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xd5, 0xc5, 0xc8, 0xfd, 0x0a]), // 张三 in GBK
      'png.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      'truncated.md': Buffer.concat([Buffer.from(good), Buffer.from([0xe5, 0xbc])]), // a UTF-8 sequence cut short
      'utf16.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, 'utf16le')]),
      // UTF-16 with a lone low surrogate, and with an odd byte at the end
      'surrogate.md': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(good, 'utf16le').swap16(), Buffer.from([0xdc, 0x00])]),
      'odd.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, 'utf16le'), Buffer.from([0x41])]),
    };
    const dir = workspace(files);
    mkdirSync(join(dir, 'sub'));
    const started = performance.now();
    for (const command of [['lint', '--format', 'json'], ['actions', '--format', 'json']]) {
      const result = meetings(dir, ...command, '--today', TODAY);
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, /nul\.md: not text/u);
      assert.match(result.stderr, /png\.md: not text/u);
      assert.match(result.stderr, /gbk\.md: not valid UTF-8/u);
      assert.match(result.stderr, /truncated\.md: not valid UTF-8/u);
      assert.match(result.stderr, /surrogate\.md: not valid UTF-16/u);
      assert.match(result.stderr, /odd\.md: not valid UTF-16/u);
      assert.doesNotMatch(result.stderr, /utf16\.md/u);
      assert.doesNotMatch(result.stderr, /at .*\.cjs|TypeError|RangeError/u, 'no stack trace');
      const output = JSON.parse(result.stdout) as Array<{ file: string }>;
      assert.ok(output.some((row) => row.file === 'good.md') && output.some((row) => row.file === 'utf16.md'), result.stdout);
    }
    // --fix leaves every file it cannot read as it was, byte for byte.
    assert.equal(meetings(dir, 'lint', '--fix', '--today', TODAY).status, 2);
    for (const [name, bytes] of Object.entries(files)) if (name !== 'good.md' && name !== 'utf16.md') assert.deepEqual(readFileSync(join(dir, name)), Buffer.from(bytes), name);
    record('CLI: NUL bytes, GBK, PNG, truncated UTF-8 and UTF-16 files (lint and actions)', performance.now() - started, 'named on stderr, exit 2, the readable files still reported', 20_000);
  });
});
