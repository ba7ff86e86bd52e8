// `npm run bench`: generates seeded corpora (100 / 1,000 / 10,000 meeting files), measures each
// operation several times and prints medians and ratios against baselines measured in the same
// run on the same files; writes bench/results/<date>.json. Not a test: nothing here fails CI.
//
//   node out/bench/run.js [--sizes 100,1000,10000] [--runs 5] [--markdownlint] [--smoke]
//   node out/bench/run.js --write-corpus 10000     (writes the corpus, prints its folder)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { DEFAULT_CONFIG, detachedSummary, lintMeeting, MeetingIndex, OpenActionGroups, parseMeeting, ReadingMemo, StringPool, summaryOf, type GroupingView, type Meeting } from '../src/core';
import { findFrontmatter, readFields } from '../src/core/frontmatter';
import { scanBlocks } from '../src/core/scanner';
import { decodeText } from '../src/node/encoding';
import { buildIndex } from '../src/node/index-builder';
import { corpus, meetingFile, random } from './corpus';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const value = (name: string, fallback: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1]! : fallback);
const smoke = flag('--smoke');
const sizes = value('--sizes', smoke ? '100' : '100,1000,10000').split(',').map(Number);
const runs = Number(value('--runs', smoke ? '2' : '5'));
const ROOT = join(__dirname, '../..');
const WORKER = join(ROOT, 'dist/index-worker.cjs');
const TODAY = '2026-11-26';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function measure(runCount: number, body: () => unknown): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < runCount; i++) {
    const started = performance.now();
    await body();
    times.push(performance.now() - started);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

type Timing = { median: number; min: number; max: number };

/**
 * Runs each body once per round, in rotating order, so a baseline and what is compared with it
 * see the same load on a shared machine; medians per body.
 */
async function measureInterleaved<Name extends string>(rounds: number, bodies: Record<Name, () => unknown>): Promise<Record<Name, Timing>> {
  const names = Object.keys(bodies) as Name[];
  const times = new Map<Name, number[]>(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length]!;
      globalThis.gc?.(); // no body pays for the garbage of the one before
      const started = performance.now();
      await bodies[name]();
      times.get(name)!.push(performance.now() - started);
    }
  }
  const result = {} as Record<Name, Timing>;
  for (const name of names) {
    const list = times.get(name)!;
    result[name] = { median: median(list), min: Math.min(...list), max: Math.max(...list) };
  }
  return result;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.name.endsWith('.md')) out.push(path);
  }
  return out;
}

