// The problems saved beside the editor's cache of the index: read back as saved; another build's
// file, a damaged line or a damaged value costs a lint, never a wrong problem. What is saved of a
// meeting, its problems but the overdue ones and its overdue candidates, gives on any day the
// problems that linting it on that day gives. The next meeting's date changes no problem's range
// or message.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpus } from '../../bench/corpus';
import { actionOverdue, addDays, DEFAULT_CONFIG, lintMeeting, overdueCandidates, overdueOn, parseMeeting, withoutSuppressed, type Finding, type Meeting } from '../../src/core';
import { decodeProblems, ProblemsCache, type CachedOverdue, type CachedProblem, type ProblemsLine, type StoredProblems } from '../../src/node/problems-cache';

const noTurn = async () => {};

async function load(cache: ProblemsCache): Promise<Map<string, StoredProblems>> {
  const lines = new Map<string, StoredProblems>();
  for await (const line of cache.entries(noTurn)) lines.set(line.key, line);
  return lines;
}

/** What a closed file's problem shows: range, severity, rule and message. */
function shown(findings: Finding[]): string[] {
  return findings.map((finding) => `${finding.rule}@${finding.span.start}-${finding.span.end}:${finding.severity}:${finding.message}`);
}

describe('problems cache', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'meetings-problems-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const stamp = (i: number) => ({ size: 1000 + i, mtimeMs: 1_700_000_000_123.456 + i, ctimeMs: 1_700_000_000_456.789 + i, ino: 40_000 + i });
  const problem = (i: number): CachedProblem => [i, 2, i + 1, 0, i % 3, i % 2 ? 'action-owner' : 'carry-over', `问题 ${i}: “quoted” \\ 🔺`];
  const overdue = (i: number): CachedOverdue => [i, 4, i, 14, 2, addDays('2026-01-01', i * 3)];
  const lines = (count: number): ProblemsLine[] =>
    Array.from({ length: count }, (_, i) => ({
      key: `file:///ws/m${i}.md`,
      stamp: stamp(i),
      config: `config-${i % 2}`,
      inputs: JSON.stringify(['zh-CN', i ? `file:///ws/m${i - 1}.md` : null, i ? `[${i}]` : null]),
      problems: Array.from({ length: i % 4 }, (_, j) => problem(i + j)),
      overdue: Array.from({ length: i % 3 }, (_, j) => overdue(i + j)),
    }));

  it('gives back every line as it was saved', async () => {
    const cache = new ProblemsCache(join(dir, 'nested/problems.jsonl'), 'build-1');
    const saved = lines(40);
    await cache.save(saved, noTurn);
    const loaded = await load(new ProblemsCache(cache.file, 'build-1'));
    assert.equal(loaded.size, saved.length);
    for (const line of saved) {
      const read = loaded.get(line.key)!;
      assert.deepEqual({ ...read, ...decodeProblems(read) }, line);
    }
  });

  it('ignores another build\'s file and a file that is not one, and loses only damaged lines', async () => {
    const cache = new ProblemsCache(join(dir, 'problems.jsonl'), 'build-1');
    await cache.save(lines(6), noTurn);
    assert.equal((await load(new ProblemsCache(cache.file, 'build-2'))).size, 0);
    const [header, ...body] = readFileSync(cache.file, 'utf8').trimEnd().split('\n');
    writeFileSync(cache.file, [header, body[0]!.slice(0, 30), ...body.slice(1)].join('\n'));
    assert.deepEqual([...(await load(cache)).keys()], lines(6).slice(1).map((line) => line.key));
    for (const text of ['', 'not json\n[1]', '{"format":99,"engine":"build-1"}\n', 'null\n']) {
      writeFileSync(cache.file, text);
      assert.equal((await load(cache)).size, 0, JSON.stringify(text));
    }
  });

  it('decodes no problems from a damaged value', () => {
    const good = problem(3);
    const candidate = overdue(3);
    assert.deepEqual(decodeProblems({ problems: [good, good], overdue: [candidate] }), { problems: [good, good], overdue: [candidate] });
    assert.deepEqual(decodeProblems({ problems: [], overdue: [] }), { problems: [], overdue: [] });
    const damagedOverdue: unknown[] = [
      null,
      [candidate, null],
      [[...candidate.slice(0, 5)]],
      [[...candidate.slice(0, 5), '2026-02-30']],
      [[...candidate.slice(0, 5), 'tomorrow']],
      [[...candidate.slice(0, 4), 7, candidate[5]]],
      [[3, 4, 2, 0, ...candidate.slice(4)]],
    ];
    for (const value of damagedOverdue) assert.equal(decodeProblems({ problems: [good], overdue: value }), null, JSON.stringify(value));
    const damaged: unknown[] = [
      null,
      'problems',
      [good, null],
      [[...good.slice(0, 6)]],
      [[-1, ...good.slice(1)]],
      [[1.5, ...good.slice(1)]],
      [['1', ...good.slice(1)]],
      [[5, 2, 4, 0, ...good.slice(4)]], // ends before it starts
      [[5, 2, 5, 1, ...good.slice(4)]],
      [[...good.slice(0, 4), 4, ...good.slice(5)]], // no such severity
      [[...good.slice(0, 5), 'no-such-rule', good[6]]],
      [[...good.slice(0, 6), 42]],
    ];
    for (const value of damaged) assert.equal(decodeProblems({ problems: value, overdue: [candidate] }), null, JSON.stringify(value));
  });

  it('reads a line with a damaged stamp, configuration or input as no line', async () => {
    const cache = new ProblemsCache(join(dir, 'problems.jsonl'), 'build-1');
    await cache.save(lines(1), noTurn);
    const [header, body] = readFileSync(cache.file, 'utf8').trimEnd().split('\n');
    const row = JSON.parse(body!) as unknown[];
    const variants = [1, 2, 3, 4, 5, 6].flatMap((at) => [null, {}, at >= 5 ? 7 : 'x'].map((value) => row.map((cell, i) => (i === at ? value : cell))));
    variants.push(row.slice(0, 8), [...row, 'extra']);
    for (const variant of variants) {
      writeFileSync(cache.file, `${header}\n${JSON.stringify(variant)}\n`);
      assert.equal((await load(cache)).size, 0, JSON.stringify(variant));
    }
  });

});

