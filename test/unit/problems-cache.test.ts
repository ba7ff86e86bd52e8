// The problems saved beside the editor's cache of the index: read back as saved; another build's
// file, a damaged line or a damaged value costs a lint, never a wrong problem. The day window a
// file's problems are saved with holds: on any day inside it, linting gives the same problems,
// and the day after it does not. The next meeting's date changes no problem's range or message.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpus } from '../../bench/corpus';
import { addDays, daysBetween, DEFAULT_CONFIG, lintMeeting, parseMeeting, sameFindingsDays, type Finding, type Meeting } from '../../src/core';
import { decodeProblems, holdsOn, ProblemsCache, type CachedProblem, type ProblemsLine, type StoredProblems } from '../../src/node/problems-cache';

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
  const lines = (count: number): ProblemsLine[] =>
    Array.from({ length: count }, (_, i) => ({
      key: `file:///ws/m${i}.md`,
      stamp: stamp(i),
      config: `config-${i % 2}`,
      inputs: JSON.stringify(['zh-CN', i ? `file:///ws/m${i - 1}.md` : null, i ? `[${i}]` : null]),
      days: i % 3 === 0 ? ['', ''] : i % 3 === 1 ? ['2026-11-26', '2026-11-26'] : ['', '2027-01-31'],
      problems: Array.from({ length: i % 4 }, (_, j) => problem(i + j)),
    }));

  it('gives back every line as it was saved', async () => {
    const cache = new ProblemsCache(join(dir, 'nested/problems.jsonl'), 'build-1');
    const saved = lines(40);
    await cache.save(saved, noTurn);
    const loaded = await load(new ProblemsCache(cache.file, 'build-1'));
    assert.equal(loaded.size, saved.length);
    for (const line of saved) {
      const read = loaded.get(line.key)!;
      assert.deepEqual({ ...read, problems: decodeProblems(read.problems) }, line);
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
    assert.deepEqual(decodeProblems([good, good]), [good, good]);
    assert.deepEqual(decodeProblems([]), []);
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
    for (const value of damaged) assert.equal(decodeProblems(value), null, JSON.stringify(value));
  });

  it('reads a line with a damaged stamp, day or input as no line', async () => {
    const cache = new ProblemsCache(join(dir, 'problems.jsonl'), 'build-1');
    await cache.save(lines(1), noTurn);
    const [header, body] = readFileSync(cache.file, 'utf8').trimEnd().split('\n');
    const row = JSON.parse(body!) as unknown[];
    const badValues = (at: number) => (at === 5 || at === 6 ? [null, {}, 7] : [null, 'x', {}]); // config and inputs are any string
    const variants = [1, 5, 6, 7, 8].flatMap((at) => badValues(at).map((value) => row.map((cell, i) => (i === at ? value : cell))));
    variants.push(row.slice(0, 9), [...row, 'extra'], row.map((cell, i) => (i === 7 ? '2026-02-30' : cell)));
    for (const variant of variants) {
      writeFileSync(cache.file, `${header}\n${JSON.stringify(variant)}\n`);
      assert.equal((await load(cache)).size, 0, JSON.stringify(variant));
    }
  });

  it('holds a day inside its window only', () => {
    assert.ok(holdsOn(['', ''], '1999-01-01'));
    assert.ok(holdsOn(['2026-11-26', '2026-11-26'], '2026-11-26'));
    assert.ok(!holdsOn(['2026-11-26', '2026-11-26'], '2026-11-27'));
    assert.ok(!holdsOn(['2026-11-26', '2026-11-26'], '2026-11-25'));
    assert.ok(holdsOn(['', '2026-12-01'], '2026-12-01'));
    assert.ok(!holdsOn(['', '2026-12-01'], '2026-12-02'));
  });
});

describe('the days a meeting\'s problems hold on', () => {
  const meetings: Meeting[] = corpus(300, 11).map((file) => parseMeeting(file.text, { path: file.path, config: DEFAULT_CONFIG }));
  const lint = (meeting: Meeting, today: string, nextMeetingDate: string | null = null) =>
    shown(lintMeeting(meeting, { config: DEFAULT_CONFIG, today, locale: 'zh-CN', nextMeetingDate }));

  it('gives the same problems on every day of the window, and others the day after it', () => {
    let bounded = 0;
    let unbounded = 0;
    let todayOnly = 0;
    for (const [i, meeting] of meetings.entries()) {
      const today = addDays('2026-03-01', (i * 37) % 400);
      const [from, until] = sameFindingsDays(meeting, today);
      const problems = lint(meeting, today);
      const inside = [today, from || addDays(today, -400), until || addDays(today, 900)];
      if (from === '' && until !== '') inside.push(addDays(today, Math.floor(daysBetween(today, until) / 2)));
      for (const day of inside) assert.deepEqual(lint(meeting, day), problems, `${i}: ${day} in [${from}, ${until}]`);
      if (until !== '') assert.notDeepEqual(lint(meeting, addDays(until, 1)), problems, `${i}: the day after ${until}`);
      if (from !== '') assert.notDeepEqual(lint(meeting, addDays(from, -1)), problems, `${i}: the day before ${from}`);
      if (from !== '') todayOnly++;
      else if (until !== '') bounded++;
      else unbounded++;
    }
    assert.ok(todayOnly > 20 && bounded > 20 && unbounded > 0, JSON.stringify({ todayOnly, bounded, unbounded }));
  });

  it('gives the same ranges and messages whatever the next meeting\'s date', () => {
    for (const meeting of meetings.slice(0, 100)) {
      const date = meeting.fields.date ?? '2026-05-01';
      assert.deepEqual(lint(meeting, '2026-06-01', addDays(date, 7)), lint(meeting, '2026-06-01'));
      assert.deepEqual(lint(meeting, '2026-06-01', addDays(date, 1)), lint(meeting, '2026-06-01', addDays(date, 28)));
    }
  });
});
