// The editor's cache of the workspace index: a summary read back from it is the summary that was
// saved; a cache from another build, a damaged line or a damaged value costs reads, never a wrong
// or malformed summary; a file's stamp is trusted only once it has settled.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpus } from '../../bench/corpus';
import { DEFAULT_CONFIG, decodeSummary, detachedSummary, encodeSummary, MeetingIndex, parseMeeting, summaryOf, type MeetingSummary } from '../../src/core';
import { configFingerprint, sameStamp, stampOf, SummaryCache, type CachedSummary, type CacheLine } from '../../src/node/summary-cache';

const noTurn = async () => {};

/** Every cached summary by key, as the editor's listing reads them. */
async function load(cache: SummaryCache, takeTurn = noTurn): Promise<Map<string, CachedSummary>> {
  const entries = new Map<string, CachedSummary>();
  for await (const { key, cached } of cache.entries(takeTurn)) entries.set(key, cached);
  return entries;
}

describe('summary cache', () => {
  const files = corpus(150, 7).map((file) => ({ key: `file:///ws/${file.path}`, meeting: parseMeeting(file.text, { path: file.path }) }));
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'meetings-summary-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const stamp = (i: number) => ({ size: 1000 + i, mtimeMs: 1_700_000_000_123.456 + i, ctimeMs: 1_700_000_000_456.789 + i, ino: 40_000 + i });
  const linesOf = (summaries: Array<{ key: string; summary: MeetingSummary }>): CacheLine[] =>
    summaries.map(({ key, summary }, i) => ({ key, stamp: stamp(i), config: configFingerprint(DEFAULT_CONFIG), summary: encodeSummary(summary) }));

  it('gives back every summary as it was saved, detached or not, with its stamp and configuration', async () => {
    const summaries = files.map(({ key, meeting }, i) => ({ key, summary: i % 2 ? detachedSummary(meeting) : summaryOf(meeting) }));
    const cache = new SummaryCache(join(dir, 'nested/folder/cache.jsonl'), 'build-1');
    await cache.save(linesOf(summaries), noTurn);
    const loaded = await load(new SummaryCache(cache.file, 'build-1'));
    assert.equal(loaded.size, files.length);
    let actions = 0;
    summaries.forEach(({ key, summary }, i) => {
      const entry = loaded.get(key)!;
      assert.deepEqual(entry.stamp, stamp(i));
      assert.equal(entry.config, configFingerprint(DEFAULT_CONFIG));
      assert.deepEqual(decodeSummary(entry.summary), summary);
      actions += summary.actions.length;
    });
    assert.ok(actions > 1000, `the corpus has actions (${actions})`);
  });

  it('ignores a cache written by another build, and a file that is not a cache', async () => {
    const cache = new SummaryCache(join(dir, 'cache.jsonl'), 'build-1');
    await cache.save(linesOf(files.slice(0, 5).map(({ key, meeting }) => ({ key, summary: summaryOf(meeting) }))), noTurn);
    assert.equal((await load(new SummaryCache(cache.file, 'build-2'))).size, 0);
    assert.equal((await load(cache)).size, 5);
    for (const text of ['', 'not json\n[1]', '{"format":99,"engine":"build-1"}\n', '\u0000\u0001binary', 'null\n']) {
      writeFileSync(cache.file, text);
      assert.equal((await load(cache)).size, 0, JSON.stringify(text));
    }
    assert.equal((await load(new SummaryCache(join(dir, 'missing.jsonl'), 'build-1'))).size, 0);
  });

  it('loses only the damaged lines of a damaged cache, and loads a line at a time', async () => {
    const cache = new SummaryCache(join(dir, 'cache.jsonl'), 'build-1');
    await cache.save(linesOf(files.slice(0, 10).map(({ key, meeting }) => ({ key, summary: summaryOf(meeting) }))), noTurn);
    const lines = readFileSync(cache.file, 'utf8').split('\n');
    lines[3] = lines[3]!.slice(0, 40); // cut short
    lines[5] = '["file:///ws/x.md", "big", 1, 2, 3, "config", []]'; // a size that is no number
    writeFileSync(cache.file, lines.join('\n').slice(0, -30)); // and the last line cut short
    let turns = 0;
    const loaded = await load(cache, async () => void turns++);
    assert.deepEqual([...loaded.keys()], files.slice(0, 10).map((file) => file.key).filter((_, i) => i !== 2 && i !== 4 && i !== 9));
    assert.ok(turns >= loaded.size, 'yields between lines');
  });

  it('decodes a damaged summary as none, never as a malformed one', () => {
    const encoded = encodeSummary(summaryOf(files.find(({ meeting }) => meeting.actions.some((action) => action.parent >= 0) && meeting.actions[0]!.due)!.meeting));
    assert.ok(decodeSummary(JSON.parse(JSON.stringify(encoded))));
    const damaged: Array<(value: any) => void> = [
      (v) => (v[0] = 2),
      (v) => (v[1][0] = 5),
      (v) => (v[1][2] = 'not a list'),
      (v) => (v[1][7] = 'ninety'),
      (v) => v[1].pop(),
      (v) => (v[2][0][0] = -1),
      (v) => (v[2][0][1] = 'maybe'),
      (v) => (v[2][0][3] = null),
      (v) => (v[2][0][4] = [1]),
      (v) => (v[2][0][8] = 'urgent'),
      (v) => (v[2][0][10] = 0), // its own parent
      (v) => (v[1][1] = '2026-1-5'), // a date the calendar functions would throw on
      (v) => (v[1][7] = -30),
      (v) => (v[2][0][6] = '2026-02-30'),
      (v) => (v[2][1][0] = v[2][0][0]), // two actions on one line
      (v) => v[2].reverse(),
      (v) => (v[2] = {}),
      (v) => v.push(1),
    ];
    for (const damage of damaged) {
      const value = JSON.parse(JSON.stringify(encoded));
      damage(value);
      assert.equal(decodeSummary(value), null, damage.toString());
    }
    for (const value of [null, 1, 'x', [], [1, [], []], {}, [1, null, null]]) assert.equal(decodeSummary(value), null);
  });

  it('trusts a file stamp only once the file has not changed for two seconds', async () => {
    const file = join(dir, 'meeting.md');
    writeFileSync(file, '# 周会\n');
    const fresh = await stampOf(file);
    assert.equal(fresh?.settled, false);
    assert.equal(fresh?.stamp.size, Buffer.byteLength('# 周会\n'));
    // The change time cannot be set back: a file only just written stays unsettled whatever its mtime says.
    utimesSync(file, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    assert.equal((await stampOf(file))?.settled, false);
    assert.equal(await stampOf(dir), null, 'a folder has no stamp');
    assert.equal(await stampOf(join(dir, 'gone.md')), null);
    const stats = statSync(file);
    const old = { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
    assert.ok(sameStamp(old, (await stampOf(file))!.stamp));
    assert.ok(!sameStamp(old, { ...old, ctimeMs: old.ctimeMs + 1 }));
    assert.ok(!sameStamp(old, { ...old, size: old.size + 1 }));
  });

  it('tells configurations apart by their content', () => {
    assert.equal(configFingerprint(DEFAULT_CONFIG), configFingerprint({ ...DEFAULT_CONFIG }));
    assert.notEqual(configFingerprint(DEFAULT_CONFIG), configFingerprint({ ...DEFAULT_CONFIG, people: [{ name: '张三', aliases: ['Zhang San'] }] }));
  });

  it('orders the files whose problems are still to come latest meeting first, undated and unknown ones last', () => {
    const index = new MeetingIndex();
    const add = (key: string, date: string | null) =>
      index.set({ key, meeting: summaryOf(parseMeeting(`---\nattendees: [张三]\n${date ? `date: ${date}\n` : ''}---\n`)), config: DEFAULT_CONFIG, version: null });
    add('a', '2024-03-01');
    add('undated-1', null);
    add('b', '2026-11-20');
    add('c', '2025-01-09');
    add('d', '2026-11-20');
    add('undated-2', null);
    assert.deepEqual(index.newestFirst(['undated-1', 'a', 'gone', 'b', 'c', 'undated-2', 'd']), ['b', 'd', 'c', 'a', 'undated-1', 'gone', 'undated-2']);
  });

  it('leaves the old cache in place when a save fails', async () => {
    const cache = new SummaryCache(join(dir, 'cache.jsonl'), 'build-1');
    await cache.save(linesOf(files.slice(0, 3).map(({ key, meeting }) => ({ key, summary: summaryOf(meeting) }))), noTurn);
    function* failing(): Generator<CacheLine> {
      yield linesOf([{ key: 'file:///ws/a.md', summary: summaryOf(files[0]!.meeting) }])[0]!;
      throw new Error('the index changed shape');
    }
    await assert.rejects(cache.save(failing(), noTurn), /changed shape/);
    assert.equal((await load(cache)).size, 3);
    assert.deepEqual(readdirSync(dir), ['cache.jsonl'], 'no temporary file left behind');
    // A save cut short by a killed process leaves its temporary file: the next save reuses it.
    writeFileSync(`${cache.file}.tmp`, 'half a cache');
    await cache.save(linesOf(files.slice(0, 4).map(({ key, meeting }) => ({ key, summary: summaryOf(meeting) }))), noTurn);
    assert.equal((await load(cache)).size, 4);
    assert.deepEqual(readdirSync(dir), ['cache.jsonl']);
  });
});