describe('what the problems cache keeps of a meeting, on another day', () => {
  const files = corpus(300, 11);
  // Suppressions of the overdue rule: on a line, for the next line, and a region.
  files.push({
    path: 'meetings/suppressed.md',
    text: [
      '---', 'title: Suppressed', 'date: 2026-03-02', 'attendees: [Alice, Bob]', '---', '', '## Action items',
      '- [ ] Quiet on its line @Alice 📅 2026-03-05 <!-- meetings-disable-line action-overdue -->',
      '<!-- meetings-disable-next-line action-overdue -->', '- [ ] Quiet on the next line @Bob 📅 2026-03-06',
      '<!-- meetings-disable action-overdue -->', '- [ ] Quiet in a region @Bob 📅 2026-03-07', '<!-- meetings-enable action-overdue -->',
      '- [ ] Loud @Alice 📅 2026-03-08', '  - [ ] Its child, due with it @Bob',
      '<!-- meetings-disable -->', '- [ ] Quiet under a suppression of every rule 📅 2026-03-09', '<!-- meetings-enable -->',
      '- [ ] Due on the day it is saved @Alice 📅 2026-03-31', '',
    ].join('\n'),
  });
  const meetings: Meeting[] = files.map((file) => parseMeeting(file.text, { path: file.path, config: DEFAULT_CONFIG }));
  // Every other meeting with the overdue rule at another severity (the editor saves the severity with each candidate).
  const configOf = (i: number) => (i % 2 ? { ...DEFAULT_CONFIG, rules: { ...DEFAULT_CONFIG.rules, [actionOverdue.id]: 'warning' as const } } : DEFAULT_CONFIG);
  const severityOf = (i: number) => (i % 2 ? 'warning' : actionOverdue.defaultSeverity);
  const lint = (meeting: Meeting, today: string, nextMeetingDate: string | null = null, config = DEFAULT_CONFIG) =>
    lintMeeting(meeting, { config, today, locale: 'zh-CN', nextMeetingDate });

  it('gives on any day what linting on that day gives: the other problems as they were, the overdue ones worked out again', () => {
    let overdueSeen = 0;
    for (const [i, meeting] of meetings.entries()) {
      const savedOn = i === meetings.length - 1 ? '2026-03-31' : addDays('2026-03-01', (i * 37) % 400);
      const saved = lint(meeting, savedOn, null, configOf(i)).filter((finding) => finding.rule !== actionOverdue.id);
      const candidates = withoutSuppressed(overdueCandidates(meeting).map(({ at, due }) => ({ rule: actionOverdue.id, span: at, due })), meeting);
      for (const shift of [-400, -30, -1, 0, 1, 2, 7, 45, 365, 2000]) {
        const day = addDays(savedOn, shift);
        const overdue = overdueOn(candidates.map(({ span, due }) => ({ at: span, due })), day, 'zh-CN');
        const rebuilt = [...shown(saved), ...overdue.map(({ at, message }) => `${actionOverdue.id}@${at.start}-${at.end}:${severityOf(i)}:${message}`)].sort();
        const linted = shown(lint(meeting, day, null, configOf(i)));
        assert.deepEqual(rebuilt, [...linted].sort(), `${files[i]!.path} saved on ${savedOn}, shown on ${day}`);
        overdueSeen += overdue.length;
      }
    }
    assert.ok(overdueSeen > 1000, `overdue problems were worked out (${overdueSeen})`);
    const suppressed = meetings.at(-1)!;
    assert.deepEqual(shown(lint(suppressed, '2026-04-01').filter((finding) => finding.rule === actionOverdue.id)).length, 3, 'only the loud action, its child and the one due on 31 March are overdue');
  });

  it('gives the same ranges and messages whatever the next meeting\'s date', () => {
    for (const meeting of meetings.slice(0, 100)) {
      const date = meeting.fields.date ?? '2026-05-01';
      assert.deepEqual(shown(lint(meeting, '2026-06-01', addDays(date, 7))), shown(lint(meeting, '2026-06-01')));
      assert.deepEqual(shown(lint(meeting, '2026-06-01', addDays(date, 1))), shown(lint(meeting, '2026-06-01', addDays(date, 28))));
    }
  });
});
