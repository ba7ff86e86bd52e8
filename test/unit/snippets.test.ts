// The Markdown snippets (snippets/markdown.json): the file parses, every snippet exists in English
// and Chinese, and every snippet expanded with its defaults gives a meeting that the engine reads
// as intended, with no frontmatter problems.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { classifyHeading, DEFAULT_CONFIG, DEFAULT_SECTION_HEADINGS, lintMeeting, mergeConfig, parseMeeting, type Finding } from '../../src/core';

function repoFile(relative: string): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return join(process.cwd(), relative);
  }
}

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const TODAY = { CURRENT_YEAR: '2026', CURRENT_YEAR_SHORT: '26', CURRENT_MONTH: '11', CURRENT_DATE: '20' };

/**
 * Expands a snippet body the way VS Code does when every tab stop keeps its default: `$1` and
 * `${1}` mirror the placeholder `${1:default}` (nested placeholders and variables included),
 * `${1|a,b|}` is its first choice, `$CURRENT_YEAR` and friends are fixed, `$0` is empty.
 * Returns the text and the tab stop numbers seen.
 */
export function expandSnippet(body: string, variables: Record<string, string> = TODAY): { text: string; tabStops: Set<number> } {
  const defaults = new Map<number, string>();
  const tabStops = new Set<number>();

  // Parses from `at` until `stop` (a closing `}` for a placeholder, or the end), returning the
  // expanded text and the index after the parsed part. `mirror` is applied to bare tab stops.
  const parse = (at: number, insidePlaceholder: boolean): { text: string; end: number } => {
    let text = '';
    let i = at;
    while (i < body.length) {
      const char = body[i]!;
      if (char === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1]!)) {
        text += body[i + 1];
        i += 2;
        continue;
      }
      if (insidePlaceholder && char === '}') return { text, end: i + 1 };
      if (char !== '$') {
        text += char;
        i++;
        continue;
      }
      const bare = /^\$(\d+|[A-Z_]+)/u.exec(body.slice(i));
      if (bare) {
        text += reference(bare[1]!, null);
        i += bare[0].length;
        continue;
      }
      const braced = /^\$\{(\d+|[A-Z_]+)([:|}])/u.exec(body.slice(i));
      if (!braced) throw new Error(`bad snippet syntax at ${i}: ${body.slice(i, i + 20)}`);
      const name = braced[1]!;
      i += braced[0].length;
      if (braced[2] === '}') {
        text += reference(name, null);
      } else if (braced[2] === ':') {
        const inner = parse(i, true);
        i = inner.end;
        text += reference(name, inner.text);
      } else {
        const close = body.indexOf('|}', i);
        if (close < 0) throw new Error('unclosed choice');
        const choices = body.slice(i, close).split(/(?<!\\),/u).map((choice) => choice.replace(/\\([,|\\])/gu, '$1'));
        assert.ok(choices.length >= 2, `a choice offers at least two values: ${body.slice(i, close)}`);
        i = close + 2;
        text += reference(name, choices[0]!);
      }
    }
    if (insidePlaceholder) throw new Error('unclosed placeholder');
    return { text, end: i };
  };

  const reference = (name: string, fallback: string | null): string => {
    if (/^\d+$/u.test(name)) {
      const number = Number(name);
      tabStops.add(number);
      if (fallback !== null && !defaults.has(number)) defaults.set(number, fallback);
      return fallback ?? `\u0000${number}\u0000`; // resolved once every default is known
    }
    if (!(name in variables)) throw new Error(`unknown snippet variable ${name}`);
    return variables[name]!;
  };

  const first = parse(0, false).text;
  return { text: first.replace(/\u0000(\d+)\u0000/gu, (_whole, number: string) => defaults.get(Number(number)) ?? ''), tabStops };
}

const snippets = JSON.parse(readFileSync(repoFile('snippets/markdown.json'), 'utf8')) as Record<string, Snippet>;
const entries = Object.entries(snippets);
const bodyOf = (snippet: Snippet) => (Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body);
const prefixesOf = (snippet: Snippet) => (Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix]);
const english = entries.filter(([name]) => name.endsWith('(English)'));
const chinese = entries.filter(([name]) => name.endsWith('（中文）'));