function writeCorpus(count: number): string {
  const dir = join(tmpdir(), `meetings-bench-${count}`);
  if (existsSync(join(dir, '.complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  for (const file of corpus(count)) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  writeFileSync(join(dir, '.complete'), '');
  return dir;
}

/**
 * The first steps of the cold index's reading of each file, as `loadFile` and `parseMeeting` take
 * them: the bytes read and decoded, then (for `blocks`) the frontmatter read into fields and the
 * block structure scanned. What is left of a cold index is reading the action items and sections.
 */
function readingStages(files: readonly string[], upTo: 'decode' | 'blocks'): number {
  let count = 0;
  for (const file of files) {
    const decoded = decodeText(readFileSync(file));
    if (!decoded.ok) continue;
    if (upTo === 'decode') {
      count += decoded.text.length;
      continue;
    }
    const frontmatter = findFrontmatter(decoded.text);
    count += readFields(frontmatter).problems.length;
    count += scanBlocks(decoded.text, frontmatter?.closed ? frontmatter.span.end : 0).items.length;
  }
  return count;
}

const TASK_BOX = /^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[[ xX/-]\]/gmu;
const results: Record<string, unknown> = {};
const print = (label: string, ms: number, extra = '') => console.log(`  ${label.padEnd(44)} ${ms.toFixed(1).padStart(9)} ms ${extra}`);

async function benchSize(count: number): Promise<Record<string, unknown>> {
  const dir = writeCorpus(count);
  const files = walk(dir);
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  console.log(`\n${count} files, ${(bytes / 1e6).toFixed(1)} MB`);
  const row: Record<string, unknown> = { files: count, bytes };

  const cacheDir = join(tmpdir(), `meetings-bench-cache-${count}`);
  rmSync(cacheDir, { recursive: true, force: true });
  await buildIndex(walk(dir), dir, { cacheDir, engine: 'bench', workerScript: WORKER });
  const { regexScan, coldWorkers, coldSingle, readDecode, blockStructure } = await measureInterleaved(Math.min(runs, 3), {
    regexScan: () => {
      let boxes = 0;
      for (const file of walk(dir)) boxes += readFileSync(file, 'utf8').match(TASK_BOX)?.length ?? 0;
      return boxes;
    },
    coldWorkers: () => buildIndex(walk(dir), dir, { cache: false, engine: 'bench', workerScript: WORKER }),
    coldSingle: () => buildIndex(walk(dir), dir, { cache: false, workers: 0, engine: 'bench' }),
    // Where the cold index's time goes, on one thread: the first steps of every file's reading alone.
    readDecode: () => readingStages(walk(dir), 'decode'),
    blockStructure: () => readingStages(walk(dir), 'blocks'),
  });
  // Enough rounds that a run of under a millisecond is measured with the engine's code optimised,
  // as in a long-lived editor; nine rounds at 100 files were mostly code not yet compiled.
  const { walkStat, warm, warmDecoded } = await measureInterleaved(Math.max(runs, 9, Math.round(10_000 / count)), {
    walkStat: () => walk(dir).map((file) => statSync(file).mtimeMs),
    warm: () => buildIndex(walk(dir), dir, { cacheDir, engine: 'bench', workerScript: WORKER }),
    // What `meetings actions` needs on top: every record decoded.
    warmDecoded: async () => (await buildIndex(walk(dir), dir, { cacheDir, engine: 'bench', workerScript: WORKER })).records.length,
  });
  print('baseline: read every file + task-box regex', regexScan.median);
  print('cold index, worker threads', coldWorkers.median, `${(coldWorkers.median / regexScan.median).toFixed(2)}× baseline (target ≤ 3×)`);
  print('cold index, one thread', coldSingle.median, `${(coldSingle.median / regexScan.median).toFixed(2)}× baseline`);
  print('  of which: read and decode', readDecode.median, `${(readDecode.median / regexScan.median).toFixed(2)}× baseline`);
  print('  … and frontmatter and block structure', blockStructure.median, `${(blockStructure.median / regexScan.median).toFixed(2)}× baseline (before any action item is read)`);
  print('baseline: walk + stat every file', walkStat.median);
  print('warm start from the disk cache', warm.median, `${(warm.median / walkStat.median).toFixed(2)}× baseline (target ≤ 1.5×)`);
  print('warm start, every record decoded', warmDecoded.median, `${(warmDecoded.median / walkStat.median).toFixed(2)}× baseline`);
  Object.assign(row, { regexScan, walkStat, coldWorkers, coldSingle, readDecode, blockStructure, warm, warmDecoded });

  // One file changed in a workspace of `count` meetings, as the editor handles it: parse and lint
  // the file, replace its entry in the index, bring the tree's groups and counts up to date and
  // list what the tree shows (each group's first page; the tree's PAGE_SIZE is 200).
  const index = new MeetingIndex();
  for (const file of files) {
    const meeting = parseMeeting(readFileSync(file, 'utf8'), { path: file });
    index.set({ key: file, meeting: detachedSummary(meeting), config: DEFAULT_CONFIG, version: null });
  }
  index.dueCounts(TODAY);
  const groups = new OpenActionGroups(index);
  const view: GroupingView = { groupBy: 'due', filter: { text: '', owner: null, onlyMine: false }, me: '', today: TODAY };
  groups.show(view);
  const changed = new Set<string>();
  index.onDidChange((keys) => keys.forEach((key) => changed.add(key)));
  const listTree = () => {
    let rows = 0;
    for (const id of groups.groupIds()) rows += 1 + groups.actionsOf(id).slice(0, 200).length;
    return rows + groups.counts().open;
  };
  const target = files.slice(Math.floor(files.length / 2)).find((file) => index.get(file) !== undefined)!;
  const original = readFileSync(target, 'utf8');
  let toggle = 0;
  const oneChange = await measure(Math.max(runs, 21), () => {
    const text = `${original}\n- [ ] one more action @张三 📅 2026-12-0${(toggle++ % 9) + 1}\n`;
    const meeting = parseMeeting(text, { path: target });
    lintMeeting(meeting, { config: DEFAULT_CONFIG, today: TODAY, locale: 'en' });
    index.set({ key: target, meeting: summaryOf(meeting), config: DEFAULT_CONFIG, version: 1 });
    groups.update(changed);
    changed.clear();
    return [index.dueCounts(TODAY), listTree()];
  });
  print('one file changed: parse, lint, index, tree', oneChange.median, '(target ≤ 20 ms, flat)');
  // For comparison: the tree regrouped from scratch, as after a change of filter or grouping. The
  // tree does it in steps of 32 meetings (FILL_BATCH), in tasks of its own: also the longest step.
  let regroups = 0;
  let longestFill = 0;
  const regroup = await measure(Math.max(3, Math.min(runs, 5)), () => {
    groups.show({ ...view, filter: { ...view.filter, text: regroups++ % 2 ? '' : ' ' } }, { deferred: true });
    for (let complete = false; !complete; ) {
      const started = performance.now();
      complete = groups.fill(32);
      longestFill = Math.max(longestFill, performance.now() - started);
    }
    return listTree();
  });
  print('tree regrouped from scratch (a new filter)', regroup.median, `${groups.counts().open} open actions; longest step of 32 meetings ${longestFill.toFixed(1)} ms`);
  row.oneChange = oneChange;
  row.regroup = { ...regroup, longestFill };

  // The index and the tree's groups while the editor's scan reads every file: the files' summaries
  // go into an empty index in path order, and the groups take the changes in eight files at a
  // time, as the tree does (CATCH_UP_BATCH). Also the longest of those batches.
  const summaries = files.map((file) => index.get(file)).filter((entry) => entry !== undefined);
  let longestBatch = 0;
  const scanGroups = await measure(Math.min(runs, 3), () => {
    const scanIndex = new MeetingIndex();
    const grouping = new OpenActionGroups(scanIndex);
    grouping.show(view);
    const pending: string[] = [];
    scanIndex.onDidChange((keys) => pending.push(...keys));
    summaries.forEach((entry, i) => {
      scanIndex.set(entry);
      if (pending.length < 8 && i < summaries.length - 1) return;
      const started = performance.now();
      grouping.update(pending.splice(0));
      longestBatch = Math.max(longestBatch, performance.now() - started);
    });
    return grouping.counts();
  });
  print('index and tree groups over a scan', scanGroups.median, `${((scanGroups.median / summaries.length) * 1000).toFixed(0)} µs a file; longest batch of 8 files ${longestBatch.toFixed(1)} ms`);
  row.scanGroups = { ...scanGroups, perFile: scanGroups.median / summaries.length, longestBatch };

  if (count === Math.max(...sizes)) {
    // Each in a fresh process, so nothing measured before is still on the heap.
    const probe = (kind: MemoryKind) => {
      const child = spawnSync(process.execPath, ['--expose-gc', __filename, '--memory-probe', kind, dir, cacheDir], { encoding: 'utf8', maxBuffer: 1e6 });
      return Number(child.stdout.trim());
    };
    const memory = { summaries: probe('summaries'), models: probe('models'), records: probe('records'), decoded: probe('decoded'), table: probe('table') };
    console.log(
      `  memory (target ≤ 150 MB): the editor's index ${memory.summaries.toFixed(0)} MB (full models would take ${memory.models.toFixed(0)} MB); the CLI's index records parsed ${memory.records.toFixed(0)} MB, decoded from the cache ${memory.decoded.toFixed(0)} MB, the cache's table alone ${memory.table < 2 ? 'under 2 MB (within the noise of the probe)' : `${memory.table.toFixed(0)} MB`}`,
    );
    row.memoryMB = memory;
  }
  return row;
}

async function keystroke(): Promise<Record<string, unknown>> {
  const rng = random(5);
  const typical = meetingFile(rng, 1, 5000);
  let big = '';
  while (big.length < 1_000_000) big += meetingFile(rng, 2, 5000).replace(/^---[^]*?---\n/u, '');
  big = `${typical}\n${big}`;
  const lint = (text: string, parser: 'scanner' | 'remark' = 'scanner', memo?: ReadingMemo) =>
    lintMeeting(parseMeeting(text, { parser, memo }), { config: DEFAULT_CONFIG, today: TODAY, locale: 'en' });
  for (let i = 0; i < 50; i++) lint(typical); // warm the JIT, as a running editor is
  const small = await measure(200, () => lint(typical));
  const smallRemark = await measure(50, () => lint(typical, 'remark'));
  const large = await measure(smoke ? 2 : 10, () => lint(big));
  // Typing in the open document: one character at a time at random places, each version read
  // with the memo of the one before, as the editor reads an open document.
  const memo = new ReadingMemo();
  lint(big, 'scanner', memo);
  let typed = big;
  const typingRng = random(9);
  const largeTyping = await measure(smoke ? 2 : 20, () => {
    const at = Math.floor(typingRng() * typed.length);
    typed = `${typed.slice(0, at)}x${typed.slice(at)}`;
    return lint(typed, 'scanner', memo);
  });
  console.log(`\nlint on keystroke`);
  print(`typical meeting (${(typical.length / 1000).toFixed(1)} K chars)`, small.median, `(target ≤ 10 ms; remark-based: ${smallRemark.median.toFixed(1)} ms, ${(smallRemark.median / small.median).toFixed(1)}× slower)`);
  print(`large meeting (${(big.length / 1e6).toFixed(2)} M chars), first reading`, large.median);
  print('large meeting, typing (one character, then lint)', largeTyping.median, '(target ≤ 300 ms)');

  // The editor's initial scan yields every 15 ms; measure the longest the event loop waited.
  const dir = writeCorpus(Math.min(1000, Math.max(...sizes)));
  const files = walk(dir);
  let longest = 0;
  let last = performance.now();
  const monitor = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  let sliceStart = performance.now();
  for (const file of files) {
    parseMeeting(readFileSync(file, 'utf8'), { path: file });
    if (performance.now() - sliceStart > 15) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
  clearInterval(monitor);
  print('longest event-loop block while indexing', longest, '(target ≤ 50 ms)');
  return { typicalChars: typical.length, small, smallRemark, largeChars: big.length, large, largeTyping, longestBlockMs: longest };
}

function markdownlintComparison(count: number): Record<string, unknown> | null {
  const bin = join(ROOT, 'node_modules/.bin/markdownlint-cli2');
  if (!existsSync(bin)) {
    console.log('\n(markdownlint-cli2 not installed: skipping the side-by-side lint comparison)');
    return null;
  }
  const dir = writeCorpus(count);
  // Interleaved, so both tools see the same load on a shared machine.
  const ourTimes: number[] = [];
  const theirTimes: number[] = [];
  const time = (times: number[], command: string, args: string[]) => {
    const started = performance.now();
    spawnSync(command, args, { cwd: dir, stdio: 'ignore' });
    times.push(performance.now() - started);
  };
  for (let i = 0; i < Math.min(runs, 3); i++) {
    time(ourTimes, process.execPath, [join(ROOT, 'bin/meetings.cjs'), 'lint', '.', '--no-cache', '--format', 'json']);
    time(theirTimes, bin, ['**/*.md']);
  }
  const ours = median(ourTimes);
  const theirs = median(theirTimes);
  console.log(`\nmeetings lint vs markdownlint-cli2 (default rules), ${count} files`);
  print('markdownlint-cli2', theirs);
  print('meetings lint --no-cache', ours, `${(ours / theirs).toFixed(2)}× markdownlint (target ≤ 0.5×)`);
  return { files: count, markdownlintMs: theirs, meetingsMs: ours, ratio: ours / theirs };
}

type MemoryKind = 'summaries' | 'models' | 'records' | 'decoded' | 'table';

/** `--memory-probe <kind> <dir> <cacheDir>`: prints the MB (heap plus buffers) that one form of the index keeps. */
async function memoryProbe(kind: MemoryKind, dir: string, cacheDir: string): Promise<void> {
  const files = walk(dir);
  const used = async () => {
    // Twice, with a turn of the event loop between: freed buffers are released by finalisers.
    globalThis.gc!();
    await new Promise((resolve) => setTimeout(resolve, 10));
    globalThis.gc!();
    const usage = process.memoryUsage();
    return (usage.heapUsed + usage.arrayBuffers) / 1e6;
  };
  const before = await used();
  let kept: unknown;
  if (kind === 'summaries') {
    // What the editor's index keeps of each closed file.
    const index = new MeetingIndex();
    const strings = new StringPool();
    for (const file of files) index.set({ key: file, meeting: detachedSummary(parseMeeting(readFileSync(file, 'utf8'), { path: file }), strings), config: DEFAULT_CONFIG, version: null });
    kept = index;
  } else if (kind === 'models') {
    // Every file's full model, as if each were open.
    const models: Meeting[] = [];
    for (const file of files) models.push(parseMeeting(readFileSync(file, 'utf8'), { path: file }));
    kept = models;
  } else if (kind === 'records') {
    kept = (await buildIndex(files, dir, { cache: false, workers: 0, engine: 'bench' })).records;
  } else {
    const built = await buildIndex(files, dir, { cacheDir, engine: 'bench' });
    kept = kind === 'decoded' ? built.records : built.entries;
  }
  (globalThis as { kept?: unknown }).kept = kept; // reachable while measured: a local may be dead to the optimiser
  console.log((await used()) - before);
}

async function main(): Promise<void> {
  if (flag('--write-corpus')) {
    console.log(writeCorpus(Number(value('--write-corpus', '10000'))));
    return;
  }
  if (flag('--memory-probe')) {
    const at = argv.indexOf('--memory-probe');
    return memoryProbe(argv[at + 1] as MemoryKind, argv[at + 2]!, argv[at + 3]!);
  }
  const machine = { cpus: cpus().length, model: cpus()[0]?.model, parallelism: availableParallelism(), memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version };
  console.log(`Meetings as Code benchmark: ${machine.cpus} × ${machine.model}, ${machine.memoryGB} GB, Node ${machine.node}; medians of ${runs} runs`);
  results.machine = machine;
  results.sizes = [];
  for (const count of sizes) (results.sizes as unknown[]).push(await benchSize(count));
  results.keystroke = await keystroke();
  if (flag('--markdownlint')) results.markdownlint = markdownlintComparison(Number(value('--markdownlint-files', String(Math.max(...sizes)))));
  if (!smoke) {
    const out = join(ROOT, 'bench/results');
    mkdirSync(out, { recursive: true });
    const file = join(out, `${new Date().toISOString().slice(0, 10)}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nResults written to ${file}`);
  }
  void execFileSync;
}

void main();