const HOST = (heading: string) => `---
title: Host
date: 2026-11-20
attendees: [Alice, Bob, 张三, 李四]
---

${heading}
`;

function lint(text: string, config = DEFAULT_CONFIG): { findings: Finding[]; meeting: ReturnType<typeof parseMeeting> } {
  const meeting = parseMeeting(text, { config });
  return { meeting, findings: lintMeeting(meeting, { config, today: '2026-11-20', locale: 'en' }) };
}

const summary = (findings: readonly Finding[]) => findings.map((finding) => `${finding.rule}(${finding.severity}): ${finding.message}`);

describe('snippets (snippets/markdown.json)', () => {
  it('is contributed for Markdown in package.json', () => {
    const manifest = JSON.parse(readFileSync(repoFile('package.json'), 'utf8')) as { contributes: { snippets: Array<{ language: string; path: string }> } };
    assert.deepEqual(manifest.contributes.snippets, [{ language: 'markdown', path: './snippets/markdown.json' }]);
  });

  it('gives every snippet a prefix, a body and a description, with prefixes unique', () => {
    assert.ok(entries.length >= 30, `${entries.length} snippets`);
    const seen = new Map<string, string>();
    for (const [name, snippet] of entries) {
      assert.ok(prefixesOf(snippet).length > 0 && prefixesOf(snippet).every((prefix) => prefix.trim() !== ''), `${name}: prefix`);
      assert.ok(bodyOf(snippet).trim() !== '', `${name}: body`);
      assert.ok(snippet.description.trim() !== '', `${name}: description`);
      for (const prefix of prefixesOf(snippet)) {
        assert.ok(!seen.has(prefix), `prefix "${prefix}" of ${name} is also used by ${seen.get(prefix)}`);
        seen.set(prefix, name);
      }
    }
  });

  it('has each snippet in English and in Chinese, with Chinese prefixes and descriptions', () => {
    assert.equal(english.length + chinese.length, entries.length, 'every snippet is named (English) or （中文）');
    assert.equal(english.length, chinese.length);
    for (const [name, snippet] of chinese) {
      assert.ok(prefixesOf(snippet).some((prefix) => /\p{Script=Han}/u.test(prefix)), `${name} has a Chinese prefix`);
      assert.match(snippet.description, /\p{Script=Han}/u, `${name} has a Chinese description`);
    }
    for (const [name, snippet] of english) assert.doesNotMatch(snippet.description, /\p{Script=Han}/u, `${name} is described in English`);
  });

  it('numbers tab stops without gaps and ends the longer ones at $0', () => {
    for (const [name, snippet] of entries) {
      const { tabStops } = expandSnippet(bodyOf(snippet));
      const numbers = [...tabStops].filter((number) => number > 0).sort((a, b) => a - b);
      assert.deepEqual(numbers, numbers.map((_n, index) => index + 1), `${name}: tab stops ${numbers.join(',')}`);
      assert.ok(tabStops.has(0), `${name} has a final tab stop $0`);
    }
  });

  it('expands with its defaults the way VS Code does (mirrors, choices, nested variables)', () => {
    assert.deepEqual(expandSnippet('${1:a ${2:b}} $1 $2 ${3|x,y|} $CURRENT_YEAR-${4:$CURRENT_MONTH} \\$5 $0').text, 'a b a b b x 2026-11 $5 ');
  });

  for (const [name, snippet] of entries.filter(([entry]) => /whole meeting|整场会议|frontmatter|前置元数据/u.test(entry))) {
    it(`expands to a clean meeting: ${name}`, () => {
      const { text } = expandSnippet(bodyOf(snippet));
      const { findings, meeting } = lint(text);
      assert.ok(meeting.meetingReason, 'a meeting file');
      assert.deepEqual(summary(findings), []);
      assert.equal(meeting.fields.date, '2026-11-20');
      assert.equal(meeting.fields.type, 'weekly', 'the first choice of type');
      assert.ok(meeting.fields.attendees.length >= 2);
      if (/whole|整场/u.test(name)) {
        const kinds = new Set(meeting.sections.map((section) => section.kind));
        for (const kind of ['agenda', 'followup', 'goals', 'progress', 'problems', 'resources', 'actions', 'decisions', 'summary']) {
          assert.ok(kinds.has(kind), `${name} has a ${kind} section`);
        }
        const action = meeting.actions.find((candidate) => candidate.section === 'actions')!;
        assert.equal(action.owners[0]?.known, true);
        assert.equal(action.due?.date, '2026-11-20');
        assert.equal(action.priority, 'medium', 'the first priority choice is 🔼');
      }
    });
  }

  const SECTION_KIND: Record<string, string> = {
    agenda: 'agenda',
    'follow-up': 'followup',
    goals: 'goals',
    progress: 'progress',
    issues: 'problems',
    resources: 'resources',
    'action items': 'actions',
    decisions: 'decisions',
    summary: 'summary',
    议程: 'agenda',
    上次行动跟进: 'followup',
    目标设定: 'goals',
    进展汇报: 'progress',
    问题讨论: 'problems',
    资源需求: 'resources',
    行动计划: 'actions',
    决议: 'decisions',
    总结与反馈: 'summary',
  };
  for (const [name, snippet] of entries.filter(([entry]) => / section \(English\)$|：(?!整场|前置|行动项|目标（|资源申请|议程项|决议项|问题（).*（中文）$/u.test(entry))) {
    it(`expands to a section of the right kind inside a meeting: ${name}`, () => {
      const { text } = expandSnippet(bodyOf(snippet));
      const heading = /^## (.*)$/mu.exec(text)![1]!;
      const expected = Object.entries(SECTION_KIND).find(([key]) => name.toLowerCase().includes(` ${key} section`) || name.includes(`：${key}`))?.[1];
      assert.ok(expected, `a known section snippet: ${name}`);
      assert.equal(classifyHeading(heading, DEFAULT_SECTION_HEADINGS), expected);
      const { findings } = lint(HOST(text));
      const problems = findings.filter((finding) => finding.rule.startsWith('frontmatter-') || finding.severity === 'error');
      assert.deepEqual(summary(problems), []);
      // The only other findings are about the placeholder names (`@owner`), not the structure.
      assert.deepEqual(summary(findings.filter((finding) => !['owner-unknown', 'decision-owner'].includes(finding.rule))), []);
    });
  }

  const ITEM_HOST: Record<string, string> = {
    'action item': '## Action items',
    goal: '## Goals',
    'resource request': '## Resource needs',
    'agenda item': '## Agenda',
    decision: '## Decisions',
    issue: '## Issues',
    行动项: '## 行动计划',
    目标: '## 目标设定',
    资源申请: '## 资源需求',
    议程项: '## 议程',
    决议项: '## 决议',
    问题: '## 问题讨论',
  };
  for (const [name, snippet] of entries.filter(([entry]) => / (action item|goal|resource request|agenda item|decision|issue) \(English\)$|：(行动项|目标|资源申请|议程项|决议项|问题)（中文）$/u.test(entry))) {
    it(`expands to an item the method reads as complete: ${name}`, () => {
      const key = Object.keys(ITEM_HOST).find((candidate) => name.endsWith(`: ${candidate} (English)`) || name.endsWith(`：${candidate}（中文）`))!;
      const { text } = expandSnippet(bodyOf(snippet));
      const config = mergeConfig([{ dir: '', decisionsRequireOwner: true }]);
      const { findings, meeting } = lint(`${HOST(ITEM_HOST[key]!)}${text}\n`, config);
      // goal-smart, resource-incomplete, agenda-timebox and decision-owner (required here) find nothing.
      assert.deepEqual(summary(findings.filter((finding) => finding.rule !== 'owner-unknown')), []);
      if (/action item|行动项/u.test(name)) {
        assert.equal(meeting.actions.length, 1);
        assert.equal(meeting.actions[0]!.owners.length, 1);
        assert.equal(meeting.actions[0]!.due?.date, '2026-11-20');
      }
    });
  }
});
